import { type Kysely, sql } from 'kysely';

// Website visits (¶45 of the 2018 review): counts only. A page view is one counted page response;
// a visit is a distinct visitor on a day, counted once, at the page where that day's first view
// was (its landing page). Nothing here can hold an IP address, a user agent or a cookie:
// `site_visit_count` keeps numbers per day and page; `site_visit_salt` and `site_visitor` keep the
// day's random salt and the salted hashes of the day's visitors, shared by every app server so that
// a visitor is counted once whichever server answers, and emptied of every earlier day at the
// first write of a new day.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table site_visit_count (
      id bigserial primary key,
      day date not null check (day >= date '2004-04-28' and day < date '2200-01-01'),
      language text not null check (language in ('en', 'fr', 'es', 'ru', 'zh', 'ar')),
      -- The first path segment after the language ('' for the home page).
      section text not null check (section ~ '^[a-z0-9-]{0,40}$'),
      path text not null check (path ~ '^/(en|fr|es|ru|zh|ar)(/[^?#]*)?$' and length(path) <= 200),
      views int not null default 0 check (views >= 0),
      visits int not null default 0 check (visits >= 0 and visits <= views),
      -- 'counted' by the site itself; 'illustrative': the generated demonstration history.
      source text not null check (source in ('counted', 'illustrative')),
      check (section = '' or path like '/' || language || '/' || section || '%')
    )`.execute(db);
  await sql`create unique index site_visit_count_key on site_visit_count (day, source, language, section, path)`.execute(db);
  await sql`
    create table site_visit_salt (
      day date primary key,
      salt text not null check (salt ~ '^[0-9a-f]{64}$')
    )`.execute(db);
  await sql`
    create table site_visitor (
      day date not null references site_visit_salt (day) on delete cascade,
      visitor text not null check (visitor ~ '^[0-9a-f]{64}$'),
      primary key (day, visitor)
    )`.execute(db);
}
