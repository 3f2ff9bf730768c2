import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError, type FieldProblem, invalid } from '../errors.ts';
import type { Actor } from '../audit/record.ts';
import { can, type Viewer } from '../policy/policy.ts';
import { bundleSections } from './registry.ts';
import { ImportTally, type SectionCounts } from './section.ts';
import { bundleFormat, bundleFormatVersion, type ValidSection, validateBundle } from './validate.ts';

export { bundleFormat, bundleFormatVersion, validateBundle } from './validate.ts';

/** Reports a long operation's progress: `step` is a section or a table. */
export type OnProgress = (step: string, done: number, total: number) => void;

export interface Bundle {
  format: typeof bundleFormat;
  formatVersion: typeof bundleFormatVersion;
  exportedAt: string;
  /** The account whose view this is; `null` is the public. */
  exportedBy: string | null;
  sections: Record<string, unknown[]>;
}

/** Every record the viewer may see, section by section, read in one consistent snapshot. */
export async function exportBundle(db: Kysely<DB>, viewer: Viewer | null, onProgress?: OnProgress): Promise<Bundle> {
  const sections = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const out: Record<string, unknown[]> = {};
      for (const section of bundleSections()) {
        const records = await section.export(trx, viewer);
        out[section.name] = records;
        onProgress?.(section.name, records.length, records.length);
      }
      return out;
    });
  return {
    format: bundleFormat,
    formatVersion: bundleFormatVersion,
    exportedAt: new Date().toISOString(),
    exportedBy: viewer?.email ?? null,
    sections,
  };
}

export interface ImportResult {
  dryRun: boolean;
  sections: Record<string, SectionCounts>;
}

/** Thrown inside the transaction to roll a dry run back once it has counted everything. */
class DryRun extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

/** The viewer must be allowed to create or change every record of the bundle, or nothing is imported. */
async function checkPermissions(db: Kysely<DB>, viewer: Viewer | null, sections: readonly ValidSection[]): Promise<void> {
  if (viewer === null) throw new AppError('forbidden', 'importing needs an account that keeps these records (r1540 import --as EMAIL)');
  const denied: FieldProblem[] = [];
  for (const { section, records } of sections) {
    const stored = await section.stored(
      db,
      records.map((r) => section.key(r)),
    );
    const refused: string[] = [];
    for (const record of records) {
      const key = section.key(record);
      const before = stored.get(key);
      const allowed = before
        ? can(viewer, 'update', section.resource(before)) && can(viewer, 'update', section.resource(record))
        : can(viewer, 'create', section.resource(record));
      if (!allowed) refused.push(key);
    }
    if (refused.length)
      denied.push({
        field: `sections.${section.name}`,
        problem: `you may not create or change ${refused.length} of these records (${refused.slice(0, 5).join(', ')}${refused.length > 5 ? ', …' : ''})`,
      });
  }
  if (denied.length) throw new AppError('forbidden', `${viewer.email} (${viewer.role}) may not import this bundle`, { fields: denied });
}

/** A database error met while applying (a unique value taken, say): the transaction is rolled back. */
function isDatabaseError(err: unknown): err is Error & { code: string; detail?: string } {
  return err instanceof Error && typeof (err as { code?: unknown }).code === 'string' && !(err instanceof AppError);
}

/**
 * Imports a bundle, all of it or nothing: every problem is found and reported before anything
 * is written, then every section is applied in one transaction. A dry run applies and counts,
 * then rolls back.
 */
export async function importBundle(
  db: Kysely<DB>,
  actor: Actor,
  viewer: Viewer | null,
  json: unknown,
  options: { dryRun?: boolean; onProgress?: OnProgress; filesDir?: string } = {},
): Promise<ImportResult> {
  const { problems, sections } = await validateBundle(json, db, options.filesDir ? { filesDir: options.filesDir } : {});
  if (problems.length) throw invalid(problems);
  await checkPermissions(db, viewer, sections);
  // The sections' write cores hold the importer to what it may change, field by field.
  const context = { ...(options.filesDir ? { filesDir: options.filesDir } : {}), ...(viewer ? { viewer } : {}) };
  const dryRun = options.dryRun === true;
  try {
    return await db.transaction().execute(async (trx) => {
      const result: ImportResult = { dryRun, sections: {} };
      for (const { section, records } of sections) {
        const tally = new ImportTally(records.length, (done, total) => options.onProgress?.(section.name, done, total));
        await section.import(trx, actor, records, tally, context);
        result.sections[section.name] = tally.counts();
      }
      if (dryRun) throw new DryRun(result);
      return result;
    });
  } catch (err) {
    if (err instanceof DryRun) return err.result;
    if (isDatabaseError(err))
      throw new AppError(
        'conflict',
        `the import was rolled back and nothing was written: ${err.message}${err.detail ? ` (${err.detail})` : ''}`,
      );
    throw err;
  }
}
