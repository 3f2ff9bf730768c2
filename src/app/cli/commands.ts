import { parseArgs } from 'node:util';
import { type CliServices, type CliStreams, type Command, writeLine } from '../../platform/cli.ts';
import type { Config } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db/connect.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { withStartupLock } from '../../platform/db/startup-lock.ts';
import { features } from '../../platform/registry.ts';
import { seedDemo, seedReference } from '../seed.ts';
import { backupCommand, exportCommand, importCommand, restoreCommand } from './bundle.ts';

const core = `  serve                      start the web server (PORT, HOST; migrates and seeds on first start)
  migrate                    apply the database migrations
  seed [--demo]              load the shipped reference data the database lacks; with --demo, every
                             feature's demonstration data too (the demo accounts, a made-up matrix
                             history for every State, the 2018 review's records), as a first start does`;

const bundles = `  export [--as E] [--out FILE]    every record the account may see, as a JSON bundle
  import FILE --as E [--dry-run]    load a bundle as account E: all of it, or nothing
  backup [--out FILE] [--allow-missing-files]
                             the whole database and its document files, with checksums; refused
                             when the file store lacks files the database names
  restore FILE               load a backup into an empty database and verify it`;

/** `r1540 --help`: the core commands, then each feature's, in the registry's order. */
export function usage(): string {
  return `Usage: r1540 <command> [options]

${core}
${bundles}
${features()
  .flatMap((f) => f.cli ?? [])
  .map((c) => c.usage)
  .join('\n')}

Environment: DATABASE_URL, R1540_DATA_DIR, PORT, HOST, … (see README.md).
Passwords not given on the command line are read from R1540_PASSWORD or standard input.`;
}

const migrate: Command = async (_args, cli) => {
  const database = await openDatabase(cli.config);
  try {
    const applied = await withStartupLock(database.db, (conn) => migrateToLatest(conn));
    writeLine(cli.stdout, applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
  } finally {
    await database.close();
  }
  return 0;
};

const seed: Command = async (args, cli) => {
  const { values } = parseArgs({
    args,
    // --demo-matrices: the former name of --demo, still understood.
    options: { demo: { type: 'boolean', default: false }, 'demo-matrices': { type: 'boolean', default: false } },
  });
  const app = await cli.open({ seed: false });
  try {
    writeLine(cli.stdout, `loaded ${(await seedReference(app.database.db)).join(', ')}`);
    if (values.demo || values['demo-matrices']) await seedDemo(app.database.db, (line) => writeLine(cli.stdout, line), app.config);
  } finally {
    await app.database.close();
  }
  return 0;
};

const commands: Record<string, Command> = {
  serve: async (_args, cli) => {
    // The web server's modules are loaded by the command that serves, not by every command.
    const { serveCommand } = await import('./serve.ts');
    await serveCommand(cli.config);
    return 0;
  },
  migrate,
  seed,
  export: exportCommand,
  import: importCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

/** The command of this name: the core's, or a feature's. */
export function commandNamed(name: string): Command | undefined {
  return (
    commands[name] ??
    features()
      .flatMap((f) => f.cli ?? [])
      .find((c) => c.name === name)?.run
  );
}

/** What commands get from the command line: their streams, the configuration, the application opened on first use. */
export function cliServices(config: Config, env: CliServices['env'], streams: CliStreams): CliServices {
  // The composition root (and its logger) is loaded by the commands that open the application.
  return { ...streams, config, env, open: async (options) => (await import('../context.ts')).createContext(config, options) };
}
