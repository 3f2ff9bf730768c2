// On PostgreSQL in CI (and on PGlite with the README's `npm test`): the confirmation step is in the pages and the write paths, the same on both engines.
/**
 * Issue 13, item 14: no destructive button acts without a confirmation step. Each destructive form
 * (archive, revoke, close, withdraw) posted without `confirm=yes` changes nothing and answers a
 * confirmation page that names the record; its Confirm form, posted as a browser would, acts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { seedDemoAssistance } from '../../src/features/assistance/demo.ts';
import { seedDemoCorrespondence } from '../../src/features/correspondence/demo.ts';
import { seedDemoEngagement } from '../../src/features/engagement/demo.ts';
import { propose } from '../../src/features/matrix/proposals/proposals.ts';
import { createCycle } from '../../src/features/matrix/reviews/review-data.ts';
import { moveMatrix, startDraft } from '../../src/features/matrix/versions/commands.ts';
import { seedDemoReports } from '../../src/features/reports/demo.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { todayIso } from '../../src/platform/values/dates.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
const web: Record<string, Client> = {};
const who: Record<string, Viewer> = {};

before(async () => {
  t = await testApp();
  const db = t.database.db;
  await seedDemoReports(db);
  await seedDemoCorrespondence(db);
  await seedDemoAssistance(db);
  await seedDemoEngagement(db);
  for (const u of await db.selectFrom('app_user').selectAll().execute()) who[u.email.split('@')[0]!] = viewerOf(u);
  for (const name of ['admin', 'expert', 'poc.mli', 'provider']) {
    web[name] = new Client(t);
    await web[name].login(`${name}@demo.r1540.org`);
  }
});
after(() => t.close());

const hidden = (html: string) =>
  Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)].map((x) => [x[1]!, x[2]!]));

/** The language switcher's links: [language, href], by language. */
const languageLinks = (html: string) =>
  [...html.matchAll(/<a href="([^"]+)" lang="([a-z]{2})" hreflang="\2">/g)].map((x) => [x[2]!, x[1]!.replaceAll('&amp;', '&')]).sort();

/**
 * Posts `body` to `path` without confirmation: a 200 page that names `name`, nothing changed; then
 * the page's own form (its hidden fields, `confirm=yes` among them) to where it posts: done.
 */
