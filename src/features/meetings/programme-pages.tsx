import type { FC } from 'hono/jsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { RecordActions } from '../../platform/ui/record-actions.tsx';
import { ListTable } from '../../platform/ui/tables.tsx';
import { sourceLabel } from '../reports/index.ts';
import type { LinkedRecord } from './figures.ts';
import { itemProgress } from './figures.ts';
import { areaLabel, statusLabel } from './labels.ts';
import type { ItemRow, ProgrammeRow } from './queries.ts';
import { programmeAreas } from './schema.ts';

const Period: FC<{ m: Messages; p: ProgrammeRow }> = ({ m, p }) => (
  <>
    <time datetime={p.started_on}>{m.date(p.started_on)}</time> – <time datetime={p.ended_on}>{m.date(p.ended_on)}</time>
  </>
);

export const ProgrammeList: FC<{ m: Messages; programmes: ProgrammeRow[]; mayCreate: boolean }> = ({ m, programmes, mayCreate }) => (
  <>
    <p>
      <a href={`/${m.locale}/committee`}>{m.t('meetings.hub.title')}</a>
      {mayCreate && (
        <>
          {' · '}
          <a href={`/${m.locale}/committee/programme/new`}>{m.t('meetings.programme.new')}</a>
        </>
      )}
    </p>
    {programmes.length ? (
      <ListTable
        id="programmes"
        caption={m.t('meetings.programme.title')}
        columns={[
          m.t('meetings.programme.number'),
          m.t('meetings.programme.symbol'),
          m.t('meetings.programme.period'),
          m.t('meetings.programme.cutoff'),
        ]}
      >
        {programmes.map((p) => (
          <tr>
            <th scope="row">
              <a href={`/${m.locale}/committee/programme/${p.number}`}>{m.t('meetings.programme.ordinal', { number: p.number })}</a>
            </th>
            <td dir="ltr">{p.symbol}</td>
            <td>
              <Period m={m} p={p} />
            </td>
            <td>{p.review_cutoff_on ? <time datetime={p.review_cutoff_on}>{m.date(p.review_cutoff_on)}</time> : '—'}</td>
          </tr>
        ))}
      </ListTable>
    ) : (
      <p>{m.t('meetings.programme.none')}</p>
    )}
  </>
);

/** Where a linked record is read, for the kinds whose pages are known. */
export function recordHref(m: Messages, l: { recordType: string; recordId: string }): string | null {
  const paths: Record<string, string> = {
    meeting: 'committee/meetings',
    visit: 'visits',
    course: 'courses',
    letter: 'letters',
    document: 'documents',
    'assistance-request': 'assistance/requests',
  };
  const path = paths[l.recordType];
  return path ? `/${m.locale}/${path}/${l.recordId}` : null;
}

const Progress: FC<{ m: Messages; links: LinkedRecord[] }> = ({ m, links }) => {
  const p = itemProgress(links);
  if (!p.total) return <>{m.t('meetings.programme.noRecords')}</>;
  return (
    <>
      {m.t('meetings.programme.records', { count: p.total })}
      {p.lastDate && (
        <>
          {' · '}
          {m.t('meetings.programme.lastOn', { date: m.date(p.lastDate, 'medium') })}
        </>
      )}
    </>
  );
};

