// Engines: both (a first start's defaults depend on which database it finds)
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createContext } from '../../src/app/context.ts';
import { createApp } from '../../src/app/http.tsx';
import { loadConfig } from '../../src/platform/config.ts';
import { openPglite } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { createLogger } from '../../src/platform/log.ts';
import { engine, freshDatabase } from '../support/database.ts';

// Safe defaults: demonstration accounts (whose password is public) and data only when asked, or
// on a loopback host with the embedded database. A server others may reach (DATABASE_URL, or a
// HOST that is not loopback) gets none unless R1540_DEMO=true is said, and then every page and
// the log warn. The rule reads the configuration only, so it runs on an embedded database of its
// own; the PostgreSQL run would repeat it.
const skip = engine === 'postgres' ? 'the rule reads the configuration only: the PGlite run tests it' : false;

let migrated: Blob;
before(async () => {
  if (skip) return;
  const database = await openPglite(undefined);
  await migrateToLatest(database.db);
  migrated = await database.pglite!.dumpDataDir('gzip');
  await database.close();
});

/** A first start with this environment on an empty database: the accounts, the log, the home page. */
async function firstStart(env: Record<string, string>) {
  const database = await openPglite(undefined, { loadDataDir: migrated });
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  try {
    const app = await createContext(loadConfig(env), { database, logger });
    const users = await database.db.selectFrom('app_user').select('email').execute();
    const page = await (await createApp(app).request('http://localhost/en/')).text();
    const pageFr = await (await createApp(app).request('http://localhost/fr/states')).text();
    return { app, users: users.map((u) => u.email), lines, page, pageFr };
  } finally {
    await database.close();
  }
}

const warning = /demonstration accounts(&#39;|')s? password is public/;
const warnedInLog = (lines: Record<string, unknown>[]) => lines.some((l) => l.level === 40 && /password is public/.test(String(l.msg)));

test('loopback host, embedded database, R1540_DEMO unset: the banner, no warning (startup.test.ts shows the accounts made)', {
  skip,
}, async () => {
  const database = await freshDatabase();
  try {
    const app = await createContext(loadConfig({ HOST: '127.0.0.1' }), { database });
    assert.equal(app.demo, true);
    assert.equal(app.demoWarning, false);
    const page = await (await createApp(app).request('http://localhost/en/')).text();
    assert.match(page, /class="demo-banner"/);
    assert.doesNotMatch(page, warning);
  } finally {
    await database.close();
  }
});

for (const [name, env] of [
  ['DATABASE_URL set', { DATABASE_URL: 'postgres://db.example.org/r1540' }],
  ['HOST=0.0.0.0', { HOST: '0.0.0.0' }],
  ['R1540_DEMO=false on a loopback host', { R1540_DEMO: 'false' }],
] as const) {
  test(`${name}: no demonstration account, no demonstration data, no banner`, { skip }, async () => {
    const start = await firstStart(env);
    assert.equal(start.app.demo, false);
    assert.deepEqual(start.users, []);
    assert.doesNotMatch(start.page, /demo-banner/);
    assert.equal(warnedInLog(start.lines), false);
  });
}

test('R1540_DEMO=true on HOST=0.0.0.0: the demonstration accounts, and every page and the log warn that their password is public', {
  skip,
}, async () => {
  const start = await firstStart({ HOST: '0.0.0.0', R1540_DEMO: 'true' });
  assert.equal(start.app.demo, true);
  assert.equal(start.users.length, 6);
  assert.match(start.page, warning);
  assert.match(start.pageFr, /Le mot de passe des comptes de démonstration est public/);
  assert.ok(warnedInLog(start.lines), JSON.stringify(start.lines));
});

test('the rule in the configuration', () => {
  const cases: [Record<string, string>, boolean, boolean][] = [
    [{}, true, false],
    [{ HOST: 'localhost' }, true, false],
    [{ HOST: '127.0.0.2' }, true, false],
    [{ HOST: '::1' }, true, false],
    [{ HOST: '0.0.0.0' }, false, true],
    [{ HOST: '::' }, false, true],
    [{ HOST: '192.168.1.20' }, false, true],
    [{ DATABASE_URL: 'postgres://x/y' }, false, true],
    [{ DATABASE_URL: 'postgres://x/y', R1540_DEMO: 'true' }, true, true],
    [{ R1540_DEMO: 'true' }, true, true],
    [{ HOST: '0.0.0.0', R1540_DEMO: 'false' }, false, true],
    [{ R1540_DEMO: 'no' }, false, false],
  ];
  for (const [env, seedDemo, warnDemo] of cases) {
    const config = loadConfig(env);
    assert.deepEqual({ seedDemo: config.seedDemo, warnDemo: config.warnDemo }, { seedDemo, warnDemo }, JSON.stringify(env));
  }
  assert.throws(() => loadConfig({ R1540_DEMO: 'maybe' }), /R1540_DEMO must be true or false/);
});
