import type { FC } from 'hono/jsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { FilterForm, SelectField } from '../../platform/ui/forms.tsx';
import { RecordActions } from '../../platform/ui/record-actions.tsx';
import { ListTable } from '../../platform/ui/tables.tsx';
import { sourceLabel } from '../reports/index.ts';
import { groupName, type Names } from './labels.ts';
import type { CoordinatorRow, WorkingGroupRow } from './queries.ts';

const Period: FC<{ m: Messages; c: CoordinatorRow }> = ({ m, c }) => (
  <>
    <time datetime={c.started_on}>{m.date(c.started_on, 'medium')}</time> –{' '}
    {c.ended_on ? <time datetime={c.ended_on}>{m.date(c.ended_on, 'medium')}</time> : m.t('meetings.ongoing')}
  </>
);

/** The working groups, their coordinators as at today, and their meetings in the year chosen. */
export const GroupList: FC<{
  m: Messages;
  groups: WorkingGroupRow[];
  current: Map<string, CoordinatorRow | undefined>;
  counts: Map<string, number>;
  year: number;
  years: number[];
  names: Names;
  mayCreate: boolean;
}> = ({ m, groups, current, counts, year, years, names, mayCreate }) => (
  <>
    <p>
      <a href={`/${m.locale}/committee`}>{m.t('meetings.hub.title')}</a>
      {mayCreate && (
        <>
          {' · '}
          <a href={`/${m.locale}/committee/working-groups/new`}>{m.t('meetings.group.new')}</a>
        </>
      )}
    </p>
    <FilterForm submit={m.t('meetings.filter')}>
      <SelectField
        name="year"
        id="groups-year"
        label={m.t('meetings.year')}
        all={String(year)}
        value=""
        options={years.filter((y) => y !== year).map((y) => ({ value: String(y), label: y }))}
      />
    </FilterForm>
    <ListTable
      id="working-groups"
      caption={m.t('meetings.group.caption', { year })}
      columns={[m.t('meetings.group.name'), m.t('meetings.group.coordinator'), m.t('meetings.group.meetings', { year })]}
    >
      {groups.map((g) => {
        const c = current.get(g.id);
        return (
          <tr>
            <th scope="row">
              <a href={`/${m.locale}/committee/working-groups/${g.code}`}>{groupName(m, g)}</a>
            </th>
            <td>{c ? `${c.person} (${names.states.get(c.state_iso3) ?? c.state_iso3})` : '—'}</td>
            <td>
              <a href={`/${m.locale}/committee/meetings?year=${year}&body=${g.code}`}>{counts.get(g.id) ?? 0}</a>
            </td>
          </tr>
        );
      })}
    </ListTable>
    <p class="help">{m.t('meetings.group.definition')}</p>
  </>
);

/** A working group: its names, coordinators, meetings per year. */
export const GroupDetail: FC<{
  m: Messages;
  group: WorkingGroupRow;
  coordinators: CoordinatorRow[];
  perYear: { year: number; meetings: number }[];
  names: Names;
  actions: { edit: boolean; archive: boolean; history: boolean; addCoordinator: boolean; editCoordinators: boolean };
  csrfToken: string;
}> = ({ m, group: g, coordinators, perYear, names, actions, csrfToken }) => {
  const base = `/${m.locale}/committee/working-groups/${g.code}`;
  return (
    <>
      {g.archived_at && (
        <p class="notice" role="status">
          {m.t('record.archived', { date: m.date(g.archived_at) })}
        </p>
      )}
      <p>
        <a href={`/${m.locale}/committee/working-groups`}>{m.t('meetings.groups.title')}</a>
      </p>
      <h2>{m.t('meetings.group.coordinators')}</h2>
      {coordinators.length ? (
        <ListTable
          id="coordinators"
          caption={m.t('meetings.group.coordinators')}
          columns={[m.t('meetings.group.person'), m.t('meetings.state'), m.t('meetings.group.period'), m.t('meetings.source'), '']}
        >
          {coordinators.map((c) => (
            <tr>
              <th scope="row">{c.person}</th>
              <td>
                <a href={`/${m.locale}/states/${c.state_iso3}`}>{names.states.get(c.state_iso3) ?? c.state_iso3}</a>
              </td>
              <td>
                <Period m={m} c={c} />
              </td>
              <td>{sourceLabel(m, c.source)}</td>
              <td>{actions.editCoordinators && <a href={`/${m.locale}/committee/coordinators/${c.id}`}>{m.t('meetings.open')}</a>}</td>
            </tr>
          ))}
        </ListTable>
      ) : (
        <p>{m.t('meetings.group.noCoordinator')}</p>
      )}
      {actions.addCoordinator && !g.archived_at && (
        <p>
          <a href={`${base}/coordinators/new`}>{m.t('meetings.group.addCoordinator')}</a>
        </p>
      )}
      <h2>{m.t('meetings.group.perYear')}</h2>
      {perYear.length ? (
        <ListTable id="group-meetings" caption={m.t('meetings.group.perYear')} columns={[m.t('meetings.year'), m.t('meetings.title')]}>
          {perYear.map((p) => (
            <tr>
              <th scope="row">{p.year}</th>
              <td>
                <a href={`/${m.locale}/committee/meetings?year=${p.year}&body=${g.code}`}>{p.meetings}</a>
              </td>
            </tr>
          ))}
        </ListTable>
      ) : (
        <p>{m.t('meetings.none')}</p>
      )}
      <dl class="facts">
        <dt>{m.t('meetings.group.code')}</dt>
        <dd dir="ltr">{g.code}</dd>
        <dt>{m.t('meetings.source')}</dt>
        <dd>{sourceLabel(m, g.source)}</dd>
      </dl>
      {(actions.edit || actions.archive || actions.history) && (
        <RecordActions
          m={m}
          base={base}
          archived={g.archived_at !== null}
          version={g.row_version}
          csrfToken={csrfToken}
          actions={actions}
        />
      )}
    </>
  );
};

/** A coordinator's period, with what the reader may do. */
export const CoordinatorDetail: FC<{
  m: Messages;
  coordinator: CoordinatorRow;
  group: WorkingGroupRow;
  names: Names;
  actions: { edit: boolean; archive: boolean; history: boolean };
  csrfToken: string;
}> = ({ m, coordinator: c, group, names, actions, csrfToken }) => (
  <>
    {c.archived_at && (
      <p class="notice" role="status">
        {m.t('record.archived', { date: m.date(c.archived_at) })}
      </p>
    )}
    <dl class="facts">
      <dt>{m.t('meetings.workingGroup')}</dt>
      <dd>
        <a href={`/${m.locale}/committee/working-groups/${group.code}`}>{groupName(m, group)}</a>
      </dd>
      <dt>{m.t('meetings.group.person')}</dt>
      <dd>{c.person}</dd>
      <dt>{m.t('meetings.state')}</dt>
      <dd>{names.states.get(c.state_iso3) ?? c.state_iso3}</dd>
      <dt>{m.t('meetings.group.period')}</dt>
      <dd>
        <Period m={m} c={c} />
      </dd>
    </dl>
    <RecordActions
      m={m}
      base={`/${m.locale}/committee/coordinators/${c.id}`}
      archived={c.archived_at !== null}
      version={c.row_version}
      csrfToken={csrfToken}
      actions={actions}
    />
  </>
);
