import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addUser, createApiToken } from '../../src/features/accounts/commands.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { createLetter, setLetterArchived, updateLetter } from '../../src/features/correspondence/commands.ts';
import { seedDemoCorrespondence } from '../../src/features/correspondence/demo.ts';
import { uploadDocument } from '../../src/features/documents/documents.ts';
import { seedDemoEngagement } from '../../src/features/engagement/demo.ts';
import { seedDemoReports } from '../../src/features/reports/demo.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

type Who = 'public' | 'expert' | 'secretariat' | 'committee' | 'poc' | 'pocNer';
const emails: Record<Exclude<Who, 'public'>, string> = {
  expert: 'expert@demo.r1540.org',
  secretariat: 'secretariat@demo.r1540.org',
  committee: 'committee@demo.r1540.org',
  poc: 'poc.mli@demo.r1540.org',
  pocNer: 'poc.ner@example.org',
};
const whoAll: Who[] = ['public', 'expert', 'secretariat', 'committee', 'poc', 'pocNer'];

let t: TestApp;
let filesDir: string;
const token = {} as Record<Exclude<Who, 'public'>, string>;
const client = {} as Record<Who, Client>;
let expertId: string;

interface Problem {
  field: string;
  problem: string;
}
type Json = Record<string, unknown> & { errors?: Problem[]; data?: { id: string; subject: string }[]; count?: number };

