import { type Kysely, sql } from 'kysely';

// Correspondence: the Chair's letters and notes, notes verbales and replies, with their recipients
// (one State, a list, or "all non-reporting States" resolved as at the date and kept as it was)
// and the records they concern. Nothing is deleted: a letter is archived; a recipient or a concern
// taken off a letter is marked removed, so that its history stays.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table letter (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('letter', 'note', 'note-verbale', 'reply')),
      -- Resolution 1540 was adopted on 28 April 2004: nothing of the Committee's is older.
      sent_on date not null check (sent_on >= date '2004-04-28' and sent_on < date '2200-01-01'),
      reference text not null default '' check (length(reference) <= 100),
      sender_kind text not null check (sender_kind in ('chair', 'committee', 'secretariat', 'state', 'organization')),
      sender_state_iso3 char(3) references member_state (iso3),
      sender_organization_code text references organization (code),
      -- 'committee': addressed to the Committee or its Chair; 'other': named in recipient_other.
      recipients_mode text not null check (recipients_mode in ('state', 'list', 'non-reporting', 'committee', 'other')),
      recipient_other text not null default '' check (length(recipient_other) <= 300),
      subject text not null check (length(btrim(subject)) between 1 and 300),
      summary text not null default '' check (length(summary) <= 8000),
      in_reply_to uuid references letter (id),
      -- The State concerned: the sender State, or the one State addressed. The policy reads it.
      state_iso3 char(3) references member_state (iso3),
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      confidentiality text not null default 'committee'
        check (confidentiality in ('public', 'committee', 'committee-and-state')),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((sender_kind = 'state') = (sender_state_iso3 is not null)),
      check ((sender_kind = 'organization') = (sender_organization_code is not null)),
      check (recipients_mode <> 'other' or length(btrim(recipient_other)) > 0),
      check (in_reply_to is null or in_reply_to <> id),
      check (confidentiality <> 'committee-and-state' or state_iso3 is not null)
    )`.execute(db);
  await sql`create index letter_sent_on on letter (sent_on)`.execute(db);
  await sql`create index letter_state on letter (state_iso3) where state_iso3 is not null`.execute(db);
  await sql`create index letter_in_reply_to on letter (in_reply_to) where in_reply_to is not null`.execute(db);
  await sql`
    create table letter_recipient (
      id uuid primary key default gen_random_uuid(),
      letter_id uuid not null references letter (id),
      state_iso3 char(3) not null references member_state (iso3),
      removed_at timestamptz,
      created_at timestamptz not null default now(),
      unique (letter_id, state_iso3)
    )`.execute(db);
  await sql`create index letter_recipient_state on letter_recipient (state_iso3) where removed_at is null`.execute(db);
  await sql`
    create table letter_concern (
      id uuid primary key default gen_random_uuid(),
      letter_id uuid not null references letter (id),
      record_type text not null check (record_type in ('national-report', 'action-plan', 'assistance-request', 'matrix', 'visit')),
      record_id text not null check (record_id ~ '^[A-Za-z0-9._-]{1,100}$'),
      removed_at timestamptz,
      created_at timestamptz not null default now(),
      unique (letter_id, record_type, record_id)
    )`.execute(db);
  await sql`create index letter_concern_record on letter_concern (record_type, record_id) where removed_at is null`.execute(db);
  for (const table of ['letter', 'letter_recipient', 'letter_concern'])
    await sql`
      create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
        for each row execute function refuse_hard_delete()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
