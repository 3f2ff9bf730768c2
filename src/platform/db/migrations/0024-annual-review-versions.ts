import { type Kysely, sql } from 'kysely';

// The versions of an annual review's draft (issue 15, item 5): what the draft was (its figures and
// every paragraph people had written, in each language) each time it was generated, regenerated,
// copied into a new edition or moved through the workflow, so that two versions can be compared
// paragraph by paragraph. Written once, never changed or deleted: the draft's own history.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table annual_review_version (
      id uuid primary key default gen_random_uuid(),
      review_id uuid not null references annual_review (id),
      number int not null check (number between 1 and 100000),
      reason text not null check (reason in ('generated', 'regenerated', 'copied', 'status')),
      status text not null
        check (status in ('draft', 'working-group', 'committee', 'approved', 'transmitted', 'published')),
      -- The review's snapshot of figures then, as in annual_review.figures.
      figures jsonb not null,
      -- The paragraphs written then: [{key, locale, body, translationStatus, figuresAtEdit, rowVersion}].
      paragraphs jsonb not null check (jsonb_typeof(paragraphs) = 'array'),
      actor_label text not null default '' check (length(actor_label) <= 200),
      made_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index annual_review_version_number__number on annual_review_version (review_id, number)`.execute(db);
  await sql`
    create function annual_review_version_kept() returns trigger language plpgsql as $$
    begin
      if current_setting('r1540.restoring', true) = 'on' then
        return coalesce(new, old);
      end if;
      raise exception 'a version of an annual review is kept as it was'
        using errcode = 'check_violation', constraint = 'annual_review_version_kept__number';
    end $$`.execute(db);
  await sql`
    create trigger annual_review_version_kept before update or delete on annual_review_version
      for each row execute function annual_review_version_kept()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