async function api(path: string, who: Who = 'public', init: { method?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = who === 'public' ? {} : { authorization: `Bearer ${token[who]}` };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await t.request(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

const letter = (over: Record<string, unknown> = {}) => ({
  kind: 'letter',
  sentOn: '2018-05-15',
  sender: { kind: 'chair' },
  recipients: { mode: 'state', states: ['MLI'] },
  subject: 'A letter of the Chair',
  confidentiality: 'committee-and-state',
  ...over,
});

async function letterCount(): Promise<number> {
  const r = await t.database.db
    .selectFrom('letter')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

before(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'r1540-letters-'));
  t = await testApp({ filesDir });
  const db = t.database.db;
  await addUser(db, systemActor, {
    email: emails.pocNer,
    displayName: 'Point of contact (Niger)',
    role: 'state-contact',
    stateIso3: 'NER',
    password: 'a-long-enough-password',
  });
  for (const who of whoAll) {
    client[who] = new Client(t);
    if (who === 'public') continue;
    const user = await db.selectFrom('app_user').select('id').where('email', '=', emails[who]).executeTakeFirstOrThrow();
    if (who === 'expert') expertId = user.id;
    token[who] = (await createApiToken(db, systemActor, user.id, 'letters-test')).token;
    await client[who].login(emails[who], who === 'pocNer' ? 'a-long-enough-password' : undefined);
  }
});
after(async () => {
  await t.close();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('recording letters', () => {
  test('through the API: a letter to one State concerns that State', async () => {
    const res = await api('/api/v1/letters', 'expert', {
      method: 'POST',
      json: letter({ subject: 'Created through the API', reference: 'S/AC.44/2018/OC.1' }),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.state, 'MLI');
    assert.deepEqual(res.body.recipients, { mode: 'state', states: ['MLI'], other: '' });
    assert.equal(res.body.reference, 'S/AC.44/2018/OC.1');
    assert.equal(res.body.source, 'entered');
    const history = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'state_iso3'])
      .where('record_type', '=', 'letter')
      .where('record_id', '=', res.body.id as string)
      .execute();
    assert.deepEqual(history, [{ action: 'create', state_iso3: 'MLI' }]);
  });

  test('through the form: posted, redirected to the letter, which shows its recipients', async () => {
    const res = await client.expert.post('/en/letters/new', {
      kind: 'note-verbale',
      sentOn: '2018-06-04',
      senderKind: 'state',
      senderState: 'NER',
      recipientsMode: 'committee',
      subject: 'A note verbale from the Niger',
      summary: 'It asks for assistance.',
      confidentiality: 'committee-and-state',
    });
    assert.equal(res.status, 303);
    const page = await client.expert.get(res.headers.get('location')!);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /A note verbale from the Niger/);
    assert.match(html, /href="\/en\/states\/NER"/);
    const row = await t.database.db
      .selectFrom('letter')
      .selectAll()
      .where('subject', '=', 'A note verbale from the Niger')
      .executeTakeFirstOrThrow();
    assert.equal(row.state_iso3, 'NER');
    assert.equal(row.sender_state_iso3, 'NER');
  });

  test('the roles that do not keep letters may not record them', async () => {
    for (const who of ['committee', 'poc'] as const)
      assert.equal((await api('/api/v1/letters', who, { method: 'POST', json: letter() })).status, 403, who);
    assert.equal((await client.poc.get('/en/letters/new')).status, 403);
    assert.equal((await client.public.get('/en/letters/new')).status, 401);
  });
});

describe('bad input: a clear message per field, nothing stored', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['a date in the future', { sentOn: '2999-01-01' }, 'sentOn', /in the future/],
    ['a date that is not one', { sentOn: '2018-02-30' }, 'sentOn', /must be a date/],
    [
      'a State sender without its State',
      { sender: { kind: 'state' }, recipients: { mode: 'committee' } },
      'senderState',
      /required when the sender is a State/,
    ],
    [
      'a sender State that is not one',
      { sender: { kind: 'state', state: 'XXX' }, recipients: { mode: 'committee' } },
      'senderState',
      /not a Member State/,
    ],
    [
      'a reply to a letter that does not exist',
      { kind: 'reply', inReplyTo: '00000000-0000-4000-8000-000000000000' },
      'inReplyTo',
      /no letter has the id/,
    ],
    ['committee-and-state without a State', { recipients: { mode: 'list', states: ['MLI', 'NER'] } }, 'confidentiality', /needs a State/],
    [
      'a recipient that is not a State',
      { recipients: { mode: 'list', states: ['MLI', 'ZZZ'] }, confidentiality: 'committee' },
      'recipients',
      /ZZZ/,
    ],
    [
      'a record concerned that does not exist',
      { concerns: [{ recordType: 'visit', recordId: '00000000-0000-4000-8000-000000000000' }] },
      'concerns',
      /no visit/,
    ],
  ];
  for (const [what, over, field, message] of cases)
    test(what, async () => {
      const n = await letterCount();
      const res = await api('/api/v1/letters', 'expert', { method: 'POST', json: letter(over) });
      assert.equal(res.status, 422, JSON.stringify(res.body));
      const problem = res.body.errors?.find((e) => e.field === field);
      assert.ok(problem, `${field} named in ${JSON.stringify(res.body.errors)}`);
      assert.match(problem.problem, message);
      assert.equal(await letterCount(), n);
    });

  test('the form comes back with its values and the problem (422)', async () => {
    const n = await letterCount();
    const res = await client.expert.post('/en/letters/new', {
      kind: 'letter',
      sentOn: '2999-01-01',
      senderKind: 'chair',
      recipientsMode: 'state',
      recipients: 'mli',
      subject: 'Kept after a refusal',
      confidentiality: 'committee',
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /<code>sentOn<\/code>: is in the future/);
    assert.match(html, /value="Kept after a refusal"/);
    assert.equal(await letterCount(), n);
  });
});

