import {
  type ExpressionBuilder,
  type Insertable,
  isExpression,
  type Kysely,
  type Selectable,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { DB } from '../db/schema.ts';
import { type Actor, recordChange } from '../audit/record.ts';
import { AppError, notFound } from '../errors.ts';
import { type Confidentiality, changeScope } from '../policy/levels.ts';
import { type Action, can, type Resource, type Viewer } from '../policy/policy.ts';
import type { z } from 'zod';
import { archivedAt, importRecords, isChange, type VisibleCodes, visibleCodes } from './fields.ts';
import { type BundleSection, type RecordProblem, type Reference, Refusals } from './section.ts';

/*
 * Records kept by a UUID `id`, archived (never deleted) and versioned, whatever their table: the
 * row mechanics their write cores share (the lock at the version the writer saw, the insert and
 * the update under the next version, the audit event of each change), and what their bundle
 * sections share (the stored rows, the export's visibility, the checks of new or changed records).
 * What is particular to a kind of record (its fields, its rules, who may change what) stays in
 * its feature.
 */

/** What every such row has, whatever its table. */
interface KeptColumns {
  id: string;
  archived_at: Date | null;
  row_version: number;
  confidentiality: Confidentiality;
}

/** Every table whose rows are kept so: an id, an archive time, a row version, a level. */
export type KeptTable = { [T in keyof DB]: Selectable<DB[T]> extends KeptColumns ? T : never }[keyof DB];
export type KeptRow<T extends KeptTable> = Selectable<DB[T]> & KeptColumns;
type Db = Kysely<DB> | Transaction<DB>;
type Problem = Omit<RecordProblem, 'index'>;

/** A kind of kept record: its table, what messages and its history call it, and its row as the audit records it. */
export interface KeptKind<T extends KeptTable> {
  table: T;
  /** What messages call one: `report`, `point of contact`. */
  noun: string;
  recordType: string;
  audited: (row: KeptRow<T>) => unknown;
}

/**
 * Who makes a change: a signed-in account (the policy then says what it may change), or an actor
 * the caller vouches for (the system seeding, a command line, an import already authorized whole).
 */
export type Writer = Actor | Viewer;

export function writerOf(by: Writer | null): { actor: Actor; viewer: Viewer | undefined } {
  // The public makes no changes: a route that lets it reach a write core is a bug.
  if (by === null) throw new Error('a change needs a signed-in actor');
  if ('role' in by) return { actor: { id: by.id, label: by.displayName }, viewer: by };
  return { actor: by, viewer: undefined };
}

/** Refuses a change the policy does not allow an account (an actor the caller vouches for is not asked). */
export function authorizeChange(viewer: Viewer | undefined, action: Action, resource: Resource, what: string): void {
  if (viewer && !can(viewer, action, resource)) throw new AppError('forbidden', `your account may not see or do ${what}`);
}

/** Runs `work` in the caller's transaction, or in a new one. */
export function inTransaction<R>(db: Db, work: (trx: Transaction<DB>) => Promise<R>): Promise<R> {
  return db.isTransaction ? work(db as Transaction<DB>) : db.transaction().execute(work);
}

/** The row with this id, whatever its state; undefined for an id that is not a UUID. */
export async function findKept<T extends KeptTable>(db: Db, table: T, id: string): Promise<KeptRow<T> | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return (await db
    .selectFrom(table as KeptTable)
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()) as KeptRow<T> | undefined;
}

/**
 * Locks a record for a change, refusing it if someone else changed it since `expectedVersion`;
 * `archived`, when given, is the refusal of a change to an archived record.
 */
export async function lockKept<T extends KeptTable>(
  trx: Transaction<DB>,
  kind: KeptKind<T>,
  id: string,
  expectedVersion: number,
  archived?: string,
): Promise<KeptRow<T>> {
  const before = (await trx
    .selectFrom(kind.table as KeptTable)
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()) as KeptRow<T> | undefined;
  if (!before) throw notFound(`the ${kind.noun}`);
  if (before.row_version !== expectedVersion)
    throw new AppError(
      'conflict',
      `this ${kind.noun} was changed by someone else (version ${before.row_version}, yours ${expectedVersion}): reload to see the change`,
    );
  if (archived !== undefined && before.archived_at) throw new AppError('conflict', `this ${kind.noun} is archived: ${archived}`);
  return before;
}

