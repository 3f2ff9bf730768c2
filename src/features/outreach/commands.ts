import type { Transaction, Updateable } from 'kysely';
import {
  authorizeChange,
  inTransaction,
  insertKept,
  type KeptKind,
  type KeptRow,
  lockKept,
  putKept,
  updateKept,
  type Writer,
  writerOf,
} from '../../platform/bundle/record-section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { type FieldProblem, invalid } from '../../platform/errors.ts';
import type { Resource, Viewer } from '../../platform/policy/policy.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { listExperts } from '../administration/index.ts';
import {
  type CooperationData,
  type CooperationInput,
  cooperationFields,
  cooperationInput,
  type EventData,
  type EventInput,
  eventFields,
  eventInput,
  parseInOrder,
} from './inputs.ts';
import { missingLinks } from './links.ts';
import { type CooperationView, cooperationRecord, type EventView, eventRecord } from './present.ts';
import { type CooperationRow, cooperationResource, type Db, type EventRow, eventResource } from './queries.ts';

/*
 * The write core of outreach: every door (the forms, the API, the bundle, the demonstration data)
 * records, changes and archives events and cooperation records here, in one transaction with the
 * row version, the checks (the States, organizations and records they name exist) and the audit
 * event. A refused record writes nothing.
 */

export type { CooperationInput, EventInput } from './inputs.ts';

/** Codes that name no Member State, or no known organization, reported on their field. */
async function unknownCodes(trx: Db, field: string, values: readonly string[], of: 'states' | 'organizations'): Promise<FieldProblem[]> {
  if (!values.length) return [];
  const states = of === 'states';
  const valid = values.filter((v) => (states ? /^[A-Z]{3}$/.test(v) : v.length <= 40));
  const known = new Set(
    !valid.length
      ? []
      : states
        ? (await trx.selectFrom('member_state').select('iso3').where('iso3', 'in', valid).execute()).map((s) => s.iso3)
        : (await trx.selectFrom('organization').select('code').where('code', 'in', valid).execute()).map((o) => o.code),
  );
  const unknown = values.filter((v) => !known.has(v));
  if (!unknown.length) return [];
  return [
    {
      field,
      problem: states
        ? `${unknown.map((u) => u.slice(0, 12)).join(', ')}: not a Member State (give ISO 3166 codes such as MLI)`
        : `${unknown.map((u) => u.slice(0, 40)).join(', ')}: not a known organization (give codes such as UNODA)`,
    },
  ];
}

interface Core<T extends 'outreach_event' | 'organization_cooperation', D> {
  kind: KeptKind<T>;
  parse(input: unknown, today: string | null): { problems: FieldProblem[]; data?: D };
  /** The problems that need the database. */
  check(trx: Db, data: D): Promise<FieldProblem[]>;
  columns(data: D): Updateable<DB[T]>;
  resource(row: Record<string, unknown>): Resource;
  inputOf(row: KeptRow<T>): Record<string, unknown>;
}

const linkProblems = async (trx: Db, links: readonly string[]): Promise<FieldProblem[]> => {
  const missing = await missingLinks(trx, links);
  return missing.length ? [{ field: 'links', problem: `no such record: ${missing.map((m) => m.slice(0, 60)).join(', ')}` }] : [];
};

/**
 * Reads the whole Group of Experts for the write core's check, whoever writes (an account, or the
 * system actor of the bundle and the demonstration data): an expert not yet announced is an expert.
 */
const groupOfExperts: Viewer = {
  id: '00000000-0000-0000-0000-000000000000',
  email: 'system',
  displayName: 'system',
  role: 'admin',
  stateIso3: null,
  organizationCode: null,
};

