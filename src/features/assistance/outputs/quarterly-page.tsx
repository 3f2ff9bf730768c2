// The quarterly update as a page: the quarter's requests, steps, responses, matches and offers.
import type { Child, FC } from 'hono/jsx';
import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import { TableRegion } from '../../../platform/ui/tables.tsx';
import { FilterForm, FilterSelect } from '../form-parts.tsx';
import { actionLabel, codeList, matchStatusLabel, type Names, providerName, stateName, statusLabel, yearOptions } from '../labels.ts';
import { quarterTitle, yesNo } from './words.ts';
import { DateCell, Head, OutputLinks, Received, RequestOf } from './output-parts.tsx';
import type { QuarterlyUpdate } from './quarterly.ts';

/** One part of the quarter: its heading, its count, and its table, or a line saying there is none. */
const Part: FC<{ m: Messages; id: string; title: string; count: string; columns: MessageKey[]; rows: Child[] }> = ({
  m,
  id,
  title,
  count,
  columns,
  rows,
}) => (
  <section aria-labelledby={id}>
    <h2 id={id}>{title}</h2>
    <p class="count">{count}</p>
    {rows.length ? (
      <TableRegion labelledBy={id}>
        <table class="list">
          <Head m={m} columns={columns} />
          <tbody>{rows}</tbody>
        </table>
      </TableRegion>
    ) : (
      <p>{m.t('assistance.out.q.none')}</p>
    )}
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
    <Part
      m={m}
      id="q-requests"
      title={m.t('assistance.out.q.requests')}
      count={m.t('assistance.out.q.countRequests', { count: u.counts.requests })}
      columns={['assistance.out.state', 'assistance.out.received', 'assistance.out.status', 'assistance.out.visit', 'assistance.out.items']}
      rows={u.requests.map((r) => (
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
            {/* Numbered once: the list's own numbers (the items' positions), not a bullet before "1." */}
            {r.items.length ? (
              <ol>
                {r.items.map((i) => (
                  <li value={i.position}>
                    <span dir="auto">{i.illustrative ? `${i.description} (${m.t('assistance.out.illustrative')})` : i.description}</span>
                    {` — ${codeList(m, 'area', i.areas)}`}
                  </li>
                ))}
              </ol>
            ) : (
              '—'
            )}
          </td>
        </tr>
      ))}
    />
    <Part
      m={m}
      id="q-steps"
      title={m.t('assistance.out.q.steps')}
      count={m.t('assistance.out.q.countSteps', { count: u.counts.steps })}
      columns={['assistance.out.date', 'assistance.out.request', 'assistance.out.q.step', 'assistance.out.status']}
      rows={u.steps.map((s) => (
        <tr>
          <DateCell m={m} on={s.takenOn} />
          <RequestOf m={m} names={names} x={s} />
          <td>{actionLabel(m, s.action)}</td>
          <td>{statusLabel(m, s.toStatus)}</td>
        </tr>
      ))}
    />
    <Part
      m={m}
      id="q-responses"
      title={m.t('assistance.out.q.responses')}
      count={m.t('assistance.out.q.countResponses', { count: u.counts.responses })}
      columns={['assistance.out.date', 'assistance.out.request', 'assistance.out.provider', 'assistance.out.itemsAnswered']}
      rows={u.responses.map((x) => (
        <tr>
          <DateCell m={m} on={x.respondedOn} />
          <RequestOf m={m} names={names} x={x} />
          <td>{providerName(names, x.provider)}</td>
          <td>{m.list(x.items.map((n) => m.number(n)))}</td>
        </tr>
      ))}
    />
    <Part
      m={m}
      id="q-matches"
      title={m.t('assistance.out.q.matches')}
      count={m.t('assistance.out.q.countMatches', { count: u.counts.matches })}
      columns={[
        'assistance.out.date',
        'assistance.out.request',
        'assistance.out.item',
        'assistance.out.offer',
        'assistance.out.matchStatus',
      ]}
      rows={u.matches.map((x) => (
        <tr>
          <DateCell m={m} on={x.statusOn} />
          <RequestOf m={m} names={names} x={x} />
          <td>{m.number(x.item)}</td>
          <td>{m.t('assistance.out.offerOf', { offer: x.offerTitle, provider: providerName(names, x.provider) })}</td>
          <td>{matchStatusLabel(m, x.status)}</td>
        </tr>
      ))}
    />
    <Part
      m={m}
      id="q-offers"
      title={m.t('assistance.out.q.offers')}
      count={m.t('assistance.out.q.countOffers', { count: u.counts.offers })}
      columns={['assistance.out.q.recordedOn', 'assistance.out.offer', 'assistance.out.provider', 'assistance.out.terms']}
      rows={u.offers.map((o) => (
        <tr>
          <DateCell m={m} on={o.recordedOn} />
          <th scope="row">
            <a href={`/${m.locale}/assistance/offers/${o.id}`}>{o.title}</a>
          </th>
          <td>{providerName(names, o.provider)}</td>
          <td>{m.t('assistance.out.offerTerms', { areas: codeList(m, 'area', o.areas), kinds: codeList(m, 'kind', o.kinds) })}</td>
        </tr>
      ))}
    />
  </>
);
