import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { createRequest } from '../../src/features/assistance/requests/commands.ts';
import { createLetter, updateLetter } from '../../src/features/correspondence/commands.ts';
import type { LetterInput } from '../../src/features/correspondence/inputs.ts';
import { updateState, valuesOf as stateValues } from '../../src/features/member-states/commands.ts';
import { updateOrganization, valuesOf as organizationValues } from '../../src/features/organizations/commands.ts';
import { addContact, type ContactRow } from '../../src/features/contacts/contacts.ts';
import { createReport } from '../../src/features/reports/commands.ts';
import { actorOf, systemActor } from '../../src/platform/audit/record.ts';
import { type Bundle, exportBundle, importBundle } from '../../src/platform/bundle/bundle.ts';
import { AppError } from '../../src/platform/errors.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

// An import may do only what the same account may do through the API, field by field: a field it
// may not change is refused by name (403), never applied nor ignored, and nothing is written. And a
// change that changes nothing (an import of what is stored, a PATCH of the same values) writes
// nothing: no new row version, no audit event.

const emails = {
  poc: 'poc.mli@demo.r1540.org',
  provider: 'provider@demo.r1540.org',
  expert: 'expert@demo.r1540.org',
  secretariat: 'secretariat@demo.r1540.org',
  admin: 'admin@demo.r1540.org',
} as const;
type Role = keyof typeof emails;

let t: TestApp;
const viewers = {} as Record<Role, Viewer>;
const tokens = {} as Record<Role, string>;
const clients = {} as Record<Role, Client>;
type Rec = Record<string, unknown>;

before(async () => {
  t = await testApp();
  const db = t.database.db;
  for (const [role, email] of Object.entries(emails) as [Role, string][]) {
    const user = await db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    viewers[role] = viewerOf(user);
    tokens[role] = (await createApiToken(db, systemActor, user.id, 'import rights')).token;
    clients[role] = new Client(t);
    await clients[role].login(email);
  }
});
after(() => t.close());

