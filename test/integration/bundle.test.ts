import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { type Bundle, exportBundle, importBundle, validateBundle } from '../../src/platform/bundle/bundle.ts';
import { bundleSections } from '../../src/platform/bundle/registry.ts';
import type { Database } from '../../src/platform/db/connect.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { AppError } from '../../src/platform/errors.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { actorOf } from '../../src/platform/audit/record.ts';
import { setStateArchived, updateState } from '../../src/features/member-states/commands.ts';
import { findState } from '../../src/features/member-states/queries.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { engine, freshDatabase } from '../support/database.ts';

const root = new URL('../../', import.meta.url).pathname;

async function viewer(db: Kysely<DB>, email: string): Promise<Viewer> {
  return viewerOf(await db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow());
}

async function auditCount(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Every record's version: equal before and after means nothing was written. */
async function versions(db: Kysely<DB>): Promise<string> {
  const states = await db.selectFrom('member_state').select(['iso3', 'version']).orderBy('iso3').execute();
  const orgs = await db.selectFrom('organization').select(['code', 'version']).orderBy('code').execute();
  return JSON.stringify([states, orgs]);
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

type Rec = Record<string, unknown> & { names: Record<string, string> };

function records(bundle: Bundle, section: string): Rec[] {
  return bundle.sections[section] as Rec[];
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  assert.fail('expected an AppError');
}

let database: Database;
let db: Kysely<DB>;
let admin: Viewer;

before(async () => {
  database = await freshDatabase();
  db = database.db;
  admin = await viewer(db, 'admin@demo.r1540.org');
  // Restricted records, so that what each viewer exports differs.
  await db.updateTable('organization').set({ confidentiality: 'committee' }).where('code', '=', 'AU').execute();
  await db.updateTable('member_state').set({ confidentiality: 'committee' }).where('iso3', '=', 'NOR').execute();
  await db.updateTable('member_state').set({ confidentiality: 'committee-and-state' }).where('iso3', '=', 'MLI').execute();
});
after(() => database.close());

describe('export', () => {
  test('the public sees public records only; the Committee side sees all; a point of contact sees its State', async () => {
    const pub = await exportBundle(db, null);
    const expert = await exportBundle(db, await viewer(db, 'expert@demo.r1540.org'));
    const poc = await exportBundle(db, await viewer(db, 'poc.mli@demo.r1540.org'));
    assert.equal(pub.format, 'r1540-bundle');
    assert.equal(pub.formatVersion, 1);
    assert.equal(pub.exportedBy, null);
    assert.equal(expert.exportedBy, 'expert@demo.r1540.org');
    assert.ok(!Number.isNaN(Date.parse(pub.exportedAt)));
    // Every registered section, in the registry's order; today's among them in this order (a new
    // feature's sections may come between them).
    const names = bundleSections().map((x) => x.name);
    assert.deepEqual(Object.keys(pub.sections), names);
    const today = [
      'organizations',
      'member-states',
      'matrix-templates',
      'matrices',
      'matrix-proposals',
      'review-cycles',
      'national-reports',
      'action-plans',
      'points-of-contact',
      'visits',
      'courses',
      'documents',
      'assistance-offers',
      'assistance-requests',
      'letters',
    ];
    assert.deepEqual(
      names.filter((n) => today.includes(n)),
      today,
    );

    const codes = (b: Bundle) => records(b, 'organizations').map((o) => o.code);
    const isos = (b: Bundle) => records(b, 'member-states').map((s) => s.iso3);
    assert.equal(isos(expert).length, 193);
    assert.ok(codes(expert).includes('AU'));
    assert.equal(isos(pub).length, 191);
    assert.ok(!isos(pub).includes('NOR') && !isos(pub).includes('MLI'));
    assert.ok(!codes(pub).includes('AU'));
    // A public State does not name the hidden organization among its memberships.
    const ago = (b: Bundle) => records(b, 'member-states').find((s) => s.iso3 === 'AGO')?.organizations;
    assert.deepEqual(ago(expert), ['AU']);
    assert.deepEqual(ago(pub), []);
    assert.ok(isos(poc).includes('MLI') && !isos(poc).includes('NOR'));
    assert.equal(records(expert, 'member-states').find((s) => s.iso3 === 'NOR')?.confidentiality, 'committee');
  });

  test('records have the shape of the shipped data files, plus archived', async () => {
    const b = await exportBundle(db, admin);
    const afg = records(b, 'member-states').find((s) => s.iso3 === 'AFG')!;
    assert.deepEqual(Object.keys(afg).sort(), [
      'archived',
      'confidentiality',
      'iso2',
      'iso3',
      'm49',
      'm49IntermediateRegion',
      'm49Region',
      'm49Subregion',
      'names',
      'organizations',
      'regionalGroup',
      'securityCouncilYears',
      'unMemberSince',
    ]);
    assert.equal(afg.unMemberSince, '1946-11-19');
    assert.equal(afg.archived, false);
    const iaea = records(b, 'organizations').find((o) => o.code === 'IAEA')!;
    assert.deepEqual(Object.keys(iaea).sort(), [
      'acronyms',
      'archived',
      'code',
      'confidentiality',
      'formerNames',
      'kind',
      'namedInSeed',
      'names',
      'website',
    ]);
  });
});

describe('import', () => {
  test('a round trip into a fresh database gives the same export', async () => {
    const fra = (await findState(db, 'FRA'))!;
    await updateState(db, actorOf(admin), 'FRA', fra.version, {
      names: { ...fra.names, en: 'French Republic' },
      unMemberSince: fra.un_member_since,
      regionalGroup: fra.regional_group,
      organizations: fra.organizations,
      securityCouncilYears: fra.security_council_years,
    });
    await setStateArchived(db, actorOf(admin), 'TUV', true);
    const source = await exportBundle(db, admin);

    const target = await freshDatabase();
    try {
      const targetAdmin = await viewer(target.db, 'admin@demo.r1540.org');
      const result = await importBundle(target.db, actorOf(targetAdmin), targetAdmin, JSON.stringify(source));
      assert.equal(result.dryRun, false);
      assert.deepEqual(result.sections.organizations, { created: 0, updated: 1, unchanged: 48 });
      assert.deepEqual(result.sections['member-states'], { created: 0, updated: 4, unchanged: 189 });
      const again = await exportBundle(target.db, targetAdmin);
      assert.deepEqual(again.sections, source.sections);

      // A second import of the same bundle changes nothing and records nothing.
      const events = await auditCount(target.db);
      const second = await importBundle(target.db, actorOf(targetAdmin), targetAdmin, source);
      assert.deepEqual(second.sections['member-states'], { created: 0, updated: 0, unchanged: 193 });
      assert.equal(await auditCount(target.db), events);
    } finally {
      await target.close();
    }
  });

  test('an edited bundle updates and creates records, each with an audit event by the importer', async () => {
    const bundle = clone(await exportBundle(db, admin));
    const states = records(bundle, 'member-states');
    const orgs = records(bundle, 'organizations');
    const bra = states.find((s) => s.iso3 === 'BRA')!;
    bra.names.zh = '巴西联邦共和国';
    const chl = states.find((s) => s.iso3 === 'CHL')!;
    chl.organizations = [...(chl.organizations as string[]), 'TEST-ORG'];
    orgs.find((o) => o.code === 'IAEA')!.website = 'https://www.iaea.org/about';
    orgs.push({
      code: 'TEST-ORG',
      kind: 'regional',
      acronyms: { en: 'TO' },
      names: { en: 'Test Organization', fr: 'Organisation d’essai' },
      formerNames: {},
      website: null,
      namedInSeed: false,
      archived: false,
      confidentiality: 'public',
    });
    const braBefore = (await findState(db, 'BRA'))!;
    const eventsBefore = await auditCount(db);

    const dry = await importBundle(db, actorOf(admin), admin, JSON.stringify(bundle), { dryRun: true });
    assert.equal(dry.dryRun, true);
    assert.deepEqual(dry.sections.organizations, { created: 1, updated: 1, unchanged: orgs.length - 2 });
    assert.deepEqual(dry.sections['member-states'], { created: 0, updated: 2, unchanged: 191 });
    assert.equal(await auditCount(db), eventsBefore, 'a dry run writes nothing');
    assert.equal((await findState(db, 'BRA'))!.version, braBefore.version);

    const progress: string[] = [];
    const result = await importBundle(db, actorOf(admin), admin, JSON.stringify(bundle), {
      onProgress: (step, done, total) => progress.push(`${step} ${done}/${total}`),
    });
    assert.deepEqual(result.sections, dry.sections);
    assert.ok(progress.includes('member-states 193/193'));

    const braAfter = (await findState(db, 'BRA'))!;
    assert.equal(braAfter.names.zh, '巴西联邦共和国');
    assert.equal(braAfter.version, braBefore.version + 1);
    const events = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('id', '>', String(await lastEventIdBefore(db, eventsBefore)))
      .orderBy('id')
      .execute();
    assert.equal(events.length, 4);
    assert.ok(events.every((e) => e.actor_id === admin.id && e.actor_label === admin.displayName));
    const by = (type: string, id: string) => events.find((e) => e.record_type === type && e.record_id === id);
    assert.equal(by('organization', 'TEST-ORG')?.action, 'create');
    assert.equal(by('organization', 'IAEA')?.action, 'import');
    assert.equal(by('member-state', 'CHL')?.action, 'import');
    const braEvent = by('member-state', 'BRA')!;
    assert.equal(braEvent.action, 'import');
    assert.equal((braEvent.before as { names: { zh: string } }).names.zh, braBefore.names.zh);
    assert.equal((braEvent.after as { names: { zh: string } }).names.zh, '巴西联邦共和国');
  });

  test('a malformed bundle: every problem is listed with its path, and nothing is written', async () => {
    const bundle = clone(await exportBundle(db, admin)) as Bundle & { sections: Record<string, unknown[]> };
    const states = records(bundle, 'member-states');
    const orgs = records(bundle, 'organizations');
    states[12]!.names.zh = '';
    states[20]!.regionalGroup = 'martian';
    states[30]!.organizations = ['NO-SUCH-ORG'];
    states[40]!.securityCouncilYears = [1900];
    (states[50] as Record<string, unknown>).capital = 'Somewhere';
    delete (states[60] as Record<string, unknown>).iso2;
    states.push(clone(states[5]!));
    orgs[3]!.kind = 'club';
    orgs[4]!.website = 'ftp://example.org';
    orgs[5]!.names = { fr: 'Sans nom anglais' };
    bundle.sections.widgets = [{ id: 1 }];

    const eventsBefore = await auditCount(db);
    const versionsBefore = await versions(db);
    const err = await rejection(importBundle(db, actorOf(admin), admin, JSON.stringify(bundle)));
    assert.equal(err.code, 'validation');
    const fields = err.fields.map((f) => f.field);
    const expected = [
      'sections.widgets',
      'sections.organizations[3].kind',
      'sections.organizations[4].website',
      'sections.organizations[5].names.en',
      'sections.member-states[12].names.zh',
      'sections.member-states[20].regionalGroup',
      'sections.member-states[30].organizations[0]',
      'sections.member-states[40].securityCouncilYears[0]',
      'sections.member-states[50].capital',
      'sections.member-states[60].iso2',
      'sections.member-states[193].iso3',
    ];
    assert.deepEqual(fields, expected);
    assert.match(
      err.fields.find((f) => f.field === 'sections.member-states[193].iso3')!.problem,
      /repeats the key \w{3} of sections\.member-states\[5\]/,
    );
    assert.match(err.fields.find((f) => f.field.endsWith('organizations[0]'))!.problem, /NO-SUCH-ORG/);
    assert.equal(err.fields.find((f) => f.field.endsWith('[60].iso2'))!.problem, 'is required');
    assert.equal(await auditCount(db), eventsBefore);
    assert.equal(await versions(db), versionsBefore);

    // The same problems, found without importing.
    const { problems } = await validateBundle(JSON.stringify(bundle), db);
    assert.deepEqual(problems, err.fields);
  });

  test('bad JSON, another format or a newer version is named', async () => {
    const bad = await rejection(importBundle(db, actorOf(admin), admin, '{"format": "r1540-bundle",\n  "sections": {,}}'));
    assert.equal(bad.code, 'validation');
    assert.equal(bad.fields.length, 1);
    assert.equal(bad.fields[0]!.field, '(bundle)');
    assert.match(bad.fields[0]!.problem, /is not valid JSON \(line 2, column \d+\)/);

    const other = await validateBundle({ format: 'something', formatVersion: 1, sections: {} });
    assert.deepEqual(
      other.problems.map((p) => p.field),
      ['format'],
    );
    const newer = await validateBundle({ format: 'r1540-bundle', formatVersion: 2, sections: {} });
    assert.match(newer.problems[0]!.problem, /newer r1540/);
    const noSections = await validateBundle({ format: 'r1540-bundle', formatVersion: 1, sections: { 'member-states': {} } });
    assert.deepEqual(noSections.problems, [{ field: 'sections.member-states', problem: 'must be a list of records' }]);
  });

  test('a provider, a point of contact or the public may not import', async () => {
    const bundle = await exportBundle(db, null);
    const eventsBefore = await auditCount(db);
    for (const email of ['provider@demo.r1540.org', 'poc.mli@demo.r1540.org', 'expert@demo.r1540.org']) {
      const v = await viewer(db, email);
      const err = await rejection(importBundle(db, actorOf(v), v, bundle));
      assert.equal(err.code, 'forbidden', email);
      assert.ok(err.fields.some((f) => f.field === 'sections.member-states'));
    }
    const err = await rejection(importBundle(db, { id: null, label: 'anonymous' }, null, bundle));
    assert.equal(err.code, 'forbidden');
    assert.equal(await auditCount(db), eventsBefore);
  });
});

async function lastEventIdBefore(db: Kysely<DB>, count: number): Promise<string> {
  const row = await db
    .selectFrom('audit_event')
    .select('id')
    .orderBy('id')
    .offset(count - 1)
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('the command line', {
  skip: engine === 'postgres' && 'the command runs on an embedded database of its own: the PGlite run covers it',
}, () => {
  test('`r1540 export` on a first start prints all 193 Member States', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r1540-cli-'));
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, 'bin/r1540.js'), 'export'], {
        cwd: root,
        env: { ...process.env, R1540_DATA_DIR: dir, DATABASE_URL: '', R1540_DEMO: 'false' },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 170_000,
      });
      const bundle = JSON.parse(stdout) as Bundle;
      assert.equal(bundle.format, 'r1540-bundle');
      assert.equal(bundle.exportedBy, null);
      assert.equal(bundle.sections['member-states']?.length, 193);
      assert.match(stderr, /export: member-states 193\/193/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
