import { type Kysely, sql } from 'kysely';

// Visits and courses are now kept through forms: each says whether it took place or is planned
// (a planned one may lie in the future; one that took place may not), where it was held, and
// which organizations supported it.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['visit', 'course'])
    await sql`
      alter table ${sql.table(table)}
        add column status text not null default 'held' check (status in ('held', 'planned')),
        add column supporting_organizations text[] not null default '{}'`.execute(db);
  await sql`alter table visit add column place text not null default '' check (length(place) <= 200)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
