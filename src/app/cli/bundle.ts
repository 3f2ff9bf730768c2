import { readFile, rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { backup } from '../../platform/backup/backup.ts';
import { restore } from '../../platform/backup/restore.ts';
import { exportBundle, type ImportResult, importBundle, type OnProgress } from '../../platform/bundle/bundle.ts';
import type { Config } from '../../platform/config.ts';
import { createContext } from '../context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { findActiveViewer, normaliseEmail } from '../../features/accounts/index.ts';
import { actorOf } from '../../platform/audit/record.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { type Command, progressPrinter } from '../../platform/cli.ts';

/** The account a command acts as: it must exist and be active. */
async function accountNamed(db: Kysely<DB>, email: string): Promise<Viewer> {
  const viewer = await findActiveViewer(db, normaliseEmail(email));
  if (!viewer) throw invalid([{ field: '--as', problem: `no active account has the e-mail ${normaliseEmail(email)}` }]);
  return viewer;
}

/** Writes a file whole or not at all. */
async function writeWhole(path: string, text: string): Promise<void> {
  const partial = `${path}.partial-${process.pid}`;
  await writeFile(partial, text);
  await rename(partial, path);
}

/** Standard output, where a reader that stops early (`| head`) is not an error. */
function writeStdout(text: string): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  return new Promise((done, fail) => {
    process.stdout.write(text, (err) => {
      if (err && (err as NodeJS.ErrnoException).code !== 'EPIPE') fail(err);
      else done();
    });
  });
}

async function readInput(path: string): Promise<string> {
  if (path !== '-') return readFile(path, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const exportCommand: Command = async (config: Config, args: string[]) => {
  const { values } = parseArgs({ args, options: { as: { type: 'string' }, out: { type: 'string' } } });
  const app = await createContext(config);
  try {
    const db = app.database.db;
    const viewer = values.as ? await accountNamed(db, values.as) : null;
    const bundle = await exportBundle(db, viewer, progressPrinter('export'));
    const text = `${JSON.stringify(bundle, null, 2)}\n`;
    if (!values.out || values.out === '-') await writeStdout(text);
    else {
      await writeWhole(values.out, text);
      const counts = Object.entries(bundle.sections).map(([name, records]) => `${records.length} ${name}`);
      console.error(`exported ${counts.join(', ')} to ${values.out}, as ${viewer ? viewer.email : 'the public'}`);
    }
    return 0;
  } finally {
    await app.database.close();
  }
};

export const importCommand: Command = async (config: Config, args: string[]) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { as: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error('usage: r1540 import FILE --as EMAIL [--dry-run]   (FILE may be - for standard input)');
    return 2;
  }
  if (!values.as) throw invalid([{ field: '--as', problem: 'is required: the account that imports, and that the history names' }]);
  const json = await readInput(file);
  const app = await createContext(config);
  try {
    const db = app.database.db;
    const viewer = await accountNamed(db, values.as);
    let result: ImportResult;
    try {
      result = await importBundle(db, actorOf(viewer), viewer, json, {
        dryRun: values['dry-run'],
        filesDir: config.filesDir,
        onProgress: progressPrinter(values['dry-run'] ? 'import (dry run)' : 'import'),
      });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation') throw err;
      const n = err.fields.length;
      console.error(`r1540: ${file} has ${n} problem${n === 1 ? '' : 's'}; nothing was imported`);
      for (const f of err.fields) console.error(`  - ${f.field}: ${f.problem}`);
      return 1;
    }
    for (const [name, c] of Object.entries(result.sections))
      console.log(`${name}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`);
    if (result.dryRun) console.log('dry run: the bundle is valid, and nothing was written');
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

export const backupCommand: Command = async (config: Config, args: string[]) => {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const out = resolve(values.out ?? `r1540-backup-${timestamp()}.jsonl.gz`);
  const app = await createContext(config);
  try {
    const header = await backup(app.database.db, out, progressPrinter('backup'), { filesDir: config.filesDir });
    const rows = Object.values(header.tables).reduce((n, t) => n + t.rows, 0);
    console.log(
      `backed up ${rows} rows of ${Object.keys(header.tables).length} tables and ${header.files?.count ?? 0} document files to ${out}`,
    );
    if (header.files?.missing.length)
      console.error(
        `r1540: ${header.files.missing.length} document files were not in the file store ${config.filesDir} and are not in the backup: ${header.files.missing.join(', ')}`,
      );
    return 0;
  } finally {
    await app.database.close();
  }
};

export const restoreCommand: Command = async (config: Config, args: string[]) => {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error('usage: r1540 restore FILE   (into an empty database: a new R1540_DATA_DIR or an empty PostgreSQL database)');
    return 2;
  }
  // Not seeded: the database must stay empty until the backup fills it.
  const app = await createContext(config, { seed: false });
  try {
    const { header, files } = await restore(app.database.db, resolve(file), progressPrinter('restore'), { filesDir: config.filesDir });
    const rows = Object.values(header.tables).reduce((n, t) => n + t.rows, 0);
    console.log(
      `restored and verified ${rows} rows of ${Object.keys(header.tables).length} tables and ${files.restored} document files from ${file} (made ${header.createdAt})`,
    );
    if (files.missing.length)
      console.error(
        `r1540: the backup lacks ${files.missing.length} document files (missing from the file store when it was made): ${files.missing.join(', ')}`,
      );
    return 0;
  } finally {
    await app.database.close();
  }
};
