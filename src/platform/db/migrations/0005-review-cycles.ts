import { type Kysely, sql } from 'kysely';

// Systematic review cycles (a comprehensive review, with its deadline): where each State's matrix
// stands in the cycle is computed from its versions; the cycle keeps only who is assigned to which
// State. Nothing is deleted: a cycle is closed or archived, an assignment is cleared.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table review_cycle (
      id uuid primary key default gen_random_uuid(),
      title text not null check (length(btrim(title)) between 1 and 200),
      purpose text not null default '' check (length(purpose) <= 4000),
      starts_on date not null,
      deadline date not null,
      template_version text not null references matrix_template (version),
      -- A State's matrix held longer than this by the same hands is overdue.
      hold_days int not null default 60 check (hold_days between 1 and 3650),
      demo boolean not null default false,
      closed_at timestamptz,
      archived_at timestamptz,
      confidentiality text not null default 'committee'
        check (confidentiality in ('public', 'committee', 'committee-and-state')),
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (deadline >= starts_on)
    )`.execute(db);
  await sql`
    create table review_assignment (
      id uuid primary key default gen_random_uuid(),
      cycle_id uuid not null references review_cycle (id),
      state_iso3 char(3) not null references member_state (iso3),
      expert_id uuid references app_user (id),
      note text not null default '' check (length(note) <= 1000),
      row_version int not null default 1,
      updated_at timestamptz not null default now(),
      unique (cycle_id, state_iso3)
    )`.execute(db);
  await sql`create index review_assignment_expert on review_assignment (expert_id) where expert_id is not null`.execute(db);
  await sql`
    create trigger review_cycle_no_delete before delete on review_cycle
      for each row execute function refuse_hard_delete()`.execute(db);
  await sql`
    create trigger review_assignment_no_delete before delete on review_assignment
      for each row execute function refuse_hard_delete()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
