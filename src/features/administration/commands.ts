import type { Insertable, Transaction, Updateable } from 'kysely';
import {
  authorizeChange,
  inTransaction,
  insertKept,
  type KeptKind,
  type KeptRow,
  type KeptTable,
  lockKept,
  putKept,
  updateKept,
  type Writer,
  writerOf,
} from '../../platform/bundle/record-section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid } from '../../platform/errors.ts';
import type { Resource } from '../../platform/policy/policy.ts';
import { overlapping } from './figures.ts';
import {
  type AppointmentData,
  appointmentFields,
  appointmentInput,
  type ContributionData,
  contributionFields,
  contributionInput,
  type DonorData,
  donorFields,
  donorInput,
  type GrantData,
  grantFields,
  grantInput,
  parseInOrder,
} from './inputs.ts';
import { appointmentRecord, contributionRecord, donorRecord, grantRecord } from './present.ts';
import {
  type AppointmentRow,
  appointmentResource,
  type ContributionRow,
  contributionResource,
  type Db,
  type DonorRow,
  donorResource,
  type GrantRow,
  grantResource,
} from './queries.ts';
import { singleHolderRoles } from './schema.ts';

/*
 * The write core of administration: every door (the forms, the API, the bundle, the demonstration
 * data) records, changes, archives and restores appointments and the trust fund's records here,
 * in one transaction with the row version, the checks (the codes and records named exist; one
 * Chair and one coordinator at a time) and the audit event. Nothing is half written: every
 * problem is found before the first write.
 */

type Trx = Transaction<DB>;
type Admin = 'appointment' | 'trust_fund_donor' | 'trust_fund_contribution' | 'trust_fund_grant';

interface Core<T extends Admin, D> {
  kind: KeptKind<T>;
  parse(input: unknown): { problems: FieldProblem[]; data?: D };
  /** The problems only the database shows: codes and records named, overlaps. */
  check(trx: Trx, data: D, selfId?: string): Promise<FieldProblem[]>;
  columns(data: D): Updateable<DB[T]>;
  resource(row: { confidentiality: string }): Resource;
  /** The stored record in the shape of the input, to merge a change into. */
  inputOf(row: KeptRow<T>): Record<string, unknown>;
}

async function stateProblem(trx: Trx, field: string, iso3: string | null): Promise<FieldProblem[]> {
  if (!iso3) return [];
  const known =
    /^[A-Z]{3}$/.test(iso3) && (await trx.selectFrom('member_state').select('iso3').where('iso3', '=', iso3).executeTakeFirst());
  return known ? [] : [{ field, problem: `${iso3.slice(0, 12)}: not a Member State (give an ISO 3166 code such as FRA)` }];
}

async function organizationProblem(trx: Trx, field: string, code: string | null): Promise<FieldProblem[]> {
  if (!code) return [];
  const known = await trx.selectFrom('organization').select('code').where('code', '=', code).executeTakeFirst();
  return known ? [] : [{ field, problem: `${code.slice(0, 40)}: not a known organization (give a code such as EU)` }];
}

const roleNoun: Record<string, string> = { chair: 'Chair', coordinator: 'coordinator' };

/** A Chair (or coordinator) whose period overlaps another's of the same role: the problem, named on startsOn. */
async function overlapProblem(
  trx: Trx,
  a: { role: string; startsOn: string; endsOn: string | null },
  selfId?: string,
): Promise<FieldProblem[]> {
  if (!(singleHolderRoles as readonly string[]).includes(a.role)) return [];
  const others = await trx
    .selectFrom('appointment')
    .select(['id', 'person_name', 'starts_on', 'ends_on'])
    .where('role', '=', a.role as AppointmentRow['role'])
    .where('archived_at', 'is', null)
    .execute();
  const clash = overlapping(
    others.map((o) => ({ id: o.id, name: o.person_name, startsOn: o.starts_on, endsOn: o.ends_on })),
    a,
    selfId,
  )[0];
  if (!clash) return [];
  return [
    {
      field: 'startsOn',
      problem: `the period overlaps that of another ${roleNoun[a.role]} (${clash.name}, ${clash.startsOn} to ${clash.endsOn ?? 'today'}): one ${roleNoun[a.role]} at a time`,
    },
  ];
}

const appointments: Core<'appointment', AppointmentData> = {
  kind: { table: 'appointment', noun: 'appointment', recordType: 'appointment', audited: appointmentRecord },
  parse: (input) => parseInOrder(appointmentInput, Object.keys(appointmentFields), input),
  check: async (trx, a, selfId) => [...(await stateProblem(trx, 'stateIso3', a.stateIso3)), ...(await overlapProblem(trx, a, selfId))],
  columns: (a) => ({
    role: a.role,
    person_name: a.personName,
    state_iso3: a.stateIso3 ?? '',
    starts_on: a.startsOn,
    ends_on: a.endsOn,
    note: a.note,
    confidentiality: a.confidentiality,
  }),
  resource: (row) => appointmentResource(row as AppointmentRow),
  inputOf: appointmentRecord,
};

