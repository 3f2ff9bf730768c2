import type { Child } from 'hono/jsx';
import type { Writer } from '../../platform/bundle/record-section.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import type { RecordType, Resource } from '../../platform/policy/policy.ts';
import {
  createAppointment,
  createContribution,
  createDonor,
  createGrant,
  setAppointmentArchived,
  setContributionArchived,
  setDonorArchived,
  setGrantArchived,
  updateAppointment,
  updateContribution,
  updateDonor,
  updateGrant,
} from './commands.ts';
import type { FieldSpec, FormValues } from './forms.tsx';
import type { Names } from './names.ts';
import { appointmentRecord, contributionRecord, donorRecord, grantRecord } from './present.ts';
import {
  type AppointmentRow,
  appointmentResource,
  type ContributionRow,
  contributionResource,
  type Db,
  type DonorRow,
  donorResource,
  findAppointment,
  findContribution,
  findDonor,
  findGrant,
  type GrantRow,
  grantResource,
} from './queries.ts';
import { appointmentLevels, appointmentRoles, donorKinds, type GrantActivity } from './schema.ts';

/*
 * What the pages of each record kind do their own way: where they live, their title, facts,
 * form fields and the form's values; the rest (new, page, edit, archive, restore, history) is
 * record-routes.tsx, alike for all four.
 */

export type AdminMessage = Parameters<Messages['t']>[0];
const key = (k: string) => k as AdminMessage;

export interface PageKind<R extends { id: string; row_version: number; archived_at: Date | null }> {
  /** Its pages: `/{lang}{path}/{id}`. */
  path: string;
  /** The list it belongs to. */
  list: string;
  type: RecordType;
  find(db: Db, id: string): Promise<R | undefined>;
  resource(row: R): Resource;
  title(m: Messages, row: R, names: Names): string;
  newTitle: AdminMessage;
  editTitle: AdminMessage;
  /** Whether its forms and page need the trust fund's donors and contributions named. */
  fund: boolean;
  blank: FormValues;
  formOf(row: R): FormValues;
  inputOf(values: FormValues): object;
  fields(m: Messages, names: Names): FieldSpec[];
  facts(m: Messages, row: R, names: Names): [string, Child][];
  create(db: Db, by: Writer | null, input: object): Promise<R>;
  update(db: Db, by: Writer | null, id: string, version: number, input: object): Promise<R>;
  setArchived(db: Db, by: Writer | null, id: string, version: number, archived: boolean): Promise<R>;
}

/** A stored record as its form shows it: every value a string, the row version as `version`. */
function valuesOf(record: Record<string, unknown>, blank: FormValues): FormValues {
  return Object.fromEntries(
    Object.keys(blank).map((k) => {
      const v = k === 'version' ? record.rowVersion : record[k];
      return [k, v === null || v === undefined ? '' : String(v)];
    }),
  );
}

const options = (m: Messages, prefix: string, values: readonly string[]) =>
  values.map((v) => ({ value: v, label: m.t(key(`${prefix}.${v}`)) }));
const sourceFact = (m: Messages, source: string): [string, Child] => [
  m.t('administration.source'),
  m.t(key(`administration.source.${source}`)),
];
const amountText = (m: Messages, amount: string | null, currency: string | null) =>
  amount === null ? m.t('administration.notGiven') : `${m.number(Number(amount))} ${currency?.trim() ?? ''}`;

/** Activities typed one a line: `description`, or `description | kind:id` for one linked to a record. */
export function activitiesOf(text: string): GrantActivity[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const bar = line.lastIndexOf('|');
      const link = bar >= 0 ? /^([a-z][a-z0-9-]*):(\S+)$/.exec(line.slice(bar + 1).trim()) : null;
      if (!link) return { description: line };
      return { description: line.slice(0, bar).trim(), recordType: link[1]!, recordId: link[2]! };
    });
}

export const activitiesText = (list: readonly GrantActivity[]) =>
  list.map((a) => (a.recordType ? `${a.description} | ${a.recordType}:${a.recordId}` : a.description)).join('\n');

/** Where a linked record's page is, for the kinds whose pages are known. */
const recordPaths: Record<string, string> = { visit: '/visits', course: '/courses', letter: '/letters' };