/** Inserts a record (archived or not) and its audit event: `create`, or the bundle's own word. */
export async function insertKept<T extends KeptTable>(
  trx: Transaction<DB>,
  actor: Actor,
  kind: KeptKind<T>,
  values: Insertable<DB[T]>,
  archived = false,
): Promise<KeptRow<T>> {
  const row = (await trx
    .insertInto(kind.table as KeptTable)
    .values({ ...values, ...(archived ? { archived_at: new Date() } : {}) } as never)
    .returningAll()
    .executeTakeFirstOrThrow()) as KeptRow<T>;
  await recordChange(trx, actor, {
    action: 'create',
    recordType: kind.recordType,
    recordId: row.id,
    confidentiality: row.confidentiality,
    stateIso3: (row as { state_iso3?: string | null }).state_iso3 ?? null,
    after: kind.audited(row),
  });
  return row;
}

/**
 * A condition for an update: that it changes at least one of the columns it sets, as the database
 * compares them (a jsonb by value, a date as a date). A change that changes nothing writes nothing.
 */
export function changesSome(set: Record<string, unknown>) {
  // biome-ignore lint/suspicious/noExplicitAny: any table's columns, named by the caller's `set`
  return (eb: ExpressionBuilder<any, any>) =>
    eb.or(
      Object.entries(set)
        .filter(([, value]) => value !== undefined)
        .map(([column, value]) => eb(eb.ref(column), 'is distinct from', isExpression(value) ? value : eb.val(value))),
    );
}

/**
 * Saves a change of a record under the next version, with its audit event: seen by those who could
 * see it before and after (and on the Committee side if it moved between States). A change that
 * changes nothing writes nothing: the stored row comes back, at its version, without an event.
 */
export async function updateKept<T extends KeptTable>(
  trx: Transaction<DB>,
  actor: Actor,
  kind: KeptKind<T>,
  before: KeptRow<T>,
  set: Updateable<DB[T]>,
  action: string,
): Promise<KeptRow<T>> {
  const columns = set as Record<string, unknown>;
  if (!Object.values(columns).some((v) => v !== undefined)) return before;
  const after = (await trx
    .updateTable(kind.table as KeptTable)
    .set({ ...set, row_version: before.row_version + 1, updated_at: new Date() } as never)
    .where('id', '=', before.id)
    .where(changesSome(columns) as never)
    .returningAll()
    .executeTakeFirst()) as KeptRow<T> | undefined;
  if (!after) return before;
  const scoped = (r: KeptRow<T>) => r as unknown as { confidentiality: Confidentiality; state_iso3?: string | null };
  await recordChange(trx, actor, {
    action,
    recordType: kind.recordType,
    recordId: before.id,
    ...changeScope(scoped(before), scoped(after)),
    before: kind.audited(before),
    after: kind.audited(after),
  });
  return after;
}

/**
 * Writes a record as a bundle gives it, keyed by its id: inserted (with its id) when new, else
 * updated with its archive time kept unless the flag changes. `fixed` columns are written only
 * when the record is new (a record's State, which never changes).
 */
export function putKept<T extends KeptTable>(
  trx: Transaction<DB>,
  actor: Actor,
  kind: KeptKind<T>,
  record: { id: string; archived: boolean },
  before: KeptRow<T> | undefined,
  columns: Updateable<DB[T]>,
  fixed: Partial<Insertable<DB[T]>> = {},
): Promise<KeptRow<T>> {
  if (!before) return insertKept(trx, actor, kind, { id: record.id, ...fixed, ...columns } as Insertable<DB[T]>, record.archived);
  const archiving = (before.archived_at !== null) !== record.archived;
  return updateKept(
    trx,
    actor,
    kind,
    before,
    { ...columns, ...(archiving ? { archived_at: archivedAt(before, record.archived) } : {}) } as Updateable<DB[T]>,
    'import',
  );
}

