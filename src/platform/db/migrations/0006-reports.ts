import { type Kysely, sql } from 'kysely';

// National reports (a first report, then additional information) and voluntary national
// implementation action plans. Nothing is deleted: a record is archived.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table national_report (
      id uuid primary key default gen_random_uuid(),
      state_iso3 char(3) not null references member_state (iso3),
      kind text not null check (kind in ('first-report', 'additional-information')),
      received_on date not null,
      symbol text not null default '' check (length(symbol) <= 100),
      languages text[] not null default '{}',
      summary text not null default '' check (length(summary) <= 4000),
      paragraphs text[] not null default '{}'
        check (paragraphs <@ array['OP1', 'OP2', 'OP3a', 'OP3b', 'OP3c', 'OP3d']::text[]),
      weapon_types text[] not null default '{}'
        check (weapon_types <@ array['nuclear', 'chemical', 'biological']::text[]),
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      confidentiality text not null default 'public'
        check (confidentiality in ('public', 'committee', 'committee-and-state')),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index national_report_received on national_report (received_on)`.execute(db);
  await sql`
    create unique index national_report_one_first on national_report (state_iso3)
      where kind = 'first-report' and archived_at is null`.execute(db);
  await sql`
    create table action_plan (
      id uuid primary key default gen_random_uuid(),
      state_iso3 char(3) not null references member_state (iso3),
      number int not null check (number between 1 and 99),
      status text not null check (status in ('drafting', 'drafting-with-experts', 'submitted', 'published')),
      started_on date,
      submitted_on date,
      published_on date,
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      confidentiality text not null default 'public'
        check (confidentiality in ('public', 'committee', 'committee-and-state')),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (status not in ('submitted', 'published') or submitted_on is not null),
      check (status <> 'published' or published_on is not null),
      check (published_on is null or submitted_on is null or published_on >= submitted_on)
    )`.execute(db);
  await sql`
    create unique index action_plan_number on action_plan (state_iso3, number)
      where archived_at is null`.execute(db);
  for (const table of ['national_report', 'action_plan'])
    await sql`
      create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
        for each row execute function refuse_hard_delete()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
