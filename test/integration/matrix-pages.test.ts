import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { catalogue } from '../../src/platform/i18n/i18n.ts';
import { addUser } from '../../src/features/accounts/commands.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
const c = {} as Record<'public' | 'expert' | 'expert2' | 'pocMli' | 'pocFra' | 'committee' | 'secretariat', Client>;

before(async () => {
  t = await testApp();
  const actor = { id: null, label: 'test' };
  await addUser(t.database.db, actor, {
    email: 'expert2@example.org',
    displayName: 'Second Expert',
    role: 'expert',
    password: 'a long enough password',
  });
  await addUser(t.database.db, actor, {
    email: 'poc.fra@example.org',
    displayName: 'POC France',
    role: 'state-contact',
    stateIso3: 'FRA',
    password: 'a long enough password',
  });
  for (const k of Object.keys({
    public: 0,
    expert: 0,
    expert2: 0,
    pocMli: 0,
    pocFra: 0,
    committee: 0,
    secretariat: 0,
  }) as (keyof typeof c)[])
    c[k] = new Client(t);
  await c.public.get('/en/');
  await c.expert.login('expert@demo.r1540.org');
  await c.expert2.login('expert2@example.org', 'a long enough password');
  await c.pocMli.login('poc.mli@demo.r1540.org');
  await c.pocFra.login('poc.fra@example.org', 'a long enough password');
  await c.committee.login('committee@demo.r1540.org');
  await c.secretariat.login('secretariat@demo.r1540.org');
});
after(() => t.close());

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]!) : undefined;
};

/** The fields of the page's section form, as a browser would send them. */
function formOf(html: string): Record<string, string> {
  const form = /<form method="post" action="[^"]*\/edit\?section=[^"]*"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  const fields: Record<string, string> = {};
  for (const tag of form.match(/<input[^>]*>/g) ?? []) {
    const name = attr(tag, 'name');
    if (name && name !== '_csrf') fields[name] = attr(tag, 'value') ?? '';
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)" selected=""/.exec(m[2]!) ?? /<option value="([^"]*)"/.exec(m[2]!);
    fields[decode(m[1]!)] = decode(selected?.[1] ?? '');
  }
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) fields[decode(m[1]!)] = decode(m[2]!);
  return fields;
}

async function page(client: Client, path: string, status = 200): Promise<string> {
  const res = await client.get(path);
  const html = await res.text();
  assert.equal(res.status, status, `${path}: ${res.status}\n${html.slice(0, 400)}`);
  return html;
}

const F = 'OP2.MANUFACTURE.N.LF';
const G = 'OP2.ACQUIRE.N.LF';
const edit = '/en/states/MLI/matrix/edit?section=OP2';

async function move(client: Client, number: number, to: string) {
  const res = await client.post('/en/states/MLI/matrix/transitions', { number: String(number), to });
  assert.equal(res.status, 303, `${to}: ${res.status}`);
}

