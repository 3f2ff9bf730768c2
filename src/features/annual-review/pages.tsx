import type { FC } from 'hono/jsx';
import { unDate } from './un-dates.ts';
import type { MessageKey, Messages } from '../../platform/i18n/i18n.ts';
import { type Locale, locales } from '../../platform/i18n/locales.ts';
import { CsrfField } from '../../platform/http/layout.tsx';
import { ListTable } from '../../platform/ui/tables.tsx';
import { AnnexTable } from './annex.tsx';
import { nextStatuses } from './commands.ts';
import type { DocParagraph, ReviewDocument } from './document.ts';
import type { ReviewRow } from './queries.ts';
import { translationStatuses } from './schema.ts';
import type { Staleness } from './sources.ts';
import { FigureSources, ReviewTools } from './trace-pages.tsx';

const statusLabel = (m: Messages, s: string) => m.t(`annualReview.status.${s}` as MessageKey);
const languageName = (m: Messages, l: Locale) => new Intl.DisplayNames([m.locale], { type: 'language' }).of(l) ?? l;

export const ReviewList: FC<{ m: Messages; rows: ReviewRow[]; mayCreate: boolean; csrfToken: string }> = ({
  m,
  rows,
  mayCreate,
  csrfToken,
}) => (
  <>
    <p>{m.t('annualReview.lead')}</p>
    {rows.length === 0 ? (
      <p>{m.t('annualReview.none')}</p>
    ) : (
      <ListTable
        id="annual-reviews"
        caption={m.t('annualReview.nav')}
        columns={[
          m.t('annualReview.col.year'),
          m.t('annualReview.col.edition'),
          m.t('annualReview.col.symbol'),
          m.t('annualReview.col.status'),
          m.t('annualReview.col.cutOff'),
        ]}
      >
        {rows.map((r) => (
          <tr>
            <th scope="row">
              <a href={`/${m.locale}/reviews/${r.year}`}>{r.year}</a>
            </th>
            <td class="num">{r.edition}</td>
            <td>{r.symbol}</td>
            <td>{statusLabel(m, r.status)}</td>
            <td>{m.date(String(r.cut_off_on))}</td>
          </tr>
        ))}
      </ListTable>
    )}
    {mayCreate && <CreateForm m={m} csrfToken={csrfToken} />}
  </>
);

const Field: FC<{ id: string; label: string; type?: string; value?: string; required?: boolean }> = ({
  id,
  label,
  type = 'text',
  value = '',
  required,
}) => (
  <div class="field">
    <label for={id}>{label}</label>
    <input id={id} name={id} type={type} value={value} required={required} />
  </div>
);

const LanguageSelect: FC<{ m: Messages; id: string; label: string; value: Locale }> = ({ m, id, label, value }) => (
  <div class="field">
    <label for={id}>{label}</label>
    <select id={id} name={id}>
      {locales.map((l) => (
        <option value={l} selected={l === value}>
          {languageName(m, l)}
        </option>
      ))}
    </select>
  </div>
);

const CreateForm: FC<{ m: Messages; csrfToken: string }> = ({ m, csrfToken }) => (
  <form method="post" action={`/${m.locale}/reviews`} class="record-form">
    <h2>{m.t('annualReview.create')}</h2>
    <CsrfField token={csrfToken} />
    <Field id="year" label={m.t('annualReview.field.year')} type="number" required />
    <Field id="programmeNumber" label={m.t('annualReview.field.programmeNumber')} type="number" required />
    <Field id="programmeSymbol" label={m.t('annualReview.field.programmeSymbol')} />
    <Field id="periodFrom" label={m.t('annualReview.field.periodFrom')} type="date" required />
    <Field id="periodTo" label={m.t('annualReview.field.periodTo')} type="date" required />
    <Field id="cutOff" label={m.t('annualReview.field.cutOff')} type="date" required />
    <Field id="siteVisitsTo" label={m.t('annualReview.field.siteVisitsTo')} type="date" />
    <Field id="symbol" label={m.t('annualReview.field.symbol')} />
    <Field id="datedOn" label={m.t('annualReview.field.datedOn')} type="date" />
    <Field id="chairName" label={m.t('annualReview.field.chairName')} />
    <LanguageSelect m={m} id="originalLanguage" label={m.t('annualReview.field.originalLanguage')} value="en" />
    <LanguageSelect m={m} id="letterLanguage" label={m.t('annualReview.field.letterLanguage')} value="en" />
    <button type="submit">{m.t('annualReview.create')}</button>
  </form>
);