/** A programme of work: its period and symbol, the review's cut-off, its items by area with their progress. */
export const ProgrammeDetail: FC<{
  m: Messages;
  programme: ProgrammeRow;
  items: { item: ItemRow; links: LinkedRecord[] }[];
  actions: { edit: boolean; archive: boolean; history: boolean; addItem: boolean };
  csrfToken: string;
}> = ({ m, programme: p, items, actions, csrfToken }) => {
  const base = `/${m.locale}/committee/programme/${p.number}`;
  return (
    <>
      {p.archived_at && (
        <p class="notice" role="status">
          {m.t('record.archived', { date: m.date(p.archived_at) })}
        </p>
      )}
      <dl class="facts">
        <dt>{m.t('meetings.programme.symbol')}</dt>
        <dd dir="ltr">{p.symbol || '—'}</dd>
        <dt>{m.t('meetings.programme.period')}</dt>
        <dd>
          <Period m={m} p={p} />
        </dd>
        <dt>{m.t('meetings.programme.cutoff')}</dt>
        <dd>{p.review_cutoff_on ? <time datetime={p.review_cutoff_on}>{m.date(p.review_cutoff_on)}</time> : '—'}</dd>
        <dt>{m.t('meetings.source')}</dt>
        <dd>{sourceLabel(m, p.source)}</dd>
      </dl>
      {programmeAreas.map((area) => {
        const here = items.filter((i) => i.item.area === area);
        return here.length ? (
          <ListTable
            id={`items-${area}`}
            caption={areaLabel(m, area)}
            columns={[
              m.t('meetings.programme.reference'),
              m.t('meetings.programme.item'),
              m.t('meetings.programme.status'),
              m.t('meetings.programme.progress'),
            ]}
          >
            {here.map(({ item, links }) => (
              <tr>
                <td dir="ltr">{item.reference}</td>
                <th scope="row">
                  <a href={`/${m.locale}/committee/programme/items/${item.id}`}>{item.title}</a>
                </th>
                <td>{statusLabel(m, item.status)}</td>
                <td>
                  <Progress m={m} links={links} />
                </td>
              </tr>
            ))}
          </ListTable>
        ) : null;
      })}
      {!items.length && <p>{m.t('meetings.programme.noItems')}</p>}
      {actions.addItem && !p.archived_at && (
        <p>
          <a href={`${base}/items/new`}>{m.t('meetings.programme.addItem')}</a>
        </p>
      )}
      <p>
        <a href={`/${m.locale}/committee/programme`}>{m.t('meetings.programme.title')}</a>
      </p>
      {(actions.edit || actions.archive || actions.history) && (
        <RecordActions
          m={m}
          base={base}
          archived={p.archived_at !== null}
          version={p.row_version}
          csrfToken={csrfToken}
          actions={actions}
        />
      )}
    </>
  );
};

/** An item of a programme and its progress: the records that carry it out, as far as the reader may see them. */
export const ItemDetail: FC<{
  m: Messages;
  item: ItemRow;
  programme: ProgrammeRow;
  links: (LinkedRecord & { label: string })[];
  actions: { edit: boolean; archive: boolean; history: boolean };
  csrfToken: string;
}> = ({ m, item, programme, links, actions, csrfToken }) => {
  const byType = itemProgress(links).byType;
  return (
    <>
      {item.archived_at && (
        <p class="notice" role="status">
          {m.t('record.archived', { date: m.date(item.archived_at) })}
        </p>
      )}
      <dl class="facts">
        <dt>{m.t('meetings.programme.title')}</dt>
        <dd>
          <a href={`/${m.locale}/committee/programme/${programme.number}`}>
            {m.t('meetings.programme.ordinal', { number: programme.number })}
          </a>
        </dd>
        <dt>{m.t('meetings.programme.reference')}</dt>
        <dd dir="ltr">{item.reference}</dd>
        <dt>{m.t('meetings.programme.area')}</dt>
        <dd>{areaLabel(m, item.area)}</dd>
        <dt>{m.t('meetings.programme.status')}</dt>
        <dd>{statusLabel(m, item.status)}</dd>
        <dt>{m.t('meetings.programme.progress')}</dt>
        <dd>
          <Progress m={m} links={links} />
          {Object.keys(byType).length > 0 &&
            ` (${Object.entries(byType)
              .map(([t, n]) => `${t}: ${n}`)
              .join(', ')})`}
        </dd>
      </dl>
      <h2>{m.t('meetings.programme.carriedOutBy')}</h2>
      {links.length ? (
        <ul>
          {links.map((l) => {
            const href = recordHref(m, l);
            return (
              <li>
                {l.dated && (
                  <>
                    <time datetime={l.dated}>{m.date(l.dated, 'medium')}</time>{' '}
                  </>
                )}
                {href ? <a href={href}>{l.label}</a> : l.label}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{m.t('meetings.programme.noRecords')}</p>
      )}
      <p class="help">{m.t('meetings.programme.linkHelp')}</p>
      {(actions.edit || actions.archive || actions.history) && (
        <RecordActions
          m={m}
          base={`/${m.locale}/committee/programme/items/${item.id}`}
          archived={item.archived_at !== null}
          version={item.row_version}
          csrfToken={csrfToken}
          actions={actions}
        />
      )}
    </>
  );
};