function api(role: Role, path: string, method: string, body: unknown) {
  return t.request(path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[role]}` },
    body: JSON.stringify(body),
  });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  assert.fail('expected the import to be refused');
}

/** The audit events of a record, and its row version: what a refused or empty change must leave as it was. */
async function trace(table: 'point_of_contact' | 'assistance_offer' | 'national_report', id: string) {
  const db = t.database.db;
  const row = await db.selectFrom(table).select('row_version').where('id', '=', id).executeTakeFirstOrThrow();
  const events = await db
    .selectFrom('audit_event')
    .select(['action', 'before', 'after'])
    .where('record_id', '=', id)
    .orderBy('id')
    .execute();
  return { version: row.row_version, events };
}

/** A bundle of one section's records, as an account exported them and then edited them. */
const only = (bundle: Bundle, section: string, records: unknown[]): Bundle => ({ ...bundle, sections: { [section]: records } });
const recordOf = (bundle: Bundle, section: string, id: string) =>
  structuredClone((bundle.sections[section] as Rec[]).find((r) => r.id === id)!) as Rec;
const importAs = (role: Role, bundle: unknown) => importBundle(t.database.db, actorOf(viewers[role]), viewers[role], bundle);

describe('points of contact: the import, the API and the form share one rule', () => {
  let contact: ContactRow;
  before(async () => {
    contact = await addContact(t.database.db, systemActor, 'MLI', {
      location: 'capital',
      name: 'Awa Importrights',
      email: 'awa.importrights@example.org',
      designatedOn: '2015-01-01',
      lastConfirmedOn: '2016-01-01',
    });
  });

  test('the State’s point of contact may not end, date, archive or un-confirm a designation by importing it', async () => {
    const bundle = await exportBundle(t.database.db, viewers.poc);
    const mine = recordOf(bundle, 'points-of-contact', contact.id);
    const before = await trace('point_of_contact', contact.id);
    for (const change of [
      { endedOn: '2020-01-01' },
      { designatedOn: '2014-06-01' },
      { archived: true },
      { source: 'seed' },
      { lastConfirmedOn: '2015-06-01' },
      { lastConfirmedOn: null },
      { endedOn: '2020-01-01', phone: '+223 20 00 00 01' },
    ]) {
      const err = await rejection(importAs('poc', only(bundle, 'points-of-contact', [{ ...mine, ...change }])));
      assert.equal(err.code, 'forbidden', JSON.stringify(change));
      const named = err.fields.map((f) => f.field);
      const refused = Object.keys(change).filter((k) => k !== 'phone');
      assert.deepEqual(
        named,
        refused.map((k) => `sections.points-of-contact[0].${k}`),
        JSON.stringify(change),
      );
      assert.deepEqual(await trace('point_of_contact', contact.id), before, `nothing written for ${JSON.stringify(change)}`);
    }
    // What the point of contact may change through the API, it may change through a bundle.
    const result = await importAs(
      'poc',
      only(bundle, 'points-of-contact', [{ ...mine, phone: '+223 20 00 00 02', lastConfirmedOn: '2017-01-01' }]),
    );
    assert.deepEqual(result.sections['points-of-contact'], { created: 0, updated: 1, unchanged: 0 });
    const changed = await trace('point_of_contact', contact.id);
    assert.equal(changed.version, before.version + 1);
    assert.equal(changed.events.at(-1)?.action, 'import');
    // The keepers end a designation, through a bundle as through the API.
    const ended = {
      ...recordOf(await exportBundle(t.database.db, viewers.secretariat), 'points-of-contact', contact.id),
      endedOn: '2020-01-01',
    };
    await importAs('secretariat', only(bundle, 'points-of-contact', [ended]));
    assert.equal((await trace('point_of_contact', contact.id)).version, before.version + 2);
  });

  test('re-importing one’s own export writes nothing: no new version, no audit event', async () => {
    for (const role of ['poc', 'secretariat'] as const) {
      const bundle = await exportBundle(t.database.db, viewers[role]);
      const before = await trace('point_of_contact', contact.id);
      const result = await importAs(role, only(bundle, 'points-of-contact', bundle.sections['points-of-contact']!));
      assert.equal(result.sections['points-of-contact']?.updated, 0, role);
      assert.deepEqual(await trace('point_of_contact', contact.id), before, role);
    }
  });

  test('PATCH: a field the caller may not change is a 403 naming it, not ignored; a PATCH that changes nothing writes nothing', async () => {
    const fresh = await addContact(t.database.db, systemActor, 'MLI', {
      location: 'new-york-mission',
      name: 'Moussa Patchrights',
      designatedOn: '2016-01-01',
      lastConfirmedOn: '2017-01-01',
    });
    const before = await trace('point_of_contact', fresh.id);
    for (const [field, value] of [
      ['endedOn', '2018-01-01'],
      ['designatedOn', '2015-01-01'],
      ['lastConfirmedOn', '2016-06-01'],
      ['source', 'seed'],
    ] as const) {
      const res = await api('poc', `/api/v1/contacts/${fresh.id}`, 'PATCH', { rowVersion: 1, [field]: value });
      assert.equal(res.status, 403, field);
      assert.deepEqual(
        ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field),
        [field],
      );
    }
    const unknown = await api('poc', `/api/v1/contacts/${fresh.id}`, 'PATCH', { rowVersion: 1, archivedAt: '2018-01-01' });
    assert.equal(unknown.status, 422, 'a field the request does not know is refused, not ignored');
    const same = await api('poc', `/api/v1/contacts/${fresh.id}`, 'PATCH', { rowVersion: 1, name: fresh.name, location: fresh.location });
    assert.equal(same.status, 200);
    assert.equal(((await same.json()) as { rowVersion: number }).rowVersion, 1);
    assert.deepEqual(await trace('point_of_contact', fresh.id), before, 'nothing written');
    // The keepers may.
    const ended = await api('secretariat', `/api/v1/contacts/${fresh.id}`, 'PATCH', { rowVersion: 1, endedOn: '2018-01-01' });
    assert.equal(ended.status, 200);
    assert.deepEqual(((await ended.json()) as { endedOn: string; rowVersion: number }).endedOn, '2018-01-01');
  });

  test('the form: the date of designation is shown to the point of contact, not changed by it', async () => {
    const form = await (await clients.poc.get(`/en/states/MLI/contacts/${contact.id}/edit`)).text();
    assert.match(form, /name="designatedOn"[^>]*readonly/);
    const row = await t.database.db.selectFrom('point_of_contact').selectAll().where('id', '=', contact.id).executeTakeFirstOrThrow();
    const res = await clients.poc.post(`/en/states/MLI/contacts/${contact.id}/edit`, {
      location: row.location,
      name: row.name,
      title: row.title,
      institution: row.institution,
      email: row.email,
      phone: row.phone,
      languages: row.languages.join(' '),
      designatedOn: '2014-01-01',
      version: String(row.row_version),
    });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /designatedOn/);
  });
});

describe('offers: only the Committee side lowers a confidentiality the Committee side set', () => {
  const offer = {
    provider: 'organization:IAEA',
    title: 'Import rights: border monitoring',
    areas: ['nuclear-security'],
  };

  test('a provider may not make public an offer an expert made Committee-only, by the API, the form or a bundle', async () => {
    const created = await api('provider', '/api/v1/assistance/offers', 'POST', offer);
    assert.equal(created.status, 201);
    const { id } = (await created.json()) as { id: string };
    const hidden = await api('expert', `/api/v1/assistance/offers/${id}`, 'PATCH', { rowVersion: 1, confidentiality: 'committee' });
    assert.equal(hidden.status, 200);
    const before = await trace('assistance_offer', id);

    const patch = await api('provider', `/api/v1/assistance/offers/${id}`, 'PATCH', { rowVersion: 2, confidentiality: 'public' });
    assert.equal(patch.status, 403);
    assert.deepEqual(
      ((await patch.json()) as { errors: { field: string }[] }).errors.map((e) => e.field),
      ['confidentiality'],
    );

    const form = await clients.provider.post(`/en/assistance/offers/${id}/edit`, {
      provider: offer.provider,
      title: offer.title,
      areas: offer.areas[0]!,
      confidentiality: 'public',
      version: '2',
    });
    assert.equal(form.status, 403);
    assert.match(await form.text(), /confidentiality/);

    const bundle = await exportBundle(t.database.db, viewers.provider);
    const record = { ...recordOf(bundle, 'assistance-offers', id), confidentiality: 'public' };
    const err = await rejection(importAs('provider', only(bundle, 'assistance-offers', [record])));
    assert.equal(err.code, 'forbidden');
    assert.deepEqual(
      err.fields.map((f) => f.field),
      ['sections.assistance-offers[0].confidentiality'],
    );
    assert.deepEqual(await trace('assistance_offer', id), before, 'nothing written');

    // The provider still keeps the rest of its offer, Committee-only as the expert left it.
    const retitled = await api('provider', `/api/v1/assistance/offers/${id}`, 'PATCH', { rowVersion: 2, title: 'Border monitoring (2)' });
    assert.equal(retitled.status, 200);
    // The Committee side lowers it.
    const shown = await api('expert', `/api/v1/assistance/offers/${id}`, 'PATCH', { rowVersion: 3, confidentiality: 'public' });
    assert.equal(shown.status, 200);
  });

  test('a provider lowers a confidentiality it set itself; a change that changes nothing writes nothing', async () => {
    const created = await api('provider', '/api/v1/assistance/offers', 'POST', { ...offer, confidentiality: 'committee' });
    const { id } = (await created.json()) as { id: string };
    const same = await api('provider', `/api/v1/assistance/offers/${id}`, 'PATCH', { rowVersion: 1, title: offer.title });
    assert.equal(same.status, 200);
    assert.equal(((await same.json()) as { rowVersion: number }).rowVersion, 1);
    assert.equal((await trace('assistance_offer', id)).events.length, 1, 'only the creation');
    const bundle = await exportBundle(t.database.db, viewers.provider);
    const result = await importAs('provider', only(bundle, 'assistance-offers', bundle.sections['assistance-offers']!));
    assert.equal(result.sections['assistance-offers']?.updated, 0);
    const shown = await api('provider', `/api/v1/assistance/offers/${id}`, 'PATCH', { rowVersion: 1, confidentiality: 'public' });
    assert.equal(shown.status, 200);
  });
});

describe('the other sections', () => {
  test('a State’s point of contact submits requests through the form or the API, never a bundle with the procedure’s history (held already)', async () => {
    const db = t.database.db;
    const request = await createRequest(db, systemActor, null, {
      stateIso3: 'MLI',
      receivedOn: '2018-03-01',
      channel: 'email',
      items: [{ description: 'Import rights: training', areas: ['nuclear-security'] }],
    });
    const bundle = await exportBundle(db, viewers.poc);
    const stored = recordOf(bundle, 'assistance-requests', request.id);
    const fresh = {
      ...stored,
      id: randomUUID(),
      items: (stored.items as Rec[]).map((i) => ({ ...i, id: randomUUID() })),
      steps: (stored.steps as Rec[]).map((s) => ({ ...s, id: randomUUID(), actor: 'The secretariat' })),
    };
    const err = await rejection(importAs('poc', only(bundle, 'assistance-requests', [fresh])));
    assert.equal(err.code, 'forbidden');
    assert.deepEqual(
      err.fields.map((f) => f.field),
      ['sections.assistance-requests'],
    );
    const found = await db
      .selectFrom('assistance_request')
      .select('id')
      .where('id', '=', fresh.id as string)
      .executeTakeFirst();
    assert.equal(found, undefined);
  });

  test('an expert neither approves nor publishes a matrix version through a bundle', async () => {
    const db = t.database.db;
    const template = await db.selectFrom('matrix_template').select('version').orderBy('version').executeTakeFirstOrThrow();
    const version = (status: string, number: number) => ({
      state: 'NER',
      number,
      template: template.version,
      status,
      basedOn: null,
      statusChangedAt: '2019-01-01T00:00:00.000Z',
      approvedAt: status === 'approved' ? '2019-01-01T00:00:00.000Z' : null,
      confidentiality: 'committee-and-state',
      cells: [],
    });
    const base = await exportBundle(db, viewers.expert);
    const err = await rejection(importAs('expert', only(base, 'matrices', [version('approved', 1)])));
    assert.equal(err.code, 'forbidden');
    assert.deepEqual(
      err.fields.map((f) => f.field),
      ['sections.matrices[0].status'],
    );
    assert.equal(await db.selectFrom('matrix').select('id').where('state_iso3', '=', 'NER').executeTakeFirst(), undefined);
    await importAs('admin', only(base, 'matrices', [version('approved', 1)]));
    await importAs('expert', only(base, 'matrices', [version('draft', 2)]));
  });

  test('where a stored report came from never changes, by a bundle as by the API; its re-import writes nothing', async () => {
    const db = t.database.db;
    const report = await createReport(db, actorOf(viewers.expert), {
      stateIso3: 'NER',
      kind: 'first-report',
      receivedOn: '2006-05-02',
      symbol: 'S/AC.44/2006/IR',
    });
    const bundle = await exportBundle(db, viewers.expert);
    const before = await trace('national_report', report.id);
    const same = await importAs('expert', only(bundle, 'national-reports', bundle.sections['national-reports']!));
    assert.equal(same.sections['national-reports']?.updated, 0);
    const record = { ...recordOf(bundle, 'national-reports', report.id), source: 'seed' };
    const err = await rejection(importAs('expert', only(bundle, 'national-reports', [record])));
    assert.equal(err.code, 'validation');
    assert.deepEqual(
      err.fields.map((f) => f.field),
      ['sections.national-reports[0].source'],
    );
    assert.deepEqual(await trace('national_report', report.id), before);
  });

  test('an edit that changes nothing writes nothing: a State, an organization, a letter', async () => {
    const db = t.database.db;
    const actor = actorOf(viewers.secretariat);
    const eventsOf = async (id: string) => (await db.selectFrom('audit_event').select('id').where('record_id', '=', id).execute()).length;
    const state = await db.selectFrom('member_state').selectAll().where('iso3', '=', 'NER').executeTakeFirstOrThrow();
    const { names, unMemberSince, regionalGroup, organizations, securityCouncilYears } = stateValues(state);
    const events = await eventsOf('NER');
    const same = await updateState(db, actor, 'NER', state.version, {
      names,
      unMemberSince,
      regionalGroup,
      organizations,
      securityCouncilYears,
    });
    assert.deepEqual([same.version, await eventsOf('NER')], [state.version, events]);

    const org = await db.selectFrom('organization').selectAll().where('code', '=', 'WCO').executeTakeFirstOrThrow();
    const { kind, names: orgNames, acronyms, website } = organizationValues(org);
    const orgEvents = await eventsOf('WCO');
    const sameOrg = await updateOrganization(db, actor, 'WCO', org.version, { kind, names: orgNames, acronyms, website });
    assert.deepEqual([sameOrg.version, await eventsOf('WCO')], [org.version, orgEvents]);

    const input: LetterInput = {
      kind: 'letter',
      sentOn: '2017-03-01',
      senderKind: 'chair',
      recipientsMode: 'list',
      recipients: ['NER', 'TCD'],
      subject: 'Import rights: an unchanged letter',
      confidentiality: 'committee',
    };
    const letter = await createLetter(db, actor, input);
    const sameLetter = await updateLetter(db, actor, letter.id, 1, input);
    assert.deepEqual([sameLetter.row_version, await eventsOf(letter.id)], [1, 1]);
    const changed = await updateLetter(db, actor, letter.id, 1, { ...input, recipients: ['NER', 'TCD', 'MLI'] });
    assert.deepEqual([changed.row_version, await eventsOf(letter.id)], [2, 2], 'a change of recipients alone is a change');
  });
});
