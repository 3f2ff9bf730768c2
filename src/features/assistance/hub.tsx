// The hub (the requests as far as the reader may see them, with links to offers and summaries) and
// the public page of the summaries the States consented to publish.
import type { FC } from 'hono/jsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { TableRegion } from '../../platform/ui/tables.tsx';
import { FilterForm, FilterSelect, RequestFilterForm } from './form-parts.tsx';
import { codeList, flagText, type Names, stateName, statusLabel, yearOptions } from './labels.ts';
import type { Flag } from './procedure/procedure.ts';
import type { RequestRow } from './queries.ts';
import type { PublicSummary } from './requests/summaries.ts';

export interface HubFilters {
  state: string;
  year: string;
  status: string;
}

export const HubPage: FC<{
  m: Messages;
  who: 'committee' | 'poc' | 'provider' | 'public';
  /** The point of contact's State, named. */
  ownState: string | null;
  rows: RequestRow[];
  total: number;
  itemCounts: Map<string, number>;
  flags: Map<string, Flag[]> | null;
  names: Names;
  filters: HubFilters;
  years: number[];
  mayCreate: boolean;
  csvHref: string | null;
}> = ({ m, who, ownState, rows, total, itemCounts, flags, names, filters, years, mayCreate, csvHref }) => {
  const base = `/${m.locale}/assistance`;
  const heading =
    who === 'poc'
      ? m.t('assistance.hub.ownRequests', { state: ownState ?? '' })
      : who === 'provider'
        ? m.t('assistance.hub.circulatedRequests')
        : m.t('assistance.hub.requests');
  return (
    <>
      <p class="lead">{m.t('assistance.hub.intro')}</p>
      <nav aria-label={m.t('assistance.hub.links')}>
        <ul class="inline-list">
          <li>
            <a href={`${base}/offers`}>{m.t('assistance.offers.title')}</a>
          </li>
          <li>
            <a href={`${base}/summaries`}>{m.t('assistance.summaries.title')}</a>
          </li>
          <li>
            <a href={`${base}/figures`}>{m.t('assistance.out.figures.title')}</a>
          </li>
          {who === 'committee' && (
            <>
              <li>
                <a href={`${base}/list`}>{m.t('assistance.out.list.title')}</a>
              </li>
              <li>
                <a href={`${base}/quarterly`}>{m.t('assistance.out.q.title')}</a>
              </li>
            </>
          )}
        </ul>
      </nav>
      {mayCreate && (
        <p class="actions">
          <a href={`${base}/requests/new`} class="button">
            {who === 'poc' ? m.t('assistance.hub.submit') : m.t('assistance.hub.record')}
          </a>
        </p>
      )}
      {who === 'public' ? (
        <p>{m.t('assistance.hub.publicNote')}</p>
      ) : (
        <>
          <h2 id="requests-heading">{heading}</h2>
          {who === 'committee' && (
            <RequestFilterForm
              m={m}
              names={names}
              years={years}
              filters={filters}
              prefix="hub"
              words={{
                submit: m.t('assistance.filter'),
                state: m.t('assistance.field.state'),
                allStates: m.t('assistance.hub.allStates'),
                year: m.t('assistance.hub.year'),
                allYears: m.t('assistance.hub.allYears'),
                status: m.t('assistance.field.status'),
                allStatuses: m.t('assistance.hub.allStatuses'),
              }}
            />
          )}
          <p role="status" class="count">
            {m.t('assistance.hub.count', { count: total })}
            {csvHref && (
              <>
                {' · '}
                <a href={csvHref}>{m.t('assistance.hub.csv')}</a>
              </>
            )}
          </p>
          {rows.length ? (
            <TableRegion labelledBy="requests-caption">
              <table class="list">
                <caption id="requests-caption" class="visually-hidden">
                  {heading}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{m.t('assistance.field.state')}</th>
                    <th scope="col">{m.t('assistance.field.receivedOn')}</th>
                    <th scope="col">{m.t('assistance.field.status')}</th>
                    {flags && <th scope="col">{m.t('assistance.hub.flags')}</th>}
                    <th scope="col">{m.t('assistance.hub.items')}</th>
                    <th scope="col">{m.t('assistance.field.invitesVisit')}</th>
                    <th scope="col">{m.t('assistance.field.reference')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr>
                      <th scope="row">
                        <a href={`${base}/requests/${r.id}`}>{stateName(names, r.state_iso3)}</a>
                      </th>
                      <td>
                        <time datetime={r.received_on}>{m.date(r.received_on, 'medium')}</time>
                      </td>
                      <td>{statusLabel(m, r.status)}</td>
                      {flags && (
                        <td>
                          {(flags.get(r.id) ?? []).map((f) => (
                            <p class="notice">{flagText(m, f)}</p>
                          ))}
                        </td>
                      )}
                      <td>{m.number(itemCounts.get(r.id) ?? 0)}</td>
                      <td>{r.invites_visit ? m.t('assistance.yes') : m.t('assistance.no')}</td>
                      <td dir="ltr">{r.reference}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          ) : (
            <p>{m.t('assistance.hub.none')}</p>
          )}
        </>
      )}
    </>
  );
};

export const SummariesPage: FC<{ m: Messages; rows: PublicSummary[]; names: Names; years: number[]; year: string }> = ({
  m,
  rows,
  names,
  years,
  year,
}) => (
  <>
    <p class="lead">{m.t('assistance.summaries.intro')}</p>
    <FilterForm submit={m.t('assistance.filter')}>
      <FilterSelect
        id="summaries-year"
        name="year"
        label={m.t('assistance.hub.year')}
        all={m.t('assistance.hub.allYears')}
        options={yearOptions(years)}
        selected={year}
      />
    </FilterForm>
    <p role="status" class="count">
      {m.t('assistance.summaries.count', { count: rows.length })}
    </p>
    {rows.map((s) => (
      <article class="summary" aria-labelledby={`summary-${s.id}`}>
        <h2 id={`summary-${s.id}`}>
          {m.t('assistance.summaries.heading', { state: stateName(names, s.state_iso3), date: m.date(s.received_on) })}
        </h2>
        <dl class="facts">
          <dt>{m.t('assistance.field.status')}</dt>
          <dd>{statusLabel(m, s.status)}</dd>
          <dt>{m.t('assistance.field.areas')}</dt>
          <dd>{codeList(m, 'area', s.areas)}</dd>
          <dt>{m.t('assistance.field.weapons')}</dt>
          <dd>{codeList(m, 'weapon', s.weapons)}</dd>
          <dt>{m.t('assistance.field.kinds')}</dt>
          <dd>{codeList(m, 'kind', s.kinds)}</dd>
          <dt>{m.t('assistance.summaries.posted')}</dt>
          <dd>
            <time datetime={s.summary_posted_on}>{m.date(s.summary_posted_on)}</time>
          </dd>
        </dl>
        {s.summary
          .split(/\n+/)
          .filter((line) => line.trim())
          .map((line) => (
            <p>{line}</p>
          ))}
      </article>
    ))}
    <p>
      <a href={`/${m.locale}/assistance/offers`}>{m.t('assistance.summaries.toOffers')}</a>
    </p>
  </>
);
