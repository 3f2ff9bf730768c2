import { type Kysely, sql } from 'kysely';

// Matrix templates: versioned reference data. A template that is locked (shipped, or used by
// any matrix) never changes: the database refuses it, not only the app.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table matrix_template (
      version text primary key check (version ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
      approved_on date,
      title jsonb not null,
      definition jsonb not null,
      based_on text references matrix_template (version),
      locked_at timestamptz,
      field_count int not null check (field_count >= 0),
      confidentiality text not null default 'public'
        check (confidentiality in ('public', 'committee', 'committee-and-state')),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create function matrix_template_locked() returns trigger language plpgsql as $$
    begin
      if old.locked_at is not null and (
        new.definition is distinct from old.definition
        or new.version is distinct from old.version
        or new.locked_at is null
      ) then
        raise exception 'matrix template % is locked: copy it to a new version to change it', old.version
          using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger matrix_template_no_change before update on matrix_template
      for each row execute function matrix_template_locked()`.execute(db);
  // Records are archived, never deleted: a rule for every domain table from here on.
  await sql`
    create function refuse_hard_delete() returns trigger language plpgsql as $$
    begin
      raise exception 'rows of % are archived, never deleted', tg_table_name
        using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`
    create trigger matrix_template_no_delete before delete on matrix_template
      for each row execute function refuse_hard_delete()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