async function confirmsFirst(client: Client, path: string, body: Record<string, string>, name: string, done: () => Promise<boolean>) {
  assert.equal(await done(), false, `${path}: not done before`);
  const ask = await client.post(path, body);
  assert.equal(ask.status, 200, `${path}: the confirmation page`);
  const html = await ask.text();
  const form = html.match(/<form method="post" action="([^"]+)" class="[^"]*confirmation[^"]*">([\s\S]*?)<\/form>/);
  assert.ok(form, `${path}: a confirmation form`);
  assert.equal(form[1], path, 'it posts back to the same action');
  assert.ok(html.includes(name), `${path}: the page names ${name}`);
  assert.match(html, /Nothing has been changed yet/);
  // The page's address is the POST's (a GET there is a 404): each language link leads to the record's page, as Cancel does.
  const cancel = form[2]!.match(/<a href="([^"#]+)[^"]*">Cancel<\/a>/)![1]!;
  assert.deepEqual(
    languageLinks(html),
    ['ar', 'zh', 'fr', 'ru', 'es'].map((l) => [l, cancel.replace(/^\/en\//, `/${l}/`)]).sort(),
    `${path}: the language links lead to the record's page`,
  );
  assert.equal(await done(), false, `${path}: nothing done without confirmation`);
  const fields = hidden(form[2]!);
  assert.equal(fields.confirm, 'yes');
  for (const [k, v] of Object.entries(body)) assert.equal(fields[k], v, `${path}: keeps ${k}`);
  delete fields._csrf;
  const confirmed = await client.post(path, fields);
  assert.equal(confirmed.status, 303, `${path}: confirmed`);
  assert.equal(await done(), true, `${path}: done once confirmed`);
}

test('archiving a State, an organization, a letter, an offer, a visit, a course, a report and a plan asks first', async () => {
  const db = t.database.db;
  const stateArchived = async () =>
    (await db.selectFrom('member_state').select('archived_at').where('iso3', '=', 'TUV').executeTakeFirstOrThrow()).archived_at !== null;
  const organizationArchived = async () =>
    (await db.selectFrom('organization').select('archived_at').where('code', '=', 'OPCW').executeTakeFirstOrThrow()).archived_at !== null;
  await confirmsFirst(web.admin!, '/en/states/TUV/archive', {}, 'Tuvalu', stateArchived);
  await confirmsFirst(
    web.admin!,
    '/en/organizations/OPCW/archive',
    {},
    'Organisation for the Prohibition of Chemical Weapons',
    organizationArchived,
  );

  for (const table of ['letter', 'assistance_offer', 'visit', 'course', 'national_report', 'action_plan'] as const) {
    const row = await db
      .selectFrom(table)
      .select(['id', 'row_version'])
      .where('archived_at', 'is', null)
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const done = async () =>
      (await db.selectFrom(table).select('archived_at').where('id', '=', row.id).executeTakeFirstOrThrow()).archived_at !== null;
    const page = {
      letter: 'letters',
      assistance_offer: 'assistance/offers',
      visit: 'visits',
      course: 'courses',
      national_report: 'reports',
      action_plan: 'action-plans',
    }[table];
    // The record's own page has the archive button, and its title is what the confirmation names.
    const shown = await (await web.expert!.get(`/en/${page}/${row.id}`)).text();
    assert.match(shown, new RegExp(`action="/en/${page}/${row.id}/archive"`), `${table}: an archive button`);
    const title = shown.match(/<h1>([^<]+)<\/h1>/)![1]!;
    await confirmsFirst(web.expert!, `/en/${page}/${row.id}/archive`, { version: String(row.row_version) }, title, done);
  }
});

test('revoking an API token, closing a review cycle, withdrawing a proposal or a request ask first', async () => {
  const db = t.database.db;
  const act = (v: Viewer) => ({ id: v.id, label: v.displayName });

  const token = await createApiToken(db, systemActor, who.expert!.id, 'Nightly export');
  const revoked = async () =>
    (await db.selectFrom('api_token').select('revoked_at').where('id', '=', token.id).executeTakeFirstOrThrow()).revoked_at !== null;
  await confirmsFirst(web.expert!, `/en/account/tokens/${token.id}/revoke`, {}, 'Nightly export', revoked);

  const cycle = await createCycle(db, act(who.expert!), who.expert!, {
    title: 'Review before the comprehensive review',
    purpose: '',
    startsOn: todayIso(),
    deadline: '2099-12-31',
    holdDays: 30,
  });
  const closed = async () =>
    (await db.selectFrom('review_cycle').select('closed_at').where('id', '=', cycle.id).executeTakeFirstOrThrow()).closed_at !== null;
  await confirmsFirst(web.expert!, `/en/matrix/reviews/${cycle.id}/close`, { version: String(cycle.row_version) }, cycle.title, closed);

  const v1 = await startDraft(db, act(who.expert!), 'MLI', { demo: true });
  await moveMatrix(db, act(who.expert!), who.expert!, v1.id, 'sent');
  const proposal = await propose(db, act(who['poc.mli']!), who['poc.mli']!, 'MLI', {
    field: 'OP2.USE.N.LF',
    kind: 'comment',
    comment: 'Please check.',
  });
  const withdrawn = async () =>
    (await db.selectFrom('matrix_proposal').select('status').where('id', '=', proposal.id).executeTakeFirstOrThrow()).status ===
    'withdrawn';
  // Someone else than its author is refused as before, without a confirmation page.
  assert.equal((await web.expert!.post(`/en/states/MLI/matrix/proposals/${proposal.id}/withdrawal`, {})).status, 403);
  await confirmsFirst(
    web['poc.mli']!,
    `/en/states/MLI/matrix/proposals/${proposal.id}/withdrawal`,
    { expectedVersion: String(proposal.row_version) },
    'OP2.USE.N.LF',
    withdrawn,
  );

  const request = await db
    .selectFrom('assistance_request')
    .select(['id', 'row_version'])
    .where('state_iso3', '=', 'MLI')
    .where('status', 'not in', ['withdrawn', 'closed'])
    .executeTakeFirstOrThrow();
  const requestWithdrawn = async () =>
    (await db.selectFrom('assistance_request').select('status').where('id', '=', request.id).executeTakeFirstOrThrow()).status ===
    'withdrawn';
  const page = await (await web['poc.mli']!.get(`/en/assistance/requests/${request.id}`)).text();
  const title = page.match(/<h1>([^<]+)<\/h1>/)![1]!;
  await confirmsFirst(
    web['poc.mli']!,
    `/en/assistance/requests/${request.id}/steps`,
    { action: 'withdraw', on: todayIso(), note: '', version: String(request.row_version) },
    title,
    requestWithdrawn,
  );
  // A step that ends nothing is taken at once, as before (the refusal here: the request is withdrawn).
  assert.equal(
    (await web['poc.mli']!.post(`/en/assistance/requests/${request.id}/steps`, { action: 'object', on: todayIso(), version: '99' })).status,
    409,
  );
});

test('the confirmation page is in the reader’s language', async () => {
  const res = await web.admin!.post('/ar/organizations/IAEA/archive', {});
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /لم يُغيَّر أي شيء بعد/);
  assert.match(html, /<button type="submit">أرشفة<\/button>/);
  // Its language links lead to the organization's page, a page in each language (not the POST's address, a 404 to a GET).
  const links = languageLinks(html);
  assert.deepEqual(
    links.map(([l]) => l),
    ['en', 'es', 'fr', 'ru', 'zh'],
  );
  for (const [l, href] of links) {
    assert.equal(href, `/${l}/organizations/IAEA`);
    const page = await web.admin!.get(href!);
    assert.equal(page.status, 200, href);
    assert.match(await page.text(), new RegExp(`<html lang="${l}"`));
  }
  assert.equal(
    (await t.database.db.selectFrom('organization').select('archived_at').where('code', '=', 'IAEA').executeTakeFirstOrThrow()).archived_at,
    null,
  );
});
