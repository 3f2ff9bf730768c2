import { type Kysely, sql } from 'kysely';

// Publications (statements, the Chair's quarterly messages, press releases, news: ¶41, ¶44, ¶46 of
// the 2018 review) with their language versions, each its own text; and the FAQ (¶43b): groups and
// questions, each in the languages it has. A publication is public only once published: its level
// follows its status (a check keeps them together). Nothing is deleted: a publication, a group or
// a question is archived; a language version taken off is marked removed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table publication (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('statement', 'chair-message', 'press-release', 'news')),
      -- Resolution 1540 was adopted on 28 April 2004: nothing of the Committee's is older.
      dated date not null check (dated >= date '2004-04-28' and dated < date '2200-01-01'),
      reference text not null default '' check (length(reference) <= 100),
      status text not null default 'draft' check (status in ('draft', 'approved', 'published')),
      approved_on date check (approved_on >= date '2004-04-28' and approved_on < date '2200-01-01'),
      published_on date check (published_on >= date '2004-04-28' and published_on < date '2200-01-01'),
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      confidentiality text not null default 'committee' check (confidentiality in ('public', 'committee')),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((status = 'published') = (published_on is not null)),
      check ((status = 'draft') = (approved_on is null)),
      check ((status = 'published') = (confidentiality = 'public'))
    )`.execute(db);
  await sql`create index publication_kind_dated on publication (kind, dated)`.execute(db);
  await sql`
    create table publication_text (
      id uuid primary key default gen_random_uuid(),
      publication_id uuid not null references publication (id),
      language text not null check (language in ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
      title text not null check (length(btrim(title)) between 1 and 300),
      body text not null default '' check (length(body) <= 20000),
      removed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint publication_text_one_per_language__language unique (publication_id, language)
    )`.execute(db);
  await sql`
    create table faq_group (
      id uuid primary key default gen_random_uuid(),
      position int not null check (position between 1 and 1000),
      -- The heading in the languages it has: {"en": "...", "zh": "..."}.
      titles jsonb not null check (
        jsonb_typeof(titles) = 'object' and titles <> '{}'::jsonb
        and titles - array['ar', 'zh', 'en', 'fr', 'ru', 'es'] = '{}'::jsonb
        and length(titles::text) <= 4000),
      confidentiality text not null default 'public' check (confidentiality = 'public'),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table faq_question (
      id uuid primary key default gen_random_uuid(),
      group_id uuid not null references faq_group (id),
      position int not null check (position between 1 and 1000),
      -- The question and answer in the languages they have: {"en": {"question": "...", "answer": "..."}}.
      texts jsonb not null check (
        jsonb_typeof(texts) = 'object' and texts <> '{}'::jsonb
        and texts - array['ar', 'zh', 'en', 'fr', 'ru', 'es'] = '{}'::jsonb
        and length(texts::text) <= 120000),
      confidentiality text not null default 'public' check (confidentiality = 'public'),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index faq_question_group on faq_question (group_id, position)`.execute(db);
  for (const table of ['publication', 'publication_text', 'faq_group', 'faq_question'])
    await sql`
      create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
        for each row execute function refuse_hard_delete()`.execute(db);
  // The search indexes each language version by itself, in its language ('publication', keyed by
  // the version's id); a change of the publication (published, archived) queues its versions.
  await sql`
    create trigger publication_text_search after insert or update on publication_text
      for each row execute function search_enqueue('publication', 'id')`.execute(db);
  await sql`
    create function publication_search_enqueue() returns trigger language plpgsql as $$
    begin
      insert into search_queue (source_type, source_id)
        select 'publication', t.id::text from publication_text t where t.publication_id = new.id
        on conflict (source_type, source_id) do update set queued_at = excluded.queued_at;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger publication_search after update on publication
      for each row execute function publication_search_enqueue()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
