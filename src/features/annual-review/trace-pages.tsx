import type { FC } from 'hono/jsx';
import type { MessageKey, Messages } from '../../platform/i18n/i18n.ts';
import { type Locale, locales } from '../../platform/i18n/locales.ts';
import { ListTable } from '../../platform/ui/tables.tsx';
import type { DocFigure } from './document.ts';
import { besideText, type PreviousYear } from './previous.ts';
import type { FigureTrace, RecordLine, Staleness } from './sources.ts';
import { type TranslationCell, type TranslationRow, translationCells, translationCounts } from './translations.ts';

/*
 * The Committee side's pages around a review (issue 15, items 4, 5, 6 and 8): a figure with the
 * records behind it, the sources of the figures, the versions of the draft and their comparison,
 * the translation status, and the figures beside last year's.
 */

export const languageName = (m: Messages, l: Locale) => new Intl.DisplayNames([m.locale], { type: 'language' }).of(l) ?? l;
export const reviewBase = (m: Messages, year: number) => `/${m.locale}/reviews/${year}`;

/** The links from the review page to these pages. */
export const ReviewTools: FC<{ m: Messages; year: number }> = ({ m, year }) => {
  const base = reviewBase(m, year);
  return (
    <nav class="review-tools" aria-label={m.t('annualReview.tools.label')}>
      <ul>
        <li>
          <a href={`${base}/translations`}>{m.t('annualReview.tools.translations')}</a>
        </li>
        <li>
          <a href={`${base}/versions`}>{m.t('annualReview.tools.versions')}</a>
        </li>
        <li>
          <a href={`${base}/previous-year`}>{m.t('annualReview.tools.previous', { year: String(year - 1) })}</a>
        </li>
        <li>
          <a href="#figures">{m.t('annualReview.figures.title')}</a>
        </li>
      </ul>
    </nav>
  );
};

export const BackToReview: FC<{ m: Messages; year: number }> = ({ m, year }) => (
  <p>
    <a href={reviewBase(m, year)}>{m.t('annualReview.backToReview', { year: String(year) })}</a>
  </p>
);

/** The appendix of the review page: each figure, its definition, value, query, records and whether they changed since. */
export const FigureSources: FC<{
  m: Messages;
  year: number;
  figures: DocFigure[];
  queries: Record<string, string | null>;
  stale: Map<string, Staleness>;
}> = ({ m, year, figures, queries, stale }) => (
  <section id="figures" aria-labelledby="annual-review-figures-caption">
    <h2>{m.t('annualReview.figures.title')}</h2>
    <ListTable
      id="annual-review-figures"
      caption={m.t('annualReview.figures.title')}
      columns={[
        m.t('annualReview.figures.figure'),
        m.t('annualReview.figures.definition'),
        m.t('annualReview.figures.value'),
        m.t('annualReview.figures.query'),
        m.t('annualReview.figures.sinceSnapshot'),
      ]}
    >
      {figures.map((f) => (
        <tr id={`figure-${f.key}`} class={stale.get(f.key)?.stale ? 'flagged' : undefined}>
          <th scope="row">
            <a href={`${reviewBase(m, year)}/figures/${f.key}`}>{f.key}</a>
          </th>
          <td>{f.definition}</td>
          <td>
            {f.shown}
            <br />
            <a href={`${reviewBase(m, year)}/figures/${f.key}`}>{m.t('annualReview.figures.records', { count: f.records.length })}</a>
          </td>
          <td>
            {queries[f.key] ? (
              <pre dir="ltr" class="figure-query">
                <code>{queries[f.key]}</code>
              </pre>
            ) : (
              '—'
            )}
          </td>
          <td>
            <StaleNote m={m} s={stale.get(f.key)} />
          </td>
        </tr>
      ))}
    </ListTable>
  </section>
);

const StaleNote: FC<{ m: Messages; s: Staleness | undefined }> = ({ m, s }) =>
  s?.stale ? (
    <strong class="stale">
      {s.added.length + s.removed.length + s.updated.length > 0
        ? m.t('annualReview.figures.stale', { count: s.added.length + s.removed.length + s.updated.length })
        : m.t('annualReview.figures.staleValue')}
    </strong>
  ) : (
    <span>{m.t('annualReview.figures.unchanged')}</span>
  );

const changeLabel = (m: Messages, l: RecordLine) =>
  l.gone ? m.t('annualReview.record.gone') : l.change ? m.t(`annualReview.record.${l.change}` as MessageKey) : '—';

