import { type Kysely, sql } from 'kysely';

// An outreach event's title, description and city, and a cooperation record's description, in the other five UN languages (issue 14: the
// secretariat keeps the calendar and the annual review's annex in six languages). The event's own
// columns hold its English text; `translations` holds {ar|es|fr|ru|zh: {title, description, city}}
// for the languages it has been translated into (a missing one is shown as missing, never filled).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table outreach_event
      add column translations jsonb not null default '{}'::jsonb
        check (jsonb_typeof(translations) = 'object'
          and translations - array['ar', 'es', 'fr', 'ru', 'zh'] = '{}'::jsonb)`.execute(db);
  // A cooperation record's description likewise: {ar|es|fr|ru|zh: {description}}.
  await sql`
    alter table organization_cooperation
      add column translations jsonb not null default '{}'::jsonb
        check (jsonb_typeof(translations) = 'object'
          and translations - array['ar', 'es', 'fr', 'ru', 'zh'] = '{}'::jsonb)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
