import { type Kysely, sql } from 'kysely';

// The assistance clearinghouse: States' requests (with their items), providers' offers, the
// Committee's procedure as dated steps, the circulation of a request to providers, providers'
// responses (naming the items they answer), matches between request items and offers with their
// status, and the matching weights (append-only: the newest row is in force). Nothing is deleted.
export async function up(db: Kysely<unknown>): Promise<void> {
  const codes = (column: string, max = 20) =>
    sql.raw(`${column} text[] not null default '{}' check (cardinality(${column}) <= ${max} and array_position(${column}, null) is null)`);
  await sql`
    create table assistance_request (
      id uuid primary key default gen_random_uuid(),
      reference text not null default '' check (length(reference) <= 60),
      state_iso3 char(3) not null references member_state (iso3),
      received_on date not null check (received_on >= date '2004-04-28' and received_on < date '2200-01-01'),
      channel text not null check (channel in ('template', 'note-verbale', 'letter', 'online-form', 'email', 'meeting')),
      contact_name text not null default '' check (length(contact_name) <= 200),
      contact_email text not null default '' check (length(contact_email) <= 254),
      ${codes('languages', 7)},
      earlier_assistance text not null default '' check (length(earlier_assistance) <= 8000),
      other_providers text not null default '' check (length(other_providers) <= 2000),
      consent_summary boolean not null default false,
      summary text not null default '' check (length(summary) <= 4000),
      invites_visit boolean not null default false,
      status text not null default 'received'
        check (status in ('received', 'authenticated', 'acknowledged', 'circulated', 'forwarded', 'under-way', 'delivered', 'closed', 'withdrawn')),
      status_on date not null,
      objected_on date,
      summary_posted_on date,
      follow_up_on date,
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      -- A request is the Committee's and the requesting State's; providers see it once circulated to them.
      confidentiality text not null default 'committee-and-state' check (confidentiality in ('committee', 'committee-and-state')),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (summary_posted_on is null or consent_summary)
    )`.execute(db);
  await sql`create index assistance_request_state on assistance_request (state_iso3, received_on)`.execute(db);
  await sql`create index assistance_request_received on assistance_request (received_on)`.execute(db);
  await sql`
    create table assistance_request_item (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references assistance_request (id),
      position int not null check (position between 1 and 200),
      description text not null check (length(btrim(description)) between 1 and 4000),
      ${codes('paragraphs', 6)},
      ${codes('weapons', 4)},
      ${codes('areas', 11)},
      ${codes('kinds', 7)},
      ${codes('matrix_fields', 200)},
      priority text not null default 'medium' check (priority in ('high', 'medium', 'low')),
      timeframe text not null default '' check (length(timeframe) <= 200),
      illustrative boolean not null default false,
      removed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (cardinality(areas) >= 1)
    )`.execute(db);
  await sql`create index assistance_request_item_request on assistance_request_item (request_id, position)`.execute(db);
  await sql`
    create table assistance_step (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references assistance_request (id),
      action text not null check (length(action) between 1 and 40),
      from_status text not null,
      to_status text not null,
      taken_on date not null,
      note text not null default '' check (length(note) <= 4000),
      actor_id uuid references app_user (id),
      actor_label text not null,
      -- The clock, not the transaction's start: steps taken in one transaction keep their order.
      created_at timestamptz not null default clock_timestamp()
    )`.execute(db);
  await sql`create index assistance_step_request on assistance_step (request_id, created_at)`.execute(db);
  await sql`
    create table assistance_offer (
      id uuid primary key default gen_random_uuid(),
      provider_kind text not null check (provider_kind in ('state', 'organization')),
      provider_state_iso3 char(3) references member_state (iso3),
      provider_organization_code text references organization (code),
      title text not null check (length(btrim(title)) between 1 and 300),
      description text not null default '' check (length(description) <= 8000),
      ${codes('paragraphs', 6)},
      ${codes('weapons', 4)},
      ${codes('areas', 11)},
      ${codes('kinds', 7)},
      ${codes('regions', 10)},
      ${codes('languages', 7)},
      programmes jsonb not null default '[]' check (jsonb_typeof(programmes) = 'array'),
      capacity text not null default '' check (length(capacity) <= 500),
      period_from date,
      period_to date,
      contact_name text not null default '' check (length(contact_name) <= 200),
      contact_email text not null default '' check (length(contact_email) <= 254),
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      confidentiality text not null default 'public' check (confidentiality in ('public', 'committee')),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((provider_kind = 'state') = (provider_state_iso3 is not null)),
      check ((provider_kind = 'organization') = (provider_organization_code is not null)),
      check (cardinality(areas) >= 1),
      check (period_to is null or period_from is null or period_to >= period_from)
    )`.execute(db);
  await sql`
    create table assistance_circulation (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references assistance_request (id),
      provider_kind text not null check (provider_kind in ('state', 'organization')),
      provider_code text not null check (length(provider_code) between 1 and 40),
      circulated_on date not null,
      created_at timestamptz not null default now(),
      unique (request_id, provider_kind, provider_code)
    )`.execute(db);
  await sql`create index assistance_circulation_provider on assistance_circulation (provider_kind, provider_code)`.execute(db);
  await sql`
    create table assistance_response (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references assistance_request (id),
      provider_kind text not null check (provider_kind in ('state', 'organization')),
      provider_code text not null check (length(provider_code) between 1 and 40),
      responded_on date not null,
      item_ids uuid[] not null check (cardinality(item_ids) >= 1),
      text text not null default '' check (length(text) <= 8000),
      forwarded_on date,
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      archived_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index assistance_response_request on assistance_response (request_id)`.execute(db);
  await sql`
    create table assistance_match (
      id uuid primary key default gen_random_uuid(),
      item_id uuid not null references assistance_request_item (id),
      offer_id uuid not null references assistance_offer (id),
      status text not null check (status in ('suggested', 'proposed', 'accepted', 'under-way', 'delivered', 'declined', 'set-aside')),
      origin text not null check (origin in ('engine', 'hand')),
      score numeric,
      reasons jsonb not null default '[]',
      note text not null default '' check (length(note) <= 4000),
      status_on date not null,
      provider_feedback text not null default '' check (length(provider_feedback) <= 8000),
      state_feedback text not null default '' check (length(state_feedback) <= 8000),
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (item_id, offer_id)
    )`.execute(db);
  await sql`create index assistance_match_offer on assistance_match (offer_id)`.execute(db);
  await sql`
    create table assistance_weights (
      id uuid primary key default gen_random_uuid(),
      weights jsonb not null check (jsonb_typeof(weights) = 'object'),
      actor_id uuid references app_user (id),
      actor_label text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  for (const table of [
    'assistance_request',
    'assistance_request_item',
    'assistance_step',
    'assistance_offer',
    'assistance_circulation',
    'assistance_response',
    'assistance_match',
    'assistance_weights',
  ])
    await sql`
      create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
        for each row execute function refuse_hard_delete()`.execute(db);
  // Steps are history: never changed once written.
  await sql`
    create function assistance_step_frozen() returns trigger language plpgsql as $$
    begin
      raise exception 'an assistance step is never changed once recorded';
    end $$`.execute(db);
  await sql`create trigger assistance_step_no_update before update on assistance_step for each row execute function assistance_step_frozen()`.execute(
    db,
  );
  // The search finds requests (for those who may see them) and offers.
  await sql`create trigger assistance_request_search after insert or update on assistance_request for each row execute function search_enqueue('assistance-request', 'id')`.execute(
    db,
  );
  await sql`create trigger assistance_offer_search after insert or update on assistance_offer for each row execute function search_enqueue('assistance-offer', 'id')`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
