// Engines: both (the meetings' arrays and jsonb links, the coordinator's lock and the figures, on PGlite and PostgreSQL)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { viewerOf } from '../../src/features/accounts/index.ts';
import { seedDemoMeetings } from '../../src/features/meetings/demo.ts';
import { refreshSearchIndex } from '../../src/features/search/index.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { exportBundle } from '../../src/platform/bundle/bundle.ts';
import { meetingsCommand } from '../../src/features/meetings/cli.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';
import { commandOnApp } from '../support/cli.ts';

type Who = 'public' | 'poc' | 'expert' | 'committee';
const emails = { poc: 'poc.mli@demo.r1540.org', expert: 'expert@demo.r1540.org', committee: 'committee@demo.r1540.org' } as const;
let t: TestApp;
const client = {} as Record<Who, Client>;
const token = {} as Record<Exclude<Who, 'public'>, string>;
type Json = Record<string, unknown> & { errors?: { field: string; problem: string }[] };

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
const count = async (table: 'meeting' | 'working_group_coordinator' | 'programme_of_work') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const meetingOn = (heldOn: string) =>
  t.database.db.selectFrom('meeting').selectAll().where('held_on', '=', heldOn).executeTakeFirstOrThrow();
const text = async (res: Response) =>
  (await res.text())
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
const fields = (body: Json) => (body.errors ?? []).map((e) => e.field).sort();

before(async () => {
  t = await testApp();
  await seedDemoMeetings(t.database.db);
  for (const w of ['public', 'poc', 'expert', 'committee'] as const) {
    client[w] = new Client(t);
    if (w === 'public') continue;
    await client[w].login(emails[w]);
    const user = await t.database.db.selectFrom('app_user').select('id').where('email', '=', emails[w]).executeTakeFirstOrThrow();
    token[w] = (await createApiToken(t.database.db, systemActor, user.id, 'meetings')).token;
  }
});
after(() => t.close());

describe('the 2018 figures come out of the records', () => {
  test('4 formal, 2 informal meetings (¶4); 3, 3, 1, 1 working-group meetings (¶5); one briefing to the Council (¶7)', async () => {
    const { status, body } = await api('/api/v1/meetings/figures?year=2018');
    assert.equal(status, 200);
    assert.deepEqual([body.formal, body.informal, body.briefings, body.councilBriefings], [4, 2, 3, 1]);
    const groups = body.workingGroups as { code: string; meetings: number }[];
    assert.deepEqual(
      groups.map((g) => [g.code, g.meetings]),
      [
        ['monitoring', 3],
        ['assistance', 3],
        ['cooperation', 1],
        ['transparency', 1],
      ],
    );
    assert.match(String((body.definitions as Record<string, string>).informal), /briefing/);
    const asAt = await api('/api/v1/meetings/figures?year=2018&asAt=2018-06-30');
    assert.deepEqual([asAt.body.formal, asAt.body.informal, asAt.body.briefings, asAt.body.councilBriefings], [2, 1, 2, 0]);
  });

  test('the working groups page shows the coordinators and the counts; the programme its period and cut-off', async () => {
    const page = await text(await client.public.get('/en/committee/working-groups?year=2018'));
    // The seed names the coordinators in Chinese only: the Latin spelling in brackets is ours (the record's source: illustrative).
    assert.match(page, /Working Group on Assistance 亚历克西娅·雅罗 \(Alexia Jarreau\) \(France\) 3/);
    assert.match(page, /Working Group on Transparency and Media Outreach .*\(United States of America\) 1/);
    const programme = await text(await client.public.get('/en/committee/programme/17'));
    assert.match(programme, /S\/2018\/340/);
    assert.match(programme, /February 1, 2018 – January 31, 2019/);
    assert.match(programme, /December 22, 2018/);
  });
});