const donors: Core<'trust_fund_donor', DonorData> = {
  kind: { table: 'trust_fund_donor', noun: 'donor', recordType: 'trust-fund-donor', audited: donorRecord },
  parse: (input) => parseInOrder(donorInput, Object.keys(donorFields), input),
  check: async (trx, d, selfId) => {
    const problems = [
      ...(await stateProblem(trx, 'stateIso3', d.stateIso3)),
      ...(await organizationProblem(trx, 'organizationCode', d.organizationCode)),
    ];
    if (problems.length) return problems;
    let q = trx.selectFrom('trust_fund_donor').select('id').where('archived_at', 'is', null);
    q = d.stateIso3 ? q.where('state_iso3', '=', d.stateIso3) : q.where('organization_code', '=', d.organizationCode ?? '');
    if (selfId) q = q.where('id', '<>', selfId);
    const twin = await q.executeTakeFirst();
    return twin ? [{ field: d.stateIso3 ? 'stateIso3' : 'organizationCode', problem: 'is already a donor of the trust fund' }] : [];
  },
  columns: (d) => ({ donor_kind: d.donorKind, state_iso3: d.stateIso3, organization_code: d.organizationCode, note: d.note }),
  resource: donorResource,
  inputOf: donorRecord,
};

const contributions: Core<'trust_fund_contribution', ContributionData> = {
  kind: { table: 'trust_fund_contribution', noun: 'contribution', recordType: 'trust-fund-contribution', audited: contributionRecord },
  parse: (input) => parseInOrder(contributionInput, Object.keys(contributionFields), input),
  check: async (trx, c) => {
    const donor = await trx.selectFrom('trust_fund_donor').select(['id', 'archived_at']).where('id', '=', c.donorId).executeTakeFirst();
    if (!donor) return [{ field: 'donorId', problem: `no donor has the id ${c.donorId.slice(0, 40)}` }];
    return donor.archived_at ? [{ field: 'donorId', problem: 'this donor is archived: restore it first' }] : [];
  },
  columns: (c) => ({ donor_id: c.donorId, year: c.year, amount: c.amount, currency: c.currency, note: c.note }),
  resource: contributionResource,
  inputOf: contributionRecord,
};

const grants: Core<'trust_fund_grant', GrantData> = {
  kind: { table: 'trust_fund_grant', noun: 'grant', recordType: 'trust-fund-grant', audited: grantRecord },
  parse: (input) => parseInOrder(grantInput, Object.keys(grantFields), input),
  check: async (trx, g) => {
    const c = await trx
      .selectFrom('trust_fund_contribution')
      .select(['id', 'year', 'archived_at'])
      .where('id', '=', g.contributionId)
      .executeTakeFirst();
    if (!c) return [{ field: 'contributionId', problem: `no contribution has the id ${g.contributionId.slice(0, 40)}` }];
    if (c.archived_at) return [{ field: 'contributionId', problem: 'this contribution is archived: restore it first' }];
    return g.usedInYear < c.year ? [{ field: 'usedInYear', problem: `is before the year of the contribution (${c.year})` }] : [];
  },
  columns: (g) => ({
    contribution_id: g.contributionId,
    used_in_year: g.usedInYear,
    purpose: g.purpose,
    amount: g.amount,
    currency: g.currency,
    activities: JSON.stringify(g.activities),
    note: g.note,
  }),
  resource: grantResource,
  inputOf: grantRecord,
};

/** The record's values, every field checked (in the database too), or a 422 naming each field; nothing written. */
async function valuesOf<T extends Admin, D>(trx: Trx, core: Core<T, D>, input: unknown, selfId?: string): Promise<D> {
  const { problems, data } = core.parse(input);
  if (problems.length || data === undefined) throw invalid(problems);
  const more = await core.check(trx, data, selfId);
  if (more.length) throw invalid(more);
  return data;
}

function create<T extends Admin, D extends { source: string }>(core: Core<T, D>) {
  return (db: Db, by: Writer | null, input: object): Promise<KeptRow<T>> => {
    const { actor, viewer } = writerOf(by);
    return inTransaction(db, async (trx) => {
      authorizeChange(viewer, 'create', core.resource({ confidentiality: 'committee' }), `the recording of ${core.kind.noun}s`);
      const v = await valuesOf(trx, core, input);
      const values = { ...core.columns(v), source: v.source } as Insertable<DB[T]>;
      authorizeChange(viewer, 'create', core.resource(values as never), `the recording of ${core.kind.noun}s`);
      return insertKept(trx, actor, core.kind as KeptKind<T & KeptTable>, values as never) as Promise<KeptRow<T>>;
    });
  };
}

