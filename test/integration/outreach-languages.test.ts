// The outreach events in six languages (issue 14): an event's title, description and city
// translated through the form and the API, read in each language by the pages, the feeds, the
// search and the annual review's annex; a language without a translation shows the English, marked.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ICAL from 'ical.js';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { refreshSearchIndex } from '../../src/features/search/indexer.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';
import { rowCount } from '../support/database.ts';

let t: TestApp;
let token: string;
const bearer = () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
before(async () => {
  t = await testApp({}, { demo: true });
  const expert = await t.database.db
    .selectFrom('app_user')
    .select('id')
    .where('email', '=', 'expert@demo.r1540.org')
    .executeTakeFirstOrThrow();
  token = (await createApiToken(t.database.db, systemActor, expert.id, 'languages-test')).token;
});
after(() => t.close());

const page = async (path: string) => {
  const res = await t.request(path);
  assert.equal(res.status, 200, path);
  return res.text();
};
const malisWorkshop = async () =>
  (
    await t.database.db
      .selectFrom('outreach_event')
      .select('id')
      .where('title', '=', 'Workshop to support Mali in drafting its first national report')
      .executeTakeFirstOrThrow()
  ).id;

test('the demonstration annex reads in Chinese as the seed writes it; in French, the English marked as such', async () => {
  const id = await malisWorkshop();
  const zh = await page(`/zh/events/${id}`);
  assert.match(zh, /<h1[^>]*>支持马里起草初次国家报告的讲习班<\/h1>/);
  assert.match(zh, /巴马科/);
  assert.doesNotMatch(zh, /尚无中文译文/);
  const fr = await page(`/fr/events/${id}`);
  assert.match(fr, /Workshop to support Mali in drafting its first national report/);
  assert.match(fr, /pas encore traduit en Français/);
  // The list: the Chinese title in Chinese; in Arabic, the English title marked lang="en".
  assert.match(await page('/zh/events?view=list&from=2018-10-01&to=2018-10-31'), />支持马里起草初次国家报告的讲习班</);
  assert.match(
    await page('/ar/events?view=list&from=2018-10-01&to=2018-10-31'),
    /<a href="\/ar\/events\/[^"]+" lang="en">Workshop to support Mali/,
  );
});

test('the API writes and reads the translations; a language that is not one of the five, or a description without its title, is a 422 naming the field, and nothing is written', async () => {
  const count = () => rowCount(t.database.db, 'outreach_event');
  const before = await count();
  const post = (body: object) => t.request('/api/v1/events', { method: 'POST', headers: bearer(), body: JSON.stringify(body) });
  const base = { title: 'Languages seminar', group: 'regional', startsOn: '2018-05-15', city: 'Geneva', stateIso3: 'CHE' };
  for (const [translations, field] of [
    [{ de: { title: 'Sprachseminar' } }, 'translations'],
    [{ fr: { description: 'Un séminaire' } }, 'translations.fr.title'],
  ] as const) {
    const res = await post({ ...base, translations });
    assert.equal(res.status, 422);
    const errors = ((await res.json()) as { errors: { field: string; problem: string }[] }).errors;
    assert.ok(
      errors.some(
        (e) => e.field === field || (field === 'translations' && e.field.startsWith('translations') && /de/.test(e.problem + e.field)),
      ),
      JSON.stringify(errors),
    );
  }
  assert.equal(await count(), before, 'nothing written');
  const created = await post({
    ...base,
    translations: {
      zh: { title: '语文研讨会', city: '日内瓦' },
      fr: { title: 'Séminaire des langues', description: 'Un séminaire à Genève.', city: 'Genève' },
      ru: { title: '', description: '', city: '' },
    },
  });
  assert.equal(created.status, 201);
  const e = (await created.json()) as { id: string; rowVersion: number; translations: Record<string, { title: string }> };
  assert.deepEqual(Object.keys(e.translations).sort(), ['fr', 'zh'], 'an empty language is no translation');
  assert.equal(e.translations.zh!.title, '语文研讨会');
  const read = (await (await t.request(`/api/v1/events/${e.id}`, { headers: bearer() })).json()) as typeof e;
  assert.deepEqual(read.translations, e.translations);
  // The feeds in the reader's language; the search finds the Chinese title.
  const summary = async (lang: string) =>
    new ICAL.Event(
      new ICAL.Component(ICAL.parse(await (await t.request(`/api/v1/events/${e.id}.ics?lang=${lang}`)).text())).getFirstSubcomponent(
        'vevent',
      )!,
    );
  assert.equal((await summary('zh')).summary, '语文研讨会');
  assert.equal((await summary('fr')).location?.startsWith('Genève'), true);
  assert.equal((await summary('es')).summary, 'Languages seminar');
  await refreshSearchIndex(t.database.db);
  assert.match(await page(`/zh/search?q=${encodeURIComponent('语文研讨会')}`), new RegExp(`/zh/events/${e.id}`));
  // A change through the API replaces the translations whole.
  const changed = await t.request(`/api/v1/events/${e.id}`, {
    method: 'PUT',
    headers: bearer(),
    body: JSON.stringify({ rowVersion: e.rowVersion, translations: { zh: { title: '语文研讨会（修订）' } } }),
  });
  assert.equal(changed.status, 200);
  assert.deepEqual(Object.keys(((await changed.json()) as typeof e).translations), ['zh']);
});