/** A figure of the review with the records behind it as at the cut-off, and what changed since. */
export const FigurePage: FC<{
  m: Messages;
  year: number;
  cutOff: string;
  generatedAt: Date | null;
  figure: DocFigure;
  trace: FigureTrace;
  freshShown: string | null;
  name: (iso3: string) => string;
}> = ({ m, year, cutOff, generatedAt, figure, trace, freshShown, name }) => (
  <>
    <BackToReview m={m} year={year} />
    <dl class="facts">
      <dt>{m.t('annualReview.figures.definition')}</dt>
      <dd>{figure.definition}</dd>
      <dt>{m.t('annualReview.figures.value')}</dt>
      <dd>{figure.shown}</dd>
      <dt>{m.t('annualReview.col.cutOff')}</dt>
      <dd>
        {m.date(cutOff)}
        {generatedAt && ` · ${m.t('annualReview.figure.countedAt', { when: m.dateTime(generatedAt) })}`}
      </dd>
    </dl>
    {trace.staleness?.stale && (
      <div class="notice" role="status">
        <p>{m.t('annualReview.figure.stale')}</p>
        {trace.staleness.valueChanged && freshShown !== null && <p>{m.t('annualReview.figure.freshValue', { value: freshShown })}</p>}
      </div>
    )}
    <h2>{m.t('annualReview.figure.recordsTitle')}</h2>
    {trace.lines.length === 0 && trace.hidden === 0 ? (
      <p>{m.t('annualReview.figure.noRecords')}</p>
    ) : (
      <ListTable
        id="figure-records"
        caption={m.t('annualReview.figure.recordsTitle')}
        columns={[
          m.t('annualReview.record.col.record'),
          m.t('annualReview.record.col.state'),
          m.t('annualReview.record.col.on'),
          m.t('annualReview.record.col.detail'),
          m.t('annualReview.figures.sinceSnapshot'),
        ]}
      >
        {trace.lines.map((l) => (
          <tr class={l.change || l.gone ? 'flagged' : undefined}>
            <th scope="row">
              {l.href ? (
                <a href={l.href}>{m.t(`annualReview.recordType.${l.type}` as MessageKey)}</a>
              ) : (
                m.t(`annualReview.recordType.${l.type}` as MessageKey)
              )}
            </th>
            <td>{l.state ? name(l.state) : (l.place ?? '—')}</td>
            <td>{l.on ? m.date(l.on) : '—'}</td>
            <td>{l.detail ?? '—'}</td>
            <td>{changeLabel(m, l)}</td>
          </tr>
        ))}
      </ListTable>
    )}
    {trace.hidden > 0 && <p class="hint">{m.t('annualReview.record.hidden', { count: trace.hidden })}</p>}
    {trace.query && (
      <>
        <h2>{m.t('annualReview.figures.query')}</h2>
        <pre dir="ltr" class="figure-query">
          <code>{trace.query}</code>
        </pre>
      </>
    )}
  </>
);

/** Each paragraph in each of the six languages: original, translated, to be revised, generated, missing. */
export const TranslationsPage: FC<{ m: Messages; year: number; rows: TranslationRow[]; mayEdit: boolean }> = ({
  m,
  year,
  rows,
  mayEdit,
}) => {
  const counts = translationCounts(rows);
  const cellLabel = (c: TranslationCell) => m.t(`annualReview.translation.${c}` as MessageKey);
  return (
    <>
      <BackToReview m={m} year={year} />
      <p>{m.t('annualReview.translations.lead')}</p>
      <ListTable
        id="translation-summary"
        caption={m.t('annualReview.translations.summary')}
        columns={[m.t('annualReview.field.translationStatus'), ...locales.map((l) => languageName(m, l))]}
      >
        {translationCells.map((c) => (
          <tr>
            <th scope="row">{cellLabel(c)}</th>
            {locales.map((l) => (
              <td class="num">{m.number(counts[l][c])}</td>
            ))}
          </tr>
        ))}
      </ListTable>
      <ListTable
        id="translation-status"
        caption={m.t('annualReview.translations.title', { year: String(year) })}
        columns={[m.t('annualReview.translations.paragraph'), ...locales.map((l) => languageName(m, l))]}
      >
        {rows.map((r) => (
          <tr id={`t-${r.key}`}>
            <th scope="row">
              {r.number !== null ? `${r.number}. ` : ''}
              <code dir="ltr">{r.key}</code>
            </th>
            {locales.map((l) => (
              <td class={`translation-${r.cells[l]}`}>
                {mayEdit ? <a href={`/${l}/reviews/${year}/paragraphs/${r.key}`}>{cellLabel(r.cells[l])}</a> : cellLabel(r.cells[l])}
              </td>
            ))}
          </tr>
        ))}
      </ListTable>
    </>
  );
};

/** Each figure beside last year's. */
export const PreviousYearPage: FC<{
  m: Messages;
  year: number;
  previous: PreviousYear;
  definition: (key: string) => string;
  shown: (value: unknown) => string;
}> = ({ m, year, previous, definition, shown }) => (
  <>
    <BackToReview m={m} year={year} />
    <p>
      {previous.review
        ? m.t('annualReview.previous.fromReview', {
            year: String(previous.year),
            symbol: previous.review.symbol || '—',
            edition: previous.review.edition,
            date: m.date(previous.cutOff),
          })
        : m.t('annualReview.previous.fromRecords', { year: String(previous.year), date: m.date(previous.cutOff) })}
    </p>
    <ListTable
      id="previous-year"
      caption={m.t('annualReview.previous.title', { year: String(year), previous: String(previous.year) })}
      columns={[
        m.t('annualReview.figures.figure'),
        m.t('annualReview.figures.definition'),
        String(year),
        String(previous.year),
        m.t('annualReview.previous.comparison'),
      ]}
    >
      {previous.rows.map((r) => (
        <tr id={`previous-${r.key}`}>
          <th scope="row">
            <a href={`${reviewBase(m, year)}/figures/${r.key}`}>{r.key}</a>
          </th>
          <td>{definition(r.key)}</td>
          <td>{shown(r.now)}</td>
          <td>{shown(r.before)}</td>
          <td>{besideText(m, r, previous.year)}</td>
        </tr>
      ))}
    </ListTable>
  </>
);
