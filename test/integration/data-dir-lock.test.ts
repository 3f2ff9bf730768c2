import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DataDirLockedError, lockDataDir } from '../../src/platform/db/data-dir-lock.ts';

// The embedded database's folder lock (no database is opened: the lock is the folder's, on either
// engine's run): it dies with its holder, whatever process has its id since, and of several
// processes racing for it exactly one gets it.

const holderScript = new URL('../support/lock-holder.ts', import.meta.url).pathname;

interface Holder {
  child: ChildProcessWithoutNullStreams;
  /** The next line the process says. */
  next(): Promise<string>;
}

function startHolder(dir: string): Holder {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dir], { stdio: ['pipe', 'pipe', 'pipe'] });
  const said: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let rest = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    rest += d;
    for (let i = rest.indexOf('\n'); i >= 0; i = rest.indexOf('\n')) {
      const line = rest.slice(0, i);
      rest = rest.slice(i + 1);
      const w = waiting.shift();
      if (w) w(line);
      else said.push(line);
    }
  });
  child.on('close', (code) => {
    for (const w of waiting.splice(0)) w(`exited ${code}: ${stderr}`);
  });
  return {
    child,
    next: () => {
      const line = said.shift();
      return line !== undefined ? Promise.resolve(line) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

function ended(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('close', () => resolve());
  });
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  assert.fail('expected a rejection');
}

let root: string;
before(() => {
  root = mkdtempSync(join(tmpdir(), 'r1540-lock-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('the data folder lock', () => {
  test('a lock file left by an earlier process whose id is now another live process (1, our parent) is taken over', async () => {
    for (const pid of [1, process.ppid, process.pid]) {
      const dir = join(root, `left-by-${pid}`);
      mkdirSync(dir);
      // What a `kill -9` left: the process id in r1540.lock.
      writeFileSync(join(dir, 'r1540.lock'), String(pid));
      const release = await lockDataDir(dir);
      release();
    }
  });

  test('in this process: a second lock is refused while the first is held, and taken once it is released', async () => {
    const dir = join(root, 'same-process');
    const release = await lockDataDir(dir);
    const err = await rejection(lockDataDir(dir));
    assert.ok(err instanceof DataDirLockedError);
    assert.match(err.message, new RegExp(`already in use by process ${process.pid}\\b`));
    release();
    const again = await lockDataDir(dir);
    again();
  });

  test('a holder killed with SIGKILL leaves its lock to the next process; while it lives, it is named', async () => {
    const dir = join(root, 'killed');
    for (let round = 0; round < 3; round++) {
      const holder = startHolder(dir);
      assert.equal(await holder.next(), 'ready');
      holder.child.stdin.write('go\n');
      assert.equal(await holder.next(), 'locked');
      const err = await rejection(lockDataDir(dir));
      assert.match(err.message, new RegExp(`already in use by process ${holder.child.pid}\\b`));
      holder.child.kill('SIGKILL');
      await ended(holder.child);
    }
    const release = await lockDataDir(dir);
    release();
    // The dead holders' names do not pile up.
    assert.ok(readdirSync(join(dir, 'r1540.lock')).length <= 2, readdirSync(join(dir, 'r1540.lock')).join(', '));
  });

  test('processes racing for a free or a stale lock: exactly one gets it, the others are told which process has it', async () => {
    const dir = join(root, 'race');
    for (let round = 0; round < 3; round++) {
      const holders = Array.from({ length: 6 }, () => startHolder(dir));
      try {
        for (const h of holders) assert.equal(await h.next(), 'ready');
        for (const h of holders) h.child.stdin.write('go\n');
        const answers = await Promise.all(holders.map((h) => h.next()));
        const winners = holders.filter((_, i) => answers[i] === 'locked');
        assert.equal(winners.length, 1, answers.join('\n'));
        for (const answer of answers.filter((a) => a !== 'locked'))
          assert.match(answer, new RegExp(`^refused .*already in use by process ${winners[0]!.child.pid}\\b`));
        // The next round races for the lock of a holder killed outright.
        winners[0]!.child.kill('SIGKILL');
        await ended(winners[0]!.child);
      } finally {
        for (const h of holders) h.child.stdin.end();
        await Promise.all(holders.map((h) => ended(h.child)));
      }
    }
  });
});
