import type { FC } from 'hono/jsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { FilterForm } from '../../platform/ui/forms.tsx';
import { ListTable } from '../../platform/ui/tables.tsx';
import { ActivityList } from './kinds.tsx';
import type { Names } from './names.ts';
import type { AppointmentRow, ContributionRow, DonorRow, GrantRow, TrustFund } from './queries.ts';

// The two lists: the people of the Committee (public in part) and the trust fund (the Committee side's).

type Key = Parameters<Messages['t']>[0];
const key = (k: string) => k as Key;

const Period: FC<{ m: Messages; a: AppointmentRow }> = ({ m, a }) => (
  <>
    <td>{m.date(a.starts_on)}</td>
    <td>{a.ends_on ? m.date(a.ends_on) : m.t('administration.inOffice')}</td>
  </>
);

const People: FC<{ m: Messages; id: string; heading: Key; rows: AppointmentRow[]; names: Names; withRole?: boolean }> = ({
  m,
  id,
  heading,
  rows,
  names,
  withRole,
}) => (
  <>
    <h2 id={id}>{m.t(heading)}</h2>
    {rows.length ? (
      <ListTable
        id={`${id}-table`}
        caption={m.t(heading)}
        columns={[
          ...(withRole ? [m.t('administration.role')] : []),
          m.t('administration.person'),
          withRole ? m.t('administration.represents') : m.t('administration.nationality'),
          m.t('administration.from'),
          m.t('administration.to'),
        ]}
      >
        {rows.map((a) => (
          <tr>
            {withRole && <td>{m.t(key(`administration.role.${a.role}`))}</td>}
            <td>
              <a href={`/${m.locale}/committee/people/${a.id}`}>{a.person_name || m.t('administration.unnamed')}</a>
            </td>
            <td>{names.state(a.state_iso3)}</td>
            <Period m={m} a={a} />
          </tr>
        ))}
      </ListTable>
    ) : (
      <p>{m.t('administration.none')}</p>
    )}
  </>
);

const ArchivedLinks: FC<{ m: Messages; links: { href: string; label: string }[] }> = ({ m, links }) =>
  links.length ? (
    <>
      <h2 id="archived">{m.t('administration.archived')}</h2>
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </>
  ) : null;

export interface PeopleProps {
  m: Messages;
  names: Names;
  appointments: AppointmentRow[];
  archived: AppointmentRow[];
  year: number;
  date: string;
  newExperts: number;
  chair: AppointmentRow | null;
  newHref: string | null;
}

export const PeoplePage: FC<PeopleProps> = ({ m, names, appointments, archived, year, date, newExperts, chair, newHref }) => (
  <>
    <p>{m.t('administration.peopleRule')}</p>
    {newHref && (
      <p class="actions">
        <a href={newHref}>{m.t('administration.newAppointment')}</a>
      </p>
    )}
    <h2 id="figures">{m.t('administration.figures')}</h2>
    <FilterForm submit={m.t('administration.show')} label={m.t('administration.figures')}>
      <div class="field">
        <label for="year">{m.t('administration.year')}</label>
        <input id="year" name="year" inputmode="numeric" value={String(year)} />
      </div>
      <div class="field">
        <label for="date">{m.t('administration.date')}</label>
        <input id="date" name="date" type="date" value={date} />
      </div>
    </FilterForm>
    <ul>
      <li>{m.t('administration.newExperts', { count: newExperts, year: String(year) })}</li>
      <li>
        {chair
          ? m.t('administration.chairOn', { date: m.date(date), name: chair.person_name, state: names.state(chair.state_iso3) })
          : m.t('administration.noChairOn', { date: m.date(date) })}
      </li>
    </ul>
    <People
      m={m}
      id="chairs"
      heading="administration.chairs"
      rows={appointments.filter((a) => a.role === 'chair' || a.role === 'vice-chair')}
      names={names}
      withRole
    />
    <People m={m} id="experts" heading="administration.experts" rows={appointments.filter((a) => a.role === 'expert')} names={names} />
    <People
      m={m}
      id="coordinators"
      heading="administration.coordinators"
      rows={appointments.filter((a) => a.role === 'coordinator')}
      names={names}
    />
    <ArchivedLinks
      m={m}
      links={archived.map((a) => ({
        href: `/${m.locale}/committee/people/${a.id}`,
        label: `${m.t(key(`administration.role.${a.role}`))}: ${a.person_name || names.state(a.state_iso3)}`,
      }))}
    />
  </>
);

