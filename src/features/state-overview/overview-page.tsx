import { ListTable, TableRegion } from '../../platform/ui/tables.tsx';
import type { FC, PropsWithChildren } from 'hono/jsx';
import { languageNames } from '../../platform/http/layout.tsx';
import type { Messages, MessageKey } from '../../platform/i18n/i18n.ts';
import { type Locale, pick } from '../../platform/i18n/locales.ts';
import type { StateDocument } from '../documents/index.ts';
import { visitKindKeys, visitPurposeKeys as purposeKeys } from '../engagement/index.ts';
import { kindLabel, planStatusLabel } from '../reports/index.ts';
import type { StateOverview } from './overview.ts';

/*
 * The sections of a State's page below its facts: reporting, plans, point of contact, visits,
 * courses, documents. Rendering only: what the viewer may see was decided in `overview.ts`.
 */

const languageName = (tag: string) => languageNames[tag as Locale] ?? tag;

const Day: FC<{ m: Messages; on: string | null }> = ({ m, on }) => (on ? <time datetime={on}>{m.date(on, 'medium')}</time> : null);

const Span: FC<{ m: Messages; from: string; to: string | null }> = ({ m, from, to }) =>
  to && to !== from ? (
    <>
      <Day m={m} on={from} /> – <Day m={m} on={to} />
    </>
  ) : (
    <Day m={m} on={from} />
  );

/** Links to the documents of one record, among those the viewer may see. */
const DocumentLinks: FC<{ m: Messages; documents: StateDocument[] | null; recordType: string; id: string }> = ({
  m,
  documents,
  recordType,
  id,
}) => {
  const own = (documents ?? []).filter((d) => d.links.some((l) => l.recordType === recordType && l.recordId === id));
  return own.length ? (
    <ul class="inline-list">
      {own.map((d) => (
        <li>
          <a href={`/${m.locale}/documents/${d.id}`}>{d.title}</a>
        </li>
      ))}
    </ul>
  ) : null;
};

/** One section of the page, named by its heading (`overview-${id}`). */
const Section: FC<PropsWithChildren<{ id: string; title: string }>> = ({ id, title, children }) => (
  <section aria-labelledby={`overview-${id}`}>
    <h2 id={`overview-${id}`}>{title}</h2>
    {children}
  </section>
);