describe('“all non-reporting States”, resolved as at the date on a hand-made history', () => {
  let may: string;
  let early: string;
  before(async () => {
    const db = t.database.db;
    const states = (await db.selectFrom('member_state').select('iso3').execute()).map((s) => s.iso3);
    const late = new Set(['MLI', 'NER', 'TCD', 'SSD', 'BEN']);
    const rows = states
      .filter((s) => !late.has(s))
      .map((s) => ({
        state_iso3: s,
        kind: 'first-report' as 'first-report' | 'additional-information',
        received_on: '2005-06-01',
        source: 'entered' as const,
      }));
    rows.push(
      { state_iso3: 'NER', kind: 'first-report', received_on: '2018-03-01', source: 'entered' },
      { state_iso3: 'TCD', kind: 'first-report', received_on: '2018-06-01', source: 'entered' },
      // Additional information is not a first report.
      { state_iso3: 'MLI', kind: 'additional-information', received_on: '2009-01-01', source: 'entered' },
    );
    await db.insertInto('national_report').values(rows).execute();
    // A first report recorded, then archived (a mistake): it does not count.
    await db
      .insertInto('national_report')
      .values({ state_iso3: 'BEN', kind: 'first-report', received_on: '2017-01-01', source: 'entered', archived_at: new Date() })
      .execute();
    const nonReporting = { kind: 'letter', sender: { kind: 'chair' }, recipients: { mode: 'non-reporting' }, confidentiality: 'public' };
    const a = await api('/api/v1/letters', 'secretariat', {
      method: 'POST',
      json: { ...nonReporting, sentOn: '2018-05-15', subject: 'To the non-reporting States, May 2018' },
    });
    const b = await api('/api/v1/letters', 'secretariat', {
      method: 'POST',
      json: { ...nonReporting, sentOn: '2010-06-01', subject: 'To the non-reporting States, June 2010' },
    });
    assert.equal(a.status, 201, JSON.stringify(a.body));
    assert.equal(b.status, 201, JSON.stringify(b.body));
    may = a.body.id as string;
    early = b.body.id as string;
  });

  test('the States without a first report as at the date, Member States then', async () => {
    assert.deepEqual(((await api(`/api/v1/letters/${may}`)).body.recipients as { states: string[] }).states, ['BEN', 'MLI', 'SSD', 'TCD']);
    // South Sudan joined in 2011; the Niger and Chad reported in 2018.
    assert.deepEqual(((await api(`/api/v1/letters/${early}`)).body.recipients as { states: string[] }).states, [
      'BEN',
      'MLI',
      'NER',
      'TCD',
    ]);
  });

  test('the list stays what it was when a report is recorded later, and on an edit that keeps the date', async () => {
    const db = t.database.db;
    await db
      .insertInto('national_report')
      .values({ state_iso3: 'MLI', kind: 'first-report', received_on: '2018-04-01', source: 'entered' })
      .execute();
    const recipientsOf = async () => ((await api(`/api/v1/letters/${may}`)).body.recipients as { states: string[] }).states;
    assert.deepEqual(await recipientsOf(), ['BEN', 'MLI', 'SSD', 'TCD']);
    const input = {
      kind: 'letter',
      sentOn: '2018-05-15',
      senderKind: 'chair',
      recipientsMode: 'non-reporting',
      subject: 'Renamed',
      confidentiality: 'public',
    };
    const v2 = await updateLetter(db, systemActor, may, 1, input);
    assert.deepEqual(await recipientsOf(), ['BEN', 'MLI', 'SSD', 'TCD']);
    // A new date draws the list up again, as at that date; the State taken off is marked, not deleted.
    await updateLetter(db, systemActor, may, v2.row_version, { ...input, sentOn: '2018-05-16' });
    assert.deepEqual(await recipientsOf(), ['BEN', 'SSD', 'TCD']);
    const removed = await db
      .selectFrom('letter_recipient')
      .select(['state_iso3', 'removed_at'])
      .where('letter_id', '=', may)
      .where('removed_at', 'is not', null)
      .execute();
    assert.deepEqual(
      removed.map((r) => r.state_iso3),
      ['MLI'],
    );
  });

  test('the page says as at which date, and lists the States', async () => {
    const html = await (await client.public.get(`/en/letters/${may}`)).text();
    assert.match(html, /had not submitted a first report as at May 16, 2018: 3 States/);
    assert.match(html, /href="\/en\/states\/SSD"/);
  });

  test('rows are never deleted', async () => {
    await assert.rejects(t.database.db.deleteFrom('letter_recipient').where('letter_id', '=', may).execute(), /archived, never deleted/);
    await assert.rejects(t.database.db.deleteFrom('letter').where('id', '=', may).execute(), /archived, never deleted/);
  });
});

