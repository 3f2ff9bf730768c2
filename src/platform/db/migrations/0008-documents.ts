import { type Kysely, sql } from 'kysely';

// The document library: each document is a file stored by its content hash (the file itself lives
// outside the database, under the data folder), with its extracted text (NFKC) for the search to
// come, and links to the records it belongs to. Nothing is deleted: a document is archived.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table document (
      id uuid primary key default gen_random_uuid(),
      title text not null check (length(btrim(title)) between 1 and 300),
      -- One of the six UN languages or another BCP 47 tag.
      language text not null check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$'),
      kind text not null check (kind in ('report', 'additional-information', 'action-plan', 'letter', 'note-verbale', 'visit', 'course', 'other')),
      state_iso3 char(3) references member_state (iso3),
      sha256 char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
      media_type text not null check (media_type in ('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/plain')),
      byte_size bigint not null check (byte_size > 0),
      page_count int check (page_count >= 0),
      extracted_text text not null default '',
      extraction_status text not null check (extraction_status in ('extracted', 'not-extracted')),
      extraction_problem text,
      original_name text not null default '' check (length(original_name) <= 255),
      confidentiality text not null default 'committee'
        check (confidentiality in ('public', 'committee', 'committee-and-state')),
      uploaded_by uuid references app_user (id),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index document_sha256 on document (sha256)`.execute(db);
  await sql`create index document_state on document (state_iso3) where state_iso3 is not null`.execute(db);
  await sql`
    create table document_link (
      id uuid primary key default gen_random_uuid(),
      document_id uuid not null references document (id),
      record_type text not null check (record_type ~ '^[a-z][a-z0-9-]{0,39}$'),
      record_id text not null check (length(record_id) between 1 and 100),
      created_at timestamptz not null default now(),
      unique (document_id, record_type, record_id)
    )`.execute(db);
  await sql`create index document_link_record on document_link (record_type, record_id)`.execute(db);
  await sql`
    create trigger document_no_delete before delete on document
      for each row execute function refuse_hard_delete()`.execute(db);
  await sql`
    create trigger document_link_no_delete before delete on document_link
      for each row execute function refuse_hard_delete()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
