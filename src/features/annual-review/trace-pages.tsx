import type { FC } from 'hono/jsx';
import type { MessageKey, Messages } from '../../platform/i18n/i18n.ts';
import { type Locale, locales } from '../../platform/i18n/locales.ts';
import { ListTable } from '../../platform/ui/tables.tsx';
import type { DocFigure } from './document.ts';
import { besideText, type PreviousYear } from './previous.ts';
import type { FigureTrace, RecordLine, Staleness } from './sources.ts';
import { type TranslationCell, type TranslationRow, translationCells, translationCounts } from './translations.ts';
import type { Comparison, ParagraphChange, VersionRow } from './versions.ts';

/*
 * The Committee side's pages around a review (issue 15, items 4, 5, 6 and 8): a figure with the
 * records behind it, the sources of the figures, the versions of the draft and their comparison,
 * the translation status, and the figures beside last year's.
 */

const languageName = (m: Messages, l: Locale) => new Intl.DisplayNames([m.locale], { type: 'language' }).of(l) ?? l;
const reviewBase = (m: Messages, year: number) => `/${m.locale}/reviews/${year}`;

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

const BackToReview: FC<{ m: Messages; year: number }> = ({ m, year }) => (
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

const versionLabel = (m: Messages, v: 'now' | number) =>
  v === 'now' ? m.t('annualReview.versions.now') : m.t('annualReview.versions.number', { number: v });

/** The versions of the draft, newest first, each with its changes since the one before. */
export const VersionsPage: FC<{
  m: Messages;
  year: number;
  edition: number;
  versions: VersionRow[];
  statusLabel: (s: string) => string;
}> = ({ m, year, edition, versions, statusLabel }) => {
  const base = `${reviewBase(m, year)}/versions`;
  const choices: ('now' | number)[] = ['now', ...versions.map((v) => v.number)];
  return (
    <>
      <BackToReview m={m} year={year} />
      <p>{m.t('annualReview.versions.lead', { edition })}</p>
      <ListTable
        id="review-versions"
        caption={m.t('annualReview.tools.versions')}
        columns={[
          m.t('annualReview.versions.version'),
          m.t('annualReview.versions.why'),
          m.t('annualReview.col.status'),
          m.t('annualReview.versions.madeAt'),
          m.t('annualReview.versions.compare'),
        ]}
      >
        {versions.map((v, i) => {
          const previous = versions[i + 1];
          return (
            <tr>
              <th scope="row">{versionLabel(m, v.number)}</th>
              <td>{m.t(`annualReview.versions.reason.${v.reason}` as MessageKey)}</td>
              <td>{statusLabel(v.status)}</td>
              <td>
                {m.dateTime(v.madeAt)} · {v.actorLabel}
              </td>
              <td>
                <a href={`${base}/diff?from=${v.number}&to=now`}>{m.t('annualReview.versions.withNow')}</a>
                {previous && (
                  <>
                    {' · '}
                    <a href={`${base}/diff?from=${previous.number}&to=${v.number}`}>
                      {m.t('annualReview.versions.withPrevious', { number: previous.number })}
                    </a>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </ListTable>
      {versions.length > 0 && (
        <form method="get" action={`${base}/diff`} class="filters" aria-labelledby="compare-versions-h">
          <h2 id="compare-versions-h">{m.t('annualReview.versions.compare')}</h2>
          {(['from', 'to'] as const).map((side) => (
            <div class="field">
              <label for={`compare-${side}`}>{m.t(side === 'from' ? 'annualReview.versions.from' : 'annualReview.versions.to')}</label>
              <select id={`compare-${side}`} name={side}>
                {choices.map((c, i) => (
                  <option value={String(c)} selected={side === 'from' ? i === 1 : i === 0}>
                    {versionLabel(m, c)}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit">{m.t('annualReview.versions.compare')}</button>
        </form>
      )}
    </>
  );
};

const Side: FC<{ m: Messages; p: ParagraphChange['from']; side: 'from' | 'to' }> = ({ m, p, side }) => {
  const text = p.text === null ? <em class="missing">{m.t('annualReview.missing')}</em> : p.text;
  return (
    <>
      <p class="diff-value">{side === 'from' ? <del>{text}</del> : <ins>{text}</ins>}</p>
      <p class="hint">
        {p.kind === 'generated' ? (p.edited ? m.t('annualReview.edited') : m.t('annualReview.generated')) : m.t('annualReview.narrative')}
        {p.translationStatus && ` · ${m.t(`annualReview.translation.${p.translationStatus}` as MessageKey)}`}
      </p>
    </>
  );
};

/** Paragraph by paragraph, what differs between two versions of the draft in the reader's language; and the figures that differ. */
export const VersionDiffPage: FC<{ m: Messages; year: number; from: 'now' | number; to: 'now' | number; comparison: Comparison }> = ({
  m,
  year,
  from,
  to,
  comparison,
}) => (
  <>
    <dl class="facts">
      <dt>{m.t('annualReview.versions.from')}</dt>
      <dd>{versionLabel(m, from)}</dd>
      <dt>{m.t('annualReview.versions.to')}</dt>
      <dd>{versionLabel(m, to)}</dd>
    </dl>
    <p>
      <a href={`${reviewBase(m, year)}/versions`}>{m.t('annualReview.tools.versions')}</a> ·{' '}
      <a href={reviewBase(m, year)}>{m.t('annualReview.backToReview', { year: String(year) })}</a>
    </p>
    {comparison.figures.length > 0 && (
      <ListTable
        id="diff-figures"
        caption={m.t('annualReview.diff.figures')}
        columns={[m.t('annualReview.figures.figure'), versionLabel(m, from), versionLabel(m, to)]}
      >
        {comparison.figures.map((f) => (
          <tr>
            <th scope="row" title={f.definition}>
              {f.key}
            </th>
            <td>
              <del>{f.from}</del>
            </td>
            <td>
              <ins>{f.to}</ins>
            </td>
          </tr>
        ))}
      </ListTable>
    )}
    <h2>{m.t('annualReview.diff.paragraphs', { language: languageName(m, m.locale) })}</h2>
    {comparison.paragraphs.length === 0 ? (
      <p role="status">{m.t('annualReview.diff.none')}</p>
    ) : (
      <ListTable
        id="diff-paragraphs"
        caption={m.t('annualReview.diff.paragraphs', { language: languageName(m, m.locale) })}
        columns={[m.t('annualReview.translations.paragraph'), m.t('annualReview.diff.changed'), versionLabel(m, from), versionLabel(m, to)]}
      >
        {comparison.paragraphs.map((c) => (
          <tr id={`diff-${c.key}`}>
            <th scope="row">
              {c.number !== null ? `${c.number}. ` : ''}
              <code dir="ltr">{c.key}</code>
            </th>
            <td>{m.list(c.changed.map((p) => m.t(`annualReview.diff.part.${p}` as MessageKey)))}</td>
            <td>
              <Side m={m} p={c.from} side="from" />
            </td>
            <td>
              <Side m={m} p={c.to} side="to" />
            </td>
          </tr>
        ))}
      </ListTable>
    )}
  </>
);
