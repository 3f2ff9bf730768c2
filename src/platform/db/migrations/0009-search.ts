import { type Kysely, sql } from 'kysely';

/** The tables whose rows the search indexes, with the column that names a row. */
export const indexedTables = [
  ['document', 'document', 'id'],
  ['national_report', 'national-report', 'id'],
  ['action_plan', 'action-plan', 'id'],
  ['point_of_contact', 'point-of-contact', 'id'],
  ['visit', 'visit', 'id'],
  ['course', 'course', 'id'],
  ['member_state', 'member-state', 'iso3'],
  ['organization', 'organization', 'code'],
] as const;

// The search index. Text is cut into lexemes by the application (src/modules/search/tokenize.ts),
// so that Chinese, Arabic and the other languages are indexed the same way on PGlite and on
// PostgreSQL; the database stores the tsvectors and matches them through a GIN index.
// Every write to an indexed table queues the row (a trigger, so that no write path can forget);
// the application re-indexes the queue before it answers a search. A chunk copies its record's
// confidentiality and State, and search filters on them in SQL, so what the policy hides is not
// even counted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table document add column dated date`.execute(db);
  await sql`
    create table search_chunk (
      source_type text not null,
      source_id text not null,
      seq int not null check (seq >= 0),
      title text not null,
      -- The title in each UN language, where the record has one.
      titles jsonb not null default '{}',
      -- The record's page, without the language prefix.
      path text not null,
      state_iso3 char(3),
      states text[] not null default '{}',
      kind text not null,
      subkind text,
      dated date,
      language text,
      confidentiality text not null check (confidentiality in ('public', 'committee', 'committee-and-state')),
      body text not null,
      lexemes tsvector not null,
      -- The title's lexemes alone: a cheap rank when too many records match to rank their texts.
      title_lexemes tsvector not null,
      primary key (source_type, source_id, seq)
    )`.execute(db);
  await sql`create index search_chunk_lexemes on search_chunk using gin (lexemes)`.execute(db);
  await sql`create index search_chunk_states on search_chunk using gin (states)`.execute(db);
  await sql`
    create table search_queue (
      source_type text not null,
      source_id text not null,
      queued_at timestamptz not null default clock_timestamp(),
      primary key (source_type, source_id)
    )`.execute(db);
  await sql`
    create function search_enqueue() returns trigger language plpgsql as $$
    begin
      insert into search_queue (source_type, source_id)
        values (tg_argv[0], to_jsonb(new) ->> tg_argv[1])
        -- An update, not nothing: the writer then waits for an indexer holding the queued row, or
        -- queues it again after it, so the index never keeps a version older than the last write.
        on conflict (source_type, source_id) do update set queued_at = excluded.queued_at;
      return null;
    end $$`.execute(db);
  for (const [table, type, key] of indexedTables) {
    await sql`
      create trigger ${sql.raw(`${table}_search`)} after insert or update on ${sql.table(table)}
        for each row execute function search_enqueue(${sql.lit(type)}, ${sql.lit(key)})`.execute(db);
    // Rows written before this migration.
    await sql`
      insert into search_queue (source_type, source_id)
        select ${type}, ${sql.ref(key)}::text from ${sql.table(table)}`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