export const ActivityList = ({ m, activities }: { m: Messages; activities: readonly GrantActivity[] }) =>
  activities.length ? (
    <ul>
      {activities.map((a) => (
        <li>
          {a.description}
          {a.recordType && (
            <>
              {' · '}
              {recordPaths[a.recordType] ? (
                <a href={`/${m.locale}${recordPaths[a.recordType]}/${a.recordId}`}>{`${a.recordType}:${a.recordId}`}</a>
              ) : (
                <code>{`${a.recordType}:${a.recordId}`}</code>
              )}
            </>
          )}
        </li>
      ))}
    </ul>
  ) : (
    '—'
  );

export const appointmentPages: PageKind<AppointmentRow> = {
  path: '/committee/people',
  list: '/committee/people',
  type: 'appointment',
  find: findAppointment,
  resource: appointmentResource,
  title: (m, a) =>
    m.t('administration.appointmentTitle', { role: m.t(key(`administration.role.${a.role}`)), name: a.person_name || a.state_iso3 }),
  newTitle: 'administration.newAppointment',
  editTitle: 'administration.editAppointment',
  fund: false,
  blank: { role: 'expert', personName: '', stateIso3: '', startsOn: '', endsOn: '', note: '', confidentiality: 'public', version: '' },
  formOf: (a) => valuesOf(appointmentRecord(a), appointmentPages.blank),
  inputOf: ({ version: _v, ...v }) => v,
  fields: (m, names) => [
    { name: 'role', label: m.t('administration.role'), type: 'select', options: options(m, 'administration.role', appointmentRoles) },
    { name: 'personName', label: m.t('administration.person'), type: 'text' },
    { name: 'stateIso3', label: m.t('administration.state'), type: 'select', options: names.states, required: true },
    { name: 'startsOn', label: m.t('administration.from'), type: 'date', required: true },
    { name: 'endsOn', label: m.t('administration.to'), type: 'date' },
    { name: 'note', label: m.t('administration.note'), type: 'textarea' },
    {
      name: 'confidentiality',
      label: m.t('administration.confidentiality'),
      type: 'select',
      options: options(m, 'administration.level', appointmentLevels),
    },
  ],
  facts: (m, a, names) => [
    [m.t('administration.role'), m.t(key(`administration.role.${a.role}`))],
    [m.t('administration.person'), a.person_name || m.t('administration.unnamed')],
    [
      a.role === 'chair' || a.role === 'vice-chair' ? m.t('administration.represents') : m.t('administration.nationality'),
      names.state(a.state_iso3),
    ],
    [m.t('administration.from'), m.date(a.starts_on)],
    [m.t('administration.to'), a.ends_on ? m.date(a.ends_on) : m.t('administration.inOffice')],
    [m.t('administration.note'), a.note || '—'],
    [m.t('administration.confidentiality'), m.t(key(`administration.level.${a.confidentiality}`))],
    sourceFact(m, a.source),
  ],
  create: createAppointment,
  update: updateAppointment,
  setArchived: setAppointmentArchived,
};

export const donorPages: PageKind<DonorRow> = {
  path: '/committee/trust-fund/donors',
  list: '/committee/trust-fund',
  type: 'trust-fund-donor',
  find: findDonor,
  resource: donorResource,
  title: (_m, d, names) => names.donor(d.id),
  newTitle: 'administration.newDonor',
  editTitle: 'administration.editDonor',
  fund: true,
  blank: { donorKind: 'state', stateIso3: '', organizationCode: '', note: '', version: '' },
  formOf: (d) => valuesOf(donorRecord(d), donorPages.blank),
  inputOf: ({ version: _v, ...v }) => v,
  fields: (m, names) => [
    {
      name: 'donorKind',
      label: m.t('administration.donorKind'),
      type: 'select',
      options: options(m, 'administration.donorKind', donorKinds),
    },
    { name: 'stateIso3', label: m.t('administration.represents'), type: 'select', options: names.states, optional: true },
    { name: 'organizationCode', label: m.t('administration.organization'), type: 'select', options: names.organizations, optional: true },
    { name: 'note', label: m.t('administration.note'), type: 'textarea' },
  ],
  facts: (m, d, names) => [
    [m.t('administration.donorKind'), m.t(key(`administration.donorKind.${d.donor_kind}`))],
    [m.t('administration.donor'), names.donor(d.id)],
    [
      m.t('administration.contributions'),
      m.list(names.fund.contributions.filter((c) => c.donor_id === d.id).map((c) => String(c.year))) || '—',
    ],
    [m.t('administration.note'), d.note || '—'],
    sourceFact(m, d.source),
  ],
  create: createDonor,
  update: updateDonor,
  setArchived: setDonorArchived,
};