/** A table of records: its caption (for screen readers only, unless `shown`), its column headings, its rows. */
const RecordTable: FC<PropsWithChildren<{ id: string; caption: string; shown?: boolean; columns: string[] }>> = ({
  id,
  caption,
  shown,
  columns,
  children,
}) =>
  shown ? (
    <TableRegion labelledBy={`overview-${id}-caption`}>
      <table class="list">
        <caption id={`overview-${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableRegion>
  ) : (
    <ListTable id={`overview-${id}`} caption={caption} columns={columns}>
      {children}
    </ListTable>
  );

const Reporting: FC<{ m: Messages; o: StateOverview; base: string }> = ({ m, o, base }) => {
  // Whether and when the State reported is public; the table below lists the reports the viewer may read.
  const first = o.firstReportOn;
  return (
    <Section id="reporting" title={m.t('stateOverview.reporting')}>
      <p>{first ? m.t('stateOverview.firstReport', { date: m.date(first) }) : m.t('stateOverview.noFirstReport')}</p>
      {o.reports.length > 0 && (
        <RecordTable
          id="reports"
          caption={m.t('stateOverview.reportsCaption')}
          shown
          columns={[
            m.t('reports.received'),
            m.t('reports.kind'),
            m.t('reports.symbol'),
            m.t('stateOverview.languages'),
            m.t('stateOverview.documents'),
          ]}
        >
          {o.reports.map((r) => (
            <tr>
              <th scope="row">
                <Day m={m} on={r.received_on} />
              </th>
              <td>{kindLabel(m, r.kind)}</td>
              <td dir="ltr">{r.symbol}</td>
              <td>{m.list(r.languages.map(languageName))}</td>
              <td>
                <DocumentLinks m={m} documents={o.documents} recordType="report" id={r.id} />
              </td>
            </tr>
          ))}
        </RecordTable>
      )}
      <p>
        <a href={`${base}/reports`}>{m.t('stateOverview.reportsLink')}</a>
      </p>
    </Section>
  );
};

const Plans: FC<{ m: Messages; o: StateOverview }> = ({ m, o }) => (
  <Section id="plans" title={m.t('reports.plansTitle')}>
    {o.plans.length ? (
      <RecordTable
        id="plans"
        caption={m.t('reports.plansTitle')}
        columns={[
          m.t('reports.number'),
          m.t('reports.status'),
          m.t('reports.started'),
          m.t('reports.submitted'),
          m.t('reports.published'),
          m.t('stateOverview.documents'),
        ]}
      >
        {o.plans.map((p) => (
          <tr>
            <th scope="row">{m.number(p.number)}</th>
            <td>{planStatusLabel(m, p.status)}</td>
            <td>
              <Day m={m} on={p.started_on} />
            </td>
            <td>
              <Day m={m} on={p.submitted_on} />
            </td>
            <td>
              <Day m={m} on={p.published_on} />
            </td>
            <td>
              <DocumentLinks m={m} documents={o.documents} recordType="action-plan" id={p.id} />
            </td>
          </tr>
        ))}
      </RecordTable>
    ) : (
      <p>{m.t('reports.noPlans')}</p>
    )}
  </Section>
);

const Contact: FC<{ m: Messages; o: StateOverview; base: string }> = ({ m, o, base }) => {
  const p = o.contact.projection;
  return (
    <Section id="contact" title={m.t('stateOverview.contact')}>
      <p class="contact-status">
        {p.designated && p.since ? m.t('contacts.designatedSinceRun', { date: m.date(p.since) }) : m.t('contacts.noneDesignated')}
      </p>
      {o.contact.detailsLink && (
        <p>
          <a href={`${base}/contacts`}>{m.t('stateOverview.contactsLink')}</a>
        </p>
      )}
    </Section>
  );
};

const Visits: FC<{ m: Messages; o: StateOverview }> = ({ m, o }) =>
  o.visits ? (
    <Section id="visits" title={m.t('engagement.visitsTitle')}>
      <RecordTable
        id="visits"
        caption={m.t('engagement.visitsTitle')}
        columns={[
          m.t('engagement.dates'),
          m.t('engagement.kind'),
          m.t('engagement.state'),
          m.t('engagement.purposes'),
          m.t('stateOverview.documents'),
        ]}
      >
        {o.visits.map((v) => (
          <tr>
            <th scope="row">
              <a href={`/${m.locale}/visits?year=${v.starts_on.slice(0, 4)}`}>
                <Span m={m} from={v.starts_on} to={v.ends_on} />
              </a>
            </th>
            <td>{m.t(visitKindKeys[v.kind])}</td>
            <td>
              {v.state_iso3 === o.state.iso3 ? (
                pick(o.state.names, m.locale)
              ) : o.hosts.has(v.state_iso3) ? (
                <a href={`/${m.locale}/states/${v.state_iso3}`}>{pick(o.hosts.get(v.state_iso3), m.locale)}</a>
              ) : (
                v.state_iso3
              )}
            </td>
            <td>{m.list(v.purposes.map((x) => m.t(purposeKeys[x])))}</td>
            <td>
              <DocumentLinks m={m} documents={o.documents} recordType="visit" id={v.id} />
            </td>
          </tr>
        ))}
      </RecordTable>
    </Section>
  ) : null;

const Courses: FC<{ m: Messages; o: StateOverview }> = ({ m, o }) =>
  o.courses ? (
    <Section id="courses" title={m.t('stateOverview.courses')}>
      <ul>
        {o.courses.map((x) => (
          <li>
            <a href={`/${m.locale}/courses?year=${x.starts_on.slice(0, 4)}`}>{x.title}</a> ·{' '}
            <Span m={m} from={x.starts_on} to={x.ends_on} /> · {x.place}
          </li>
        ))}
      </ul>
    </Section>
  ) : null;

const Documents: FC<{ m: Messages; o: StateOverview }> = ({ m, o }) =>
  o.documents ? (
    <Section id="documents" title={m.t('stateOverview.documents')}>
      <RecordTable
        id="documents"
        caption={m.t('stateOverview.documents')}
        columns={[m.t('documents.titleField'), m.t('documents.kind'), m.t('documents.language'), m.t('documents.uploaded')]}
      >
        {o.documents.map((d) => (
          <tr>
            <th scope="row">
              <a href={`/${m.locale}/documents/${d.id}`}>{d.title}</a>
            </th>
            <td>{m.t(`documents.kind.${d.kind}` as MessageKey)}</td>
            <td>{languageName(d.language)}</td>
            <td>{m.date(d.created_at, 'medium')}</td>
          </tr>
        ))}
      </RecordTable>
    </Section>
  ) : null;

const Letters: FC<{ m: Messages; o: StateOverview }> = ({ m, o }) =>
  o.letters ? (
    <Section id="letters" title={m.t('stateOverview.letters')}>
      <ul>
        {o.letters.rows.map((l) => (
          <li>
            <Day m={m} on={l.sent_on} /> · <a href={`/${m.locale}/letters/${l.id}`}>{l.subject}</a>
            {l.reference ? (
              <>
                {' '}
                · <span dir="ltr">{l.reference}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <p>
        <a href={`/${m.locale}/letters?state=${o.state.iso3}`}>{m.t('stateOverview.lettersLink', { count: m.number(o.letters.total) })}</a>
      </p>
    </Section>
  ) : null;

/** The State's records below its facts. */
export const StateOverviewSections: FC<{ m: Messages; overview: StateOverview }> = ({ m, overview: o }) => {
  const base = `/${m.locale}/states/${o.state.iso3}`;
  return (
    <div class="state-overview">
      <Reporting m={m} o={o} base={base} />
      <Plans m={m} o={o} />
      <Contact m={m} o={o} base={base} />
      <Visits m={m} o={o} />
      <Courses m={m} o={o} />
      <Documents m={m} o={o} />
      <Letters m={m} o={o} />
    </div>
  );
};
