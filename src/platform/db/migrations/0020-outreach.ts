import { type Kysely, sql } from 'kysely';

// Outreach (issue 14): the events the Chair, members and experts took part in (S/2018/1167 ¶39–42
// and its annex), grouped as the annex groups them, with their audiences, who took part and the
// records they concern; and the Committee's cooperation with organizations (¶29–36), each a record
// linked to events, meetings, visits and assistance responses. Nothing is deleted: archived.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table outreach_event (
      id uuid primary key default gen_random_uuid(),
      starts_on date not null check (starts_on >= date '2004-04-28' and starts_on < date '2200-01-01'),
      ends_on date not null,
      title text not null check (length(btrim(title)) between 1 and 300),
      description text not null default '' check (length(description) <= 4000),
      event_group text not null check (event_group in ('visit-at-invitation', 'joint-visit', 'country-specific', 'regional', 'other')),
      organizer_states text[] not null default '{}' check (cardinality(organizer_states) <= 60),
      organizer_organizations text[] not null default '{}' check (cardinality(organizer_organizations) <= 60),
      -- The Committee (or its Group of Experts) among the organizers, as the annex says.
      by_committee boolean not null default false,
      city text not null default '' check (length(city) <= 200),
      -- The State where the event is held; the level "the Committee and the State concerned" reads it.
      state_iso3 char(3) references member_state (iso3),
      audiences text[] not null default '{}'
        check (audiences <@ array['officials', 'parliamentarians', 'industry', 'civil-society', 'academia']::text[]),
      -- [{ "role": "chair"|"vice-chair"|"member"|"expert"|"coordinator", "mode": "in-person"|"recorded-message", "expertId"?, "name"? }]
      participants jsonb not null default '[]' check (jsonb_typeof(participants) = 'array' and jsonb_array_length(participants) <= 60),
      -- "visit:<uuid>", "course:<uuid>", "assistance-request:<uuid>", "document:<uuid>", "meeting:<uuid>"
      links text[] not null default '{}'
        check (cardinality(links) <= 50
          and array_to_string(links, ' ') ~ '^((visit|course|assistance-request|document|meeting):[0-9a-f-]{36}( |$))*$'),
      status text not null default 'held' check (status in ('planned', 'held', 'cancelled')),
      -- A planned event announced as confirmed: the public sees it (and a held one).
      confirmed boolean not null default false,
      -- Whether the annual review lists it in its annex's table (an event a paragraph names may be left out of it).
      listed boolean not null default true,
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      confidentiality text not null default 'public' check (confidentiality in ('public', 'committee', 'committee-and-state')),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on >= starts_on and ends_on < starts_on + 366),
      check (confidentiality <> 'committee-and-state' or state_iso3 is not null)
    )`.execute(db);
  await sql`create index outreach_event_starts on outreach_event (starts_on)`.execute(db);
  await sql`create index outreach_event_state on outreach_event (state_iso3) where state_iso3 is not null`.execute(db);
  await sql`create index outreach_event_organizations on outreach_event using gin (organizer_organizations)`.execute(db);
  await sql`create index outreach_event_states on outreach_event using gin (organizer_states)`.execute(db);
  await sql`
    create table organization_cooperation (
      id uuid primary key default gen_random_uuid(),
      organization_code text not null references organization (code),
      activity text not null
        check (activity in ('joint-event', 'training', 'model-legislation', 'joint-visit', 'information-exchange')),
      starts_on date not null check (starts_on >= date '2004-04-28' and starts_on < date '2200-01-01'),
      ends_on date not null,
      description text not null check (length(btrim(description)) between 1 and 4000),
      -- "event:<uuid>", "meeting:<uuid>", "visit:<uuid>", "course:<uuid>", "assistance-response:<uuid>", "assistance-request:<uuid>"
      links text[] not null default '{}'
        check (cardinality(links) <= 50
          and array_to_string(links, ' ') ~ '^((event|meeting|visit|course|assistance-response|assistance-request):[0-9a-f-]{36}( |$))*$'),
      -- The State concerned, if one (a joint visit): the level "the Committee and the State concerned" reads it.
      state_iso3 char(3) references member_state (iso3),
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      confidentiality text not null default 'public' check (confidentiality in ('public', 'committee', 'committee-and-state')),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on >= starts_on),
      check (confidentiality <> 'committee-and-state' or state_iso3 is not null)
    )`.execute(db);
  await sql`create index organization_cooperation_organization on organization_cooperation (organization_code)`.execute(db);
  for (const [table, type] of [
    ['outreach_event', 'outreach-event'],
    ['organization_cooperation', 'cooperation'],
  ] as const) {
    await sql`
      create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
        for each row execute function refuse_hard_delete()`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_search`)} after insert or update on ${sql.table(table)}
        for each row execute function search_enqueue(${sql.lit(type)}, 'id')`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
