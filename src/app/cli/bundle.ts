import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type BackupHeader, backup, MissingFilesError } from '../../platform/backup/backup.ts';
import { restore } from '../../platform/backup/restore.ts';
import { exportBundle, type ImportResult, importBundle } from '../../platform/bundle/bundle.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { accountNamed } from '../../features/accounts/index.ts';
import { actorOf } from '../../platform/audit/record.ts';
import { type CliInput, type Command, progressPrinter, readAll, write, writeLine, writeWhole } from '../../platform/cli.ts';

async function readInput(path: string, stdin: CliInput): Promise<string> {
  if (path !== '-') return readFile(path, 'utf8');
  return (await readAll(stdin)).toString('utf8');
}

export const exportCommand: Command = async (args, cli) => {
  const { values } = parseArgs({ args, options: { as: { type: 'string' }, out: { type: 'string' } } });
  const app = await cli.open();
  try {
    const db = app.database.db;
    const viewer = values.as ? await accountNamed(db, values.as) : null;
    const bundle = await exportBundle(db, viewer, progressPrinter('export', cli.stderr));
    const text = `${JSON.stringify(bundle, null, 2)}\n`;
    if (!values.out || values.out === '-') await write(cli.stdout, text);
    else {
      await writeWhole(values.out, text);
      const counts = Object.entries(bundle.sections).map(([name, records]) => `${records.length} ${name}`);
      writeLine(cli.stderr, `exported ${counts.join(', ')} to ${values.out}, as ${viewer ? viewer.email : 'the public'}`);
    }
    return 0;
  } finally {
    await app.database.close();
  }
};

export const importCommand: Command = async (args, cli) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { as: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    writeLine(cli.stderr, 'usage: r1540 import FILE --as EMAIL [--dry-run]   (FILE may be - for standard input)');
    return 2;
  }
  if (!values.as) throw invalid([{ field: '--as', problem: 'is required: the account that imports, and that the history names' }]);
  const json = await readInput(file, cli.stdin);
  const app = await cli.open();
  try {
    const db = app.database.db;
    const viewer = await accountNamed(db, values.as);
    let result: ImportResult;
    try {
      result = await importBundle(db, actorOf(viewer), viewer, json, {
        dryRun: values['dry-run'],
        filesDir: cli.config.filesDir,
        onProgress: progressPrinter(values['dry-run'] ? 'import (dry run)' : 'import', cli.stderr),
      });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation') throw err;
      const n = err.fields.length;
      writeLine(cli.stderr, `r1540: ${file} has ${n} problem${n === 1 ? '' : 's'}; nothing was imported`);
      for (const f of err.fields) writeLine(cli.stderr, `  - ${f.field}: ${f.problem}`);
      return 1;
    }
    for (const [name, c] of Object.entries(result.sections))
      writeLine(cli.stdout, `${name}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`);
    if (result.dryRun) writeLine(cli.stdout, 'dry run: the bundle is valid, and nothing was written');
    return 0;
  } finally {
    await app.database.close();
  }
};

function timestamp(): string {
  return new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export const backupCommand: Command = async (args, cli) => {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, 'allow-missing-files': { type: 'boolean', default: false } } });
  const out = resolve(values.out ?? `r1540-backup-${timestamp()}.jsonl.gz`);
  const app = await cli.open();
  try {
    const filesDir = cli.config.filesDir;
    let header: BackupHeader;
    try {
      header = await backup(app.database.db, out, progressPrinter('backup', cli.stderr), {
        filesDir,
        allowMissingFiles: values['allow-missing-files'],
      });
    } catch (err) {
      if (!(err instanceof MissingFilesError)) throw err;
      writeLine(cli.stderr, `r1540: no backup was written: ${err.message}`);
      writeLine(
        cli.stderr,
        'Run it with the file store the server uses (R1540_FILES_DIR), or, if these files are lost, with --allow-missing-files to back up without them.',
      );
      return 1;
    }
    const rows = Object.values(header.tables).reduce((n, t) => n + t.rows, 0);
    writeLine(
      cli.stdout,
      `backed up ${rows} rows of ${Object.keys(header.tables).length} tables and ${header.files?.count ?? 0} document files from ${filesDir} to ${out}`,
    );
    if (header.files?.missing.length)
      writeLine(
        cli.stderr,
        `r1540: ${header.files.missing.length} document files were not in the file store ${filesDir} and are not in the backup (--allow-missing-files): ${header.files.missing.join(', ')}`,
      );
    return 0;
  } finally {
    await app.database.close();
  }
};

export const restoreCommand: Command = async (args, cli) => {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    writeLine(cli.stderr, 'usage: r1540 restore FILE   (into an empty database: a new R1540_DATA_DIR or an empty PostgreSQL database)');
    return 2;
  }
  // Not seeded: the database must stay empty until the backup fills it.
  const app = await cli.open({ seed: false });
  try {
    const { header, files } = await restore(app.database.db, resolve(file), progressPrinter('restore', cli.stderr), {
      filesDir: cli.config.filesDir,
    });
    const rows = Object.values(header.tables).reduce((n, t) => n + t.rows, 0);
    writeLine(
      cli.stdout,
      `restored and verified ${rows} rows of ${Object.keys(header.tables).length} tables and ${files.restored} document files from ${file} (made ${header.createdAt})`,
    );
    if (files.missing.length)
      writeLine(
        cli.stderr,
        `r1540: the backup lacks ${files.missing.length} document files (missing from the file store when it was made): ${files.missing.join(', ')}`,
      );
    return 0;
  } finally {
    await app.database.close();
  }
};
