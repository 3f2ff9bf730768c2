import type { FC } from 'hono/jsx';
import type { MessageKey, Messages } from '../../platform/i18n/i18n.ts';
import { ListTable } from '../../platform/ui/tables.tsx';
import { BackToReview, languageName, reviewBase } from './trace-pages.tsx';
import type { Comparison, ParagraphChange, VersionRow } from './versions.ts';

/* The versions of a review's draft and the comparison of two of them, paragraph by paragraph (issue 15, item 5). */

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
