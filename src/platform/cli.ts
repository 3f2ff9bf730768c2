import type { Config } from './config.ts';
import type { AppContext } from './context.ts';

/** What the command line gives a command: the application, opened on demand (migrated and seeded). */
export interface CliServices {
  open(): Promise<AppContext>;
}

/** A command of `r1540`: its arguments after the command's name; the exit code (0 when nothing is returned). */
export type Command = (config: Config, args: string[], cli: CliServices) => Promise<number | undefined>;
