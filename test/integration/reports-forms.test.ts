import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { findActiveViewer } from '../../src/features/accounts/queries.ts';
import { actorOf } from '../../src/platform/audit/record.ts';
import { uploadDocument } from '../../src/features/documents/documents.ts';
import { seedDemoReports } from '../../src/features/reports/demo.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

// The pages of one report or plan, as a browser uses them: new, detail, edit, archive, restore.
let t: TestApp;
let filesDir: string;
let expert: Client;
let secretariat: Client;
let poc: Client;
let pub: Client;

before(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'r1540-report-files-'));
  t = await testApp({ filesDir });
  await seedDemoReports(t.database.db);
  expert = new Client(t);
  await expert.login('expert@demo.r1540.org');
  secretariat = new Client(t);
  await secretariat.login('secretariat@demo.r1540.org');
  poc = new Client(t);
  await poc.login('poc.mli@demo.r1540.org');
  pub = new Client(t);
  await pub.get('/en/');
});
after(async () => {
  await t.close();
  rmSync(filesDir, { recursive: true, force: true });
});

const reportForm = (over: Record<string, string | string[]> = {}) => ({
  kind: 'additional-information',
  receivedOn: '2019-03-01',
  symbol: 'S/AC.44/2019/7',
  languages: ['en', 'fr'],
  summary: 'Nepal’s update on its export controls.',
  paragraphs: ['OP3a', 'OP2'],
  weaponTypes: ['nuclear', 'chemical'],
  confidentiality: 'public',
  ...over,
});

const idFrom = (res: Response, kind: 'reports' | 'action-plans') => {
  const location = res.headers.get('location') ?? '';
  const m = new RegExp(`^/en/${kind}/([0-9a-f-]{36})$`).exec(location);
  assert.ok(m, `redirected to ${location}`);
  return m[1]!;
};
const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1];
const count = async (table: 'national_report' | 'action_plan', state: string) =>
  (await t.database.db.selectFrom(table).select('id').where('state_iso3', '=', state).execute()).length;

