import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type Actor, recordChange } from '../audit/record.ts';
import type { Confidentiality } from '../policy/levels.ts';
import { can, type Resource, type Viewer } from '../policy/policy.ts';
import { applyRecords, archivedAt, isChange, type VisibleCodes, visibleCodes } from './fields.ts';
import { type ImportTally, type RecordProblem, stricter } from './section.ts';

/*
 * The skeleton shared by the sections of records keyed by a UUID `id`, archived (never deleted)
 * and versioned (reports, plans, contacts, visits, courses, documents): reading the stored rows,
 * the export's visibility, the checks of new or changed records, and the audited upsert. What is
 * particular to a section (its fields, its rules) stays in its module.
 */

export type RecordTable = 'national_report' | 'action_plan' | 'point_of_contact' | 'visit' | 'course' | 'document';
/** What every such row has, whatever its table. */
interface KeptColumns {
  id: string;
  archived_at: Date | null;
  row_version: number;
  confidentiality: Confidentiality;
}
export type RecordRow<T extends RecordTable> = Selectable<DB[T]> & KeptColumns;
type Db = Kysely<DB> | Transaction<DB>;
type Problem = Omit<RecordProblem, 'index'>;

/** The stored rows with these ids, by id. */
export async function storedById<T extends RecordTable>(db: Db, table: T, ids: readonly string[]): Promise<Map<string, RecordRow<T>>> {
  if (!ids.length) return new Map();
  const rows = (await db
    .selectFrom(table as RecordTable)
    .selectAll()
    .where('id', 'in', [...ids])
    .execute()) as RecordRow<T>[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The stored records with these ids, in bundle shape: a section's `stored`. */
export async function storedRecords<T extends RecordTable, R>(
  db: Db,
  table: T,
  ids: readonly string[],
  toRecord: (row: RecordRow<T>) => R,
): Promise<Map<string, R>> {
  return new Map([...(await storedById(db, table, ids))].map(([k, r]) => [k, toRecord(r)]));
}

/**
 * The rows the viewer may read, in id order, and the codes the viewer may see: a row of a State
 * the viewer may not see is left out, whatever the policy says of the row itself.
 */
export async function readableRows<T extends Exclude<RecordTable, 'document'>>(
  db: Kysely<DB>,
  viewer: Viewer | null,
  table: T,
  resource: (row: RecordRow<T>) => Resource,
): Promise<{ rows: RecordRow<T>[]; seen: VisibleCodes }> {
  const seen = await visibleCodes(db, viewer);
  const rows = (await db
    .selectFrom(table as RecordTable)
    .selectAll()
    .orderBy('id')
    .execute()) as RecordRow<T>[];
  const stateOf = (row: RecordRow<T>) => (row as { state_iso3?: string | null }).state_iso3;
  return {
    seen,
    rows: rows.filter((r) => {
      const state = stateOf(r);
      return (typeof state !== 'string' || seen.states.has(state)) && can(viewer, 'read', resource(r));
    }),
  };
}

/**
 * The checks of a section keyed by id, record by record and in order: `always` for every record
 * (what may never change, a record's State say), then `changed` for a record that is new or differs
 * from the stored one (only those are held to today's rules).
 */
export async function checkById<R extends { id: string }, T extends RecordTable>(
  db: Db,
  table: T,
  records: readonly { index: number; record: R }[],
  spec: {
    toRecord: (row: RecordRow<T>) => unknown;
    always?: (record: R, before: RecordRow<T> | undefined) => Problem[];
    changed: (record: R, index: number) => Problem[];
  },
): Promise<RecordProblem[]> {
  const stored = await storedById(
    db,
    table,
    records.map(({ record }) => record.id),
  );
  const problems: RecordProblem[] = [];
  for (const { index, record } of records) {
    const before = stored.get(record.id);
    if (spec.always) for (const p of spec.always(record, before)) problems.push({ index, ...p });
    if (!isChange(before && spec.toRecord(before), record)) continue;
    for (const p of spec.changed(record, index)) problems.push({ index, ...p });
  }
  return problems;
}

/** Inserts the row of a new record, archived or not. */
export function insertRow<T extends RecordTable>(
  trx: Transaction<DB>,
  table: T,
  values: Insertable<DB[T]>,
  archived: boolean,
): Promise<RecordRow<T>> {
  return trx
    .insertInto(table as RecordTable)
    .values({ ...values, archived_at: archivedAt(undefined, archived) } as never)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<RecordRow<T>>;
}

/** Updates the row of a stored record: its archive time kept unless the flag changes, its version one up. */
export function updateRow<T extends RecordTable>(
  trx: Transaction<DB>,
  table: T,
  before: KeptColumns,
  values: Updateable<DB[T]>,
  archived: boolean,
): Promise<RecordRow<T>> {
  return trx
    .updateTable(table as RecordTable)
    .set({ ...values, archived_at: archivedAt(before, archived), row_version: before.row_version + 1, updated_at: new Date() } as never)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<RecordRow<T>>;
}

/** The audit of an imported record: seen by those who could see it before and after. */
export function auditImport<Row extends { id: string; confidentiality: Confidentiality; state_iso3?: string | null }>(
  trx: Transaction<DB>,
  actor: Actor,
  recordType: string,
  shape: (row: Row) => unknown,
) {
  return (action: 'create' | 'import', before: Row | undefined, after: Row) =>
    recordChange(trx, actor, {
      action,
      recordType,
      recordId: after.id,
      confidentiality: before ? stricter(before.confidentiality, after.confidentiality) : after.confidentiality,
      stateIso3: after.state_iso3 ?? null,
      ...(before ? { before: shape(before) } : {}),
      after: shape(after),
    });
}

/**
 * A section's `import` for a record that is one row: `columns` are written on insert and update,
 * `fixed` ones only when the record is new (a record's State, which never changes).
 */
export async function importById<R extends { id: string; archived: boolean }, T extends Exclude<RecordTable, 'document'>>(
  trx: Transaction<DB>,
  actor: Actor,
  records: readonly R[],
  report: ImportTally,
  spec: {
    table: T;
    toRecord: (row: RecordRow<T>) => unknown;
    columns: (record: R) => Updateable<DB[T]>;
    fixed?: (record: R) => Partial<Insertable<DB[T]>>;
    recordType: string;
    /** The row as the audit records it. */
    audited: (row: RecordRow<T>) => unknown;
  },
): Promise<void> {
  const stored = await storedById(
    trx,
    spec.table,
    records.map((r) => r.id),
  );
  await applyRecords({
    records,
    stored,
    toRecord: spec.toRecord,
    report,
    insert: (r) => insertRow(trx, spec.table, { id: r.id, ...spec.fixed?.(r), ...spec.columns(r) } as Insertable<DB[T]>, r.archived),
    update: (r, before) => updateRow(trx, spec.table, before, spec.columns(r), r.archived),
    audit: auditImport(trx, actor, spec.recordType, spec.audited),
  });
}
