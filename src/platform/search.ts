import { type Kysely, sql } from 'kysely';
import type { DB } from './db/schema.ts';
import { type MessageKey, messages } from './i18n/i18n.ts';
import { type Locale, type LocalizedText, locales, pick } from './i18n/locales.ts';
import type { Confidentiality } from './policy/levels.ts';

/** What the search index keeps of one record: its text, and what the policy and the filters need. */
export interface SearchEntry {
  sourceType: string;
  sourceId: string;
  title: string;
  titles: Partial<LocalizedText>;
  path: string;
  /** The State the policy looks at (committee-and-state records). */
  stateIso3: string | null;
  /** Every State the record concerns (the State filter). */
  states: string[];
  subkind: string | null;
  dated: string | null;
  language: string | null;
  confidentiality: Confidentiality;
  /** What a reader sees in a snippet. */
  text: string;
  /** Words that find the record without being shown: the States' names and the kind in the six languages, codes. */
  keywords: string;
}

/**
 * A kind of record the search finds: its table, the column that names a row, and what the index
 * keeps of the rows with these keys (archived ones left out). A migration adds the trigger that
 * queues the table's rows: `execute function search_enqueue('<type>', '<key>')`.
 */
export interface SearchSource {
  type: string;
  table: keyof DB;
  key: string;
  /** The place of the kind in the search's filter. */
  order: number;
  load(db: Kysely<DB>, ids: string[]): Promise<SearchEntry[]>;
}

/** The names of States by code, in the six languages (`stateNames` of the member-states feature fills it). */
export type StateNames = Record<string, LocalizedText>;

/** A label in the six languages, so that a record is found by the words of any reader. */
export function labelsInEveryLanguage(key: MessageKey): string {
  return locales.map((l) => messages(l).t(key)).join(' · ');
}

/** Every name of a State, for the keywords. */
export const allNames = (names: StateNames, iso3: string): string => (names[iso3] ? Object.values(names[iso3]).join(' · ') : iso3);

/** A record's title in each language: the State's name, then the rest. */
export function titlesOf(names: StateNames, iso3: string, rest: (locale: Locale) => string): Partial<LocalizedText> {
  return Object.fromEntries(locales.map((l) => [l, `${pick(names[iso3], l) || iso3} — ${rest(l)}`]));
}

/** The parts that are given, one a line. */
export const lines = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join('\n');

/**
 * Queues records for the index from a write core, in its transaction: for a kind whose table has
 * no trigger of its own (the FAQ's questions, whose group also decides whether they are shown).
 */
export async function queueForSearch(db: Kysely<DB>, type: string, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  // As the tables' trigger does (search_enqueue): a row already queued is queued again after an indexer holding it.
  await sql`
    insert into search_queue (source_type, source_id) values ${sql.join(ids.map((id) => sql`(${type}, ${id})`))}
    on conflict (source_type, source_id) do update set queued_at = excluded.queued_at`.execute(db);
}
