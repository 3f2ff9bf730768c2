import { format, inspect } from 'node:util';
import '../../features/registry.ts';
import type { CliStreams } from '../../platform/cli.ts';
import { loadConfig } from '../../platform/config.ts';
import { DataDirLockedError } from '../../platform/db/connect.ts';
import { AppError } from '../../platform/errors.ts';
import { cliServices, commandNamed, usage } from './commands.ts';

export interface RunOptions {
  /** The environment the configuration is read from (the process's own in `main.ts`; a test's own in tests). */
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * `r1540 …argv` on these streams: the exit code. Nothing here touches the process (its
 * environment, its streams, its exit), so that tests run the command line in their own process.
 */
export async function run(argv: readonly string[], streams: CliStreams, options: RunOptions): Promise<number> {
  const say = (line: string) => streams.stderr.write(`${line}\n`);
  try {
    const [name, ...rest] = argv;
    if (!name || name === 'help' || name === '--help' || name === '-h') {
      streams.stdout.write(`${usage()}\n`);
      return name ? 0 : 2;
    }
    const command = commandNamed(name);
    if (!command) {
      say(`r1540: unknown command "${name}"\n\n${usage()}`);
      return 2;
    }
    const config = loadConfig({ ...options.env });
    return (await command(rest, cliServices(config, options.env, streams))) ?? 0;
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      say(`r1540: ${err.message}`);
      return 3;
    }
    if (err instanceof AppError) {
      say(`r1540: ${err.fields.length ? `${err.fields.length} problem(s):` : err.message}`);
      for (const f of err.fields) say(`  - ${f.field}: ${f.problem}`);
      return 1;
    }
    say(format('r1540:', err instanceof Error ? err.message : err));
    if (options.env.R1540_DEBUG) say(inspect(err));
    return 1;
  }
}
