import { type Kysely, sql } from 'kysely';

// The search's tokenizer now stems Russian and Arabic words and pairs Chinese characters across
// a line break (src/features/search/tokenize.ts): every record already indexed is queued again,
// so that the next search (or the start-up) indexes it the new way. The tables do not change.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into search_queue (source_type, source_id)
      select distinct source_type, source_id from search_chunk
    on conflict do nothing`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
