import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cliDatabase } from '../support/cli.ts';
import { engine } from '../support/database.ts';
import { addUser } from '../../src/features/accounts/commands.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { cellsOf, openMatrix } from '../../src/features/matrix/versions/matrices.ts';
import { updateTemplateDefinition } from '../../src/features/matrix/templates/template-edit.ts';
import { copyTemplate } from '../../src/features/matrix/templates/templates.ts';
import { actor, edited, nerCells, publish, rename, tcdCells } from '../support/matrix-convert.ts';

// `r1540 matrix convert` in this process, on a database of this file's own (a PGlite folder, or a
// PostgreSQL database when DATABASE_URL is set).
describe(`r1540 matrix convert (${engine})`, () => {
  const cli = cliDatabase('convert');
  const { r1540, withDatabase } = cli;

  test('--all --dry-run reports and saves nothing; the real run converts every State at once', async () => {
    // The database as the command finds it.
    await withDatabase(async (db) => {
      const user = (email: string, displayName: string, role: string) =>
        addUser(db, systemActor, { email, displayName, role, password: 'a long enough password' }).then(viewerOf);
      const admin = await user('admin@example.org', 'Admin', 'admin');
      const expert = await user('expert@example.org', 'Expert', 'expert');
      const copy = await copyTemplate(db, actor(admin), '2017', '2026-test');
      await updateTemplateDefinition(db, actor(admin), '2026-test', edited(copy.definition), copy.row_version);
      await publish(db, expert, admin, 'NER', nerCells);
      await publish(db, expert, admin, 'TCD', tcdCells);
    });
    const mappingFile = join(cli.dir, 'mapping.json');
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
