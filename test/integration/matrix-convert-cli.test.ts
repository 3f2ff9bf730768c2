import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { loadConfig } from '../../src/platform/config.ts';
import { engine } from '../support/database.ts';
import { createContext } from '../../src/app/context.ts';
import { openPglite } from '../../src/platform/db/connect.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { addUser } from '../../src/features/accounts/commands.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { cellsOf, openMatrix } from '../../src/features/matrix/versions/matrices.ts';
import { updateTemplateDefinition } from '../../src/features/matrix/templates/template-edit.ts';
import { copyTemplate } from '../../src/features/matrix/templates/templates.ts';
import { actor, edited, nerCells, publish, rename, tcdCells } from '../support/matrix-convert.ts';

// The CLI as an operator runs it, on an embedded database in a folder of its own.
// The command runs on a PGlite folder of its own whatever DATABASE_URL says: the PostgreSQL run would repeat the PGlite one.
describe('r1540 matrix convert', {
  skip: engine === 'postgres' && 'the command runs on an embedded database of its own: the PGlite run covers it',
}, () => {
  const bin = new URL('../../bin/r1540.js', import.meta.url).pathname;
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'r1540-convert-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function r1540(args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const { DATABASE_URL: _ignored, ...rest } = process.env;
      const child = spawn(process.execPath, [bin, ...args], {
        env: { ...rest, R1540_DATA_DIR: join(dir, 'data'), PORT: '0', R1540_DEMO: 'false' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(input);
    });
  }

  async function withDatabase<T>(run: (db: Kysely<DB>) => Promise<T>): Promise<T> {
    const database = await openPglite(join(dir, 'data'));
    try {
      return await run(database.db);
    } finally {
      await database.close();
    }
  }

  test('--all --dry-run reports and saves nothing; the real run converts every State at once', async () => {
    // The database as the command finds it: made here, in this process, to spare a slow start.
    const app = await createContext(loadConfig({ R1540_DATA_DIR: join(dir, 'data'), R1540_DEMO: 'false' }));
    try {
      const db = app.database.db;
      const user = (email: string, displayName: string, role: string) =>
        addUser(db, systemActor, { email, displayName, role, password: 'a long enough password' }).then(viewerOf);
      const admin = await user('admin@example.org', 'Admin', 'admin');
      const expert = await user('expert@example.org', 'Expert', 'expert');
      const copy = await copyTemplate(db, actor(admin), '2017', '2026-test');
      await updateTemplateDefinition(db, actor(admin), '2026-test', edited(copy.definition), copy.row_version);
      await publish(db, expert, admin, 'NER', nerCells);
      await publish(db, expert, admin, 'TCD', tcdCells);
    } finally {
      await app.database.close();
    }
    const mappingFile = join(dir, 'mapping.json');
    writeFileSync(mappingFile, JSON.stringify(rename));

    const usage = await r1540(['matrix', 'convert', '--to', '2026-test', '--as', 'admin@example.org']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--state ISO3 or --all/);
    const dry = await r1540([
      'matrix',
      'convert',
      '--to',
      '2026-test',
      '--mapping',
      mappingFile,
      '--all',
      '--as',
      'admin@example.org',
      '--dry-run',
    ]);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^NER: version 1 \(2017\) → version 2 \(2026-test\): 3 cells converted, 1 renamed, 1 not mapped$/m);
    assert.match(dry.stdout, /^ {2}renamed {5}OP2\.MANUFACTURE\.N\.LF → OP2\.MANUFACTURE\.N\.LAW$/m);
    assert.match(dry.stdout, /^ {2}not mapped {2}OP2\.USE\.B\.EN = "\?" \(1 sources\)$/m);
    assert.match(dry.stdout, /^TCD: version 1 \(2017\) → version 2 \(2026-test\): 2 cells converted, 1 renamed, 0 not mapped$/m);
    assert.match(dry.stdout, /left blank: OP2\.BROKER\.N\.LF/);
    assert.match(
      dry.stdout,
      /^dry run: would convert 2 States to 2026-test \(5 cells, 1 not mapped; 191 without an approved version, 0 already on 2026-test\).*nothing was saved$/m,
    );
    assert.match(dry.stderr, /convert \(dry run\): TCD 2\/2/);
    // Had the dry run saved anything, the real run would find versions in the works and refuse.
    const real = await r1540(['matrix', 'convert', '--to', '2026-test', '--mapping', mappingFile, '--all', '--as', 'admin@example.org']);
    assert.equal(real.code, 0, real.stderr);
    assert.match(real.stdout, /^converted 2 States to 2026-test \(5 cells, 1 not mapped;/m);
    await withDatabase(async (db) => {
      for (const iso3 of ['NER', 'TCD']) {
        const draft = (await openMatrix(db, iso3))!;
        assert.equal(draft.template_version, '2026-test');
        assert.equal(draft.number, 2);
        assert.ok((await cellsOf(db, draft.id)).some((c) => c.field_code === 'OP2.MANUFACTURE.N.LAW' && c.value === 'X'));
      }
      const events = await db.selectFrom('audit_event').select(['actor_label']).where('action', '=', 'convert').execute();
      assert.deepEqual(
        events.map((e) => e.actor_label),
        ['Admin', 'Admin'],
      );
    });
  });
});