export interface TrustFundProps {
  m: Messages;
  names: Names;
  fund: TrustFund;
  archived: TrustFund;
  year: number;
  used: string[];
  contributed: string[];
  mayCreate: boolean;
}

const amount = (m: Messages, r: ContributionRow | GrantRow) =>
  r.amount === null ? '—' : `${m.number(Number(r.amount))} ${r.currency ?? ''}`;

export const TrustFundPage: FC<TrustFundProps> = ({ m, names, fund, archived, year, used, contributed, mayCreate }) => {
  const base = `/${m.locale}/committee/trust-fund`;
  const list = (items: string[]) => (items.length ? m.list(items) : m.t('administration.noneList'));
  const contributionsOf = (d: DonorRow) => fund.contributions.filter((c) => c.donor_id === d.id);
  return (
    <>
      <p>{m.t('administration.trustFundIntro')}</p>
      {mayCreate && (
        <p class="actions">
          <a href={`${base}/donors/new`}>{m.t('administration.newDonor')}</a>
          <a href={`${base}/contributions/new`}>{m.t('administration.newContribution')}</a>
          <a href={`${base}/grants/new`}>{m.t('administration.newGrant')}</a>
        </p>
      )}
      <h2 id="figures">{m.t('administration.figures')}</h2>
      <FilterForm submit={m.t('administration.show')} label={m.t('administration.figures')}>
        <div class="field">
          <label for="year">{m.t('administration.year')}</label>
          <input id="year" name="year" inputmode="numeric" value={String(year)} />
        </div>
      </FilterForm>
      <ul>
        <li>{m.t('administration.grantsUsed', { year: String(year), count: used.length, list: list(used) })}</li>
        <li>{m.t('administration.newContributions', { year: String(year), count: contributed.length, list: list(contributed) })}</li>
      </ul>
      <h2 id="donors">{m.t('administration.donors')}</h2>
      <ListTable
        id="donors-table"
        caption={m.t('administration.donors')}
        columns={[m.t('administration.donor'), m.t('administration.donorKind'), m.t('administration.contributions')]}
      >
        {fund.donors.map((d) => (
          <tr>
            <td>
              <a href={`${base}/donors/${d.id}`}>{names.donor(d.id)}</a>
            </td>
            <td>{m.t(key(`administration.donorKind.${d.donor_kind}`))}</td>
            <td>
              {contributionsOf(d).map((c, i) => (
                <>
                  {i > 0 && ', '}
                  <a href={`${base}/contributions/${c.id}`}>{String(c.year)}</a>
                </>
              ))}
            </td>
          </tr>
        ))}
      </ListTable>
      <h2 id="grants">{m.t('administration.grants')}</h2>
      <ListTable
        id="grants-table"
        caption={m.t('administration.grants')}
        columns={[
          m.t('administration.contribution'),
          m.t('administration.usedInYear'),
          m.t('administration.purpose'),
          m.t('administration.amount'),
          m.t('administration.activities'),
        ]}
      >
        {fund.grants.map((g) => (
          <tr>
            <td>{names.contribution(g.contribution_id)}</td>
            <td>{String(g.used_in_year)}</td>
            <td>
              <a href={`${base}/grants/${g.id}`}>{g.purpose}</a>
            </td>
            <td>{amount(m, g)}</td>
            <td>
              <ActivityList m={m} activities={g.activities} />
            </td>
          </tr>
        ))}
      </ListTable>
      <ArchivedLinks
        m={m}
        links={[
          ...archived.donors.map((d) => ({
            href: `${base}/donors/${d.id}`,
            label: `${m.t('administration.donor')}: ${d.state_iso3 ?? d.organization_code}`,
          })),
          ...archived.contributions.map((c) => ({
            href: `${base}/contributions/${c.id}`,
            label: `${m.t('administration.contribution')}: ${names.contribution(c.id)}`,
          })),
          ...archived.grants.map((g) => ({ href: `${base}/grants/${g.id}`, label: `${m.t('administration.grant')}: ${g.purpose}` })),
        ]}
      />
    </>
  );
};
