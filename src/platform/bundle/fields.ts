import { isIsoDate } from '../values/dates.ts';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { sameJson } from './canonical.ts';
import { can, canSee, type Viewer } from '../policy/policy.ts';

/*
 * Pieces shared by the sections of dated records (reports, plans, contacts, visits, courses,
 * documents): their fields, and what a viewer may see of the records they name.
 */

export const recordId = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a record id (a UUID)')
  .transform((id) => id.toLowerCase());
export const isoDate = z.string().refine(isIsoDate, 'must be a date written YYYY-MM-DD');
export const stateCode = z.string().regex(/^[A-Z]{3}$/, 'must be three capital letters (ISO 3166-1 alpha-3)');
export const organizationCode = z.string().regex(/^[A-Z0-9-]{2,20}$/, 'is not an organization code');
export const recordSource = z.enum(['seed', 'illustrative', 'entered'], 'must be seed, illustrative or entered');

/**
 * Where a stored record came from (seed, illustrative, entered) is said once, when it is recorded:
 * the forms and the API never change it, nor does a bundle.
 */
export function sourceProblem(source: string, before: { source: string } | undefined): { field: string; problem: string }[] {
  return before && before.source !== source
    ? [{ field: 'source', problem: `is ${source}, and the stored record’s is ${before.source}: where a record came from never changes` }]
    : [];
}

/** The archive time a record gets: kept when its flag does not change. */
export function archivedAt(before: { archived_at: Date | null } | undefined, archived: boolean): Date | null {
  if (before && (before.archived_at !== null) === archived) return before.archived_at;
  return archived ? new Date() : null;
}

export interface VisibleCodes {
  states: Set<string>;
  organizations: Set<string>;
}

/**
 * The States and organizations the viewer may see: a record in an export names no other record
 * the viewer may not see (it would be a reference the receiving database cannot satisfy, and a leak).
 */
export async function visibleCodes(db: Kysely<DB> | Transaction<DB>, viewer: Viewer | null): Promise<VisibleCodes> {
  const [states, organizations] = await Promise.all([
    db.selectFrom('member_state').select(['iso3', 'confidentiality']).execute(),
    db.selectFrom('organization').select(['code', 'confidentiality']).execute(),
  ]);
  return {
    states: new Set(
      states
        .filter((s) => can(viewer, 'read', { type: 'member-state', confidentiality: s.confidentiality, stateIso3: s.iso3 }))
        .map((s) => s.iso3),
    ),
    organizations: new Set(organizations.filter((o) => canSee(viewer, o.confidentiality)).map((o) => o.code)),
  };
}

/** References from a list of codes to a section, one per entry. */
export function codeReferences(field: string, codes: readonly string[], section: 'member-states' | 'organizations') {
  const noun = section === 'member-states' ? 'Member State' : 'organization';
  return codes.map((key, i) => ({ field: `${field}[${i}]`, section, key, noun }));
}

interface KeptRow {
  id: string;
  archived_at: Date | null;
}

/**
 * The import loop of a section keyed by id: a record equal to the stored one is left alone, a new
 * or changed one given to `write` (its write core, which audits it). Records being archived go
 * first, so that one they give way to (a State's new first report, a plan number) is free when
 * its turn comes.
 */
export async function importRecords<R extends { id: string; archived: boolean }, Row extends KeptRow>(options: {
  records: readonly R[];
  stored: Map<string, Row>;
  toRecord: (row: Row) => unknown;
  /** Writes a new or changed record; `'unchanged'` when its write core found nothing to change. */
  write: (record: R, before: Row | undefined) => Promise<unknown>;
  report: { add(outcome: 'created' | 'updated' | 'unchanged'): void };
  /** The record as it will be stored, for the comparison (a set made whole, say). */
  normalise?: (record: R, before: Row | undefined) => R;
}): Promise<void> {
  const ordered = [...options.records.filter((r) => r.archived), ...options.records.filter((r) => !r.archived)];
  for (const given of ordered) {
    const before = options.stored.get(given.id);
    const record = options.normalise ? options.normalise(given, before) : given;
    if (before && sameJson(options.toRecord(before), record)) {
      options.report.add('unchanged');
      continue;
    }
    // A write core that finds nothing to change writes nothing, and says so.
    const outcome = await options.write(record, before);
    options.report.add(before && outcome === 'unchanged' ? 'unchanged' : before ? 'updated' : 'created');
  }
}

/** The import loop of a section that writes its rows itself: `importRecords` with the insert, the update and the audit apart. */
export async function applyRecords<R extends { id: string; archived: boolean }, Row extends KeptRow>(options: {
  records: readonly R[];
  stored: Map<string, Row>;
  toRecord: (row: Row) => unknown;
  insert: (record: R) => Promise<Row>;
  update: (record: R, before: Row) => Promise<Row>;
  audit: (action: 'create' | 'import', before: Row | undefined, after: Row) => Promise<void>;
  report: { add(outcome: 'created' | 'updated' | 'unchanged'): void };
  normalise?: (record: R, before: Row | undefined) => R;
}): Promise<void> {
  await importRecords({
    ...options,
    write: async (record, before) => {
      const after = before ? await options.update(record, before) : await options.insert(record);
      await options.audit(before ? 'import' : 'create', before, after);
    },
  });
}

/** Whether a record is new or differs from the stored one: only those are checked against today's rules. */
export function isChange(stored: unknown, record: unknown): boolean {
  return stored === undefined || !sameJson(stored, record);
}