describe('reports through the forms', () => {
  let reportId = '';

  test('the State’s page offers the forms only to those who may record', async () => {
    const mine = await (await expert.get('/en/states/NPL/reports')).text();
    assert.match(mine, /href="\/en\/states\/NPL\/reports\/new"/);
    assert.match(mine, /href="\/en\/states\/NPL\/action-plans\/new"/);
    for (const c of [pub, poc]) assert.doesNotMatch(await (await c.get('/en/states/NPL/reports')).text(), /reports\/new|action-plans\/new/);
  });

  test('an expert records a submission; its page shows what it covers and offers an upload', async () => {
    const form = await expert.get('/en/states/NPL/reports/new');
    assert.equal(form.status, 200);
    assert.match(await form.text(), /name="_csrf"/);
    const res = await expert.post('/en/states/NPL/reports/new', reportForm());
    assert.equal(res.status, 303);
    reportId = idFrom(res, 'reports');
    const page = await (await pub.get(`/en/reports/${reportId}`)).text();
    assert.match(page, /S\/AC\.44\/2019\/7/);
    assert.match(page, /English, Français/);
    assert.match(page, /OP2, OP3a/, 'paragraphs once each, in their order');
    assert.match(page, /Nuclear, Chemical/);
    assert.match(page, /Nepal’s update/);
    assert.doesNotMatch(page, /Upload a document|reports\/[0-9a-f-]+\/edit|\/archive"/, 'the public gets no buttons');
    const expertPage = await (await expert.get(`/en/reports/${reportId}`)).text();
    assert.match(expertPage, new RegExp(`href="/en/documents/new\\?link=report:${reportId}"`));
    assert.match(expertPage, new RegExp(`href="/en/reports/${reportId}/edit"`));
    assert.match(expertPage, new RegExp(`action="/en/reports/${reportId}/archive"`));
    const upload = await (await expert.get(`/en/documents/new?link=report:${reportId}`)).text();
    assert.match(upload, new RegExp(`name="links" maxlength="4000" value="report:${reportId}"`), 'the upload form comes prefilled');
    const bogus = await (await expert.get('/en/documents/new?link=%22%3E%3Cscript%3E')).text();
    assert.match(bogus, /name="links" maxlength="4000" value=""/, 'anything but type:id is not prefilled');
    const event = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_id', '=', reportId)
      .executeTakeFirstOrThrow();
    assert.equal(event.action, 'create');
  });

  test('refused input is shown again with 422 (409 for a value another record holds), naming the field, keeping what was typed', async () => {
    const before = await count('national_report', 'NPL');
    const cases: [Record<string, string | string[]>, string, RegExp, number?][] = [
      [{ receivedOn: '2999-01-01', symbol: 'S/AC.44/2999/1' }, 'receivedOn', /in the future/],
      [{ receivedOn: '2003-01-01', symbol: 'S/AC.44/2003/1' }, 'receivedOn', /before resolution 1540/],
      [{ paragraphs: ['OP2', 'OP9'], symbol: 'S/AC.44/2019/8' }, 'paragraphs', /has OP9/],
      [{ weaponTypes: ['laser'], symbol: 'S/AC.44/2019/8' }, 'weaponTypes', /has laser/],
      [{ kind: 'first-report', symbol: 'S/AC.44/2019/8' }, 'kind', /has a first report already/, 409],
      [{ symbol: 'S/AC.44/2019/7' }, 'symbol', /already the symbol of NPL’s report of 2019-03-01/, 409],
      [{ receivedOn: '2004-05-01', symbol: 'S/AC.44/2019/8' }, 'receivedOn', /before NPL’s first report/],
    ];
    for (const [over, field, problem, status = 422] of cases) {
      const res = await expert.post('/en/states/NPL/reports/new', reportForm(over));
      assert.equal(res.status, status, field);
      const html = await res.text();
      assert.match(html, new RegExp(`<code>${field}</code>: [^<]*${problem.source}`), field);
      assert.match(html, new RegExp(`value="${String(over.symbol).replaceAll('/', '\\/')}"`), `${field}: the symbol typed is kept`);
    }
    const html = await (await expert.post('/en/states/NPL/reports/new', reportForm({ receivedOn: '2999-01-01' }))).text();
    assert.match(html, /id="receivedOn" name="receivedOn" type="date" value="2999-01-01" required="" aria-invalid="true"/);
    assert.equal(await count('national_report', 'NPL'), before, 'nothing stored');
  });

  test('an edit on a stale version is refused with 409; the form then holds the version saved meanwhile', async () => {
    const form = await (await expert.get(`/en/reports/${reportId}/edit`)).text();
    const version = versionIn(form)!;
    assert.match(form, /value="S\/AC\.44\/2019\/7"/);
    const saved = await secretariat.post(`/en/reports/${reportId}/edit`, reportForm({ version, summary: 'Corrected by the secretariat.' }));
    assert.equal(saved.status, 303);
    const stale = await expert.post(`/en/reports/${reportId}/edit`, reportForm({ version, summary: 'The expert’s version.' }));
    assert.equal(stale.status, 409);
    const html = await stale.text();
    assert.match(html, /<code>version<\/code>: this report was changed by someone else/);
    assert.match(html, /The expert’s version\./, 'what was typed is kept');
    assert.equal(versionIn(html), String(Number(version) + 1));
    const bad = await expert.post(`/en/reports/${reportId}/edit`, reportForm({ version: versionIn(html)!, receivedOn: '2019-02-30' }));
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /<code>receivedOn<\/code>: must be a date/);
    const page = await (await pub.get(`/en/reports/${reportId}`)).text();
    assert.match(page, /Corrected by the secretariat\./);
  });

  test('archive and restore, each with the version shown', async () => {
    const page = await (await expert.get(`/en/reports/${reportId}`)).text();
    const version = versionIn(page)!;
    assert.equal(
      (await expert.post(`/en/reports/${reportId}/archive`, { confirm: 'yes', version: String(Number(version) - 1) })).status,
      409,
    );
    assert.equal((await expert.post(`/en/reports/${reportId}/archive`, { confirm: 'yes', version })).status, 303);
    const archived = await (await expert.get(`/en/reports/${reportId}`)).text();
    assert.match(archived, /Archived on/);
    assert.match(archived, new RegExp(`action="/en/reports/${reportId}/restore"`));
    assert.doesNotMatch(archived, /\/edit"/, 'an archived report is not edited');
    assert.doesNotMatch(await (await pub.get('/en/reports?from=2019-03-01&to=2019-03-01')).text(), new RegExp(reportId));
    assert.equal((await expert.post(`/en/reports/${reportId}/restore`, { version: versionIn(archived)! })).status, 303);
    assert.match(await (await pub.get('/en/reports?from=2019-03-01&to=2019-03-01')).text(), new RegExp(`/en/reports/${reportId}`));
    const events = await t.database.db.selectFrom('audit_event').select('action').where('record_id', '=', reportId).orderBy('id').execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['create', 'update', 'archive', 'restore'],
    );
  });

  test('a point of contact and the public may not record, change or archive', async () => {
    const before = await count('national_report', 'MLI');
    const version = versionIn(await (await expert.get(`/en/reports/${reportId}`)).text())!;
    for (const [c, status] of [
      [poc, 403],
      [pub, 401],
    ] as const) {
      assert.equal((await c.get('/en/states/MLI/reports/new')).status, status);
      assert.equal((await c.post('/en/states/MLI/reports/new', reportForm({ symbol: '' }))).status, status);
      assert.equal((await c.get(`/en/reports/${reportId}/edit`)).status, status);
      assert.equal((await c.post(`/en/reports/${reportId}/edit`, reportForm({ version, summary: 'Hijacked' }))).status, status);
      assert.equal((await c.post(`/en/reports/${reportId}/archive`, { version })).status, status);
    }
    assert.equal(await count('national_report', 'MLI'), before);
    assert.doesNotMatch(await (await pub.get(`/en/reports/${reportId}`)).text(), /Hijacked|Archived on/);
    assert.equal((await pub.post('/en/states/MLI/reports/new', reportForm(), { csrf: false })).status, 403, 'no CSRF token');
  });

  test('its documents: only those the reader may see', async () => {
    const db = t.database.db;
    const viewer = (await findActiveViewer(db, 'expert@demo.r1540.org'))!;
    const upload = (title: string, confidentiality: string, links: string[]) =>
      uploadDocument(db, t.app.config, actorOf(viewer), viewer, {
        title,
        language: 'en',
        kind: 'additional-information',
        state: 'NPL',
        confidentiality,
        links,
        file: { name: `${title}.txt`, bytes: Buffer.from(`${title}: text of the submission`) },
      });
    const open = await upload('Open annex', 'public', [`report:${reportId}`]);
    await upload('Restricted annex', 'committee', [`report:${reportId}`]);
    await upload('Unrelated note', 'public', ['member-state:NPL']);
    const seen = await (await pub.get(`/en/reports/${reportId}`)).text();
    assert.match(seen, new RegExp(`href="/en/documents/${open.id}"`));
    assert.doesNotMatch(seen, /Restricted annex|Unrelated note/);
    assert.doesNotMatch(await (await poc.get(`/en/reports/${reportId}`)).text(), /Restricted annex/, 'another State’s point of contact');
    const all = await (await expert.get(`/en/reports/${reportId}`)).text();
    assert.match(all, /Open annex/);
    assert.match(all, /Restricted annex/);
    assert.doesNotMatch(all, /Unrelated note/);
  });

  test('a restricted report is not even said to exist to those who may not see it', async () => {
    const res = await expert.post(
      '/en/states/NPL/reports/new',
      reportForm({ symbol: 'S/AC.44/2019/SECRET', receivedOn: '2019-04-01', confidentiality: 'committee' }),
    );
    assert.equal(res.status, 303);
    const id = idFrom(res, 'reports');
    for (const c of [pub, poc]) {
      assert.equal((await c.get(`/en/reports/${id}`)).status, 404);
      assert.equal((await c.post(`/en/reports/${id}/archive`, { version: '1' })).status, 404);
    }
    assert.equal((await expert.get(`/zh/reports/${id}`)).status, 200);
    assert.equal((await pub.get('/en/reports/not-an-id')).status, 404);
    assert.equal((await pub.get('/en/reports/00000000-0000-4000-8000-000000000000')).status, 404);
  });
});

