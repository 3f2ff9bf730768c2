import { rename, writeFile } from 'node:fs/promises';
import type { OnProgress } from './backup/tables.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';

/** Where a command writes: the process's standard output or error, or what a test collects. */
export type CliOutput = NodeJS.WritableStream & { isTTY?: boolean };

/** What a command reads: the process's standard input, or what a test gives it. */
export type CliInput = NodeJS.ReadableStream & { isTTY?: boolean };

/** The three streams of a run of `r1540`. */
export interface CliStreams {
  stdout: CliOutput;
  stderr: CliOutput;
  stdin: CliInput;
}

/**
 * What the command line gives a command: its streams, the configuration and the environment it
 * was read from (never `process.env`: a run in a test has its own), and the application, opened
 * on demand (migrated and seeded, unless `seed: false`).
 */
export interface CliServices extends CliStreams {
  config: Config;
  env: Readonly<Record<string, string | undefined>>;
  open(options?: { seed?: boolean }): Promise<AppContext>;
}

/** A command of `r1540`: its arguments after the command's name; the exit code (0 when nothing is returned). */
export type Command = (args: string[], cli: CliServices) => Promise<number | undefined>;

/** Writes to an output and waits until it is handed on; a reader that stops early (`| head`) is not an error. */
export function write(out: CliOutput, text: string | Uint8Array): Promise<void> {
  return new Promise((done, fail) => {
    out.write(text, (err?: Error | null) => {
      if (err && (err as NodeJS.ErrnoException).code !== 'EPIPE') fail(err);
      else done();
    });
  });
}

/** A line on an output (what `console.log` would print), without waiting. */
export function writeLine(out: CliOutput, line: string): void {
  out.write(`${line}\n`);
}

/** Writes a file whole or not at all (an output file that a reader may find half written is worse than none). */
export async function writeWhole(path: string, data: string | Uint8Array, mode?: number): Promise<void> {
  const partial = `${path}.partial-${process.pid}`;
  await writeFile(partial, data, mode === undefined ? {} : { mode });
  await rename(partial, path);
}

/** Everything an input gives until it ends (standard input for a FILE given as `-`). */
export async function readAll(input: CliInput, limit = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buf);
    size += buf.length;
    if (size > limit) break;
  }
  return Buffer.concat(chunks);
}

/**
 * Progress on standard error, so that standard output stays the data: rewritten in place on a
 * terminal, otherwise a line when a step ends (and every few seconds during a long one).
 */
export function progressPrinter(verb: string, stream: CliOutput): OnProgress {
  let lastAt = Date.now();
  let open = false;
  return (step, done, total) => {
    const finished = done >= total;
    const now = Date.now();
    if (!finished && now - lastAt < (stream.isTTY ? 100 : 5000)) return;
    lastAt = now;
    const line = `${verb}: ${step} ${done}/${total}`;
    if (stream.isTTY) {
      stream.write(`\r\x1b[2K${line}${finished ? '\n' : ''}`);
      open = !finished;
    } else {
      if (open) stream.write('\n');
      stream.write(`${line}\n`);
    }
  };
}
