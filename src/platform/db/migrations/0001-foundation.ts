import { type Kysely, sql } from 'kysely';

// PostgreSQL 15 SQL only: the same migration runs on PGlite (PostgreSQL 18) and on the server.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);

  await sql`
    create table app_meta (
      key text primary key,
      value jsonb not null
    )`.execute(db);

  await sql`
    create table member_state (
      iso3 char(3) primary key check (iso3 ~ '^[A-Z]{3}$'),
      iso2 char(2) not null unique check (iso2 ~ '^[A-Z]{2}$'),
      m49 char(3) not null unique check (m49 ~ '^[0-9]{3}$'),
      un_member_since date not null,
      names jsonb not null,
      regional_group text not null,
      m49_region char(3),
      m49_subregion char(3),
      m49_intermediate char(3),
      organizations text[] not null default '{}',
      security_council_years int[] not null default '{}',
      search_text text not null,
      confidentiality text not null default 'public'
        check (confidentiality in ('public', 'committee', 'committee-and-state')),
      archived_at timestamptz,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index member_state_search on member_state using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`create index member_state_orgs on member_state using gin (organizations)`.execute(db);

  await sql`
    create table organization (
      code text primary key check (code ~ '^[A-Z0-9-]{2,20}$'),
      kind text not null,
      acronyms jsonb not null default '{}',
      names jsonb not null,
      former_names jsonb not null default '{}',
      website text,
      named_in_seed boolean not null default false,
      search_text text not null,
      confidentiality text not null default 'public'
        check (confidentiality in ('public', 'committee', 'committee-and-state')),
      archived_at timestamptz,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table app_user (
      id uuid primary key default gen_random_uuid(),
      email text not null check (email = lower(email) and email like '%_@_%'),
      display_name text not null,
      role text not null check (role in ('state-contact', 'provider', 'expert', 'committee', 'secretariat', 'admin')),
      state_iso3 char(3) references member_state (iso3),
      organization_code text references organization (code),
      password_hash text,
      locale text not null default 'en',
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version int not null default 1,
      check (role <> 'state-contact' or state_iso3 is not null),
      check (role <> 'provider' or state_iso3 is not null or organization_code is not null)
    )`.execute(db);
  await sql`create unique index app_user_email on app_user (email)`.execute(db);

  await sql`
    create table session (
      id text primary key,
      user_id uuid not null references app_user (id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null
    )`.execute(db);
  await sql`create index session_by_user on session (user_id)`.execute(db);

  await sql`
    create table api_token (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references app_user (id),
      name text not null,
      token_hash text not null unique,
      prefix text not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index api_token_user on api_token (user_id)`.execute(db);

  await sql`
    create table login_failure (
      id bigserial primary key,
      account_key text not null,
      address text not null,
      at timestamptz not null default clock_timestamp()
    )`.execute(db);
  await sql`create index login_failure_account on login_failure (account_key, at)`.execute(db);
  await sql`create index login_failure_address on login_failure (address, at)`.execute(db);

  // The history of every change. Append-only, enforced here and not only in the app.
  await sql`
    create table audit_event (
      id bigserial primary key,
      at timestamptz not null default clock_timestamp(),
      actor_id uuid,
      actor_label text not null,
      action text not null,
      record_type text not null,
      record_id text not null,
      confidentiality text not null
        check (confidentiality in ('public', 'committee', 'committee-and-state')),
      state_iso3 char(3),
      before jsonb,
      after jsonb
    )`.execute(db);
  await sql`create index audit_event_record on audit_event (record_type, record_id, id)`.execute(db);
  await sql`create index audit_event_actor on audit_event (actor_id, id)`.execute(db);
  await sql`create index audit_event_at on audit_event (at)`.execute(db);
  await sql`
    create function audit_event_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`
    create trigger audit_event_no_change before update or delete on audit_event
      for each row execute function audit_event_is_append_only()`.execute(db);
  await sql`
    create trigger audit_event_no_truncate before truncate on audit_event
      for each statement execute function audit_event_is_append_only()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
