import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { loadConfig } from '../../src/platform/config.ts';
import { cliDatabase } from '../support/cli.ts';
import { engine } from '../support/database.ts';
import { createContext } from '../../src/app/context.ts';
import { seedDemoAccounts } from '../../src/features/accounts/index.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { uploadDocument } from '../../src/features/documents/documents.ts';

// `r1540 search` in this process, on a database of this file's own (a PGlite folder, or a PostgreSQL
// database when DATABASE_URL is set).

describe(`r1540 search (${engine})`, () => {
  const cli = cliDatabase('search-cli');
  const { r1540 } = cli;
  before(async () => {
    const config = loadConfig(cli.env);
    const app = await createContext(config);
    try {
      await seedDemoAccounts(app.database.db);
      await uploadDocument(
        app.database.db,
        config,
        systemActor,
        { id: 'x', email: 'system', displayName: 'system', role: 'admin', stateIso3: null, organizationCode: null },
        {
          title: '访问报告',
          language: 'zh',
          kind: 'visit',
          state: 'MLI',
          confidentiality: 'committee',
          links: [],
          file: { name: 'visit.txt', bytes: Buffer.from('2018年，专家组访问了马里。') },
        },
      );
    } finally {
      await app.database.close();
    }
  });

  test('a query as the public finds the State, not the committee document; as an expert, both', async () => {
    const pub = await r1540(['search', 'query', '马里', '--json']);
    assert.equal(pub.code, 0, pub.stderr);
    const p = JSON.parse(pub.stdout) as { total: number; data: { type: string; id: string }[] };
    assert.deepEqual(p.data.map((h) => h.id).sort(), ['MLI', 'SOM']);
    const expert = await r1540(['search', 'query', '专家组', '--as', 'expert@demo.r1540.org']);
    assert.equal(expert.code, 0, expert.stderr);
    assert.match(expert.stdout, /^1 found/);
    assert.match(expert.stdout, /\[专家组\]访问了马里/);
    const nobody = await r1540(['search', 'query', 'x', '--as', 'nobody@example.org']);
    assert.notEqual(nobody.code, 0);
    assert.match(nobody.stderr, /--as/);
  });

  test('reindex rebuilds the whole index', async () => {
    const run = await r1540(['search', 'reindex']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^indexed \d+ records in \d+ chunks/);
  });
});