test('a matrix through its pages: draft, edit, conflicts, review, publication, comparison', async () => {
  // Nothing exists yet: the public gets a plain 404; an expert a 404 that offers to start one.
  assert.doesNotMatch(await page(c.public, '/en/states/MLI/matrix', 404), /matrix\/drafts/);
  assert.match(await page(c.expert, '/en/states/MLI/matrix', 404), /action="\/en\/states\/MLI\/matrix\/drafts"/);
  assert.equal((await c.pocMli.post('/en/states/MLI/matrix/drafts', {})).status, 403);

  const started = await c.expert.post('/en/states/MLI/matrix/drafts', {});
  assert.equal(started.status, 303);
  assert.equal(started.headers.get('location'), '/en/states/MLI/matrix/edit');
  assert.equal((await c.expert.post('/en/states/MLI/matrix/drafts', {})).status, 409, 'one version in the works at a time');

  // The expert edits a section through the form.
  const form = formOf(await page(c.expert, edit));
  assert.equal(form[`expected.${F}`], '0');
  assert.equal(form[`${F}.value`], '');
  const saved = await c.expert.post(edit, {
    ...form,
    [`${F}.value`]: 'X',
    [`${F}.source.kind`]: 'law',
    [`${F}.source.citation`]: 'Loi n° 2016-08 <relative au terrorisme>',
    [`${F}.source.locator`]: 'art. 3',
    [`${F}.remarks`]: 'Penalties in art. 9',
  });
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get('location'), `${edit}&saved=1`);
  const after1 = await page(c.expert, `${edit}&saved=1`);
  assert.match(after1, /Your changes were saved/);
  assert.equal(formOf(after1)[`expected.${F}`], '1');
  const view = await page(c.expert, '/en/states/MLI/matrix');
  assert.match(view, /Loi n° 2016-08 &lt;relative au terrorisme&gt;/);
  assert.match(view, new RegExp(`<a href="#e-${F.replace(/\./g, '\\.')}">X</a>`));

  // An unchanged form saves nothing.
  const same = await c.expert.post(edit, formOf(after1));
  assert.equal(same.headers.get('location'), `${edit}&saved=0`);

  // A bad value: 422, the field named, the input kept.
  const bad = await c.expert.post(edit, { ...formOf(after1), [`${G}.value`]: 'X', [`${G}.source.url`]: 'ftp://nowhere' });
  assert.equal(bad.status, 422);
  const badHtml = await bad.text();
  assert.match(badHtml, new RegExp(`${G.replace(/\./g, '\\.')}\\.sources`));
  assert.match(badHtml, /aria-invalid="true"/);
  assert.equal(formOf(badHtml)[`${G}.value`], 'X', 'the input is kept');
  assert.equal(formOf(badHtml)[`${G}.source.url`], 'ftp://nowhere');

  // Two experts on one form: the stale save is refused and shows the other value, keeping the input.
  const mine = formOf(await page(c.expert, edit));
  const theirs = formOf(await page(c.expert2, edit));
  assert.equal((await c.expert2.post(edit, { ...theirs, [`${F}.value`]: '?' })).status, 303);
  const stale = await c.expert.post(edit, { ...mine, [`${F}.value`]: 'NA', [`${F}.remarks`]: 'No such activity' });
  assert.equal(stale.status, 409);
  const staleHtml = await stale.text();
  assert.match(staleHtml, /Saved meanwhile by someone else: <span class="v v-q">\?<\/span>/);
  assert.match(staleHtml, /Second Expert/);
  const kept = formOf(staleHtml);
  assert.equal(kept[`${F}.value`], 'NA');
  assert.equal(kept[`${F}.remarks`], 'No such activity');
  assert.equal(kept[`expected.${F}`], '2', 'now carries the version saved meanwhile');
  assert.equal((await c.expert.post(edit, kept)).status, 303, 'saving again replaces it knowingly');
  assert.equal(formOf(await page(c.expert, edit))[`${F}.value`], 'NA');

  // Who sees the draft.
  assert.match(await page(c.pocMli, '/en/states/MLI/matrix'), /Draft \(Group of Experts\)/);
  await page(c.pocFra, '/en/states/MLI/matrix', 404);
  await page(c.public, '/en/states/MLI/matrix', 404);
  await page(c.public, '/en/states/MLI/matrix/versions', 404);
  await page(c.pocMli, edit, 403);
  await page(c.public, edit, 401);

  // The workflow, each step by the one who may take it; each sees only their own buttons.
  const expertView = await page(c.expert, '/en/states/MLI/matrix');
  assert.match(expertView, /name="to" value="sent"/);
  assert.doesNotMatch(await page(c.committee, '/en/states/MLI/matrix'), /name="to"/);
  assert.equal((await c.pocFra.post('/en/states/MLI/matrix/transitions', { number: '1', to: 'sent' })).status, 404);
  await move(c.expert, 1, 'sent');
  assert.match(await page(c.pocMli, '/en/states/MLI/matrix'), /name="to" value="commented"/);
  await move(c.pocMli, 1, 'commented');
  await move(c.expert, 1, 'agreed');
  assert.equal((await c.expert.post('/en/states/MLI/matrix/transitions', { number: '1', to: 'approved' })).status, 403);
  await move(c.committee, 1, 'approved');
  await move(c.secretariat, 1, 'published');

  // The public reads it in Chinese and in Arabic, with the legend and the disclaimer.
  for (const lang of ['zh', 'ar'] as const) {
    const html = await page(c.public, `/${lang}/states/MLI/matrix`);
    const cat = catalogue(lang);
    assert.match(html, new RegExp(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`));
    for (const key of [
      'matrix.disclaimer',
      'matrix.legendTitle',
      'matrix.legend.X',
      'matrix.legend.?',
      'matrix.legend.NA',
      'matrix.legend.blank',
      'matrix.status.published',
    ] as const)
      assert.ok(html.includes(cat[key]!), `${lang}: ${key}`);
    assert.match(html, /No such activity/);
    assert.doesNotMatch(html, /name="to"/);
  }

  // A new draft starts from the published version; the comparison shows the change.
  assert.equal((await c.expert.post('/en/states/MLI/matrix/drafts', {})).status, 303);
  const v2 = formOf(await page(c.expert, edit));
  assert.equal(v2[`${F}.value`], 'NA', 'copied from the approved version');
  assert.equal((await c.expert.post(edit, { ...v2, [`${F}.value`]: 'X', [`${F}.source.citation`]: 'Code pénal' })).status, 303);
  const versions = await page(c.expert, '/en/states/MLI/matrix/versions');
  assert.match(versions, /href="\/en\/states\/MLI\/matrix\/diff\?from=1&amp;to=2"/);
  const diff = await page(c.expert, '/en/states/MLI/matrix/diff?from=1&to=2');
  assert.match(diff, new RegExp(F.replace(/\./g, '\\.')));
  assert.match(diff, /<del><span class="v v-na">NA<\/span><\/del>/);
  assert.match(diff, /<ins><span class="v v-x">X<\/span><\/ins>/);
  assert.match(diff, /Code pénal/);
  assert.match(diff, /value, sources/);
  await page(c.public, '/en/states/MLI/matrix/diff?from=1&to=2', 404);
  await page(c.expert, '/en/states/MLI/matrix/diff?from=1', 400);
  // The public still sees version 1, never the new draft.
  assert.match(await page(c.public, '/en/states/MLI/matrix'), /Published/);
  assert.doesNotMatch(await page(c.public, '/en/states/MLI/matrix/versions'), /Draft/);
});
