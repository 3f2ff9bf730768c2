// The clearinghouse's outputs as pages: the consolidated list, the quarterly update and the
// figures per year; and the words the outputs share (pages, workbook and Word documents say a
// request, an item, a response and a match the same way).
import { TableRegion } from '../../../platform/ui/tables.tsx';
import type { FC, PropsWithChildren } from 'hono/jsx';
import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import type { Flag } from '../procedure/procedure.ts';
import type { AssistanceFigures, ConsolidatedList, ListItem, ListRequest, QuarterlyUpdate } from './outputs.ts';
import {
  actionLabel,
  channelLabel,
  codeList,
  FilterForm,
  FilterSelect,
  matchStatusLabel,
  type Names,
  priorityLabel,
  providerName,
  stateName,
  stateOptions,
  statusLabel,
  statusOptions,
  yearOptions,
} from '../pages.tsx';
import { labelOf } from '../taxonomy.ts';

// -------------------------------------------------------------------------------------------------
// Words

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * `m.date` with its formatter kept: the same text (a date without a time is a UTC day), but
 * `Messages.date` builds a formatter per call, some 0.4 ms, and the consolidated list writes
 * thousands of dates.
 */
export function dateIn(m: Messages, value: string, style: 'long' | 'medium' | 'short' = 'long'): string {
  const key = `${m.locale} ${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(m.locale, { dateStyle: style, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format.format(new Date(value.length === 10 ? `${value}T00:00:00Z` : value));
}

/** A deadline passed, as `flagText` says it. */
export const flagLine = (m: Messages, f: Flag) => m.t(`assistance.flag.${f.code}` as MessageKey, { date: dateIn(m, f.dueOn) });

export const yesNo = (m: Messages, b: boolean) => (b ? m.t('assistance.out.yes') : m.t('assistance.out.no'));

export const statusSince = (m: Messages, status: string, on: string) =>
  m.t('assistance.out.statusSince', { status: statusLabel(m, status), date: dateIn(m, on, 'medium') });

/** "2. Training of customs officers…" (marked when the seed did not give the details). */
export function itemText(m: Messages, i: Pick<ListItem, 'position' | 'description' | 'illustrative'>): string {
  const text = m.t('assistance.out.itemN', { n: i.position, description: i.description });
  return i.illustrative ? `${text} (${m.t('assistance.out.illustrative')})` : text;
}

/** What an item asks for, in the taxonomy: areas; weapon types; kind of help; priority. */
export function itemTerms(m: Messages, i: Pick<ListItem, 'areas' | 'weapons' | 'kinds' | 'priority'>): string {
  return m.t('assistance.out.itemTerms', {
    areas: codeList(m, 'area', i.areas),
    weapons: codeList(m, 'weapon', i.weapons),
    kinds: codeList(m, 'kind', i.kinds),
    priority: priorityLabel(m, i.priority),
  });
}

/** "WCO (12 Mar 2018)". */
export const responseText = (m: Messages, names: Names, r: { provider: string; respondedOn: string }) =>
  m.t('assistance.out.responseOn', { provider: providerName(names, r.provider), date: dateIn(m, r.respondedOn, 'medium') });

/** "WCO (12 Mar 2018): items 1, 2". */
export const requestResponseText = (m: Messages, names: Names, r: { provider: string; respondedOn: string; items: number[] }) =>
  m.t('assistance.out.responseItems', { response: responseText(m, names, r), items: m.list(r.items.map((n) => m.number(n))) });

/** "Border security training (WCO): accepted, 3 Sep 2018". */
export const matchText = (m: Messages, names: Names, x: { offerTitle: string; provider: string; status: string; statusOn: string }) =>
  m.t('assistance.out.matchLine', {
    offer: x.offerTitle,
    provider: providerName(names, x.provider),
    status: matchStatusLabel(m, x.status),
    date: dateIn(m, x.statusOn, 'medium'),
  });

/** The list's filters in words, for a document's subtitle. */
export function filtersText(m: Messages, names: Names, f: { year?: number; state?: string; status?: string }): string {
  const parts = [f.year ? String(f.year) : '', f.state ? stateName(names, f.state) : '', f.status ? statusLabel(m, f.status) : ''].filter(
    Boolean,
  );
  return parts.length ? m.list(parts) : m.t('assistance.out.allRequests');
}

export const quarterTitle = (m: Messages, u: Pick<QuarterlyUpdate, 'year' | 'quarter' | 'from' | 'to'>) =>
  m.t('assistance.out.q.period', { quarter: u.quarter, year: String(u.year), from: dateIn(m, u.from), to: dateIn(m, u.to) });

export { actionLabel, channelLabel, codeList, matchStatusLabel, priorityLabel, providerName, stateName, statusLabel };

// -------------------------------------------------------------------------------------------------
// Pages

/** Links between the three outputs. */
const OutputLinks: FC<{ m: Messages; here: 'list' | 'quarterly' | 'figures'; committee: boolean }> = ({ m, here, committee }) => {
  const base = `/${m.locale}/assistance`;
  const links = [
    ...(committee
      ? [
          ['list', `${base}/list`, m.t('assistance.out.list.title')],
          ['quarterly', `${base}/quarterly`, m.t('assistance.out.q.title')],
        ]
      : []),
    ['figures', `${base}/figures`, m.t('assistance.out.figures.title')],
  ] as const;
  return (
    <nav aria-label={m.t('assistance.out.links')}>
      <ul class="inline-list">
        {links.map(([key, href, text]) => (
          <li>{key === here ? <span aria-current="page">{text}</span> : <a href={href}>{text}</a>}</li>
        ))}
      </ul>
    </nav>
  );
};

export interface ListPageFilters {
  state: string;
  year: string;
  status: string;
}

const Lines: FC<{ lines: string[] }> = ({ lines }) =>
  lines.length ? (
    <ul>
      {lines.map((l) => (
        <li>{l}</li>
      ))}
    </ul>
  ) : (
    <>—</>
  );

/** A table's column headings. */
const Head: FC<{ m: Messages; columns: MessageKey[] }> = ({ m, columns }) => (
  <thead>
    <tr>
      {columns.map((k) => (
        <th scope="col">{m.t(k)}</th>
      ))}
    </tr>
  </thead>
);

/** A date in a cell of its own. */
const DateCell: FC<{ m: Messages; on: string }> = ({ m, on }) => (
  <td>
    <time datetime={on}>{dateIn(m, on, 'medium')}</time>
  </td>
);

/** When and how a request came. */
const Received: FC<{ m: Messages; on: string; channel: string }> = ({ m, on, channel }) => (
  <>
    <time datetime={on}>{dateIn(m, on, 'medium')}</time>
    <br />
    {channelLabel(m, channel)}
  </>
);

/** A row's heading: the request, by its State and date, linked. */
const RequestOf: FC<{ m: Messages; names: Names; x: { requestId: string; stateIso3: string; receivedOn: string } }> = ({ m, names, x }) => (
  <th scope="row">
    <a href={`/${m.locale}/assistance/requests/${x.requestId}`}>
      {m.t('assistance.out.requestOf', { state: stateName(names, x.stateIso3), date: dateIn(m, x.receivedOn, 'medium') })}
    </a>
  </th>
);

/** One request: a row group, its State heading the rows of its items. */
const RequestRows: FC<{ m: Messages; r: ListRequest; names: Names }> = ({ m, r, names }) => {
  const items = r.items.length ? r.items : [null];
  const span = items.length;
  return (
    <tbody>
      {items.map((i, n) => (
        <tr>
          {n === 0 && (
            <>
              <th scope="rowgroup" rowspan={span}>
                <a href={`/${m.locale}/assistance/requests/${r.id}`}>{stateName(names, r.stateIso3)}</a>
                {r.reference && (
                  <>
                    <br />
                    <span dir="ltr">{r.reference}</span>
                  </>
                )}
              </th>
              <td rowspan={span}>
                <Received m={m} on={r.receivedOn} channel={r.channel} />
              </td>
              <td rowspan={span}>
                {statusSince(m, r.status, r.statusOn)}
                {r.flags.map((f) => (
                  <p class="notice">{flagLine(m, f)}</p>
                ))}
              </td>
              <td rowspan={span}>{yesNo(m, r.invitesVisit)}</td>
            </>
          )}
          {i ? (
            <>
              <td>
                {itemText(m, i)}
                {i.timeframe && (
                  <>
                    <br />
                    <small>{m.t('assistance.out.timeframeIs', { timeframe: i.timeframe })}</small>
                  </>
                )}
              </td>
              <td>{itemTerms(m, i)}</td>
              <td>
                <Lines lines={i.responses.map((x) => responseText(m, names, x))} />
              </td>
              <td>
                <Lines lines={i.matches.map((x) => matchText(m, names, x))} />
              </td>
            </>
          ) : (
            <td colspan={4}>—</td>
          )}
        </tr>
      ))}
    </tbody>
  );
};

export const ListPage: FC<{
  m: Messages;
  list: ConsolidatedList;
  names: Names;
  filters: ListPageFilters;
  years: number[];
  xlsxHref: string;
  docxHref: string;
}> = ({ m, list, names, filters, years, xlsxHref, docxHref }) => {
  return (
    <>
      <OutputLinks m={m} here="list" committee />
      <p class="lead">{m.t('assistance.out.list.intro')}</p>
      <FilterForm submit={m.t('assistance.out.show')}>
        <FilterSelect
          id="out-state"
          name="state"
          label={m.t('assistance.out.state')}
          all={m.t('assistance.out.allStates')}
          options={stateOptions(m, names)}
          selected={filters.state.toUpperCase()}
        />
        <FilterSelect
          id="out-year"
          name="year"
          label={m.t('assistance.out.year')}
          all={m.t('assistance.out.allYears')}
          options={yearOptions(years)}
          selected={filters.year}
        />
        <FilterSelect
          id="out-status"
          name="status"
          label={m.t('assistance.out.status')}
          all={m.t('assistance.out.allStatuses')}
          options={statusOptions(m)}
          selected={filters.status}
        />
      </FilterForm>
      <p role="status" class="count">
        {m.t('assistance.out.list.count', { requests: list.counts.requests, items: list.counts.items })}
        {' · '}
        <a href={xlsxHref}>{m.t('assistance.out.xlsx')}</a>
        {' · '}
        <a href={docxHref}>{m.t('assistance.out.docx')}</a>
      </p>
      {list.requests.length ? (
        <TableRegion labelledBy="list-caption">
          <table class="list">
            <caption id="list-caption" class="visually-hidden">
              {m.t('assistance.out.list.title')}
            </caption>
            <Head
              m={m}
              columns={[
                'assistance.out.state',
                'assistance.out.received',
                'assistance.out.status',
                'assistance.out.visit',
                'assistance.out.item',
                'assistance.out.terms',
                'assistance.out.responses',
                'assistance.out.matches',
              ]}
            />
            {list.requests.map((r) => (
              <RequestRows m={m} r={r} names={names} />
            ))}
          </table>
        </TableRegion>
      ) : (
        <p>{m.t('assistance.out.list.none')}</p>
      )}
    </>
  );
};

const Section: FC<PropsWithChildren<{ m: Messages; id: string; title: string; count: string; empty: boolean }>> = ({
  m,
  id,
  title,
  count,
  empty,
  children,
}) => (
  <section aria-labelledby={id}>
    <h2 id={id}>{title}</h2>
    <p class="count">{count}</p>
    {empty ? <p>{m.t('assistance.out.q.none')}</p> : <TableRegion labelledBy={id}>{children}</TableRegion>}
  </section>
);

export const QuarterlyPage: FC<{ m: Messages; u: QuarterlyUpdate; names: Names; years: number[]; docxHref: string }> = ({
  m,
  u,
  names,
  years,
  docxHref,
}) => (
  <>
    <OutputLinks m={m} here="quarterly" committee />
    <p class="lead">{m.t('assistance.out.q.intro')}</p>
    <FilterForm submit={m.t('assistance.out.show')}>
      <FilterSelect id="q-year" name="year" label={m.t('assistance.out.year')} options={yearOptions(years)} selected={String(u.year)} />
      <FilterSelect
        id="q-quarter"
        name="quarter"
        label={m.t('assistance.out.q.quarter')}
        options={[1, 2, 3, 4].map((q) => [String(q), m.t('assistance.out.q.quarterN', { quarter: q })] as const)}
        selected={String(u.quarter)}
      />
    </FilterForm>
    <h2 id="q-period">{quarterTitle(m, u)}</h2>
    <ul>
      <li>{m.t('assistance.out.q.countRequests', { count: u.counts.requests })}</li>
      <li>{m.t('assistance.out.q.countSteps', { count: u.counts.steps })}</li>
      <li>{m.t('assistance.out.q.countResponses', { count: u.counts.responses })}</li>
      <li>{m.t('assistance.out.q.countMatches', { count: u.counts.matches })}</li>
      <li>{m.t('assistance.out.q.countOffers', { count: u.counts.offers })}</li>
    </ul>
    <p>
      <a href={docxHref}>{m.t('assistance.out.docx')}</a>
    </p>
    <Section
      m={m}
      id="q-requests"
      title={m.t('assistance.out.q.requests')}
      count={m.t('assistance.out.q.countRequests', { count: u.counts.requests })}
      empty={!u.requests.length}
    >
      <table class="list">
        <Head
          m={m}
          columns={[
            'assistance.out.state',
            'assistance.out.received',
            'assistance.out.status',
            'assistance.out.visit',
            'assistance.out.items',
          ]}
        />
        <tbody>
          {u.requests.map((r) => (
            <tr>
              <th scope="row">
                <a href={`/${m.locale}/assistance/requests/${r.id}`}>{stateName(names, r.stateIso3)}</a>
              </th>
              <td>
                <Received m={m} on={r.receivedOn} channel={r.channel} />
              </td>
              <td>{statusLabel(m, r.status)}</td>
              <td>{yesNo(m, r.invitesVisit)}</td>
              <td>
                <Lines lines={r.items.map((i) => `${itemText(m, i)} — ${codeList(m, 'area', i.areas)}`)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
    <Section
      m={m}
      id="q-steps"
      title={m.t('assistance.out.q.steps')}
      count={m.t('assistance.out.q.countSteps', { count: u.counts.steps })}
      empty={!u.steps.length}
    >
      <table class="list">
        <Head m={m} columns={['assistance.out.date', 'assistance.out.request', 'assistance.out.q.step', 'assistance.out.status']} />
        <tbody>
          {u.steps.map((s) => (
            <tr>
              <DateCell m={m} on={s.takenOn} />
              <RequestOf m={m} names={names} x={s} />
              <td>{actionLabel(m, s.action)}</td>
              <td>{statusLabel(m, s.toStatus)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
    <Section
      m={m}
      id="q-responses"
      title={m.t('assistance.out.q.responses')}
      count={m.t('assistance.out.q.countResponses', { count: u.counts.responses })}
      empty={!u.responses.length}
    >
      <table class="list">
        <Head
          m={m}
          columns={['assistance.out.date', 'assistance.out.request', 'assistance.out.provider', 'assistance.out.itemsAnswered']}
        />
        <tbody>
          {u.responses.map((x) => (
            <tr>
              <DateCell m={m} on={x.respondedOn} />
              <RequestOf m={m} names={names} x={x} />
              <td>{providerName(names, x.provider)}</td>
              <td>{m.list(x.items.map((n) => m.number(n)))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
    <Section
      m={m}
      id="q-matches"
      title={m.t('assistance.out.q.matches')}
      count={m.t('assistance.out.q.countMatches', { count: u.counts.matches })}
      empty={!u.matches.length}
    >
      <table class="list">
        <Head
          m={m}
          columns={[
            'assistance.out.date',
            'assistance.out.request',
            'assistance.out.item',
            'assistance.out.offer',
            'assistance.out.matchStatus',
          ]}
        />
        <tbody>
          {u.matches.map((x) => (
            <tr>
              <DateCell m={m} on={x.statusOn} />
              <RequestOf m={m} names={names} x={x} />
              <td>{m.number(x.item)}</td>
              <td>{m.t('assistance.out.offerOf', { offer: x.offerTitle, provider: providerName(names, x.provider) })}</td>
              <td>{matchStatusLabel(m, x.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
    <Section
      m={m}
      id="q-offers"
      title={m.t('assistance.out.q.offers')}
      count={m.t('assistance.out.q.countOffers', { count: u.counts.offers })}
      empty={!u.offers.length}
    >
      <table class="list">
        <Head m={m} columns={['assistance.out.q.recordedOn', 'assistance.out.offer', 'assistance.out.provider', 'assistance.out.terms']} />
        <tbody>
          {u.offers.map((o) => (
            <tr>
              <DateCell m={m} on={o.recordedOn} />
              <th scope="row">
                <a href={`/${m.locale}/assistance/offers/${o.id}`}>{o.title}</a>
              </th>
              <td>{providerName(names, o.provider)}</td>
              <td>{m.t('assistance.out.offerTerms', { areas: codeList(m, 'area', o.areas), kinds: codeList(m, 'kind', o.kinds) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  </>
);

export const FiguresPage: FC<{ m: Messages; f: AssistanceFigures; names: Names; years: number[]; csvHref: string; committee: boolean }> = ({
  m,
  f,
  names,
  years,
  csvHref,
  committee,
}) => {
  const seesItems = f.basis !== 'summaries';
  return (
    <>
      <OutputLinks m={m} here="figures" committee={committee} />
      <p class="lead">{m.t('assistance.out.figures.intro')}</p>
      <p class="notice">
        {f.basis === 'all'
          ? m.t('assistance.out.figures.basisAll')
          : f.basis === 'visible'
            ? m.t('assistance.out.figures.basisVisible')
            : m.t('assistance.out.figures.basisPublic')}
      </p>
      <FilterForm submit={m.t('assistance.out.show')}>
        <FilterSelect id="f-year" name="year" label={m.t('assistance.out.year')} options={yearOptions(years)} selected={String(f.year)} />
      </FilterForm>
      <p>
        <strong>
          {m.t('assistance.out.figures.headline', {
            year: String(f.year),
            count: f.newRequests,
            previousYear: String(f.previousYear),
            previous: f.newRequestsPreviousYear,
          })}
        </strong>
      </p>
      <TableRegion labelledBy="f-per-year">
        <table class="list">
          <caption id="f-per-year">{m.t('assistance.out.figures.perYear')}</caption>
          <Head m={m} columns={['assistance.out.year', 'assistance.out.figures.newRequests']} />
          <tbody>
            <tr>
              <th scope="row">{f.previousYear}</th>
              <td>{m.number(f.newRequestsPreviousYear)}</td>
            </tr>
            <tr>
              <th scope="row">{f.year}</th>
              <td>{m.number(f.newRequests)}</td>
            </tr>
          </tbody>
        </table>
      </TableRegion>
      {seesItems && <p>{m.t('assistance.out.figures.visits', { count: f.visitInvitations, year: String(f.year) })}</p>}
      <h2 id="f-states">{m.t('assistance.out.figures.states', { year: String(f.year) })}</h2>
      {f.states.length ? (
        <TableRegion labelledBy="f-states">
          <table class="list">
            <thead>
              <tr>
                <th scope="col">{m.t('assistance.out.state')}</th>
                <th scope="col">{m.t('assistance.out.figures.requests')}</th>
                {seesItems && <th scope="col">{m.t('assistance.out.items')}</th>}
              </tr>
            </thead>
            <tbody>
              {[...f.states]
                .sort((a, b) => b.requests - a.requests || m.compare(stateName(names, a.iso3), stateName(names, b.iso3)))
                .map((s) => (
                  <tr>
                    <th scope="row">
                      <a href={`/${m.locale}/states/${s.iso3}`}>{stateName(names, s.iso3)}</a>
                    </th>
                    <td>{m.number(s.requests)}</td>
                    {seesItems && <td>{m.number(s.items)}</td>}
                  </tr>
                ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>{m.t('assistance.out.figures.noRequests', { year: String(f.year) })}</p>
      )}
      <h2 id="f-areas">{m.t('assistance.out.figures.areas', { year: String(f.year) })}</h2>
      <TableRegion labelledBy="f-areas">
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{m.t('assistance.out.area')}</th>
              <th scope="col">{m.t('assistance.out.figures.requests')}</th>
              {seesItems && <th scope="col">{m.t('assistance.out.items')}</th>}
            </tr>
          </thead>
          <tbody>
            {f.areas.map((a) => (
              <tr>
                <th scope="row">{labelOf('area', a.area, m.locale)}</th>
                <td>{m.number(a.requests)}</td>
                {seesItems && <td>{m.number(a.items)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {seesItems && (
        <>
          <h2 id="f-providers">{m.t('assistance.out.figures.providers', { year: String(f.year) })}</h2>
          <p>{m.t('assistance.out.figures.delivered', { count: f.matchesDelivered, year: String(f.year) })}</p>
          {f.providers.length ? (
            <TableRegion labelledBy="f-providers">
              <table class="list">
                <Head
                  m={m}
                  columns={[
                    'assistance.out.provider',
                    'assistance.out.responses',
                    'assistance.out.itemsAnswered',
                    'assistance.out.figures.deliveredColumn',
                  ]}
                />
                <tbody>
                  {f.providers.map((p) => (
                    <tr>
                      <th scope="row">{providerName(names, p.provider)}</th>
                      <td>{m.number(p.responses)}</td>
                      <td>{m.number(p.itemsAnswered)}</td>
                      <td>{m.number(p.delivered)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          ) : (
            <p>{m.t('assistance.out.figures.noResponses', { year: String(f.year) })}</p>
          )}
        </>
      )}
      <p>
        <a href={csvHref}>{m.t('assistance.out.csv')}</a>
      </p>
    </>
  );
};
