// The consolidated list as a page: every request with its items, responses and matches, filtered.
import type { FC } from 'hono/jsx';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import { RequestFilterForm } from '../form-parts.tsx';
import { TableRegion } from '../../../platform/ui/tables.tsx';
import { type Names, stateName } from '../labels.ts';
import { flagLine, itemTerms, itemText, matchText, responseText, statusSince, yesNo } from './words.ts';
import { Head, Lines, OutputLinks, Received } from './output-parts.tsx';
import type { ConsolidatedList, ListRequest } from './list.ts';

export interface ListPageFilters {
  state: string;
  year: string;
  status: string;
}

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
                {/* The item's own direction (English text on an Arabic page stays left to right, "1." first) */}
                <span dir="auto">{itemText(m, i)}</span>
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
      <RequestFilterForm
        m={m}
        names={names}
        years={years}
        filters={filters}
        prefix="out"
        words={{
          submit: m.t('assistance.out.show'),
          state: m.t('assistance.out.state'),
          allStates: m.t('assistance.out.allStates'),
          year: m.t('assistance.out.year'),
          allYears: m.t('assistance.out.allYears'),
          status: m.t('assistance.out.status'),
          allStatuses: m.t('assistance.out.allStatuses'),
        }}
      />
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
