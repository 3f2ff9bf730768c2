import type { FC } from 'hono/jsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { FilterForm, SelectField } from '../../platform/ui/forms.tsx';
import { RecordActions } from '../../platform/ui/record-actions.tsx';
import { ListTable } from '../../platform/ui/tables.tsx';
import { sourceLabel } from '../reports/index.ts';
import { bodyLabel, groupName, kindLabel, levelLabel, type Names } from './labels.ts';
import type { MeetingView } from './present.ts';
import type { ItemRow, WorkingGroupRow } from './queries.ts';
import { meetingKinds } from './schema.ts';

export interface MeetingListFilters {
  year: string;
  kind: string;
  body: string;
  /** A State concerned or taking part (ISO3), an organization taking part (its code). */
  state: string;
  organization: string;
}

/** A meeting's title as the viewer may see it: the whole record's, or only its kind (a fact). */
export const meetingTitle = (m: Messages, v: MeetingView) => (v.full ? v.meeting.title : kindLabel(m, v.meeting.kind));

export const MeetingList: FC<{
  m: Messages;
  meetings: MeetingView[];
  total: number;
  groups: WorkingGroupRow[];
  filters: MeetingListFilters;
  years: number[];
  /** The States and organizations to filter by, as the viewer may see them. */
  names: Names;
  mayCreate: boolean;
}> = ({ m, meetings, total, groups, filters, years, names, mayCreate }) => {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const byName = (map: Map<string, string>) => [...map].sort((a, b) => m.compare(a[1], b[1])).map(([value, label]) => ({ value, label }));
  return (
    <>
      <p>
        <a href={`/${m.locale}/committee`}>{m.t('meetings.hub.title')}</a>
        {mayCreate && (
          <>
            {' · '}
            <a href={`/${m.locale}/committee/meetings/new`}>{m.t('meetings.new')}</a>
          </>
        )}
      </p>
      <FilterForm submit={m.t('meetings.filter')}>
        <SelectField
          name="year"
          id="meetings-year"
          label={m.t('meetings.year')}
          all={m.t('meetings.allYears')}
          value={filters.year}
          options={years.map((y) => ({ value: String(y), label: y }))}
        />
        <SelectField
          name="kind"
          id="meetings-kind"
          label={m.t('meetings.kindField')}
          all={m.t('meetings.allKinds')}
          value={filters.kind}
          options={meetingKinds.map((k) => ({ value: k, label: kindLabel(m, k) }))}
        />
        <SelectField
          name="body"
          id="meetings-body"
          label={m.t('meetings.bodyField')}
          all={m.t('meetings.allBodies')}
          value={filters.body}
          options={[
            { value: 'committee', label: m.t('meetings.body.committee') },
            { value: 'council', label: m.t('meetings.body.council') },
            ...groups.map((g) => ({ value: g.code, label: groupName(m, g) })),
          ]}
        />
        <SelectField
          name="state"
          id="meetings-state"
          label={m.t('meetings.filterState')}
          all={m.t('meetings.allStates')}
          value={filters.state}
          options={byName(names.states)}
        />
        <SelectField
          name="organization"
          id="meetings-organization"
          label={m.t('meetings.filterOrganization')}
          all={m.t('meetings.allOrganizations')}
          value={filters.organization}
          options={byName(names.organizations)}
        />
      </FilterForm>
      <p role="status" class="count">
        {m.t('meetings.count', { count: total })}
      </p>
      {meetings.length ? (
        <ListTable
          id="meetings"
          caption={m.t('meetings.title')}
          columns={[m.t('meetings.heldOn'), m.t('meetings.kindField'), m.t('meetings.bodyField'), m.t('meetings.titleField')]}
        >
          {meetings.map((v) => (
            <tr>
              <td>
                <time datetime={v.meeting.held_on}>{m.date(v.meeting.held_on, 'medium')}</time>
              </td>
              <td>{kindLabel(m, v.meeting.kind)}</td>
              <td>{bodyLabel(m, v.meeting.kind, v.meeting.working_group_id, byId)}</td>
              <th scope="row">
                <a href={`/${m.locale}/committee/meetings/${v.meeting.id}`}>{v.full ? v.meeting.title : m.t('meetings.factOnly')}</a>
              </th>
            </tr>
          ))}
        </ListTable>
      ) : (
        <p>{m.t('meetings.none')}</p>
      )}
    </>
  );
};