/** The stored rows with these ids, by id. */
export async function storedById<T extends KeptTable>(db: Db, table: T, ids: readonly string[]): Promise<Map<string, KeptRow<T>>> {
  if (!ids.length) return new Map();
  const rows = (await db
    .selectFrom(table as KeptTable)
    .selectAll()
    .where('id', 'in', [...ids])
    .execute()) as KeptRow<T>[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The stored records with these ids, in bundle shape: a section's `stored`. */
export async function storedRecords<T extends KeptTable, R>(
  db: Db,
  table: T,
  ids: readonly string[],
  toRecord: (row: KeptRow<T>) => R,
): Promise<Map<string, R>> {
  return new Map([...(await storedById(db, table, ids))].map(([k, r]) => [k, toRecord(r)]));
}

/**
 * The rows the viewer may read, in id order, and the codes the viewer may see: a row of a State
 * the viewer may not see is left out, whatever the policy says of the row itself.
 */
export async function readableRows<T extends KeptTable>(
  db: Kysely<DB>,
  viewer: Viewer | null,
  table: T,
  resource: (row: KeptRow<T>) => Resource,
): Promise<{ rows: KeptRow<T>[]; seen: VisibleCodes }> {
  const seen = await visibleCodes(db, viewer);
  const rows = (await db
    .selectFrom(table as KeptTable)
    .selectAll()
    .orderBy('id')
    .execute()) as KeptRow<T>[];
  const stateOf = (row: KeptRow<T>) => (row as { state_iso3?: string | null }).state_iso3;
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
export async function checkById<R extends { id: string }, T extends KeptTable>(
  db: Db,
  table: T,
  records: readonly { index: number; record: R }[],
  spec: {
    toRecord: (row: KeptRow<T>) => unknown;
    always?: (record: R, before: KeptRow<T> | undefined) => Problem[];
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

type Indexed<R> = readonly { index: number; record: R }[];

/**
 * A bundle section of records kept by id, their write core doing the writing: the records the
 * viewer may read (as the section's presenter shows them), the stored ones, the checks of every
 * record (`always`) and of those new or changed (`changed`, given what `context` gathered of the
 * database and the bundle as a whole), and the import, record by record through `write`.
 */
export function keptSection<R extends { id: string; archived: boolean }, T extends KeptTable, C = undefined>(spec: {
  name: string;
  table: T;
  schema: z.ZodType<R>;
  /** The record as the bundle carries it: the section's presenter. */
  present: (row: KeptRow<T>) => R;
  /** Who may see and change a stored row, and a record of the bundle. */
  rowResource: (row: KeptRow<T>) => Resource;
  resource: (record: R) => Resource;
  references?: (record: R) => Reference[];
  after?: readonly string[];
  /** What the viewer sees of a readable row: of the States and organizations it names, those the viewer may see. */
  seen?: (row: KeptRow<T>, seen: VisibleCodes) => KeptRow<T>;
  /** Every record the viewer may read, when the section reads them its own way. */
  export?: (db: Kysely<DB>, viewer: Viewer | null) => Promise<R[]>;
  context?: (db: Kysely<DB>, records: Indexed<R>) => Promise<C>;
  always?: (record: R, before: KeptRow<T> | undefined) => Problem[];
  changed: (record: R, context: C, index: number) => Problem[];
  /** The write core's import of one record, as the importing account (`by`) may make it. */
  write: (trx: Transaction<DB>, by: Writer, record: R, before: KeptRow<T> | undefined) => Promise<unknown>;
}): BundleSection<R> {
  return {
    name: spec.name,
    keyField: 'id',
    schema: spec.schema,
    key: (r) => r.id,
    resource: spec.resource,
    ...(spec.references ? { references: spec.references } : {}),
    ...(spec.after ? { after: spec.after } : {}),
    async export(db, viewer) {
      if (spec.export) return spec.export(db, viewer);
      const { rows, seen } = await readableRows(db, viewer, spec.table, spec.rowResource);
      return rows.map((row) => spec.present(spec.seen ? spec.seen(row, seen) : row));
    },
    stored: (db, keys) => storedRecords(db, spec.table, keys, spec.present),
    async check(db, records) {
      const context = (spec.context ? await spec.context(db, records) : undefined) as C;
      return checkById(db, spec.table, records, {
        toRecord: spec.present,
        ...(spec.always ? { always: spec.always } : {}),
        changed: (record, index) => spec.changed(record, context, index),
      });
    },
    async import(trx, actor, records, report, context) {
      const refusals = new Refusals();
      await importRecords({
        records,
        stored: await storedById(
          trx,
          spec.table,
          records.map((r) => r.id),
        ),
        toRecord: spec.present,
        report,
        write: async (record, before) => {
          let unchanged = false;
          await refusals.attempt(`sections.${spec.name}[${records.indexOf(record)}]`, async () => {
            // A write core that changes nothing gives back the stored row itself.
            unchanged = (await spec.write(trx, context?.viewer ?? actor, record, before)) === before && before !== undefined;
          });
          return unchanged ? 'unchanged' : undefined;
        },
      });
      refusals.throwIfAny();
    },
  };
}
