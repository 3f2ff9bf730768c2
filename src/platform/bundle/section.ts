import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../audit/record.ts';
import { AppError, invalid } from '../errors.ts';
import type { Confidentiality } from '../policy/levels.ts';
import type { Resource, Viewer } from '../policy/policy.ts';

/** A problem with one record, `field` relative to the record (`names.zh`, `organizations[2]`). */
export interface RecordProblem {
  index: number;
  field: string;
  problem: string;
}

/** A record that another section must hold, in the bundle or in the database. */
export interface Reference {
  /** Where the reference is, relative to the record: `organizations[0]`. */
  field: string;
  section: string;
  key: string;
  /** How to name the missing record in the problem: `organization`. */
  noun: string;
}

export type ImportOutcome = 'created' | 'updated' | 'unchanged';

/** What a section may need beyond the database: where the document files are kept (`config.filesDir`), who imports. */
export interface BundleContext {
  filesDir?: string;
  /**
   * The account that imports: the write cores hold it to what it may change through the API, field
   * by field (a field it may not change is refused by name, never applied or ignored).
   */
  viewer?: Viewer;
}

export interface SectionCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Counts what a section's import did, and reports progress as it goes. */
export class ImportTally implements SectionCounts {
  created = 0;
  updated = 0;
  unchanged = 0;

  constructor(
    private readonly total: number,
    private readonly onRecord: (done: number, total: number) => void = () => {},
  ) {}

  add(outcome: ImportOutcome): void {
    this[outcome]++;
    this.onRecord(this.created + this.updated + this.unchanged, this.total);
  }

  counts(): SectionCounts {
    return { created: this.created, updated: this.updated, unchanged: this.unchanged };
  }
}

/**
 * What a feature contributes to the export/import bundle: one kind of record. A feature adds
 * its records by writing one of these beside its other files and listing it in `registry.ts`.
 * Methods (not arrow properties) so that sections of different record types share one list.
 */
export interface BundleSection<R> {
  /** The key under `sections` in the bundle: plural, kebab-case (`member-states`). */
  name: string;
  /** The record field that holds the key, used to name a duplicate. */
  keyField: string;
  /** One record, as it appears in the bundle. */
  schema: z.ZodType<R>;
  /** The record identity: an import updates the stored record with the same key. */
  key(record: R): string;
  /** Who may see and change the record, for the policy. */
  resource(record: R): Resource;
  /** Every record the viewer may read (`null` is the public), in key order. */
  export(db: Kysely<DB>, viewer: Viewer | null): Promise<R[]>;
  /** The stored records with these keys, in bundle shape, whatever their visibility. */
  stored(db: Kysely<DB> | Transaction<DB>, keys: readonly string[]): Promise<Map<string, R>>;
  /** Records in other sections that this one names. */
  references?(record: R): Reference[];
  /**
   * Sections whose records this one names although its feature comes before theirs (a document
   * links to reports and visits): the bundle puts this section after them.
   */
  after?: readonly string[];
  /** Checks that need the whole section or the database (unique fields, say). */
  check?(db: Kysely<DB>, records: readonly { index: number; record: R }[], context: BundleContext): Promise<RecordProblem[]>;
  /**
   * Upserts by key inside the import transaction: nothing written for a record equal to the
   * stored one; each change recorded with `recordChange` (`create` or `import`), and only as
   * `context.viewer` may make it through the API, field by field.
   */
  import(trx: Transaction<DB>, actor: Actor, records: readonly R[], report: ImportTally, context: BundleContext): Promise<void>;
}

/**
 * The refusals of a section's write cores, each named where the bundle holds it
 * (`sections.points-of-contact[3].endedOn`): every record is tried, then all are thrown together,
 * forbidden (403) if the importer may not make one of the changes, else invalid (422). Any other
 * error stops the import at once (the transaction is rolled back).
 */
export class Refusals {
  private readonly found: { forbidden: boolean; field: string; problem: string }[] = [];

  /** Runs one record's write; false if it was refused. */
  async attempt(at: string, write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'forbidden' && err.code !== 'validation')) throw err;
      const forbidden = err.code === 'forbidden';
      if (!err.fields.length) this.found.push({ forbidden, field: at, problem: err.message });
      for (const f of err.fields) this.found.push({ forbidden, field: f.field ? `${at}.${f.field}` : at, problem: f.problem });
      return false;
    }
  }

  /** Throws what was refused, if anything was. */
  throwIfAny(): void {
    if (!this.found.length) return;
    const fields = this.found.map(({ field, problem }) => ({ field, problem }));
    if (this.found.some((f) => f.forbidden))
      throw new AppError('forbidden', `the importing account may not make these changes: ${fields.map((f) => f.field).join(', ')}`, {
        fields,
      });
    throw invalid(fields);
  }
}

const openness: Record<Confidentiality, number> = { public: 0, 'committee-and-state': 1, committee: 2 };

/** The narrower of two audiences: a change of confidentiality is shown only to those who could see both. */
export function stricter(a: Confidentiality, b: Confidentiality): Confidentiality {
  return openness[a] >= openness[b] ? a : b;
}
