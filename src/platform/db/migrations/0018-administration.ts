import { type Kysely, sql } from 'kysely';

// Administration (S/2018/1167 ¶47–49): the Chair and vice-chairs by period, the Group of Experts
// (each expert's nationality and appointment) and its coordinator; the UN trust fund's donors,
// their contributions by year, the grants used in a year and the activities each supported.
// Appointments are public by default (the UN publishes them); the trust fund is the Committee
// side's only (its rows are 'committee', which the database holds them to). Nothing is deleted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table appointment (
      id uuid primary key default gen_random_uuid(),
      role text not null check (role in ('chair', 'vice-chair', 'expert', 'coordinator')),
      -- A vice-chair may be recorded by its State alone (the person left unnamed).
      person_name text not null default '' check (length(person_name) <= 200),
      -- The State a Chair or vice-chair represents; an expert's or the coordinator's nationality.
      state_iso3 char(3) not null references member_state (iso3),
      starts_on date not null check (starts_on >= date '2004-04-28' and starts_on < date '2200-01-01'),
      ends_on date check (ends_on < date '2200-01-01'),
      note text not null default '' check (length(note) <= 2000),
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      confidentiality text not null default 'public' check (confidentiality in ('public', 'committee')),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint appointment_person__person_name check (role = 'vice-chair' or length(btrim(person_name)) > 0),
      constraint appointment_period__ends_on check (ends_on is null or ends_on >= starts_on)
    )`.execute(db);
  // One Chair at a time, one coordinator at a time (periods of the same role never overlap).
  await sql`
    alter table appointment add constraint appointment_one_chair__starts_on
      exclude using gist (daterange(starts_on, ends_on, '[]') with &&) where (role = 'chair' and archived_at is null)`.execute(db);
  await sql`
    alter table appointment add constraint appointment_one_coordinator__starts_on
      exclude using gist (daterange(starts_on, ends_on, '[]') with &&) where (role = 'coordinator' and archived_at is null)`.execute(db);
  await sql`create index appointment_role on appointment (role, starts_on)`.execute(db);

  await sql`
    create table trust_fund_donor (
      id uuid primary key default gen_random_uuid(),
      donor_kind text not null check (donor_kind in ('state', 'organization')),
      state_iso3 char(3) references member_state (iso3),
      organization_code text references organization (code),
      note text not null default '' check (length(note) <= 2000),
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      confidentiality text not null default 'committee' check (confidentiality = 'committee'),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint trust_fund_donor_state__state_iso3 check ((donor_kind = 'state') = (state_iso3 is not null)),
      constraint trust_fund_donor_organization__organization_code
        check ((donor_kind = 'organization') = (organization_code is not null))
    )`.execute(db);
  await sql`create unique index trust_fund_donor_once__state_iso3 on trust_fund_donor (state_iso3) where archived_at is null and state_iso3 is not null`.execute(
    db,
  );
  await sql`create unique index trust_fund_donor_once__organization_code on trust_fund_donor (organization_code) where archived_at is null and organization_code is not null`.execute(
    db,
  );

  await sql`
    create table trust_fund_contribution (
      id uuid primary key default gen_random_uuid(),
      donor_id uuid not null references trust_fund_donor (id),
      year int not null check (year between 2004 and 2199),
      amount numeric(16, 2) check (amount > 0),
      currency char(3) check (currency ~ '^[A-Z]{3}$'),
      note text not null default '' check (length(note) <= 2000),
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      confidentiality text not null default 'committee' check (confidentiality = 'committee'),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint trust_fund_contribution_amount__currency check ((amount is null) = (currency is null))
    )`.execute(db);
  await sql`create index trust_fund_contribution_donor on trust_fund_contribution (donor_id)`.execute(db);

  await sql`
    create table trust_fund_grant (
      id uuid primary key default gen_random_uuid(),
      contribution_id uuid not null references trust_fund_contribution (id),
      used_in_year int not null check (used_in_year between 2004 and 2199),
      purpose text not null check (length(btrim(purpose)) between 1 and 500),
      amount numeric(16, 2) check (amount > 0),
      currency char(3) check (currency ~ '^[A-Z]{3}$'),
      -- The activities it supported: [{ "description", "recordType"?, "recordId"? }], a record of any feature named generically.
      activities jsonb not null default '[]'
        check (jsonb_typeof(activities) = 'array' and jsonb_array_length(activities) <= 50),
      note text not null default '' check (length(note) <= 2000),
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      confidentiality text not null default 'committee' check (confidentiality = 'committee'),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint trust_fund_grant_amount__currency check ((amount is null) = (currency is null))
    )`.execute(db);
  await sql`create index trust_fund_grant_contribution on trust_fund_grant (contribution_id)`.execute(db);
  await sql`create index trust_fund_grant_year on trust_fund_grant (used_in_year)`.execute(db);

  for (const table of ['appointment', 'trust_fund_donor', 'trust_fund_contribution', 'trust_fund_grant'])
    await sql`
      create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
        for each row execute function refuse_hard_delete()`.execute(db);
  // The search finds experts (and the Chair, vice-chairs, coordinator) and donors.
  await sql`
    create trigger appointment_search after insert or update on appointment
      for each row execute function search_enqueue('appointment', 'id')`.execute(db);
  await sql`
    create trigger trust_fund_donor_search after insert or update on trust_fund_donor
      for each row execute function search_enqueue('trust-fund-donor', 'id')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
