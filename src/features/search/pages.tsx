import { FieldErrors, SelectField } from '../../platform/ui/forms.tsx';
import { Pager } from '../../platform/ui/tables.tsx';
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
          <SelectField
            name="kind"
            id="search-kind"
            label={m.t('search.kind')}
            all={m.t('search.any')}
            value={filters.kind}
            options={searchKinds().map((k) => ({ value: k, label: m.t(kindKey(k)) }))}
          />
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
          <SelectField
            name="language"
            id="search-language"
            label={m.t('search.language')}
            all={m.t('search.any')}
            value={filters.language}
            options={locales.map((l) => ({ value: l, label: languageNames[l] }))}
          />
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
          <Pager
            label={m.t('search.pages')}
            page={page}
            pages={pages}
            href={(p) => searchHref(m.locale, filters, p)}
            previous={m.t('search.previous')}
            next={m.t('search.next')}
            position={m.t('search.page', { page, pages })}
          />
        </section>
      )}
    </>
  );
};
