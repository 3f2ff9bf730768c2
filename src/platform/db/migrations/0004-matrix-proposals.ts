import { type Kysely, sql } from 'kysely';

// The State's review of its matrix: while a version is with the State (sent, commented), its
// point of contact comments on fields and proposes values with their sources; the experts accept
// (the value goes into the cell) or decline (with a note) each one. Nothing is deleted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table matrix_proposal (
      id uuid primary key default gen_random_uuid(),
      matrix_id uuid not null references matrix (id),
      field_code text not null check (length(field_code) between 1 and 100),
      author_id uuid not null references app_user (id),
      kind text not null check (kind in ('comment', 'proposal')),
      comment text not null default '' check (length(comment) <= 4000),
      value text check (value in ('X', '?', 'NA', '')),
      sources jsonb not null default '[]' check (jsonb_typeof(sources) = 'array'),
      info_date date,
      status text not null default 'open' check (status in ('open', 'accepted', 'declined', 'withdrawn')),
      decided_by uuid references app_user (id),
      decided_at timestamptz,
      decision_note text not null default '' check (length(decision_note) <= 4000),
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      archived_at timestamptz,
      -- A proposal carries a value; a comment carries text and no value.
      check ((kind = 'proposal') = (value is not null)),
      check (kind = 'proposal' or length(comment) > 0),
      -- A decision names who took it and when; an open or withdrawn one has none.
      check ((status in ('accepted', 'declined')) = (decided_by is not null and decided_at is not null))
    )`.execute(db);
  await sql`create index matrix_proposal_matrix on matrix_proposal (matrix_id, status, created_at)`.execute(db);
  await sql`create index matrix_proposal_author on matrix_proposal (author_id)`.execute(db);
  // An approved or published version never changes, nor does the dialogue about it.
  await sql`
    create trigger matrix_proposal_frozen before insert or update on matrix_proposal
      for each row execute function matrix_frozen()`.execute(db);
  await sql`
    create trigger matrix_proposal_no_delete before delete on matrix_proposal
      for each row execute function refuse_hard_delete()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
