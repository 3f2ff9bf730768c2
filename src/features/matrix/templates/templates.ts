import { readdirSync, readFileSync } from 'node:fs';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, invalid, notFound } from '../../../platform/errors.ts';
import { type Actor, recordChange } from '../../../platform/audit/record.ts';
import type { MatrixTemplateTable } from '../schema.ts';
import type { TemplateData } from './template.ts';

export type TemplateRow = Selectable<MatrixTemplateTable>;

const dataDir = new URL('./data/', import.meta.url);

/** The templates shipped in `data/template-<version>.json`, oldest first. */
export function shippedTemplates(): TemplateData[] {
  return readdirSync(dataDir)
    .filter((f) => /^template-.+\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, dataDir), 'utf8')) as TemplateData);
}

function audited(row: TemplateRow) {
  return {
    version: row.version,
    approvedOn: row.approved_on,
    title: row.title,
    basedOn: row.based_on,
    locked: row.locked_at !== null,
    fieldCount: row.field_count,
    archivedAt: row.archived_at,
  };
}

/** Loads the shipped templates the database lacks. They are locked: a change is a new version. */
export async function seedTemplates(trx: Transaction<DB>, actor: Actor, data = shippedTemplates()): Promise<number> {
  const existing = new Set((await trx.selectFrom('matrix_template').select('version').execute()).map((r) => r.version));
  let added = 0;
  for (const t of data) {
    if (existing.has(t.version)) continue;
    const row = await trx
      .insertInto('matrix_template')
      .values({
        version: t.version,
        approved_on: t.approvedOn,
        title: JSON.stringify(t.title),
        definition: JSON.stringify({ sections: t.sections, rows: t.rows, fields: t.fields }),
        based_on: null,
        locked_at: new Date(),
        field_count: t.fields.length,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'create',
      recordType: 'matrix-template',
      recordId: row.version,
      confidentiality: 'public',
      after: audited(row),
    });
    added++;
  }
  return added;
}

export async function listTemplates(db: Kysely<DB>): Promise<TemplateRow[]> {
  return db.selectFrom('matrix_template').selectAll().where('archived_at', 'is', null).orderBy('version').execute();
}

export async function findTemplate(db: Kysely<DB> | Transaction<DB>, version: string): Promise<TemplateRow | undefined> {
  return db.selectFrom('matrix_template').selectAll().where('version', '=', version).executeTakeFirst();
}

const versionPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/**
 * A new template version, a copy of an existing one to edit. The copy is not locked until a
 * matrix uses it; the original never changes.
 */
export async function copyTemplate(db: Kysely<DB>, actor: Actor, from: string, version: string): Promise<TemplateRow> {
  if (!versionPattern.test(version))
    throw invalid([{ field: 'version', problem: 'must be 1 to 32 letters, digits, dots, dashes or underscores' }]);
  return db.transaction().execute(async (trx) => {
    const source = await findTemplate(trx, from);
    if (!source) throw notFound(`the template ${from}`);
    if (await findTemplate(trx, version))
      throw new AppError('conflict', `a template ${version} exists already`, {
        fields: [{ field: 'version', problem: `a template ${version} exists already` }],
      });
    const row = await trx
      .insertInto('matrix_template')
      .values({
        version,
        approved_on: null,
        title: JSON.stringify(source.title),
        definition: JSON.stringify(source.definition),
        based_on: source.version,
        locked_at: null,
        field_count: source.field_count,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'create',
      recordType: 'matrix-template',
      recordId: row.version,
      confidentiality: row.confidentiality,
      after: audited(row),
    });
    return row;
  });
}
