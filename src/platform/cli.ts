import type { OnProgress } from './backup/tables.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';

/** What the command line gives a command: the application, opened on demand (migrated and seeded). */
export interface CliServices {
  open(): Promise<AppContext>;
}

/** A command of `r1540`: its arguments after the command's name; the exit code (0 when nothing is returned). */
export type Command = (config: Config, args: string[], cli: CliServices) => Promise<number | undefined>;

/**
 * Progress on standard error, so that standard output stays the data: rewritten in place on a
 * terminal, otherwise a line when a step ends (and every few seconds during a long one).
 */
export function progressPrinter(verb: string, stream: NodeJS.WriteStream = process.stderr): OnProgress {
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