describe('confidentiality: through the list, the letter, the API and the CSV, not even counted', () => {
  const subjects = { committee: 'Committee-only letter about Mali', shared: 'Letter shared with Mali', public: 'Public letter to Mali' };
  const ids = {} as Record<keyof typeof subjects, string>;
  let reply: string;
  const sees: Record<Who, (keyof typeof subjects)[]> = {
    public: ['public'],
    pocNer: ['public'],
    poc: ['public', 'shared'],
    committee: ['public', 'shared', 'committee'],
    expert: ['public', 'shared', 'committee'],
    secretariat: ['public', 'shared', 'committee'],
  };

  before(async () => {
    const db = t.database.db;
    const actor = { id: expertId, label: 'Demo Expert' };
    for (const [key, confidentiality] of [
      ['committee', 'committee'],
      ['shared', 'committee-and-state'],
      ['public', 'public'],
    ] as const) {
      const row = await createLetter(db, actor, {
        kind: 'letter',
        sentOn: '2017-03-01',
        senderKind: 'chair',
        recipientsMode: 'state',
        recipients: ['MLI'],
        subject: subjects[key],
        confidentiality,
      });
      ids[key] = row.id;
    }
    // A committee-only reply to the shared letter, from an organization.
    reply = (
      await createLetter(db, actor, {
        kind: 'reply',
        sentOn: '2017-04-01',
        senderKind: 'organization',
        senderOrganization: 'WCO',
        recipientsMode: 'committee',
        subject: 'Committee-only reply',
        inReplyTo: ids.shared,
        confidentiality: 'committee',
      })
    ).id;
    // A document linked to the shared letter, for the Committee only.
    const viewer = {
      id: expertId,
      email: emails.expert,
      displayName: 'Demo Expert',
      role: 'expert' as const,
      stateIso3: null,
      organizationCode: null,
    };
    await uploadDocument(db, t.app.config, actor, viewer, {
      title: 'Committee-only enclosure',
      language: 'en',
      kind: 'letter',
      state: 'MLI',
      confidentiality: 'committee',
      links: [`letter:${ids.shared}`],
      file: { name: 'enclosure.txt', bytes: Buffer.from('An enclosure to the letter.') },
    });
  });

  test('the API list and count', async () => {
    for (const who of whoAll) {
      const res = await api('/api/v1/letters?from=2017-01-01&to=2017-12-31', who);
      assert.equal(res.status, 200);
      const seen = res.body
        .data!.map((d) => d.subject)
        .filter((s) => Object.values(subjects).includes(s))
        .sort();
      assert.deepEqual(seen, sees[who].map((k) => subjects[k]).sort(), who);
      const expected = sees[who].length + (sees[who].includes('committee') ? 1 : 0);
      assert.equal(res.body.count, expected, `${who}: the count`);
      const byState = await api('/api/v1/states/MLI/letters', who);
      assert.equal(
        byState.body.data!.filter((d) => Object.values(subjects).includes(d.subject)).length,
        sees[who].length,
        `${who}: by State`,
      );
    }
  });

  test('each letter, page and API: 404 for those who may not see it', async () => {
    for (const who of whoAll)
      for (const key of Object.keys(subjects) as (keyof typeof subjects)[]) {
        const expected = sees[who].includes(key) ? 200 : 404;
        assert.equal((await client[who].get(`/en/letters/${ids[key]}`)).status, expected, `${who} ${key} page`);
        assert.equal((await api(`/api/v1/letters/${ids[key]}`, who)).status, expected, `${who} ${key} API`);
      }
  });

  test('the list page and its count', async () => {
    for (const who of whoAll) {
      const html = await (await client[who].get('/en/letters?year=2017')).text();
      for (const key of Object.keys(subjects) as (keyof typeof subjects)[])
        assert.equal(html.includes(subjects[key]), sees[who].includes(key), `${who} ${key}`);
      const expected = sees[who].length + (sees[who].includes('committee') ? 1 : 0);
      assert.match(html, new RegExp(`class="count">${expected} letters?`), who);
    }
  });

  test('the CSV', async () => {
    for (const who of whoAll) {
      const res = await client[who].get('/en/letters?year=2017&format=csv');
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
      const text = await res.text();
      for (const key of Object.keys(subjects) as (keyof typeof subjects)[])
        assert.equal(text.includes(subjects[key]), sees[who].includes(key), `${who} ${key}`);
      assert.equal(text.includes('Committee-only reply'), sees[who].includes('committee'), who);
    }
  });

  test('the shared letter: its replies and documents as far as the reader may see', async () => {
    const poc = await (await client.poc.get(`/en/letters/${ids.shared}`)).text();
    assert.doesNotMatch(poc, /Committee-only reply|Committee-only enclosure/);
    const expert = await (await client.expert.get(`/en/letters/${ids.shared}`)).text();
    assert.match(expert, /Committee-only reply/);
    assert.match(expert, /Committee-only enclosure/);
    const apiPoc = await api(`/api/v1/letters/${ids.shared}`, 'poc');
    assert.deepEqual(apiPoc.body.replies, []);
    assert.deepEqual(apiPoc.body.documents, []);
    const apiExpert = await api(`/api/v1/letters/${ids.shared}`, 'expert');
    assert.deepEqual(
      (apiExpert.body.replies as { id: string }[]).map((r) => r.id),
      [reply],
    );
    assert.equal((apiExpert.body.documents as unknown[]).length, 1);
    // The reply names the letter it answers, with a link.
    assert.match(await (await client.expert.get(`/en/letters/${reply}`)).text(), new RegExp(`href="/en/letters/${ids.shared}"`));
  });

  test('filters by State, year and kind', async () => {
    const ner = await api('/api/v1/letters?state=NER', 'expert');
    assert.ok(ner.body.data!.length > 0);
    assert.ok(ner.body.data!.every((d) => !Object.values(subjects).includes(d.subject)));
    const replies = await api('/api/v1/letters?kind=reply', 'expert');
    assert.deepEqual(
      replies.body.data!.map((d) => d.id),
      [reply],
    );
    assert.equal((await api('/api/v1/letters?kind=poem')).status, 422);
    assert.equal((await client.public.get('/en/letters?year=12')).status, 422);
    const paged = await api('/api/v1/letters?limit=1&offset=1', 'expert');
    assert.equal(paged.body.data!.length, 1);
    assert.ok((paged.body.count as number) > 1);
  });
});

