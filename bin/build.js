#!/usr/bin/env node
// The build: src/ compiled to dist/ (git ignores it) by TypeScript without type checking
// (`npm run typecheck` checks), the `.ts` of relative imports rewritten to `.js`, and every file of
// src/ that is not TypeScript (catalogues, data, the stylesheet, the grid's script) copied beside.
// `npm install` and `npm ci` build (the `prepare` script); `bin/r1540.js` builds first when the
// sources changed since the last build. Several processes may find the build stale at once: one
// builds under a lock while the others wait, and the new build replaces the old one whole.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');
const stampFile = '.build.json';
const lockFile = join(root, 'dist.lock');

const isTest = (path) => /\.(test\.tsx?|rows\.ts)$/.test(path);
const isTypeScript = (path) => /\.tsx?$/.test(path);

/** The sources' files (tests aside), relative to src/. */
function sources() {
  return readdirSync(src, { recursive: true })
    .map(String)
    .filter((path) => !isTest(path) && statSync(join(src, path)).isFile())
    .sort();
}

/**
 * What the build is made from: every source by path, size and modification time, and the build's
 * own settings. Any file added, removed or changed since the build makes it stale.
 */
function fingerprint(files) {
  const h = createHash('sha256');
  for (const path of files) {
    const s = statSync(join(src, path));
    h.update(`${path}\t${s.size}\t${s.mtimeMs}\n`);
  }
  for (const path of ['tsconfig.json', 'tsconfig.build.json', 'bin/build.js']) h.update(readFileSync(join(root, path)));
  return h.digest('hex');
}

function builtFingerprint() {
  try {
    return JSON.parse(readFileSync(join(dist, stampFile), 'utf8')).fingerprint;
  } catch {
    return undefined;
  }
}

/** Whether dist/ was built from the sources as they are (always, when there are no sources to build from). */
export function isFresh() {
  return !existsSync(src) || builtFingerprint() === fingerprint(sources());
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Runs `work` holding the build's lock; a lock left by a process that died is taken over. */
function withLock(work) {
  for (;;) {
    let fd;
    try {
      fd = openSync(lockFile, 'wx');
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(lockFile, 'utf8').trim());
      if (holder && !alive(holder)) rmSync(lockFile, { force: true });
      else sleep(200);
      continue;
    }
    try {
      writeSync(fd, String(process.pid));
      return work();
    } finally {
      closeSync(fd);
      rmSync(lockFile, { force: true });
    }
  }
}

/** Compiles and copies into a folder of its own, then puts it in the place of dist/. */
function compile(say) {
  const started = Date.now();
  const files = sources();
  const stamp = fingerprint(files);
  const out = join(root, `dist.building-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', out], { encoding: 'utf8' });
  if (result.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    throw new Error(`the TypeScript compiler failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
  let copied = 0;
  for (const path of files.filter((f) => !isTypeScript(f))) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    copyFileSync(join(src, path), join(out, path));
    copied++;
  }
  // `r1540 --help` reads what the compiled command line prints, so as not to load it (src/app/cli/main.ts).
  const help = spawnSync(process.execPath, [join(out, 'app/cli/main.js'), '--help'], {
    encoding: 'utf8',
    env: { ...process.env, R1540_WRITING_USAGE: '1' },
  });
  if (help.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    throw new Error(`r1540 --help failed once built (exit ${help.status ?? help.signal}):\n${help.stdout}${help.stderr}`);
  }
  writeFileSync(join(out, 'cli-usage.txt'), help.stdout);
  const ms = Date.now() - started;
  writeFileSync(join(out, stampFile), `${JSON.stringify({ fingerprint: stamp, builtAt: new Date().toISOString(), ms }, null, 2)}\n`);
  const old = join(root, `dist.old-${process.pid}`);
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(out, dist);
  rmSync(old, { recursive: true, force: true });
  say(`built dist/ from ${files.length - copied} TypeScript files and ${copied} others in ${(ms / 1000).toFixed(1)} s`);
}

/** Builds now, whether or not the build is stale (`npm run build`, `prepare`). */
export function build(say = (line) => process.stderr.write(`${line}\n`)) {
  withLock(() => compile(say));
}

/** Builds when the sources changed since the last build; the messages on standard error, never standard output. */
export function ensureBuilt(say = (line) => process.stderr.write(`r1540: ${line}\n`)) {
  if (isFresh()) return;
  withLock(() => {
    // Another process may have built while this one waited.
    if (isFresh()) return;
    say(existsSync(dist) ? 'the sources changed since the last build: building…' : 'building…');
    compile(say);
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) build();
