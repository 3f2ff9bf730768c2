#!/usr/bin/env node
// `npm test`: the unit tests (src/) and the integration tests (test/integration/), through Node's
// test runner with tsx, each test file in its own process and several at once.
//
// Without DATABASE_URL every test runs on the embedded database (PGlite). With DATABASE_URL the
// integration tests run once, on that PostgreSQL server, and beside them a second job runs the unit
// tests and, on PGlite, the integration files that say `// Engines: both` in their first lines
// (what differs between the engines: start-up, the data folder and its lock, backup and restore,
// the command line, and a representative subset of the features).
//
// Each file is a `node --test` of its own, started by this script from a queue (Node's runner sorts
// the files it is given by name, and would leave the longest to the end): the files that take
// longest start first. A line per file says how it ended and how long it took; a failing file's
// whole output follows its line; the slowest files are listed at the end. The exit code fails when
// any file fails.
//
// Options: a list of test files runs only those; R1540_TEST_CONCURRENCY sets how many files run at
// once in each job (default: the cores, at least 2); R1540_TEST_VERBOSE=1 prints every file's output.
// The unit tests (src/) run together in one process (test/unit.ts), after the integration files.
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

/**
 * The files that take longest (a minute or more in CI: whole-site walks, seeding from the command
 * line), longest first: they start first, so that a job does not end with one of them running alone.
 */
const slowest = [
  'test/integration/edge-read-routes-pages.test.ts',
  'test/integration/edge-read-routes-api.test.ts',
  'test/integration/seed-cli.test.ts',
  'test/integration/links.test.ts',
  'test/integration/bundle-coverage.test.ts',
  'test/integration/annual-review.test.ts',
  'test/integration/annual-review-outputs.test.ts',
  'test/integration/access-policy-1.test.ts',
  'test/integration/access-policy-2.test.ts',
  'test/integration/access-policy-3.test.ts',
  'test/integration/edge-write-routes.test.ts',
];
const rank = (f) => (slowest.includes(f) ? slowest.indexOf(f) : slowest.length);

const given = process.argv.slice(2).map((f) => relative(root, join(process.cwd(), f)));
const all = (given.length ? given : [...find('src'), ...find('test/integration')]).sort((a, b) => rank(a) - rank(b));
const unit = all.filter((f) => f.startsWith('src/'));
const integration = all.filter((f) => !f.startsWith('src/'));
const concurrency = Number(process.env.R1540_TEST_CONCURRENCY) || Math.max(2, availableParallelism());
/** As many at once on the PostgreSQL server (three at a time was slower in CI: 79 files done at 14 min against 103). */
const serverConcurrency = concurrency;
const verbose = process.env.R1540_TEST_VERBOSE === '1';

/** The unit tests, all in one process (test/unit.ts), as one entry of a job's queue. */
const unitEntry = (files) => ({ name: `the unit tests (${files.length} files, one process)`, files });

/** One file in a `node --test` of its own (or the unit tests in one process): its exit code, output and duration. */
function runFile(entry, env) {
  const started = Date.now();
  const file = typeof entry === 'string' ? entry : entry.name;
  const args =
    typeof entry === 'string'
      ? ['--import', 'tsx', '--test', '--test-timeout=600000', entry]
      : ['--import', 'tsx', '--test-reporter=tap', '--test-timeout=600000', 'test/unit.ts', ...entry.files];
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks = [];
  child.stdout.on('data', (d) => chunks.push(d));
  child.stderr.on('data', (d) => chunks.push(d));
  return new Promise((resolve) =>
    child.on('close', (code, signal) =>
      resolve({ file, code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString(), seconds: (Date.now() - started) / 1000 }),
    ),
  );
}

const count = (output, what) => Number(output.match(new RegExp(`^# ${what} (\\d+)`, 'm'))?.[1] ?? 0);

/** A job: its files, `concurrency` at a time in the given order; a line per file as it ends. */
async function job(name, files, env, slots = concurrency) {
  const queue = [...files];
  const results = [];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const r = await runFile(file, env);
      results.push({ ...r, job: name });
      const tests = `${count(r.output, 'pass')} passed${count(r.output, 'fail') ? `, ${count(r.output, 'fail')} failed` : ''}${count(r.output, 'cancelled') ? `, ${count(r.output, 'cancelled')} cancelled` : ''}`;
      const line = `${r.code === 0 ? 'ok' : 'not ok'} [${name}] ${r.file} (${tests}; ${r.seconds.toFixed(1)} s)`;
      process.stdout.write(`${line}\n${r.code !== 0 || verbose ? `${r.output}\n` : ''}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(slots, files.length) }, worker));
  return results;
}

const { DATABASE_URL, ...embedded } = process.env;
const started = Date.now();
let results;
if (!DATABASE_URL) {
  console.log(`# ${all.length} test files on the embedded database (PGlite), ${concurrency} at a time`);
  results = await job('pglite', [...integration, ...(unit.length ? [unitEntry(unit)] : [])], process.env);
} else {
  const both = integration.filter(onBothEngines);
  console.log(
    `# ${integration.length} integration test files on PostgreSQL; beside them, ${unit.length} unit test files and ${both.length} integration test files on PGlite (${serverConcurrency} and ${concurrency} at a time)`,
  );
  // The long files first, the short unit tests after.
  results = (
    await Promise.all([
      job('postgres', integration, process.env, serverConcurrency),
      job('pglite', [...both, ...(unit.length ? [unitEntry(unit)] : [])], embedded),
    ])
  ).flat();
}
const failed = results.filter((r) => r.code !== 0);
const total = (what) => results.reduce((n, r) => n + count(r.output, what), 0);
console.log(`\n# slowest files:`);
for (const r of [...results].sort((a, b) => b.seconds - a.seconds).slice(0, 12))
  console.log(`#   ${r.seconds.toFixed(1).padStart(6)} s  [${r.job}] ${r.file}`);
console.log(
  `# ${results.length} files, ${total('pass')} tests passed, ${total('fail')} failed, ${total('cancelled')} cancelled, in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
if (failed.length) console.log(`# failed: ${failed.map((r) => r.file).join(' ')}`);
process.exit(failed.length ? 1 : 0);
