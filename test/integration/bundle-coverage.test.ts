import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import '../../src/features/registry.ts';
import { demoAccounts, viewerOf } from '../../src/features/accounts/index.ts';
import { uploadDocument } from '../../src/features/documents/commands.ts';
import { type Bundle, exportBundle, importBundle } from '../../src/platform/bundle/bundle.ts';
import { bundleSections } from '../../src/platform/bundle/registry.ts';
import { actorOf } from '../../src/platform/audit/record.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/db/connect.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { recordTypes, type Viewer } from '../../src/platform/policy/policy.ts';
import { freshDatabase } from '../support/database.ts';

/*
 * The bundle checked against the registry, so that a feature cannot forget it: on the demonstration
 * data (every feature's set) and one uploaded document, every kind of record a user can create is
 * exported, and an export imported into a database with none of these records exports the same
 * again, for every viewer.
 */

/** The record kinds that do not travel in the bundle, and why. */
const notCarried: Record<string, string> = {
  user: 'an account is a sign-in to this installation (its password hash, its role); the importer brings its own',
  'api-token': 'a personal API token is a secret of one account on one installation; it is never exported',
  'audit-event': 'the history is written by each installation as records change; an import writes its own events',
};

let source: Database;
let filesDir: string;
let admin: Viewer;
let viewers: [string, Viewer | null][];

async function viewer(db: Kysely<DB>, email: string): Promise<Viewer> {
  return viewerOf(await db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow());
}

before(async () => {
  source = await freshDatabase({ demo: true });
  filesDir = mkdtempSync(join(tmpdir(), 'r1540-bundle-coverage-'));
  admin = await viewer(source.db, 'admin@demo.r1540.org');
  const expert = await viewer(source.db, 'expert@demo.r1540.org');
  await uploadDocument(source.db, { ...loadConfig({}), filesDir }, actorOf(expert), expert, {
    title: 'Export control law of Mali',
    language: 'fr',
    kind: 'other',
    state: 'MLI',
    confidentiality: 'public',
    links: [],
    file: { name: 'loi.txt', bytes: Buffer.from('Loi relative au contrôle des exportations.\n') },
  });
  viewers = [['the public', null]];
  for (const a of demoAccounts) viewers.push([a.email, await viewer(source.db, a.email)]);
});
after(async () => {
  await source?.close();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('the bundle carries every kind of record', () => {
  let bundle: Bundle;
  before(async () => {
    bundle = await exportBundle(source.db, admin);
  });

  test('a user can create: each kind is in some section, or left out with a reason', () => {
    const carried = new Map<string, number>();
    for (const section of bundleSections())
      for (const record of bundle.sections[section.name] ?? []) {
        const type = section.resource(record).type;
        carried.set(type, (carried.get(type) ?? 0) + 1);
      }
    for (const type of recordTypes) {
      if (type in notCarried) {
        assert.ok(notCarried[type]!.length >= 30, `${type}: say why the bundle leaves it out`);
        assert.equal(carried.get(type), undefined, `${type} is said not to travel, yet a section carries it`);
      } else assert.ok((carried.get(type) ?? 0) > 0, `no record of kind ${type} in the bundle of the demonstration data`);
    }
    for (const type of Object.keys(notCarried)) assert.ok(recordTypes.includes(type as never), `${type} is no record kind`);
  });

  test('export, import into a database without these records, export: the same for every viewer', async () => {
    const target = await freshDatabase();
    try {
      const targetAdmin = await viewer(target.db, 'admin@demo.r1540.org');
      await importBundle(target.db, actorOf(targetAdmin), targetAdmin, bundle, { filesDir });
      for (const [name, v] of viewers) {
        const theirs = v && (await viewer(target.db, v.email));
        const before = await exportBundle(source.db, v);
        const again = await exportBundle(target.db, theirs);
        for (const section of Object.keys(before.sections))
          assert.deepEqual(again.sections[section], before.sections[section], `${name}: the section ${section} differs`);
        assert.deepEqual(Object.keys(again.sections), Object.keys(before.sections), `${name}: the sections`);
      }
    } finally {
      await target.close();
    }
  });
});