describe('changes: version checks and archiving', () => {
  let id: string;
  before(async () => {
    const res = await api('/api/v1/letters', 'expert', { method: 'POST', json: letter({ subject: 'To be edited' }) });
    id = res.body.id as string;
  });

  const form = (version: string, subject: string) => ({
    kind: 'letter',
    sentOn: '2018-05-15',
    senderKind: 'chair',
    recipientsMode: 'state',
    recipients: 'MLI',
    subject,
    confidentiality: 'committee-and-state',
    version,
  });

  test('an edit with the current version is saved; a stale one is refused (409) and changes nothing', async () => {
    const edit = await client.expert.get(`/en/letters/${id}/edit`);
    assert.equal(edit.status, 200);
    assert.match(await edit.text(), /name="version" value="1"/);
    assert.equal((await client.secretariat.post(`/en/letters/${id}/edit`, form('1', 'Edited by the secretariat'))).status, 303);
    const stale = await client.expert.post(`/en/letters/${id}/edit`, form('1', 'Edited by the expert'));
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /changed by someone else/);
    const row = await t.database.db.selectFrom('letter').select(['subject', 'row_version']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { subject: 'Edited by the secretariat', row_version: 2 });
    await assert.rejects(setLetterArchived(t.database.db, systemActor, id, 1, true), /changed by someone else/);
  });

  test('the point of contact of the State concerned reads it, and may not change it', async () => {
    assert.equal((await client.poc.get(`/en/letters/${id}`)).status, 200);
    assert.equal((await client.poc.get(`/en/letters/${id}/edit`)).status, 403);
    assert.equal((await client.poc.post(`/en/letters/${id}/archive`, { version: '2' })).status, 403);
    assert.equal((await client.pocNer.get(`/en/letters/${id}/edit`)).status, 404);
  });

  test('archived: out of the lists, still readable with a notice; restored', async () => {
    assert.equal((await client.expert.post(`/en/letters/${id}/archive`, { confirm: 'yes', version: '2' })).status, 303);
    const list = await api('/api/v1/letters?state=MLI', 'expert');
    assert.ok(!list.body.data!.some((d) => d.id === id));
    const detail = await api(`/api/v1/letters/${id}`, 'expert');
    assert.equal(detail.body.archived, true);
    assert.match(await (await client.expert.get(`/en/letters/${id}`)).text(), /Archived on/);
    assert.equal((await client.expert.post(`/en/letters/${id}/restore`, { version: '3' })).status, 303);
    assert.ok((await api('/api/v1/letters?state=MLI', 'expert')).body.data!.some((d) => d.id === id));
    const actions = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_type', '=', 'letter')
      .where('record_id', '=', id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ['create', 'update', 'archive', 'restore'],
    );
    assert.equal((await client.poc.get(`/en/letters/${id}/history`)).status, 200);
    assert.equal((await client.pocNer.get(`/en/letters/${id}/history`)).status, 404);
  });
});