describe('a meeting’s workflow', () => {
  test('recorded by a form, changed, archived (no longer counted) and restored, with its history', async () => {
    const before = await count('meeting');
    let res = await client.expert.post('/en/committee/meetings/new', {
      heldOn: '2018-12-19',
      kind: 'formal',
      title: 'A fifth formal meeting',
      participantOrganizations: 'iaea',
      agenda: 'First item\nSecond item',
      confidentiality: 'committee',
    });
    assert.equal(res.status, 303);
    const path = res.headers.get('location')!;
    const id = path.split('/').at(-1)!;
    assert.equal(await count('meeting'), before + 1);
    assert.equal((await api('/api/v1/meetings/figures?year=2018')).body.formal, 5);
    const row = await meetingOn('2018-12-19');
    assert.deepEqual([row.participant_organizations, row.agenda], [['IAEA'], ['First item', 'Second item']]);
    res = await client.expert.post(`${path}/edit`, {
      heldOn: '2018-12-19',
      kind: 'formal',
      title: 'A fifth formal meeting, renamed',
      confidentiality: 'committee',
      version: '1',
    });
    assert.equal(res.status, 303);
    res = await client.expert.post(`${path}/edit`, {
      heldOn: '2018-12-19',
      kind: 'formal',
      title: 'A stale edit',
      confidentiality: 'committee',
      version: '1',
    });
    assert.equal(res.status, 409, 'an edit on a version someone else changed is refused');
    assert.equal((await client.expert.post(`${path}/archive`, { confirm: 'yes', version: '2' })).status, 303);
    assert.equal((await api('/api/v1/meetings/figures?year=2018')).body.formal, 4, 'an archived meeting is not counted');
    assert.equal((await client.expert.post(`${path}/restore`, { version: '3' })).status, 303);
    const history = await text(await client.committee.get(`${path}/history`));
    for (const action of ['created', 'changed', 'archived', 'restored']) assert.match(history, new RegExp(action, 'i'));
    assert.equal((await api(`/api/v1/meetings/${id}`, 'committee')).body.title, 'A fifth formal meeting, renamed');
    assert.equal(
      (await client.committee.post(`${path}/archive`, { confirm: 'yes', version: '4' })).status,
      403,
      'Committee members read, they do not keep',
    );
  });
});

