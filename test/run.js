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
// The files run in workers (test/worker.js): each job starts `concurrency` processes, and each of
// them runs one file after another from the job's queue, each file's tests inside a test named after
// it (test/support/file-scope.js keeps them apart): a process per file cost some seconds of CPU
// before its first test (Node, tsx and the app's modules), the most of the suite's time in CI. The
// files that take longest start first. A line per file says how it ended and how long it took; a
// failing file's whole output follows its line; the slowest files are listed at the end. The exit
// code fails when any file fails. A worker that dies fails the file it was running, and another
// takes the rest of the queue.
//
// Options: a list of test files runs only those; R1540_TEST_CONCURRENCY sets how many files run at
// once in each job (default: the cores, at least 2); R1540_TEST_VERBOSE=1 prints every file's output.
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

const workerArgs = [
  '--import',
  'tsx',
  '--import',
  './test/support/file-scope.js',
  '--test-reporter=tap',
  '--test-timeout=600000',
  'test/worker.js',
];

/**
 * Reads a worker's TAP output: each top-level result is a file (test/worker.js); its result line,
 * with the lines since the last one, makes the file's output. `onFile` gets each file as it ends.
 */
function tapReader(onFile) {
  let pending = '';
  let lines = [];
  let result; // the file's result line, while its YAML block is read
  const finish = () => {
    const yaml = lines.slice(lines.lastIndexOf(result.line));
    const seconds = Number(yaml.join('\n').match(/^ {2}duration_ms: ([\d.]+)/m)?.[1] ?? 0) / 1000;
    // The tests of the file (a result nested in it, not a suite's).
    let passed = 0;
    let failed = 0;
    for (let i = 0; i < lines.length; i++) {
      const nested = lines[i].match(/^ {4,}(not )?ok \d+ - /);
      if (!nested) continue;
      let j = i + 1;
      let suite = false;
      if (/^\s+---$/.test(lines[j] ?? ''))
        for (j++; j < lines.length && !/^\s+\.\.\.$/.test(lines[j]); j++) if (/^\s+type: 'suite'$/.test(lines[j])) suite = true;
      if (!suite) nested[1] ? failed++ : passed++;
    }
    onFile({ file: result.file, ok: result.ok, output: lines.join('\n'), seconds, passed, failed });
    lines = [];
    result = undefined;
  };
  return {
    write(data) {
      pending += data;
      const parts = pending.split('\n');
      pending = parts.pop();
      for (const line of parts) {
        lines.push(line);
        const top = line.match(/^(not )?ok \d+ - (.+)$/);
        if (top) result = { ok: !top[1], file: top[2], line };
        else if (result && line === '  ...') finish();
        else if (result && !line.startsWith('  ')) finish(); // a result without a YAML block
      }
    },
    /** What the worker wrote after its last file (a crash, say). */
    rest: () => [...lines, pending].join('\n'),
  };
}

/** A job: its files from one queue, `slots` workers at once, a line per file as it ends. */
async function job(name, files, env, slots = concurrency) {
  const queue = [...files];
  const results = [];
  const report = (r) => {
    results.push({ ...r, job: name });
    const tests = `${r.passed} passed${r.failed ? `, ${r.failed} failed` : ''}`;
    const line = `${r.ok ? 'ok' : 'not ok'} [${name}] ${r.file} (${tests}; ${r.seconds.toFixed(1)} s)`;
    process.stdout.write(`${line}\n${!r.ok || verbose ? `${r.output}\n` : ''}`);
  };
  /** One worker process: takes files from the queue until it is empty (or the worker dies). */
  const worker = () =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, workerArgs, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
      let current;
      let took = 0;
      let started = Date.now();
      const tap = tapReader((r) => {
        current = undefined;
        report(r);
      });
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d) => tap.write(d));
      child.stderr.setEncoding('utf8').on('data', (d) => {
        stderr += d;
        if (verbose) process.stderr.write(d);
      });
      child.on('message', () => {
        current = queue.shift();
        if (current) took++;
        started = Date.now();
        stderr = '';
        child.send({ file: current ?? null });
      });
      child.on('close', (code, signal) => {
        if (current) {
          report({
            file: current,
            ok: false,
            passed: 0,
            failed: 1,
            seconds: (Date.now() - started) / 1000,
            output: `the worker ended (${signal ?? `exit ${code}`}) while it ran this file:\n${tap.rest()}\n${stderr}`,
          });
        }
        resolve({ took, output: `${tap.rest()}\n${stderr}` });
      });
    });
  const slot = async () => {
    // A worker that died leaves the rest of the queue to a new one; one that could not start fails the rest.
    while (queue.length) {
      const { took, output } = await worker();
      if (took === 0)
        for (let file = queue.shift(); file; file = queue.shift())
          report({ file, ok: false, passed: 0, failed: 1, seconds: 0, output: `the worker did not start:\n${output}` });
    }
  };
  await Promise.all(Array.from({ length: Math.min(slots, files.length) }, slot));
  return results;
}

const { DATABASE_URL, ...embedded } = process.env;
const started = Date.now();
let results;
if (!DATABASE_URL) {
  console.log(`# ${all.length} test files on the embedded database (PGlite), ${concurrency} at a time`);
  results = await job('pglite', [...integration, ...unit], process.env);
} else {
  const both = integration.filter(onBothEngines);
  console.log(
    `# ${integration.length} integration test files on PostgreSQL; beside them, ${unit.length} unit test files and ${both.length} integration test files on PGlite (${serverConcurrency} and ${concurrency} at a time)`,
  );
  // The long files first, the short unit tests after.
  results = (
    await Promise.all([job('postgres', integration, process.env, serverConcurrency), job('pglite', [...both, ...unit], embedded)])
  ).flat();
}
const failed = results.filter((r) => !r.ok);
const total = (what) => results.reduce((n, r) => n + r[what], 0);
console.log(`\n# slowest files:`);
for (const r of [...results].sort((a, b) => b.seconds - a.seconds).slice(0, 12))
  console.log(`#   ${r.seconds.toFixed(1).padStart(6)} s  [${r.job}] ${r.file}`);
console.log(
  `# ${results.length} files, ${total('passed')} tests passed, ${total('failed')} failed, in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
if (failed.length) console.log(`# failed: ${failed.map((r) => r.file).join(' ')}`);
process.exit(failed.length ? 1 : 0);
