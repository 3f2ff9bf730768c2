import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField, languageNames } from '../../platform/http/layout.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { dirOf, locales } from '../../platform/i18n/locales.ts';
import { FieldErrors, FilterForm, SelectField } from '../../platform/ui/forms.tsx';
import { RecordActions } from '../../platform/ui/record-actions.tsx';
import { kindLabel, languagesOf, nameIn, statusLabel, versionIn } from './labels.ts';
import type { PublicationView } from './queries.ts';
import { publicationKinds, publicationStatuses } from './schema.ts';

/** Where the same page is in the other languages that have a version: the reader is never given another language's text unasked. */
export const OtherLanguages: FC<{ m: Messages; have: readonly string[]; href: (l: string) => string }> = ({ m, have, href }) => (
  <p class="languages-available">
    {m.t('publications.availableIn')}{' '}
    {have.map((l, i) => (
      <>
        {i > 0 && ' · '}
        <a href={href(l)} hreflang={l} lang={l}>
          {languageNames[l as keyof typeof languageNames]}
        </a>
      </>
    ))}
  </p>
);

export interface ListFilters {
  kind: string;
  year: string;
  status: string;
}

/** The public archive: publications by kind and year, newest first. */
export const PublicationList: FC<{
  m: Messages;
  items: PublicationView[];
  total: number;
  filters: ListFilters;
  years: number[];
  committeeSide: boolean;
  mayCreate: boolean;
  feedHref: string;
  pages: { previous: string | null; next: string | null };
}> = ({ m, items, total, filters, years, committeeSide, mayCreate, feedHref, pages }) => (
  <>
    <FilterForm submit={m.t('publications.filter')} label={m.t('publications.filters')}>
      <SelectField
        name="kind"
        label={m.t('publications.kind')}
        all={m.t('publications.allKinds')}
        value={filters.kind}
        options={publicationKinds.map((k) => ({ value: k, label: kindLabel(m, k) }))}
      />
      <SelectField
        name="year"
        label={m.t('publications.year')}
        all={m.t('publications.allYears')}
        value={filters.year}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      {committeeSide && (
        <SelectField
          name="status"
          label={m.t('publications.status')}
          all={m.t('publications.allStatuses')}
          value={filters.status}
          options={publicationStatuses.map((s) => ({ value: s, label: statusLabel(m, s) }))}
        />
      )}
    </FilterForm>
    <p class="actions">
      <a href={feedHref} type="application/atom+xml">
        {m.t('publications.feed')}
      </a>
      {mayCreate && <a href={`/${m.locale}/publications/new`}>{m.t('publications.new')}</a>}
      <a href={`/${m.locale}/faq`}>{m.t('publications.faq.title')}</a>
    </p>
    <p role="status">{m.t('publications.count', { count: total })}</p>
    {items.length ? (
      <ul class="publications">
        {items.map(({ row, texts }) => {
          const name = nameIn(texts, m.locale);
          return (
            <li>
              <time datetime={row.dated}>{m.date(row.dated, 'medium')}</time> · {kindLabel(m, row.kind)}
              {row.reference && <span dir="ltr"> · {row.reference}</span>}
              {committeeSide && row.status !== 'published' && <strong> · {statusLabel(m, row.status)}</strong>}
              <br />
              <a href={`/${m.locale}/publications/${row.id}`}>
                {name ? (
                  <span lang={name.language} dir={dirOf(name.language)}>
                    {name.value.title}
                  </span>
                ) : (
                  row.id
                )}
              </a>
              {name && name.language !== m.locale && <> ({m.t('publications.missingShort', { language: languageNames[m.locale] })})</>}
            </li>
          );
        })}
      </ul>
    ) : (
      <p>{m.t('publications.none')}</p>
    )}
    <nav class="pager" aria-label={m.t('publications.pages')}>
      {pages.previous && <a href={pages.previous}>{m.t('publications.previous')}</a>}
      {pages.next && <a href={pages.next}>{m.t('publications.next')}</a>}
    </nav>
  </>
);