export const contributionPages: PageKind<ContributionRow> = {
  path: '/committee/trust-fund/contributions',
  list: '/committee/trust-fund',
  type: 'trust-fund-contribution',
  find: findContribution,
  resource: contributionResource,
  title: (m, c, names) => m.t('administration.contributionTitle', { donor: names.donor(c.donor_id), year: String(c.year) }),
  newTitle: 'administration.newContribution',
  editTitle: 'administration.editContribution',
  fund: true,
  blank: { donorId: '', year: '', amount: '', currency: '', note: '', version: '' },
  formOf: (c) => valuesOf(contributionRecord(c), contributionPages.blank),
  inputOf: ({ version: _v, ...v }) => v,
  fields: (m, names) => [
    { name: 'donorId', label: m.t('administration.donor'), type: 'select', options: names.donors, required: true },
    { name: 'year', label: m.t('administration.year'), type: 'text', required: true },
    { name: 'amount', label: m.t('administration.amount'), type: 'text' },
    { name: 'currency', label: m.t('administration.currency'), type: 'text' },
    { name: 'note', label: m.t('administration.note'), type: 'textarea' },
  ],
  facts: (m, c, names) => [
    [m.t('administration.donor'), <a href={`/${m.locale}/committee/trust-fund/donors/${c.donor_id}`}>{names.donor(c.donor_id)}</a>],
    [m.t('administration.year'), String(c.year)],
    [m.t('administration.amount'), amountText(m, c.amount, c.currency)],
    [m.t('administration.note'), c.note || '—'],
    sourceFact(m, c.source),
  ],
  create: createContribution,
  update: updateContribution,
  setArchived: setContributionArchived,
};

export const grantPages: PageKind<GrantRow> = {
  path: '/committee/trust-fund/grants',
  list: '/committee/trust-fund',
  type: 'trust-fund-grant',
  find: findGrant,
  resource: grantResource,
  title: (m, g, names) =>
    m.t('administration.grantTitle', { donor: names.donorOfContribution(g.contribution_id), year: String(g.used_in_year) }),
  newTitle: 'administration.newGrant',
  editTitle: 'administration.editGrant',
  fund: true,
  blank: { contributionId: '', usedInYear: '', purpose: '', amount: '', currency: '', activities: '', note: '', version: '' },
  formOf: (g) => ({ ...valuesOf(grantRecord(g), grantPages.blank), activities: activitiesText(grantRecord(g).activities) }),
  inputOf: ({ version: _v, activities, ...v }) => ({ ...v, activities: activitiesOf(activities ?? '') }),
  fields: (m, names) => [
    { name: 'contributionId', label: m.t('administration.contribution'), type: 'select', options: names.contributions, required: true },
    { name: 'usedInYear', label: m.t('administration.usedInYear'), type: 'text', required: true },
    { name: 'purpose', label: m.t('administration.purpose'), type: 'text', required: true },
    { name: 'amount', label: m.t('administration.amount'), type: 'text' },
    { name: 'currency', label: m.t('administration.currency'), type: 'text' },
    { name: 'activities', label: m.t('administration.activities'), type: 'textarea', help: m.t('administration.activitiesHelp') },
    { name: 'note', label: m.t('administration.note'), type: 'textarea' },
  ],
  facts: (m, g, names) => [
    [
      m.t('administration.contribution'),
      <a href={`/${m.locale}/committee/trust-fund/contributions/${g.contribution_id}`}>{names.contribution(g.contribution_id)}</a>,
    ],
    [m.t('administration.usedInYear'), String(g.used_in_year)],
    [m.t('administration.purpose'), g.purpose],
    [m.t('administration.amount'), amountText(m, g.amount, g.currency)],
    [m.t('administration.activities'), <ActivityList m={m} activities={grantRecord(g).activities} />],
    [m.t('administration.note'), g.note || '—'],
    sourceFact(m, g.source),
  ],
  create: createGrant,
  update: updateGrant,
  setArchived: setGrantArchived,
};
