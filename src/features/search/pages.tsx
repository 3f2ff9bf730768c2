import { FieldErrors } from '../../platform/ui/forms.tsx';
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { languageNames } from '../../platform/http/layout.tsx';
import type { Messages, MessageKey } from '../../platform/i18n/i18n.ts';
import { type Locale, locales, pick } from '../../platform/i18n/locales.ts';
import type { SearchFilters, SearchHit } from './search.ts';
import { searchKinds } from './sources.ts';

const kindKey = (k: string) => `search.kind.${k}` as MessageKey;

/** The query string of a page of results with the same filters. */
export function searchHref(locale: Locale, f: Partial<SearchFilters>, page: number): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.state) p.set('state', f.state);
  if (f.kind) p.set('kind', f.kind);
  if (f.year) p.set('year', String(f.year));
  if (f.language) p.set('language', f.language);
  if (page > 1) p.set('page', String(page));
  return `/${locale}/search?${p.toString()}`;
}

const Hit: FC<{ m: Messages; hit: SearchHit }> = ({ m, hit }) => {
  const title = pick(hit.titles, m.locale) || hit.title;
  return (
    <li class="search-hit">
      <h3>
        <a href={`/${m.locale}${hit.path}`}>{title}</a>
      </h3>
      <p class="meta">
        {m.t(kindKey(hit.type))}
        {hit.states.length ? ` · ${hit.states.join(', ')}` : ''}
        {hit.dated ? ` · ${m.date(hit.dated)}` : ''}
        {hit.language ? ` · ${languageNames[hit.language as Locale] ?? hit.language}` : ''}
      </p>
      {hit.snippet.length > 0 && (
        <p class="snippet" dir="auto">
          {hit.snippet.map((s) => (s.match ? <mark>{s.text}</mark> : s.text))}
        </p>
      )}
    </li>
  );
};

export const SearchPage: FC<{
  m: Messages;
  filters: Partial<SearchFilters>;
  total: number;
  hits: SearchHit[];
  problems: FieldProblem[];
}> = ({ m, filters, total, hits, problems }) => {
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? 20;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <search aria-label={m.t('search.nav')}>
        <form method="get" class="filters search-form">
          <FieldErrors m={m} problems={problems} />
          <div class="field wide">
            <label for="search-q">{m.t('search.query')}</label>
            <input id="search-q" type="search" name="q" value={filters.q ?? ''} maxlength={500} aria-describedby="search-help" dir="auto" />
            <p id="search-help" class="hint">
              {m.t('search.help')}
            </p>
          </div>
          <div class="field">
            <label for="search-kind">{m.t('search.kind')}</label>
            <select id="search-kind" name="kind">
              <option value="">{m.t('search.any')}</option>
              {searchKinds().map((k) => (
                <option value={k} selected={filters.kind === k}>
                  {m.t(kindKey(k))}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="search-state">{m.t('search.state')}</label>
            <input id="search-state" name="state" value={filters.state ?? ''} size={4} maxlength={3} dir="ltr" />
          </div>
          <div class="field">
            <label for="search-year">{m.t('search.year')}</label>
            <input
              id="search-year"
              name="year"
              inputmode="numeric"
              value={filters.year ? String(filters.year) : ''}
              size={5}
              maxlength={4}
              dir="ltr"
            />
          </div>
          <div class="field">
            <label for="search-language">{m.t('search.language')}</label>
            <select id="search-language" name="language">
              <option value="">{m.t('search.any')}</option>
              {locales.map((l) => (
                <option value={l} selected={filters.language === l}>
                  {languageNames[l]}
                </option>
              ))}
            </select>
          </div>
          <div class="actions">
            <button type="submit">{m.t('search.submit')}</button>
          </div>
        </form>
      </search>
      {!filters.q ? (
        <p>{m.t('search.empty')}</p>
      ) : problems.length ? null : total === 0 ? (
        <p role="status">{m.t('search.none')}</p>
      ) : (
        <section aria-labelledby="search-results-h">
          <h2 id="search-results-h" role="status">
            {m.t('search.results', { count: total })}
          </h2>
          <ol class="search-hits" start={(page - 1) * pageSize + 1}>
            {hits.map((h) => (
              <Hit m={m} hit={h} />
            ))}
          </ol>
          {pages > 1 && (
            <nav class="pager" aria-label={m.t('search.pages')}>
              {page > 1 && (
                <a href={searchHref(m.locale, filters, page - 1)} rel="prev">
                  {m.t('search.previous')}
                </a>
              )}
              <span>{m.t('search.page', { page, pages })}</span>
              {page < pages && (
                <a href={searchHref(m.locale, filters, page + 1)} rel="next">
                  {m.t('search.next')}
                </a>
              )}
            </nav>
          )}
        </section>
      )}
    </>
  );
};
