import { type Kysely, sql } from 'kysely';

// The matrix of each State, in versions. A version moves draft → sent → commented → agreed →
// approved → published; approved and published versions never change (a trigger refuses it).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table matrix (
      id uuid primary key default gen_random_uuid(),
      state_iso3 char(3) not null references member_state (iso3),
      number int not null check (number >= 1),
      template_version text not null references matrix_template (version),
      status text not null default 'draft'
        check (status in ('draft', 'sent', 'commented', 'agreed', 'approved', 'published')),
      based_on uuid references matrix (id),
      confidentiality text not null default 'committee-and-state'
        check (confidentiality in ('public', 'committee', 'committee-and-state')),
      demo boolean not null default false,
      status_changed_at timestamptz not null default now(),
      approved_at timestamptz,
      published_at timestamptz,
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (state_iso3, number)
    )`.execute(db);
  // One version in the works per State at a time; the next starts from the latest approved one.
  await sql`
    create unique index matrix_one_open on matrix (state_iso3)
      where status not in ('approved', 'published') and archived_at is null`.execute(db);
  await sql`create index matrix_state on matrix (state_iso3, number desc)`.execute(db);

  await sql`
    create table matrix_cell (
      id bigserial primary key,
      matrix_id uuid not null references matrix (id),
      field_code text not null,
      value text not null default '' check (value in ('X', '?', 'NA', '')),
      info_date date,
      remarks text not null default '',
      sources jsonb not null default '[]' check (jsonb_typeof(sources) = 'array'),
      instrument_status text
        check (instrument_status in ('signed', 'ratified', 'acceded', 'succeeded', 'member', 'not-party')),
      instrument_date date,
      row_version int not null default 1,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      unique (matrix_id, field_code)
    )`.execute(db);

  await sql`
    create function matrix_frozen() returns trigger language plpgsql as $$
    declare
      frozen text;
    begin
      -- A restore brings back approved matrices whole (r1540 restore sets this in its transaction).
      if current_setting('r1540.restoring', true) = 'on' then
        return coalesce(new, old);
      end if;
      select status into frozen from matrix
        where id = coalesce(new.matrix_id, old.matrix_id) and status in ('approved', 'published');
      if frozen is not null then
        raise exception 'an % matrix never changes: start a new draft from it', frozen
          using errcode = 'check_violation';
      end if;
      return coalesce(new, old);
    end $$`.execute(db);
  await sql`
    create trigger matrix_cell_frozen before insert or update or delete on matrix_cell
      for each row execute function matrix_frozen()`.execute(db);
  await sql`
    create trigger matrix_no_delete before delete on matrix
      for each row execute function refuse_hard_delete()`.execute(db);
  // A template that a matrix uses is locked from then on.
  await sql`
    create function matrix_locks_template() returns trigger language plpgsql as $$
    begin
      update matrix_template set locked_at = now()
        where version = new.template_version and locked_at is null;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger matrix_locks_template after insert on matrix
      for each row execute function matrix_locks_template()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