test('the form: the translations are kept, a refused one comes back as sent with its field named, and the history shows the change', async () => {
  const expert = new Client(t);
  await expert.login('expert@demo.r1540.org');
  const form = await expert.fetch('/en/events/new');
  const html = await form.text();
  for (const l of ['ar', 'es', 'fr', 'ru', 'zh']) assert.match(html, new RegExp(`name="translations\\.${l}\\.title"[^>]*lang="${l}"`));
  const fields = {
    title: 'Form languages event',
    group: 'other',
    status: 'held',
    startsOn: '2018-04-04',
    confidentiality: 'public',
    listed: 'on',
  };
  const refused = await expert.post('/en/events/new', { ...fields, 'translations.ru.description': 'Описание без названия' });
  assert.equal(refused.status, 422);
  const again = await refused.text();
  assert.match(again, /translations\.ru\.title/);
  assert.match(again, /Описание без названия/, 'the form comes back as it was sent');
  const saved = await expert.post('/en/events/new', {
    ...fields,
    'translations.ar.title': 'فعالية اللغات',
    'translations.ar.city': 'جنيف',
  });
  assert.equal(saved.status, 303);
  const path = new URL(saved.headers.get('location')!, 'http://localhost').pathname.replace(/^\/en/, '');
  const ar = await (await expert.fetch(`/ar${path}`)).text();
  assert.match(ar, /<h1[^>]*>فعالية اللغات<\/h1>/);
  const edit = await (await expert.fetch(`/en${path}/edit`)).text();
  assert.match(edit, /name="translations\.ar\.title"[^>]*value="فعالية اللغات"/);
  // A change of a translation is in the history, with who made it.
  const version = /name="version" value="(\d+)"/.exec(edit)![1]!;
  const changed = await expert.post(`/en${path}/edit`, {
    ...fields,
    version,
    'translations.ar.title': 'فعالية اللغات المعدلة',
    'translations.ar.city': 'جنيف',
  });
  assert.equal(changed.status, 303);
  const history = await (await expert.fetch(`/en${path}/history`)).text();
  assert.match(history, /فعالية اللغات المعدلة/);
  assert.match(history, /Demo Expert/);
});

test('a cooperation record’s description in the other languages: the form and the API write it, the pages and the search read it; the English marked where it is missing', async () => {
  const expert = new Client(t);
  await expert.login('expert@demo.r1540.org');
  const form = await (await expert.fetch('/en/cooperation/new')).text();
  for (const l of ['ar', 'es', 'fr', 'ru', 'zh'])
    assert.match(form, new RegExp(`name="translations\\.${l}\\.description"[^>]*lang="${l}"`));
  const saved = await expert.post('/en/cooperation/new', {
    organizationCode: 'OPCW',
    activity: 'training',
    startsOn: '2018-03-03',
    description: 'Cooperation languages course',
    'translations.zh.description': '合作语文培训班',
    confidentiality: 'public',
  });
  assert.equal(saved.status, 303);
  const path = new URL(saved.headers.get('location')!, 'http://localhost').pathname.replace(/^\/en/, '');
  const zh = await page(`/zh${path}`);
  assert.match(zh, /合作语文培训班/);
  assert.doesNotMatch(zh, /尚无中文译文/);
  const fr = await page(`/fr${path}`);
  assert.match(fr, /<span lang="en">Cooperation languages course<\/span>/);
  assert.match(fr, /Pas encore traduit en Français/);
  const id = path.split('/').pop()!;
  const api = (await (await t.request(`/api/v1/cooperation/${id}`, { headers: bearer() })).json()) as {
    rowVersion: number;
    translations: Record<string, { description: string }>;
  };
  assert.deepEqual(api.translations, { zh: { description: '合作语文培训班' } });
  const bad = await t.request(`/api/v1/cooperation/${id}`, {
    method: 'PUT',
    headers: bearer(),
    body: JSON.stringify({ rowVersion: api.rowVersion, translations: { xx: { description: 'no' } } }),
  });
  assert.equal(bad.status, 422);
  assert.ok(((await bad.json()) as { errors: { field: string }[] }).errors.some((e) => e.field.startsWith('translations')));
  await refreshSearchIndex(t.database.db);
  assert.match(await page(`/zh/search?q=${encodeURIComponent('合作语文培训班')}`), new RegExp(`/zh/cooperation/${id}`));
});
