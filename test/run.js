#!/usr/bin/env node
// `npm test`: the unit tests (src/) and the integration tests (test/integration/), through Node's
// test runner with tsx, each test file in its own process and several at once.
//
// Without DATABASE_URL every test runs on the embedded database (PGlite). With DATABASE_URL the
// integration tests run once, on that PostgreSQL server, and beside them a second job runs the unit
// tests and, on PGlite, the integration files that say `// Engines: both` in their first lines
// (what differs between the engines: start-up, the data folder and its lock, backup and restore,
// the command line, and a representative subset of the features). The second job's output is
// printed whole when it ends; the exit code fails when either job fails.
//
// Options: a list of test files runs only those; R1540_TEST_CONCURRENCY sets how many files run at
// once in each job (default: the cores, at least 2).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('../', import.meta.url).pathname;

function find(dir, out = []) {
  for (const name of readdirSync(join(root, dir)).sort()) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) find(path, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** A test file that runs on both engines says so in its first lines. */
const onBothEngines = (file) => /^\/\/ Engines: both\b/m.test(readFileSync(join(root, file), 'utf8').slice(0, 2000));

const given = process.argv.slice(2).map((f) => relative(root, join(process.cwd(), f)));
const all = given.length ? given : [...find('src'), ...find('test/integration')];
const unit = all.filter((f) => f.startsWith('src/'));
const integration = all.filter((f) => !f.startsWith('src/'));
const concurrency = Number(process.env.R1540_TEST_CONCURRENCY) || Math.max(2, availableParallelism());

/** Runs node --test on files with an environment; resolves to its exit code. Output live, or collected. */
function run(files, env, collect) {
  if (!files.length) return Promise.resolve({ code: 0, output: '' });
  const args = ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-timeout=300000', ...files];
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: collect ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  const chunks = [];
  if (collect) {
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
  }
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString() })),
  );
}

const { DATABASE_URL, ...embedded } = process.env;
let failed = false;
if (!DATABASE_URL) {
  failed = (await run(all, process.env, false)).code !== 0;
} else {
  const both = integration.filter(onBothEngines);
  console.log(
    `# ${integration.length} integration test files on PostgreSQL; beside them, ${unit.length} unit test files and ${both.length} integration test files on PGlite`,
  );
  const pglite = run([...unit, ...both], embedded, true);
  const postgres = await run(integration, process.env, false);
  const second = await pglite;
  console.log(`\n# the unit tests, and on PGlite: ${both.join(' ')}\n`);
  process.stdout.write(second.output);
  failed = postgres.code !== 0 || second.code !== 0;
  console.log(`\n# PostgreSQL job: exit ${postgres.code}; unit and PGlite job: exit ${second.code}`);
}
process.exit(failed ? 1 : 0);