/** A change: the fields given replace the stored ones, and the whole is checked again. */
function update<T extends Admin, D>(core: Core<T, D>) {
  return (db: Db, by: Writer | null, id: string, expectedVersion: number, change: object): Promise<KeptRow<T>> => {
    const { actor, viewer } = writerOf(by);
    return inTransaction(db, async (trx) => {
      const before = await lockKept(trx, core.kind, id, expectedVersion, 'restore it to change it');
      authorizeChange(viewer, 'update', core.resource(before), `a change of this ${core.kind.noun}`);
      const v = await valuesOf(trx, core, { ...core.inputOf(before), ...change }, id);
      const set = core.columns(v);
      authorizeChange(viewer, 'update', core.resource(set as never), `a change of this ${core.kind.noun}`);
      return updateKept(trx, actor, core.kind, before, set, 'update');
    });
  };
}

/** Archives (never deletes) or restores a record, with its history; a restored Chair may not overlap another. */
function setArchived<T extends Admin, D>(core: Core<T, D>) {
  return (db: Db, by: Writer | null, id: string, expectedVersion: number, archived: boolean): Promise<KeptRow<T>> => {
    const { actor, viewer } = writerOf(by);
    return inTransaction(db, async (trx) => {
      const before = await lockKept(trx, core.kind, id, expectedVersion);
      const action = archived ? 'archive' : 'restore';
      authorizeChange(viewer, action, core.resource(before), `the ${archived ? 'archiving' : 'restoring'} of this ${core.kind.noun}`);
      if ((before.archived_at !== null) === archived)
        throw new AppError('conflict', `this ${core.kind.noun} is ${archived ? 'archived' : 'not archived'} already`);
      if (!archived) await valuesOf(trx, core, core.inputOf(before), id);
      return updateKept(trx, actor, core.kind, before, { archived_at: archived ? new Date() : null } as never, action);
    });
  };
}

/** A record as a bundle gives it, written inside the import's transaction: a new one keeps its id. */
function importer<T extends Admin, D extends { source: string }>(core: Core<T, D>) {
  return async (trx: Trx, by: Writer, record: { id: string; archived: boolean } & object, before: KeptRow<T> | undefined) => {
    const data = record.archived ? core.parse(record).data : await valuesOf(trx, core, record, record.id);
    if (!data) throw invalid(core.parse(record).problems);
    return putKept(trx, writerOf(by).actor, core.kind, record, before, { ...core.columns(data), source: data.source } as Updateable<DB[T]>);
  };
}

export const createAppointment = create(appointments) as (db: Db, by: Writer | null, input: object) => Promise<AppointmentRow>;
export const updateAppointment = update(appointments) as (
  db: Db,
  by: Writer | null,
  id: string,
  v: number,
  change: object,
) => Promise<AppointmentRow>;
export const setAppointmentArchived = setArchived(appointments) as (
  db: Db,
  by: Writer | null,
  id: string,
  v: number,
  archived: boolean,
) => Promise<AppointmentRow>;
export const importAppointment = importer(appointments);

export const createDonor = create(donors) as (db: Db, by: Writer | null, input: object) => Promise<DonorRow>;
export const updateDonor = update(donors) as (db: Db, by: Writer | null, id: string, v: number, change: object) => Promise<DonorRow>;
export const setDonorArchived = setArchived(donors) as (
  db: Db,
  by: Writer | null,
  id: string,
  v: number,
  archived: boolean,
) => Promise<DonorRow>;
export const importDonor = importer(donors);

export const createContribution = create(contributions) as (db: Db, by: Writer | null, input: object) => Promise<ContributionRow>;
export const updateContribution = update(contributions) as (
  db: Db,
  by: Writer | null,
  id: string,
  v: number,
  change: object,
) => Promise<ContributionRow>;
export const setContributionArchived = setArchived(contributions) as (
  db: Db,
  by: Writer | null,
  id: string,
  v: number,
  archived: boolean,
) => Promise<ContributionRow>;
export const importContribution = importer(contributions);

export const createGrant = create(grants) as (db: Db, by: Writer | null, input: object) => Promise<GrantRow>;
export const updateGrant = update(grants) as (db: Db, by: Writer | null, id: string, v: number, change: object) => Promise<GrantRow>;
export const setGrantArchived = setArchived(grants) as (
  db: Db,
  by: Writer | null,
  id: string,
  v: number,
  archived: boolean,
) => Promise<GrantRow>;
export const importGrant = importer(grants);
