import { type Kysely, sql } from 'kysely';

// Meetings of the Committee and its bodies, the working groups and their coordinators, the
// programmes of work and their items (issue 14). Nothing is deleted: every row is archived; a
// coordinator's period that overlaps another of the same group is refused by the write core,
// which holds the group's row locked while it checks (two writers check one after the other).
const kept = `
      source text not null default 'entered' check (source in ('seed', 'illustrative', 'entered')),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()`;
const firstDay = `date '2004-04-28'`;
const lastDay = `date '2200-01-01'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table working_group (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[a-z][a-z0-9-]{1,39}$'),
      names jsonb not null check (jsonb_typeof(names) = 'object' and names ? 'en'),
      position int not null default 0 check (position between 0 and 1000),
      confidentiality text not null default 'public' check (confidentiality in ('public', 'committee')),
      ${sql.raw(kept)}
    )`.execute(db);
  await sql`
    create table working_group_coordinator (
      id uuid primary key default gen_random_uuid(),
      working_group_id uuid not null references working_group (id),
      state_iso3 char(3) not null references member_state (iso3),
      person text not null check (length(btrim(person)) between 1 and 300),
      started_on date not null check (started_on >= ${sql.raw(firstDay)} and started_on < ${sql.raw(lastDay)}),
      ended_on date check (ended_on < ${sql.raw(lastDay)}),
      confidentiality text not null default 'public' check (confidentiality in ('public', 'committee')),
      ${sql.raw(kept)},
      constraint working_group_coordinator_period__ended_on check (ended_on is null or ended_on >= started_on)
    )`.execute(db);
  await sql`create index working_group_coordinator_group on working_group_coordinator (working_group_id, started_on)`.execute(db);
  await sql`
    create table meeting (
      id uuid primary key default gen_random_uuid(),
      held_on date not null check (held_on >= ${sql.raw(firstDay)} and held_on < ${sql.raw(lastDay)}),
      kind text not null check (kind in ('formal', 'informal', 'briefing', 'working-group', 'council-briefing')),
      working_group_id uuid references working_group (id),
      title text not null check (length(btrim(title)) between 1 and 300),
      chair text not null default '' check (length(chair) <= 200),
      participant_states text[] not null default '{}'
        check (cardinality(participant_states) <= 193 and array_to_string(participant_states, ',') ~ '^([A-Z]{3}(,[A-Z]{3})*)?$'),
      participant_organizations text[] not null default '{}'
        check (cardinality(participant_organizations) <= 100 and array_to_string(participant_organizations, ',') ~ '^([A-Z0-9-]{2,20}(,[A-Z0-9-]{2,20})*)?$'),
      participants_other text not null default '' check (length(participants_other) <= 1000),
      agenda text[] not null default '{}' check (cardinality(agenda) <= 50 and length(array_to_string(agenda, '')) <= 20000),
      outcome text not null default '' check (length(outcome) <= 8000),
      document_ids uuid[] not null default '{}' check (cardinality(document_ids) <= 50),
      state_iso3 char(3) references member_state (iso3),
      confidentiality text not null default 'committee'
        check (confidentiality in ('public', 'committee', 'committee-and-state')),
      ${sql.raw(kept)},
      constraint meeting_group_of_kind__working_group_id check ((kind = 'working-group') = (working_group_id is not null)),
      constraint meeting_state_for_level__state_iso3 check (confidentiality <> 'committee-and-state' or state_iso3 is not null)
    )`.execute(db);
  await sql`create index meeting_held_on on meeting (held_on)`.execute(db);
  await sql`create index meeting_group on meeting (working_group_id) where working_group_id is not null`.execute(db);
  await sql`create index meeting_states on meeting using gin (participant_states)`.execute(db);
  await sql`create index meeting_organizations on meeting using gin (participant_organizations)`.execute(db);
  await sql`
    create table programme_of_work (
      id uuid primary key default gen_random_uuid(),
      number int not null unique check (number between 1 and 500),
      symbol text not null default '' check (length(symbol) <= 50),
      started_on date not null check (started_on >= ${sql.raw(firstDay)} and started_on < ${sql.raw(lastDay)}),
      ended_on date not null check (ended_on < ${sql.raw(lastDay)}),
      review_cutoff_on date,
      confidentiality text not null default 'public' check (confidentiality in ('public', 'committee')),
      ${sql.raw(kept)},
      constraint programme_of_work_period__ended_on check (ended_on >= started_on),
      constraint programme_of_work_cutoff__review_cutoff_on
        check (review_cutoff_on is null or review_cutoff_on between started_on and ended_on)
    )`.execute(db);
  await sql`
    create table programme_item (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programme_of_work (id),
      reference text not null check (reference ~ '^[A-Za-z0-9().-]{1,20}$'),
      title text not null check (length(btrim(title)) between 1 and 1000),
      area text not null check (area in ('monitoring', 'assistance', 'cooperation', 'transparency', 'administration')),
      status text not null default 'planned' check (status in ('planned', 'in-progress', 'done')),
      links jsonb not null default '[]' check (jsonb_typeof(links) = 'array' and jsonb_array_length(links) <= 200),
      position int not null default 0 check (position between 0 and 10000),
      confidentiality text not null default 'public' check (confidentiality in ('public', 'committee')),
      ${sql.raw(kept)}
    )`.execute(db);
  await sql`create unique index programme_item_reference__reference on programme_item (programme_id, reference) where archived_at is null`.execute(
    db,
  );
  await sql`create index programme_item_links on programme_item using gin (links jsonb_path_ops)`.execute(db);
  for (const table of ['meeting', 'working_group', 'working_group_coordinator', 'programme_of_work', 'programme_item'])
    await sql`
      create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
        for each row execute function refuse_hard_delete()`.execute(db);
  for (const [table, type] of [
    ['meeting', 'meeting'],
    ['working_group', 'working-group'],
    ['programme_item', 'programme-item'],
  ] as const)
    await sql`
      create trigger ${sql.raw(`${table}_search`)} after insert or update on ${sql.table(table)}
        for each row execute function search_enqueue(${sql.lit(type)}, 'id')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
