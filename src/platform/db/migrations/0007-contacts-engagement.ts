import { type Kysely, sql } from 'kysely';

// Points of contact (confidential: the Committee and the State concerned), visits and other
// engagement with States, and the training courses for points of contact. Nothing is deleted:
// a record is archived. No date lies in the future.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table point_of_contact (
      id uuid primary key default gen_random_uuid(),
      state_iso3 char(3) not null references member_state (iso3),
      location text not null check (location in ('capital', 'new-york-mission')),
      name text not null check (length(btrim(name)) between 1 and 200),
      title text not null default '' check (length(title) <= 200),
      institution text not null default '' check (length(institution) <= 300),
      email text not null default '' check (length(email) <= 254),
      phone text not null default '' check (length(phone) <= 60),
      languages text[] not null default '{}',
      designated_on date not null,
      ended_on date,
      last_confirmed_on date,
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      confidentiality text not null default 'committee-and-state'
        check (confidentiality = 'committee-and-state'),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ended_on is null or ended_on >= designated_on),
      check (last_confirmed_on is null or last_confirmed_on >= designated_on)
    )`.execute(db);
  await sql`create index point_of_contact_state on point_of_contact (state_iso3, designated_on)`.execute(db);
  await sql`
    create table visit (
      id uuid primary key default gen_random_uuid(),
      state_iso3 char(3) not null references member_state (iso3),
      kind text not null check (kind in ('visit-at-invitation', 'round-table', 'peer-review', 'joint-visit')),
      starts_on date not null,
      ends_on date,
      purposes text[] not null default '{}'
        check (purposes <@ array['first-report', 'action-plan', 'exchange', 'gaps-and-assistance']::text[]),
      states_involved text[] not null default '{}',
      organizations_involved text[] not null default '{}',
      who_went text not null default '' check (length(who_went) <= 1000),
      partner text not null default '' check (length(partner) <= 200),
      note text not null default '' check (length(note) <= 2000),
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      confidentiality text not null default 'public'
        check (confidentiality in ('public', 'committee', 'committee-and-state')),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on is null or ends_on >= starts_on)
    )`.execute(db);
  await sql`create index visit_starts on visit (starts_on)`.execute(db);
  await sql`
    create table course (
      id uuid primary key default gen_random_uuid(),
      title text not null check (length(btrim(title)) between 1 and 300),
      starts_on date not null,
      ends_on date not null,
      place text not null check (length(btrim(place)) between 1 and 200),
      host_organizations text[] not null default '{}',
      region text not null default '' check (length(region) <= 200),
      participating_states text[] not null default '{}',
      teachers text not null default '' check (length(teachers) <= 1000),
      teaching_organizations text[] not null default '{}',
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      confidentiality text not null default 'public'
        check (confidentiality in ('public', 'committee', 'committee-and-state')),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    )`.execute(db);
  for (const table of ['point_of_contact', 'visit', 'course'])
    await sql`
      create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
        for each row execute function refuse_hard_delete()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