const Codes: FC<{ m: Messages; codes: string[]; names: Map<string, string>; path: string }> = ({ m, codes, names, path }) => (
  <ul class="columns">
    {codes.map((c) => (
      <li>
        <a href={`/${m.locale}/${path}/${c}`}>{names.get(c) ?? c}</a>
      </li>
    ))}
  </ul>
);

/** A meeting: the fact (for a reader who may not see the record) or the whole record. */
export const MeetingDetail: FC<{
  m: Messages;
  view: MeetingView;
  groups: WorkingGroupRow[];
  names: Names;
  items: ItemRow[];
  actions: { edit: boolean; archive: boolean; history: boolean };
  csrfToken: string;
}> = ({ m, view, groups, names, items, actions, csrfToken }) => {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const base = `/${m.locale}/committee/meetings/${view.meeting.id}`;
  const facts = (
    <>
      <dt>{m.t('meetings.heldOn')}</dt>
      <dd>
        <time datetime={view.meeting.held_on}>{m.date(view.meeting.held_on)}</time>
      </dd>
      <dt>{m.t('meetings.kindField')}</dt>
      <dd>{kindLabel(m, view.meeting.kind)}</dd>
      <dt>{m.t('meetings.bodyField')}</dt>
      <dd>{bodyLabel(m, view.meeting.kind, view.meeting.working_group_id, byId)}</dd>
    </>
  );
  if (!view.full)
    return (
      <>
        <dl class="facts">{facts}</dl>
        <p class="notice">{m.t('meetings.factNotice')}</p>
        <p>
          <a href={`/${m.locale}/committee/meetings`}>{m.t('meetings.title')}</a>
        </p>
      </>
    );
  const { meeting: r, states, organizations, documents } = view;
  return (
    <>
      {r.archived_at && (
        <p class="notice" role="status">
          {m.t('record.archived', { date: m.date(r.archived_at) })}
        </p>
      )}
      <dl class="facts">
        {facts}
        {r.chair && (
          <>
            <dt>{m.t('meetings.chair')}</dt>
            <dd>{r.chair}</dd>
          </>
        )}
        <dt>{m.t('meetings.confidentiality')}</dt>
        <dd>{levelLabel(m, r.confidentiality)}</dd>
        <dt>{m.t('meetings.source')}</dt>
        <dd>{sourceLabel(m, r.source)}</dd>
      </dl>
      {(states.length > 0 || organizations.length > 0 || r.participants_other) && (
        <>
          <h2>{m.t('meetings.participants')}</h2>
          {states.length > 0 && <Codes m={m} codes={states} names={names.states} path="states" />}
          {organizations.length > 0 && <Codes m={m} codes={organizations} names={names.organizations} path="organizations" />}
          {r.participants_other && <p>{r.participants_other}</p>}
        </>
      )}
      {r.agenda.length > 0 && (
        <>
          <h2>{m.t('meetings.agenda')}</h2>
          <ol>
            {r.agenda.map((a) => (
              <li>{a}</li>
            ))}
          </ol>
        </>
      )}
      {r.outcome && (
        <>
          <h2>{m.t('meetings.outcome')}</h2>
          {r.outcome
            .split(/\n+/)
            .filter((l) => l.trim())
            .map((l) => (
              <p>{l}</p>
            ))}
        </>
      )}
      {documents.length > 0 && (
        <>
          <h2>{m.t('meetings.documents')}</h2>
          <ul>
            {documents.map((d) => (
              <li>
                <a href={`/${m.locale}/documents/${d.id}`} lang={d.language}>
                  {d.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {items.length > 0 && (
        <>
          <h2>{m.t('meetings.carriesOut')}</h2>
          <ul>
            {items.map((i) => (
              <li>
                <a href={`/${m.locale}/committee/programme/items/${i.id}`}>
                  {i.reference} — {i.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="help">{m.t('meetings.linkHint', { id: r.id })}</p>
      {(actions.edit || actions.archive || actions.history) && (
        <RecordActions
          m={m}
          base={base}
          archived={r.archived_at !== null}
          version={r.row_version}
          csrfToken={csrfToken}
          actions={actions}
        />
      )}
    </>
  );
};
