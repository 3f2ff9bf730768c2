import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/audit/record.ts';
import { sameJson } from '../../platform/bundle/canonical.ts';
import {
  authorizeChange,
  inTransaction,
  insertKept,
  type KeptKind,
  lockKept,
  updateKept,
  type Writer,
  writerOf,
} from '../../platform/bundle/record-section.ts';
import { type Action, can, type Viewer } from '../../platform/policy/policy.ts';
import { isIsoDate, todayIso } from '../../platform/values/dates.ts';
import { parseInput, problemsOf } from '../../platform/values/input.ts';
import { findState } from '../member-states/index.ts';
import { type ContactRow, contactRecord, contactResource, type Db } from './contacts.ts';
import { type ContactData, type ContactEdit, type ContactInput, contactInput, contactValues, designationDay } from './inputs.ts';
import type { ContactView } from './present.ts';

/*
 * The write core of points of contact: every door (the forms, the API, the bundle, the
 * demonstration data) designates, changes, confirms and ends them here, in one transaction with
 * the row version, the checks and the audit event. Their details are the Committee side's and the
 * State's: the level of every contact is 'committee-and-state'.
 */

export type { ContactEdit, ContactInput } from './inputs.ts';

const contacts: KeptKind<'point_of_contact'> = {
  table: 'point_of_contact',
  noun: 'point of contact',
  recordType: 'point-of-contact',
  audited: contactRecord,
};

/**
 * Who may change what, field by field, whatever the door (a form, the API, a bundle): the keepers
 * designate a contact, date and end its designation, say where the record came from, archive and
 * restore it; they and the State's own point of contact keep the details up to date and confirm
 * them (a confirmation moves the date of the last one forward, never back).
 */
const mayChange = {
  location: 'update',
  name: 'update',
  title: 'update',
  institution: 'update',
  email: 'update',
  phone: 'update',
  languages: 'update',
  lastConfirmedOn: 'update',
  designatedOn: 'create',
  endedOn: 'create',
  source: 'create',
} satisfies Record<keyof ContactData, Action>;
type Field = keyof typeof mayChange;
const fields = Object.keys(mayChange) as Field[];

const columns = (v: ContactData) => ({
  location: v.location,
  name: v.name,
  title: v.title,
  institution: v.institution,
  email: v.email,
  phone: v.phone,
  languages: v.languages,
  designated_on: v.designatedOn,
});

/** Records a point of contact for a State (the keepers designate). */
export async function addContact(
  db: Db,
  by: Writer | null,
  stateIso3: string,
  input: ContactInput,
  today: string = todayIso(),
): Promise<ContactRow> {
  const { actor, viewer } = writerOf(by);
  const v = parseInput(contactInput(today), input);
  return inTransaction(db, async (trx) => {
    const state = await findState(trx, stateIso3.toUpperCase());
    if (!state) throw notFound(`the State ${stateIso3.toUpperCase()}`);
    authorizeChange(viewer, 'create', contactResource(state.iso3), 'the designation of points of contact');
    return insertKept(trx, actor, contacts, {
      state_iso3: state.iso3,
      ...columns(v),
      ended_on: v.endedOn,
      last_confirmed_on: v.lastConfirmedOn,
      source: v.source,
    });
  });
}

/** Locks a contact for a change at the version the writer saw; an archived contact is no longer changed. */
const lock = (trx: Transaction<DB>, id: string, expectedVersion: number) =>
  lockKept(trx, contacts, id, expectedVersion, 'it is no longer changed');

/** A stored contact's fields, in the shape of its input. */
function storedData(row: ContactRow): ContactData {
  const { id: _id, stateIso3: _state, rowVersion: _version, ...data } = contactRecord(row);
  return data;
}

/** The fields of a change this account may not make, each named (an actor the caller vouches for makes any). */
function refusals(viewer: Viewer | undefined, before: ContactRow, after: ContactData, changed: readonly Field[]): FieldProblem[] {
  if (!viewer) return [];
  const resource = contactResource(before.state_iso3);
  return changed.flatMap((field): FieldProblem[] => {
    if (!can(viewer, mayChange[field], resource))
      return [{ field, problem: 'is changed only by the keepers of points of contact (the secretariat and administrators)' }];
    const last = before.last_confirmed_on;
    if (
      field === 'lastConfirmedOn' &&
      !can(viewer, 'create', resource) &&
      (after.lastConfirmedOn === null || (last && after.lastConfirmedOn < last))
    )
      return [{ field, problem: `moves only forward, as a confirmation does${last ? ` (the last one was on ${last})` : ''}` }];
    return [];
  });
}

/** A designation's other days come after it: named where the change is. */
function dayOrder(v: ContactData, changed: readonly Field[]): FieldProblem[] {
  if (!isIsoDate(v.designatedOn)) return [];
  return (
    [
      ['endedOn', 'the end of the designation'],
      ['lastConfirmedOn', 'the last confirmation'],
    ] as const
  ).flatMap(([field, what]): FieldProblem[] => {
    const on = v[field];
    if (!on || !isIsoDate(on) || on >= v.designatedOn) return [];
    return changed.includes(field)
      ? [{ field, problem: 'is before the designation' }]
      : [{ field: 'designatedOn', problem: `is after ${what} (${on})` }];
  });
}