describe('action plans through the forms', () => {
  const planForm = (over: Record<string, string> = {}) => ({
    number: '1',
    status: 'drafting-with-experts',
    startedOn: '2019-02-01',
    submittedOn: '',
    publishedOn: '',
    confidentiality: 'public',
    ...over,
  });
  let planId = '';

  test('the secretariat records a plan; a plan numbered twice and dates out of order are refused by field', async () => {
    const res = await secretariat.post('/en/states/NPL/action-plans/new', planForm());
    assert.equal(res.status, 303);
    planId = idFrom(res, 'action-plans');
    const page = await (await pub.get(`/fr/action-plans/${planId}`)).text();
    assert.match(page, /Népal : plan d’action nº 1/);
    assert.match(page, /En cours d’élaboration avec les experts|avec les experts/);
    const before = await count('action_plan', 'NPL');
    const cases: [Record<string, string>, string, RegExp, number?][] = [
      [{}, 'number', /NPL has a plan numbered 1 already/, 409],
      [{ number: '0' }, 'number', /whole number from 1 to 99/],
      [{ number: 'two' }, 'number', /whole number/],
      [{ number: '2', status: 'submitted' }, 'submittedOn', /is required/],
      [{ number: '2', submittedOn: '2019-03-01' }, 'submittedOn', /empty while the plan is being drafted/],
      [{ number: '2', status: 'submitted', submittedOn: '2019-01-01' }, 'submittedOn', /before the start of the drafting/],
      [{ number: '2', startedOn: '2999-01-01' }, 'startedOn', /in the future/],
      [{ number: '2', status: 'published', submittedOn: '2019-03-01', publishedOn: '2019-02-01' }, 'publishedOn', /before the submission/],
    ];
    for (const [over, field, problem, status = 422] of cases) {
      const r = await secretariat.post('/en/states/NPL/action-plans/new', planForm(over));
      assert.equal(r.status, status, `${field} ${JSON.stringify(over)}`);
      assert.match(await r.text(), new RegExp(`<code>${field}</code>: [^<]*${problem.source}`), JSON.stringify(over));
    }
    assert.equal(await count('action_plan', 'NPL'), before);
  });

  test('edit with a stale version, archive (which frees the number), restore refused while the number is taken', async () => {
    const version = versionIn(await (await expert.get(`/en/action-plans/${planId}/edit`)).text())!;
    const moved = await expert.post(
      `/en/action-plans/${planId}/edit`,
      planForm({ version, status: 'submitted', submittedOn: '2019-05-02' }),
    );
    assert.equal(moved.status, 303);
    const stale = await expert.post(`/en/action-plans/${planId}/edit`, planForm({ version }));
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /<code>version<\/code>: this plan was changed by someone else/);
    const shown = await (await expert.get(`/en/action-plans/${planId}`)).text();
    assert.match(shown, /Submitted/);
    assert.match(shown, new RegExp(`href="/en/documents/new\\?link=action-plan:${planId}"`));
    assert.equal((await poc.post(`/en/action-plans/${planId}/archive`, { version: versionIn(shown)! })).status, 403);
    assert.equal((await expert.post(`/en/action-plans/${planId}/archive`, { confirm: 'yes', version: versionIn(shown)! })).status, 303);
    const again = await expert.post('/en/states/NPL/action-plans/new', planForm());
    assert.equal(again.status, 303, 'the number of an archived plan is free');
    const archived = await (await expert.get(`/en/action-plans/${planId}`)).text();
    const refused = await expert.post(`/en/action-plans/${planId}/restore`, { version: versionIn(archived)! });
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /<code>number<\/code>: NPL has another plan numbered 1 now/);
    assert.equal((await pub.get(`/en/action-plans/${planId}/edit`)).status, 401);
  });

  test('plans per year and the plans, as CSV', async () => {
    const perYear = await pub.get('/en/action-plans?asOf=2018-12-31&format=csv');
    assert.match(perYear.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = (await perYear.text()).trim().split('\r\n');
    assert.equal(lines[0], 'Year,Plans', 'the byte-order mark is read away by the decoder');
    assert.equal(lines.length, 1 + 12, '2007 to 2018');
    assert.equal(lines.at(-1), '2018,3');
    assert.equal(
      lines.slice(1).reduce((n, l) => n + Number(l.split(',')[1]), 0),
      32,
    );
    const plans = (await (await pub.get('/en/action-plans?format=csv&table=plans')).text()).trim().split('\r\n');
    assert.match(plans[0]!, /State,ISO3,Plan,Status/);
    assert.ok(plans.some((l) => /,SRB,2,Submitted,,2018-06-12,/.test(l)));
    const page = await (await pub.get('/en/action-plans?asOf=2018-12-31')).text();
    assert.match(page, /format=csv/);
    assert.match(page, /table=plans/);
  });
});