describe('the list of meetings', () => {
  const catalogue = (l: string) =>
    JSON.parse(readFileSync(new URL(`../../src/platform/i18n/catalogues/${l}.json`, import.meta.url), 'utf8')) as Record<string, string>;
  test('filtered by a State and by an organization taking part, by a form without JavaScript, in the six languages', async () => {
    const titles = (page: string) => [...page.matchAll(/<th scope="row"><a href="[^"]+">([^<]+)<\/a>/g)].map((x) => x[1]!).sort();
    const bafa = 'Briefing by a delegation of the German Federal Office for Economic Affairs and Export Control (BAFA)';
    const chileColombia = 'Briefing by Chile and Colombia on their peer reviews of 2017';
    const organizations = 'Informal meeting with international and regional organizations';
    let page = await (await client.expert.get('/en/committee/meetings?state=DEU')).text();
    assert.deepEqual(titles(page), [bafa], 'a State taking part');
    assert.match(page, /<option value="DEU" selected="">Germany<\/option>/, 'the State chosen, kept in the form');
    page = await (await client.expert.get('/en/committee/meetings?year=2018&organization=oas')).text();
    assert.deepEqual(titles(page), [chileColombia, organizations], 'an organization taking part (its code in any case)');
    assert.match(page, /<option value="OAS" selected="">/);
    assert.match(page, /<form method="get" class="filters"/, 'a GET form: no JavaScript needed');
    assert.deepEqual(titles(await (await client.expert.get('/en/committee/meetings?state=COL&organization=OAS')).text()), [chileColombia]);
    // The Committee-only records are not found for the public, whatever the filter.
    assert.deepEqual(titles(await (await client.public.get('/en/committee/meetings?organization=OAS')).text()), []);
    for (const l of ['en', 'fr', 'es', 'ru', 'zh', 'ar']) {
      const res = await client.expert.get(`/${l}/committee/meetings?organization=OAS`);
      assert.equal(res.status, 200);
      const html = await res.text();
      const t = catalogue(l);
      for (const key of ['meetings.filterState', 'meetings.allStates', 'meetings.filterOrganization', 'meetings.allOrganizations'])
        assert.ok(html.includes(t[key]!.replace(/'/g, '&#39;')), `${l}: ${key}`);
      assert.equal(titles(html).length, 2, `${l}: the two meetings with the OAS`);
    }
    const bad = await client.expert.get('/en/committee/meetings?state=12');
    assert.equal(bad.status, 422);
    assert.match(await text(bad), /state/);
  });
});

describe('bad input: a clear error naming the field, nothing written', () => {
  test('an unknown organization or State code, a group’s meeting without a group, an end before a start', async () => {
    const meetings = await count('meeting');
    const base = { heldOn: '2018-06-01', kind: 'informal', title: 'Bad', confidentiality: 'committee' };
    let r = await api('/api/v1/meetings', 'expert', { method: 'POST', json: { ...base, participantOrganizations: ['NOPE'] } });
    assert.equal(r.status, 422);
    assert.deepEqual(fields(r.body), ['participantOrganizations']);
    r = await api('/api/v1/meetings', 'expert', { method: 'POST', json: { ...base, participantStates: ['MLI', 'ZZZ'] } });
    assert.deepEqual([r.status, fields(r.body)], [422, ['participantStates']]);
    assert.match(r.body.errors![0]!.problem, /ZZZ/);
    r = await api('/api/v1/meetings', 'expert', {
      method: 'POST',
      json: { ...base, kind: 'working-group', workingGroup: 'no-such-group' },
    });
    assert.deepEqual([r.status, fields(r.body)], [422, ['workingGroup']]);
    const form = await client.expert.post('/en/committee/meetings/new', { ...base, heldOn: '2018-02-30' });
    assert.equal(form.status, 422);
    assert.match(await text(form), /heldOn/);
    assert.equal(await count('meeting'), meetings, 'nothing written');
    const programmes = await count('programme_of_work');
    const p = await client.expert.post('/en/committee/programme/new', { number: '18', startedOn: '2019-02-01', endedOn: '2019-01-31' });
    assert.equal(p.status, 422);
    assert.match(await text(p), /endedOn/);
    const twin = await client.expert.post('/en/committee/programme/new', { number: '17', startedOn: '2018-02-01', endedOn: '2019-01-31' });
    assert.equal(twin.status, 422, 'a second 17th programme');
    assert.equal(await count('programme_of_work'), programmes);
  });

  test('a coordinator’s period that overlaps another of the group is refused on its field', async () => {
    const before = await count('working_group_coordinator');
    const overlap = await api('/api/v1/working-groups/assistance/coordinators', 'expert', {
      method: 'POST',
      json: { state: 'DEU', person: 'Overlapping', startedOn: '2018-12-01', endedOn: null },
    });
    assert.deepEqual([overlap.status, fields(overlap.body)], [422, ['startedOn']]);
    assert.match(overlap.body.errors![0]!.problem, /overlaps/);
    const inside = await api('/api/v1/working-groups/assistance/coordinators', 'expert', {
      method: 'POST',
      json: { state: 'DEU', person: 'Earlier', startedOn: '2017-01-01', endedOn: '2018-01-01' },
    });
    assert.deepEqual([inside.status, fields(inside.body)], [422, ['endedOn']]);
    const reversed = await api('/api/v1/working-groups/assistance/coordinators', 'expert', {
      method: 'POST',
      json: { state: 'DEU', person: 'Reversed', startedOn: '2019-05-01', endedOn: '2019-04-30' },
    });
    assert.deepEqual([reversed.status, fields(reversed.body)], [422, ['endedOn']]);
    assert.equal(await count('working_group_coordinator'), before, 'nothing written');
    const next = await api('/api/v1/working-groups/assistance/coordinators', 'expert', {
      method: 'POST',
      json: { state: 'DEU', person: 'The next coordinator', startedOn: '2019-01-01', endedOn: null },
    });
    assert.equal(next.status, 201, 'the day after the period ends is free');
    const nextId = (next.body as { id: string }).id;
    assert.equal((await client.expert.post(`/en/committee/coordinators/${nextId}/archive`, { confirm: 'yes', version: '1' })).status, 303);
    const meanwhile = await api('/api/v1/working-groups/assistance/coordinators', 'expert', {
      method: 'POST',
      json: { state: 'ITA', person: 'Recorded meanwhile', startedOn: '2019-06-01', endedOn: null },
    });
    assert.equal(meanwhile.status, 201, 'an archived period is no longer in the way');
    const restore = await client.expert.post(`/en/committee/coordinators/${nextId}/restore`, { version: '2' });
    assert.equal(restore.status, 422, 'restoring a period that now overlaps is refused');
    assert.match(await text(restore), /overlaps the period of Recorded meanwhile/);
  });
});

describe('confidentiality through every door', () => {
  const secret = 'Wiesbaden';
  test('pages: the fact of a formal meeting for everyone, its record and the other meetings for the Committee side', async () => {
    const formal = await meetingOn('2018-02-27');
    const bafa = await meetingOn('2018-05-16');
    for (const w of ['public', 'poc', 'expert', 'committee'] as const) {
      const side = w === 'expert' || w === 'committee';
      const list = await text(await client[w].get('/en/committee/meetings?year=2018'));
      assert.equal(list.includes('Formal meeting of the Committee (1 of 4 in 2018)'), side, `${w}: a formal meeting's title`);
      assert.equal(list.includes('Meeting held (record restricted to the Committee)'), !side, `${w}: its fact`);
      assert.equal(list.includes('BAFA'), side, `${w}: a Committee-only briefing`);
      const fact = await client[w].get(`/en/committee/meetings/${formal.id}`);
      assert.equal(fact.status, 200);
      assert.equal((await text(fact)).includes('Llorentty'), side, `${w}: the chair of a formal meeting`);
      assert.equal((await client[w].get(`/en/committee/meetings/${bafa.id}`)).status, side ? 200 : 404);
      const state = await text(await client[w].get('/en/states/DEU'));
      assert.equal(state.includes('BAFA'), side, `${w}: the State page`);
      const ipu = await text(await client[w].get('/en/organizations/IPU'));
      assert.equal(ipu.includes('Informal meeting with international and regional organizations'), side, `${w}: the organization page`);
      const item = await text(await client[w].get('/en/committee/programme/17'));
      assert.match(item, /Share experience through peer reviews/);
      assert.equal(
        /Share experience[\s\S]*?No record linked yet/.test(item.split('Develop the procedures')[0]!),
        !side,
        `${w}: an item's restricted records`,
      );
    }
  });

  test('API: the same rules', async () => {
    for (const w of ['public', 'poc', 'expert'] as const) {
      const side = w === 'expert';
      const { body } = await api('/api/v1/meetings?year=2018&limit=500', w);
      const data = body.data as { kind: string; restricted: boolean; title?: string; participants?: unknown }[];
      // 18 of the demonstration and the fifth formal meeting of the workflow; the public sees the five formal ones' facts and the Council briefing.
      assert.equal(data.length, side ? 18 + 1 : 6, `${w}: the meetings listed`);
      for (const m of data.filter((x) => x.kind === 'formal')) assert.equal(m.restricted || m.title === undefined, !side);
      const orgs = await api('/api/v1/meetings?organization=IPU', w);
      assert.equal(orgs.body.count, side ? 1 : 0, `${w}: meetings found by participant`);
    }
  });

  test('search and bundle: nothing of a Committee-only meeting reaches the public or a point of contact', async () => {
    await refreshSearchIndex(t.database.db);
    for (const w of ['public', 'poc', 'expert'] as const) {
      const { body } = await api(`/api/v1/search?q=${secret}`, w);
      const hits = (body.data as { path: string }[]).filter((h) => h.path.startsWith('/committee/meetings/'));
      assert.equal(hits.length > 0, w === 'expert', `${w}: the search finds the BAFA briefing`);
    }
    const db = t.database.db;
    const viewer = async (email: string) =>
      viewerOf(await db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow());
    for (const [name, v] of [
      ['public', null],
      ['poc', await viewer(emails.poc)],
    ] as const) {
      const bundle = await exportBundle(db, v);
      const meetings = bundle.sections.meetings as { kind: string; confidentiality: string }[];
      assert.deepEqual(
        meetings.map((m) => [m.kind, m.confidentiality]),
        [['council-briefing', 'public']],
        `${name}: only the public meeting`,
      );
      const items = bundle.sections['programme-items'] as { links: { recordType: string }[] }[];
      const linked = new Set(items.flatMap((i) => i.links.map((l) => l.recordType)));
      const meetingLinks = items.flatMap((i) => i.links).filter((l) => l.recordType === 'meeting').length;
      assert.ok(linked.size <= 1 && meetingLinks === 1, `${name}: an item names only the public meeting`);
      assert.equal((bundle.sections['working-groups'] as unknown[]).length, 4);
    }
    const full = await exportBundle(db, await viewer(emails.expert));
    assert.ok((full.sections.meetings as unknown[]).length >= 18);
  });
});

describe('r1540 meetings list', () => {
  test('the API’s list by the same presenter, as the public or an account; a table, CSV or JSON', async () => {
    const run = (...args: string[]) => commandOnApp(t, meetingsCommand, ['list', ...args]);
    for (const [w, as] of [
      ['public', []],
      ['expert', ['--as', emails.expert]],
    ] as const) {
      const cli = JSON.parse((await run('--year', '2018', '--format', 'json', ...as)).stdout) as { count: number; data: unknown[] };
      const { body } = await api('/api/v1/meetings?year=2018&limit=500', w);
      assert.deepEqual(cli, { count: body.count, data: body.data }, `${w}: the same list as the API`);
    }
    const table = await run('--year', '2018', '--kind', 'formal');
    assert.equal(table.code, 0);
    const rows = table.stdout.trimEnd().split('\n');
    assert.match(rows[0]!, /^held on +kind +body +title/);
    assert.equal(rows.length - 2, 5, 'the five formal meetings of 2018 (the demonstration’s four and the workflow’s)');
    assert.ok(
      rows.slice(2).every((r) => r.includes('(restricted: only that it took place)')),
      'the public sees only the facts',
    );
    const csv = await run('--year', '2018', '--kind', 'formal', '--format', 'csv', '--as', emails.committee);
    assert.ok(!csv.stdout.includes('restricted'), 'the Committee side reads the records');
    await assert.rejects(run('--kind', 'picnic'), /--kind/);
    await assert.rejects(run('--year', '18'), /--year/);
  });
});