/** A participant named by an expert's id: one of administration's experts (or the coordinator), the participant an expert or the coordinator. */
async function unknownExperts(trx: Db, participants: EventData['participants']): Promise<FieldProblem[]> {
  const named = participants.flatMap((p, i) => (p.expertId ? [{ ...p, i }] : []));
  if (!named.length) return [];
  const experts = new Map((await listExperts(trx, groupOfExperts)).map((a) => [a.id, a.role]));
  return named.flatMap((p): FieldProblem[] => {
    const field = `participants[${p.i}].expertId`;
    if (!experts.has(p.expertId!)) return [{ field, problem: `${p.expertId}: not one of the Group of Experts (see /committee/people)` }];
    if (p.role !== 'expert' && p.role !== 'coordinator')
      return [{ field, problem: `names an expert, while the participant's role is ${p.role}: give the role expert or coordinator` }];
    return [];
  });
}

const events: Core<'outreach_event', EventData> = {
  kind: { table: 'outreach_event', noun: 'event', recordType: 'outreach-event', audited: eventRecord },
  parse: (input, today) => parseInOrder(eventInput(today), Object.keys(eventFields), input),
  async check(trx, e) {
    return [
      ...(await unknownCodes(trx, 'organizerStates', e.organizerStates, 'states')),
      ...(await unknownCodes(trx, 'organizerOrganizations', e.organizerOrganizations, 'organizations')),
      ...(await unknownCodes(trx, 'stateIso3', e.stateIso3 ? [e.stateIso3] : [], 'states')),
      ...(await unknownExperts(trx, e.participants)),
      ...(await linkProblems(trx, e.links)),
    ];
  },
  columns: (e) => ({
    title: e.title,
    description: e.description,
    event_group: e.group,
    status: e.status,
    confirmed: e.confirmed,
    listed: e.listed,
    starts_on: e.startsOn,
    ends_on: e.endsOn,
    organizer_states: e.organizerStates,
    organizer_organizations: e.organizerOrganizations,
    by_committee: e.byCommittee,
    city: e.city,
    translations: JSON.stringify(e.translations),
    state_iso3: e.stateIso3,
    audiences: e.audiences,
    participants: JSON.stringify(
      e.participants.map((p) => ({
        role: p.role,
        mode: p.mode,
        ...(p.expertId ? { expertId: p.expertId } : {}),
        ...(p.name ? { name: p.name } : {}),
      })),
    ),
    links: e.links,
    confidentiality: e.confidentiality,
  }),
  resource: (row) => eventResource(row as never),
  inputOf: (row) => {
    const { id: _id, archived: _a, ...rest } = eventRecord(row);
    return rest;
  },
};

const cooperation: Core<'organization_cooperation', CooperationData> = {
  kind: { table: 'organization_cooperation', noun: 'cooperation record', recordType: 'cooperation', audited: cooperationRecord },
  parse: (input) => parseInOrder(cooperationInput(), Object.keys(cooperationFields), input),
  async check(trx, c) {
    return [
      ...(await unknownCodes(trx, 'organizationCode', c.organizationCode ? [c.organizationCode] : [], 'organizations')),
      ...(await unknownCodes(trx, 'stateIso3', c.stateIso3 ? [c.stateIso3] : [], 'states')),
      ...(await linkProblems(trx, c.links)),
    ];
  },
  columns: (c) => ({
    organization_code: c.organizationCode,
    activity: c.activity,
    starts_on: c.startsOn,
    ends_on: c.endsOn,
    description: c.description,
    translations: JSON.stringify(c.translations),
    links: c.links,
    state_iso3: c.stateIso3,
    confidentiality: c.confidentiality,
  }),
  resource: (row) => cooperationResource(row as never),
  inputOf: (row) => {
    const { id: _id, archived: _a, ...rest } = cooperationRecord(row);
    return rest;
  },
};

/** The record's values, every field checked (what it names too), or a 422 naming each field; nothing written. */
async function valuesOf<T extends 'outreach_event' | 'organization_cooperation', D>(
  trx: Db,
  core: Core<T, D>,
  input: unknown,
  today: string | null,
): Promise<D> {
  const { problems, data } = core.parse(input, today);
  if (data) problems.push(...(await core.check(trx, data)));
  if (problems.length || !data) throw invalid(problems);
  return data;
}