const Paragraph: FC<{
  m: Messages;
  p: DocParagraph;
  committee: boolean;
  editable: boolean;
  year: number;
  trace?: Trace;
  csrfToken: string;
}> = ({ m, p, committee, editable, year, trace, csrfToken }) => (
  <div class={`review-paragraph${p.flags.length ? ' flagged' : ''}`} id={`p-${p.key}`}>
    <p>
      {p.number !== null && <span class="paragraph-number">{p.number}. </span>}
      {p.text === null ? <em class="missing">{m.t('annualReview.missing')}</em> : p.text}
      {p.footnotes.map((n) => (
        <sup>
          <a href={`#fn-${n}`}>{n}</a>
        </sup>
      ))}
    </p>
    {committee && (
      <p class="hint">
        {p.kind === 'generated' ? m.t('annualReview.generated') : m.t('annualReview.narrative')}
        {p.edited && ` · ${m.t('annualReview.edited')}`}
        {p.translationStatus && ` · ${m.t(`annualReview.translation.${p.translationStatus}` as MessageKey)}`}
        {p.figures.length > 0 && ' · '}
        {p.figures.map((f, i) => (
          <>
            {i > 0 && (m.locale === 'zh' ? '；' : m.locale === 'ar' ? '؛ ' : '; ')}
            {/* The figure's definition up to its first full stop, bracket or colon: its name. */}
            <a href={`/${m.locale}/reviews/${year}/figures/${f}`}>
              {m.t(`annualReview.figure.${f}` as MessageKey).split(/[.(:。（：]/)[0]}
            </a>
            {trace?.stale.get(f)?.stale && <strong class="stale"> ({m.t('annualReview.figures.staleMark')})</strong>}
          </>
        ))}
        {p.later && ` · ${m.t('annualReview.later', { feature: p.later })}`}
        {editable && (
          <>
            {' · '}
            <a href={`/${m.locale}/reviews/${year}/paragraphs/${p.key}`}>
              {p.number === null ? m.t('annualReview.editUnnumbered') : m.t('annualReview.edit', { number: p.number })}
            </a>
          </>
        )}
      </p>
    )}
    {committee && p.flags.length > 0 && (
      <div class="notice">
        <p>{m.t('annualReview.flagged')}</p>
        <ul>
          {p.flags.map((f) => (
            <li>{m.t('annualReview.flagChange', { figure: f.figure, old: f.old, now: f.now })}</li>
          ))}
        </ul>
        {p.generatedText && <p class="hint">{p.generatedText}</p>}
        {editable && (
          <form method="post" action={`/${m.locale}/reviews/${year}/paragraphs/${p.key}/reconcile`}>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="rowVersion" value={String(p.rowVersion)} />
            <button type="submit">{m.t('annualReview.reconcile')}</button>
          </form>
        )}
      </div>
    )}
  </div>
);

/** What the Committee side sees of where the figures come from: whether their records changed since, and each one's query. */
export interface Trace {
  stale: Map<string, Staleness>;
  queries: Record<string, string | null>;
}

export const ReviewPage: FC<{
  m: Messages;
  doc: ReviewDocument;
  committee: boolean;
  mayEdit: boolean;
  csrfToken: string;
  trace?: Trace;
}> = ({ m, doc, committee, mayEdit, csrfToken, trace }) => {
  const editable = mayEdit && !['approved', 'transmitted', 'published'].includes(doc.status);
  const base = `/${m.locale}/reviews/${doc.year}`;
  return (
    <article class="annual-review" lang={doc.locale} dir={doc.dir}>
      <p class="review-masthead">
        {doc.symbol} · {m.t('annualReview.distr')} · {doc.datedOn ? unDate(m.locale, doc.datedOn, 'heading') : '—'} ·{' '}
        {m.t('annualReview.originalLanguage', { language: languageName(m, doc.originalLanguage) })}
      </p>
      <link rel="stylesheet" media="print" href="/static/annual-review-print.css" />
      <p class="review-downloads">
        <a href={`${base}/docx`}>{m.t('annualReview.docx')}</a> · <a href={`${base}/pdf`}>{m.t('annualReview.pdf')}</a>
      </p>
      {committee && (
        <div class="review-workflow">
          <p>
            {statusLabel(m, doc.status)} · {m.t('annualReview.col.edition')} {doc.edition} ·{' '}
            {doc.generatedAt
              ? m.t('annualReview.generatedAt', { cutOff: m.date(doc.cutOff), when: m.dateTime(doc.generatedAt) })
              : m.t('annualReview.notGenerated')}
          </p>
          {mayEdit && (
            <>
              {editable && (
                <form method="post" action={`${base}/regenerate`}>
                  <CsrfField token={csrfToken} />
                  <input type="hidden" name="rowVersion" value={String(doc.rowVersion)} />
                  <button type="submit">{m.t('annualReview.regenerate')}</button>
                </form>
              )}
              {nextStatuses(doc.status).map((to) => (
                <form method="post" action={`${base}/advance`}>
                  <CsrfField token={csrfToken} />
                  <input type="hidden" name="rowVersion" value={String(doc.rowVersion)} />
                  <input type="hidden" name="to" value={to} />
                  {to === 'transmitted' && <Field id="letterOn" label={m.t('annualReview.field.letterOn')} type="date" required />}
                  {to === 'published' && <Field id="publishedOn" label={m.t('annualReview.field.publishedOn')} type="date" required />}
                  <button type="submit">{m.t('annualReview.advance', { status: statusLabel(m, to) })}</button>
                </form>
              ))}
              {!editable && (
                <form method="post" action={`${base}/new-draft`}>
                  <CsrfField token={csrfToken} />
                  <button type="submit">{m.t('annualReview.newDraft')}</button>
                </form>
              )}
            </>
          )}
          <ReviewTools m={m} year={doc.year} />
        </div>
      )}
      {doc.sections.map((s) => (
        <section id={`section-${s.key}`}>
          {s.key === 'I' && <h2>{m.t('annualReview.heading.annex')}</h2>}
          <h2>{s.heading}</h2>
          {s.paragraphs.map((p) => (
            <Paragraph m={m} p={p} committee={committee} editable={editable} year={doc.year} trace={trace} csrfToken={csrfToken} />
          ))}
        </section>
      ))}
      <hr />
      <ol class="footnotes">
        {doc.footnotes.map((f) => (
          <li id={`fn-${f.number}`}>{f.text}</li>
        ))}
      </ol>
      <AnnexTable m={m} annex={doc.annex} />
      {committee && (
        <FigureSources m={m} year={doc.year} figures={doc.figures} queries={trace?.queries ?? {}} stale={trace?.stale ?? new Map()} />
      )}
    </article>
  );
};

export const ParagraphForm: FC<{ m: Messages; doc: ReviewDocument; p: DocParagraph; csrfToken: string }> = ({ m, doc, p, csrfToken }) => (
  <form method="post" action={`/${m.locale}/reviews/${doc.year}/paragraphs/${p.key}`} class="record-form">
    <CsrfField token={csrfToken} />
    <input type="hidden" name="rowVersion" value={String(p.rowVersion)} />
    {p.generatedText && <p class="hint">{p.generatedText}</p>}
    <div class="field">
      <label for="body">{m.t('annualReview.field.body')}</label>
      <textarea id="body" name="body" rows={12} required>
        {p.text ?? ''}
      </textarea>
    </div>
    <div class="field">
      <label for="translationStatus">{m.t('annualReview.field.translationStatus')}</label>
      <select id="translationStatus" name="translationStatus">
        {translationStatuses.map((s) => (
          <option value={s} selected={s === (p.translationStatus ?? 'original')}>
            {m.t(`annualReview.translation.${s}` as MessageKey)}
          </option>
        ))}
      </select>
    </div>
    <button type="submit">{m.t('form.save')}</button> <a href={`/${m.locale}/reviews/${doc.year}#p-${p.key}`}>{m.t('form.cancel')}</a>
  </form>
);
