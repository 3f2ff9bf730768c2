import { type Kysely, sql } from 'kysely';

// The annual review (issue 15): one review per year and edition (a new draft after an approved one
// starts from it as the next edition), its workflow (draft → working group → Committee → approved
// → transmitted → published), the figures of its last generation (a snapshot, kept as they were
// when approved), and the paragraphs people wrote or edited, per language with a translation status.
// The database keeps an approved review as it was: a trigger refuses any change to its content and
// to its paragraphs, and lets its status only move on (transmitted, published) with their dates.
export async function up(db: Kysely<unknown>): Promise<void> {
  const locales = sql.raw(`('ar', 'zh', 'en', 'fr', 'ru', 'es')`);
  await sql`
    create table annual_review (
      id uuid primary key default gen_random_uuid(),
      year int not null check (year between 2004 and 2199),
      edition int not null default 1 check (edition between 1 and 99),
      based_on uuid references annual_review (id),
      programme_number int not null check (programme_number between 1 and 99),
      programme_symbol text not null default '' check (length(programme_symbol) <= 60),
      period_from date not null check (period_from >= date '2004-04-28' and period_from < date '2200-01-01'),
      period_to date not null check (period_to < date '2200-01-01'),
      cut_off_on date not null,
      symbol text not null default '' check (length(symbol) <= 60),
      dated_on date check (dated_on < date '2200-01-01'),
      letter_on date check (letter_on < date '2200-01-01'),
      published_on date check (published_on < date '2200-01-01'),
      chair_name text not null default '' check (length(chair_name) <= 200),
      chair_state_iso3 char(3) references member_state (iso3),
      original_language text not null default 'en' check (original_language in ${locales}),
      letter_language text not null default 'en' check (letter_language in ${locales}),
      status text not null default 'draft'
        check (status in ('draft', 'working-group', 'committee', 'approved', 'transmitted', 'published')),
      figures jsonb not null default '{}'::jsonb,
      generated_at timestamptz,
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      -- The Committee side's until published; the public then reads it.
      confidentiality text not null default 'committee' check (confidentiality in ('public', 'committee')),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint annual_review_period__period_to check (period_to >= period_from),
      constraint annual_review_cut_off__cut_off_on check (cut_off_on between period_from and period_to),
      constraint annual_review_public__confidentiality check ((status = 'published') = (confidentiality = 'public')),
      constraint annual_review_letter__letter_on check (status not in ('transmitted', 'published') or letter_on is not null),
      constraint annual_review_published__published_on check (status <> 'published' or published_on is not null)
    )`.execute(db);
  await sql`create unique index annual_review_edition__year on annual_review (year, edition)`.execute(db);

  await sql`
    create table annual_review_paragraph (
      id uuid primary key default gen_random_uuid(),
      review_id uuid not null references annual_review (id),
      -- The paragraph's key in the outline (outline.ts), e.g. 'II.A.reports'.
      paragraph_key text not null check (paragraph_key ~ '^[A-Za-z0-9.-]{1,60}$'),
      locale text not null check (locale in ${locales}),
      -- What a person wrote: a narrative paragraph, or their edit of a generated one. Plain text.
      body text not null check (length(body) <= 20000),
      translation_status text not null default 'original'
        check (translation_status in ('original', 'translated', 'to-be-revised')),
      -- For an edited generated paragraph: its figures' values when the person edited it.
      figures_at_edit jsonb,
      source text not null check (source in ('seed', 'illustrative', 'entered')),
      confidentiality text not null default 'committee' check (confidentiality in ('public', 'committee')),
      archived_at timestamptz,
      row_version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create unique index annual_review_paragraph_once__paragraph_key
      on annual_review_paragraph (review_id, paragraph_key, locale) where archived_at is null`.execute(db);

  // An approved review never changes: its content is frozen, its status only moves on.
  await sql`
    create function annual_review_frozen() returns trigger language plpgsql as $$
    begin
      if old.status in ('approved', 'transmitted', 'published') and (
        new.year, new.edition, new.based_on, new.programme_number, new.programme_symbol, new.period_from,
        new.period_to, new.cut_off_on, new.symbol, new.dated_on, new.chair_name, new.chair_state_iso3,
        new.original_language, new.letter_language, new.figures, new.generated_at, new.archived_at
      ) is distinct from (
        old.year, old.edition, old.based_on, old.programme_number, old.programme_symbol, old.period_from,
        old.period_to, old.cut_off_on, old.symbol, old.dated_on, old.chair_name, old.chair_state_iso3,
        old.original_language, old.letter_language, old.figures, old.generated_at, old.archived_at
      ) then
        raise exception 'an approved annual review never changes (start a new draft from it)'
          using errcode = 'check_violation', constraint = 'annual_review_approved_frozen__status';
      end if;
      if old.status in ('approved', 'transmitted', 'published') and (
        array_position(array['approved', 'transmitted', 'published'], new.status) is null
        or array_position(array['approved', 'transmitted', 'published'], new.status)
          < array_position(array['approved', 'transmitted', 'published'], old.status)
        or (old.letter_on is not null and new.letter_on is distinct from old.letter_on)
        or (old.published_on is not null and new.published_on is distinct from old.published_on)
      ) then
        raise exception 'an approved annual review only moves on: transmitted, then published'
          using errcode = 'check_violation', constraint = 'annual_review_approved_frozen__status';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger annual_review_frozen before update on annual_review
      for each row execute function annual_review_frozen()`.execute(db);
  await sql`
    create function annual_review_paragraph_frozen() returns trigger language plpgsql as $$
    begin
      -- A restore puts back the paragraphs of approved reviews as they were.
      if current_setting('r1540.restoring', true) = 'on' then
        return new;
      end if;
      if exists (
        select 1 from annual_review r
        where r.id in (new.review_id, case when tg_op = 'UPDATE' then old.review_id end)
          and r.status in ('approved', 'transmitted', 'published')
      ) then
        raise exception 'the paragraphs of an approved annual review never change (start a new draft from it)'
          using errcode = 'check_violation', constraint = 'annual_review_approved_frozen__body';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger annual_review_paragraph_frozen before insert or update on annual_review_paragraph
      for each row execute function annual_review_paragraph_frozen()`.execute(db);
  for (const table of ['annual_review', 'annual_review_paragraph'])
    await sql`
      create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
        for each row execute function refuse_hard_delete()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