describe('the demonstration data: the seed’s letters of 2018', () => {
  let d: TestApp;
  before(async () => {
    d = await testApp();
    await seedDemoEngagement(d.database.db);
    await seedDemoReports(d.database.db);
  });
  after(() => d.close());

  test('the Chair’s letters to the 12 non-reporting States (May) and to the 182 reporting States (August), and the rest', async () => {
    const { letters } = await seedDemoCorrespondence(d.database.db);
    assert.equal(letters, 31);
    const db = d.database.db;
    const recipients = async (subject: RegExp) => {
      const rows = await db.selectFrom('letter').select(['id', 'subject', 'summary', 'source']).execute();
      const l = rows.find((r) => subject.test(r.subject))!;
      assert.equal(l.source, 'seed');
      assert.match(l.summary, /S\/2018\/1167/);
      return (
        await db.selectFrom('letter_recipient').select('state_iso3').where('letter_id', '=', l.id).where('removed_at', 'is', null).execute()
      ).length;
    };
    assert.equal(await recipients(/first national report under/), 12);
    assert.equal(await recipients(/updated information/), 182);
    const requests = await db
      .selectFrom('letter')
      .select('sender_state_iso3')
      .where('subject', 'like', 'Request for assistance%')
      .execute();
    assert.deepEqual(requests.map((r) => r.sender_state_iso3).sort(), ['BDI', 'BHR', 'GIN', 'GNB', 'GNQ', 'IRQ', 'MDG', 'MLI', 'PER']);
    const iraq = await db.selectFrom('letter').select('id').where('sender_state_iso3', '=', 'IRQ').executeTakeFirstOrThrow();
    const answers = await db
      .selectFrom('letter')
      .select('sender_organization_code')
      .where('in_reply_to', '=', iraq.id)
      .where('kind', '=', 'reply')
      .execute();
    assert.deepEqual(answers.map((a) => a.sender_organization_code).sort(), ['INTERPOL', 'NSG', 'WCO', 'WHO', 'WOAH']);
    const concerns = await db.selectFrom('letter_concern').select('record_type').execute();
    const count = (type: string) => concerns.filter((c) => c.record_type === type).length;
    assert.equal(count('national-report'), 3);
    assert.equal(count('action-plan'), 3);
    assert.equal(count('visit'), 4, 'the requests of Bahrain, Equatorial Guinea, Mali and Peru led to visits (¶20)');
    assert.deepEqual(await seedDemoCorrespondence(db), { letters: 0 }, 'loaded once');
  });

  test('the public sees the Chair’s public letters, not the States’ notes', async () => {
    const res = await d.request('/api/v1/letters?year=2018');
    const body = (await res.json()) as { count: number; data: { reference: string }[] };
    assert.equal(body.count, 3);
    assert.ok(body.data.some((l) => l.reference === 'S/2018/1167'));
  });
});