/**
 * A change of a stored contact, whatever the door: the fields given replace the stored ones and
 * the whole is checked again; a field the account may not change is refused by name (403), never
 * ignored; a change that changes nothing writes nothing (no new version, no audit event).
 */
async function reviseContact(
  trx: Transaction<DB>,
  { actor, viewer }: { actor: Actor; viewer: Viewer | undefined },
  before: ContactRow,
  edit: ContactEdit,
  today: string,
  action: 'update' | 'import',
): Promise<ContactRow> {
  const resource = contactResource(before.state_iso3);
  authorizeChange(viewer, 'update', resource, 'a change of this point of contact');
  const stored = storedData(before);
  const { archived, ...given } = edit;
  const merged = { ...stored, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
  const result = contactValues(today).safeParse(merged);
  const after = (result.success ? result.data : merged) as ContactData;
  const changed = fields.filter((f) => !sameJson(after[f], stored[f]));
  const archiving = archived !== undefined && archived !== (before.archived_at !== null);
  const refused = refusals(viewer, before, after, changed);
  if (archiving && viewer && !can(viewer, archived ? 'archive' : 'restore', resource))
    refused.push({
      field: 'archived',
      problem: 'is changed only by the keepers of points of contact (the secretariat and administrators)',
    });
  if (refused.length)
    throw new AppError('forbidden', `your account may not change ${refused.map((p) => p.field).join(', ')} of this point of contact`, {
      fields: refused,
    });
  const problems = [...(result.success ? [] : problemsOf(result.error.issues)), ...dayOrder(after, changed)];
  if (problems.length) throw invalid(problems);
  if (!changed.length && !archiving) return before;
  const set = {
    ...columns(after),
    ended_on: after.endedOn,
    last_confirmed_on: after.lastConfirmedOn,
    source: after.source,
    ...(archiving ? { archived_at: archived ? new Date() : null } : {}),
  };
  return updateKept(trx, actor, contacts, before, set, action);
}

/** Changes a contact: the fields given replace the stored ones, each as the account may change it. */
export function updateContact(
  db: Db,
  by: Writer | null,
  id: string,
  expectedVersion: number,
  edit: ContactEdit,
  today: string = todayIso(),
): Promise<ContactRow> {
  const writer = writerOf(by);
  return inTransaction(db, async (trx) => reviseContact(trx, writer, await lock(trx, id, expectedVersion), edit, today, 'update'));
}

/** The day of a confirmation or an end, checked: given, not in the future, not before the designation. */
function designationDayOf(field: 'confirmedOn' | 'endedOn', value: string, today: string, before: ContactRow): string {
  return parseInput(designationDay(field, today, before.designated_on), { [field]: value })[field] as string;
}

/**
 * Records that a contact's details were confirmed on a date (today by default): the reminder list
 * counts a year from it. Only a designation still running is confirmed.
 */
export function confirmContact(
  db: Db,
  by: Writer | null,
  id: string,
  expectedVersion: number,
  on?: string,
  today: string = todayIso(),
): Promise<ContactRow> {
  const { actor, viewer } = writerOf(by);
  return inTransaction(db, async (trx) => {
    const before = await lock(trx, id, expectedVersion);
    authorizeChange(viewer, mayChange.lastConfirmedOn, contactResource(before.state_iso3), 'the confirmation of this point of contact');
    if (before.ended_on) throw new AppError('conflict', `this designation ended on ${before.ended_on}: there is nothing to confirm`);
    const date = designationDayOf('confirmedOn', on || today, today, before);
    if (before.last_confirmed_on && date < before.last_confirmed_on)
      throw invalid([{ field: 'confirmedOn', problem: `is before the last confirmation (${before.last_confirmed_on})` }]);
    return updateKept(trx, actor, contacts, before, { last_confirmed_on: date }, 'confirm');
  });
}

/** Ends a designation on a date: the contact stays in the history, no longer in office from that day. */
export function endContact(
  db: Db,
  by: Writer | null,
  id: string,
  expectedVersion: number,
  endedOn: string,
  today: string = todayIso(),
): Promise<ContactRow> {
  const { actor, viewer } = writerOf(by);
  return inTransaction(db, async (trx) => {
    const before = await lock(trx, id, expectedVersion);
    authorizeChange(viewer, mayChange.endedOn, contactResource(before.state_iso3), 'the end of this designation');
    if (before.ended_on) throw new AppError('conflict', `this designation ended already, on ${before.ended_on}`);
    const date = designationDayOf('endedOn', endedOn, today, before);
    return updateKept(trx, actor, contacts, before, { ended_on: date }, 'end');
  });
}

/**
 * A contact as a bundle gives it, written inside the import's transaction (the bundle checked it
 * before anything was written): a new one keeps its id; a stored one, archived or not, is changed
 * as the importing account may change it through the API, field by field.
 */
export async function importContact(trx: Transaction<DB>, by: Writer | null, record: ContactView, before: ContactRow | undefined) {
  const writer = writerOf(by);
  const { id, state, ...edit } = record;
  if (before) return reviseContact(trx, writer, before, edit, todayIso(), 'import');
  authorizeChange(writer.viewer, 'create', contactResource(state), 'the designation of points of contact');
  const v = parseInput(contactInput(todayIso()), edit);
  return insertKept(
    trx,
    writer.actor,
    contacts,
    { id, state_iso3: state, ...columns(v), ended_on: v.endedOn, last_confirmed_on: v.lastConfirmedOn, source: v.source },
    record.archived,
  );
}
