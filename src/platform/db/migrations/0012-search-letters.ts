import { type Kysely, sql } from 'kysely';

// Letters and notes are found by the search as well: their rows queue themselves like the
// other indexed tables (0009-search.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create trigger letter_search after insert or update on letter
      for each row execute function search_enqueue('letter', 'id')`.execute(db);
  await sql`insert into search_queue (source_type, source_id) select 'letter', id::text from letter on conflict do nothing`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
