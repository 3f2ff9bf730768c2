// `r1540` for the tests: in this process through `run` (what nearly every test needs: the same
// commands, messages and exit codes without starting a process each time), or as a process of its
// own through `bin/r1540.js` (what only the process shows: the exit code of the real binary, the
// data-folder lock against a second process, the compiled build).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { after, before } from 'node:test';
import { run } from '../../src/app/cli/run.ts';
import type { Command } from '../../src/platform/cli.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../src/platform/db/connect.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { freshDatabaseEnv } from './database.ts';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** An output that keeps what is written to it. */
class Collector extends Writable {
  private readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (err?: Error | null) => void): void {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    done();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/**
 * Runs `r1540 ...args` in this process with exactly this environment (the test's own database:
 * nothing is read from process.env) and this standard input.
 */
export async function runCli(args: string[], env: Record<string, string>, input = ''): Promise<CliRun> {
  const stdout = new Collector();
  const stderr = new Collector();
  const code = await run(args, { stdout, stderr, stdin: Readable.from([Buffer.from(input)]) }, { env });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

export interface CliDatabase {
  /** A folder of the tests' own (the PGlite database is its data/). */
  readonly dir: string;
  /** The environment that names the database: what `run` reads its configuration from. */
  readonly env: Record<string, string>;
  /** `r1540 ...args` in this process on this database. */
  r1540(args: string[], input?: string): Promise<CliRun>;
  /** Opens the database, gives it to `use`, and closes it (on PGlite, a command cannot open it meanwhile). */
  withDatabase<T>(use: (db: Kysely<DB>) => Promise<T>): Promise<T>;
}

/**
 * A database of its own for the tests of a suite, made before them from the template (a PGlite
 * folder, or a PostgreSQL database when DATABASE_URL is set) and dropped after them. Call it in a
 * `describe`: Node 20 runs a file's top-level `before` hooks together, not in order.
 */
/** A database of its own for the command line (with `demo`, from the demonstration template), made before the tests and dropped after. */
export function cliDatabase(name: string, options: { demo?: boolean } = {}): CliDatabase {
  let dir = '';
  let env: Record<string, string> = {};
  let drop: (() => Promise<void>) | undefined;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), `r1540-${name}-`));
    ({ env, drop } = await freshDatabaseEnv(dir, options));
  });
  after(async () => {
    await drop?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    get env() {
      return env;
    },
    r1540: (args, input) => runCli(args, env, input),
    async withDatabase(use) {
      const database = await openDatabase(loadConfig(env));
      try {
        return await use(database.db);
      } finally {
        await database.close();
      }
    },
  };
}

const bin = new URL('../../bin/r1540.js', import.meta.url).pathname;

/** Runs `bin/r1540.js ...args` as an operator does: a process with the environment without DATABASE_URL, plus `env`. */
export function spawnCli(args: string[], env: Record<string, string>, input = ''): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    const child = spawn(process.execPath, [bin, ...args], { env: { ...rest, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/**
 * A feature's command run on a test app's open database, in this process: what it prints, and
 * its exit code or the error it throws (the command's own closing of the database is skipped).
 */
export async function commandOnApp(t: { app: AppContext }, command: Command, args: string[]): Promise<CliRun> {
  const stdout = new Collector();
  const stderr = new Collector();
  const app = { ...t.app, database: { ...t.app.database, close: async () => {} } };
  const services = { stdout, stderr, stdin: Readable.from([]), config: t.app.config, env: {}, open: async () => app };
  const code = (await command(args, services)) ?? 0;
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