/** A publication in the reader's language, or a clear notice that it does not exist in it. */
export const PublicationDetail: FC<{
  m: Messages;
  view: PublicationView;
  csrfToken: string;
  today: string;
  actions: { edit: boolean; archive: boolean; history: boolean; approve: boolean; publish: boolean };
}> = ({ m, view: { row, texts }, csrfToken, today, actions }) => {
  const base = `/${m.locale}/publications/${row.id}`;
  const version = versionIn(texts, m.locale);
  const have = languagesOf(texts);
  return (
    <>
      {row.archived_at && (
        <p class="notice" role="status">
          {m.t('record.archived', { date: m.date(row.archived_at) })}
        </p>
      )}
      {row.status !== 'published' && (
        <p class="notice" role="status">
          {m.t('publications.notPublic', { status: statusLabel(m, row.status) })}
        </p>
      )}
      <dl class="facts">
        <dt>{m.t('publications.kind')}</dt>
        <dd>{kindLabel(m, row.kind)}</dd>
        <dt>{m.t('publications.dated')}</dt>
        <dd>
          <time datetime={row.dated}>{m.date(row.dated)}</time>
        </dd>
        {row.reference && (
          <>
            <dt>{m.t('publications.reference')}</dt>
            <dd dir="ltr">{row.reference}</dd>
          </>
        )}
        <dt>{m.t('publications.status')}</dt>
        <dd>{statusLabel(m, row.status)}</dd>
        {row.published_on && (
          <>
            <dt>{m.t('publications.publishedOn')}</dt>
            <dd>
              <time datetime={row.published_on}>{m.date(row.published_on)}</time>
            </dd>
          </>
        )}
        {row.source === 'illustrative' && (
          <>
            <dt>{m.t('publications.source')}</dt>
            <dd>{m.t('publications.illustrative')}</dd>
          </>
        )}
      </dl>
      {version ? (
        <article lang={m.locale}>
          <h2>{version.title}</h2>
          {version.body.split(/\n{2,}/).map((p) => (
            <p>{p}</p>
          ))}
        </article>
      ) : (
        <p class="notice missing-language" role="status">
          {m.t('publications.missing', { language: languageNames[m.locale] })}
        </p>
      )}
      {have.filter((l) => l !== m.locale).length > 0 && (
        <OtherLanguages m={m} have={have.filter((l) => l !== m.locale)} href={(l) => `/${l}/publications/${row.id}`} />
      )}
      {actions.approve && row.status === 'draft' && !row.archived_at && (
        <form method="post" action={`${base}/approve`} class="inline">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={String(row.row_version)} />
          <button type="submit">{m.t('publications.approve')}</button>
        </form>
      )}
      {actions.publish && row.status === 'approved' && !row.archived_at && (
        <form method="post" action={`${base}/publish`} class="inline">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={String(row.row_version)} />
          <div class="field">
            <label for="publishedOn">{m.t('publications.publishedOn')}</label>
            <input id="publishedOn" name="publishedOn" type="date" value={today} required />
          </div>
          <button type="submit">{m.t('publications.publish')}</button>
        </form>
      )}
      <RecordActions
        m={m}
        base={base}
        archived={row.archived_at !== null}
        version={row.row_version}
        csrfToken={csrfToken}
        actions={actions}
      />
    </>
  );
};

export type PublicationFormValues = Record<string, string>;

/** The form of a publication: its kind, date, symbol, and a title and text per language (empty: no version in it). */
export const PublicationForm: FC<{
  m: Messages;
  action: string;
  cancel: string;
  values: PublicationFormValues;
  problems: FieldProblem[];
  csrfToken: string;
}> = ({ m, action, cancel, values, problems, csrfToken }) => (
  <form method="post" action={action} class="record-form">
    <FieldErrors m={m} problems={problems} />
    <CsrfField token={csrfToken} />
    {values.version && <input type="hidden" name="version" value={values.version} />}
    <div class="field">
      <label for="kind">{m.t('publications.kind')}</label>
      <select id="kind" name="kind" required>
        {publicationKinds.map((k) => (
          <option value={k} selected={values.kind === k}>
            {kindLabel(m, k)}
          </option>
        ))}
      </select>
    </div>
    <div class="field">
      <label for="dated">{m.t('publications.dated')}</label>
      <input id="dated" name="dated" type="date" value={values.dated ?? ''} required />
    </div>
    <div class="field">
      <label for="reference">{m.t('publications.reference')}</label>
      <input id="reference" name="reference" value={values.reference ?? ''} maxlength={100} dir="ltr" />
    </div>
    <p class="hint">{m.t('publications.versionsHint')}</p>
    {locales.map((l) => (
      <fieldset lang={l} dir={dirOf(l)}>
        <legend>{languageNames[l]}</legend>
        <div class="field">
          <label for={`title-${l}`}>{m.t('publications.versionTitle', { language: languageNames[l] })}</label>
          <input id={`title-${l}`} name={`title.${l}`} value={values[`title.${l}`] ?? ''} maxlength={300} />
        </div>
        <div class="field">
          <label for={`body-${l}`}>{m.t('publications.versionBody', { language: languageNames[l] })}</label>
          <textarea id={`body-${l}`} name={`body.${l}`} rows={8}>
            {values[`body.${l}`] ?? ''}
          </textarea>
        </div>
      </fieldset>
    ))}
    <div class="actions">
      <button type="submit">{m.t('form.save')}</button>
      <a href={cancel}>{m.t('form.cancel')}</a>
    </div>
  </form>
);