function create<T extends 'outreach_event' | 'organization_cooperation', D extends { source: string }>(core: Core<T, D>) {
  return (db: Db, by: Writer | null, input: object, today: string = todayIso()): Promise<KeptRow<T>> => {
    const { actor, viewer } = writerOf(by);
    return inTransaction(db, async (trx) => {
      const v = await valuesOf(trx, core, input, today);
      const values = { ...core.columns(v), source: v.source } as never;
      authorizeChange(viewer, 'create', core.resource(values), `the recording of ${core.kind.noun}s`);
      return insertKept(trx, actor, core.kind, values);
    });
  };
}

/** A change: the fields given replace the stored ones, and the whole is checked again. */
function update<T extends 'outreach_event' | 'organization_cooperation', D>(core: Core<T, D>) {
  return (
    db: Db,
    by: Writer | null,
    id: string,
    expectedVersion: number,
    change: object,
    today: string = todayIso(),
  ): Promise<KeptRow<T>> => {
    const { actor, viewer } = writerOf(by);
    return inTransaction(db, async (trx) => {
      const before = await lockKept(trx, core.kind, id, expectedVersion, 'restore it first');
      const { source: _s, ...stored } = core.inputOf(before);
      const v = await valuesOf(trx, core, { ...stored, ...change }, today);
      const set = core.columns(v);
      authorizeChange(viewer, 'update', core.resource(before as never), `a change of this ${core.kind.noun}`);
      authorizeChange(viewer, 'update', core.resource(set as never), `a change of this ${core.kind.noun}`);
      return updateKept(trx, actor, core.kind, before, set, 'update');
    });
  };
}

/** Archives (never deletes) or restores a record, with its history. */
function setArchived<T extends 'outreach_event' | 'organization_cooperation', D>(core: Core<T, D>) {
  return (db: Db, by: Writer | null, id: string, expectedVersion: number, archived: boolean): Promise<KeptRow<T>> => {
    const { actor, viewer } = writerOf(by);
    return inTransaction(db, async (trx) => {
      const before = await lockKept(trx, core.kind, id, expectedVersion);
      authorizeChange(viewer, archived ? 'archive' : 'restore', core.resource(before as never), `the archiving of this ${core.kind.noun}`);
      if ((before.archived_at !== null) === archived) return before;
      return updateKept(
        trx,
        actor,
        core.kind,
        before,
        { archived_at: archived ? new Date() : null } as never,
        archived ? 'archive' : 'restore',
      );
    });
  };
}

/** A record as a bundle gives it, inside the import's transaction (the bundle checked it first): a new one keeps its id. */
function importer<
  T extends 'outreach_event' | 'organization_cooperation',
  D extends { source: string },
  V extends { id: string; archived: boolean },
>(core: Core<T, D>) {
  return async (trx: Transaction<DB>, by: Writer | null, record: V, before: KeptRow<T> | undefined) => {
    const { id: _id, archived: _a, ...input } = record;
    const data = await valuesOf(trx, core, input, null);
    return putKept(trx, writerOf(by).actor, core.kind, record, before, { ...core.columns(data), source: data.source } as Updateable<DB[T]>);
  };
}

type Create<I, R> = (db: Db, by: Writer | null, input: I, today?: string) => Promise<R>;
type Update<I, R> = (db: Db, by: Writer | null, id: string, expectedVersion: number, change: Partial<I>, today?: string) => Promise<R>;
type SetArchived<R> = (db: Db, by: Writer | null, id: string, expectedVersion: number, archived: boolean) => Promise<R>;

export const createEvent: Create<EventInput, EventRow> = create(events);
export const updateEvent: Update<EventInput, EventRow> = update(events);
export const setEventArchived: SetArchived<EventRow> = setArchived(events);
export const importEvent = importer<'outreach_event', EventData, EventView>(events);

export const createCooperation: Create<CooperationInput, CooperationRow> = create(cooperation);
export const updateCooperation: Update<CooperationInput, CooperationRow> = update(cooperation);
export const setCooperationArchived: SetArchived<CooperationRow> = setArchived(cooperation);
export const importCooperation = importer<'organization_cooperation', CooperationData, CooperationView>(cooperation);
