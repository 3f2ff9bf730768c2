import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../platform/errors.ts';
import {
  authorizeChange,
  inTransaction,
  insertKept,
  type KeptKind,
  lockKept,
  putKept,
  updateKept,
  type Writer,
  writerOf,
} from '../../platform/bundle/record-section.ts';
import type { Action } from '../../platform/policy/policy.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { parseInput, problemsOf } from '../../platform/values/input.ts';
import { findState } from '../member-states/index.ts';
import { type ContactRow, contactRecord, contactResource, type Db } from './contacts.ts';
import { type ContactData, type ContactInput, contactInput, type ContactEdit, designationDay } from './inputs.ts';
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
 * Who may change what, field by field: the keepers designate a contact and end a designation; they
 * and the State's own point of contact keep the details up to date (the date of designation among
 * them) and confirm them.
 */
const mayChange: Record<keyof ContactInput | 'confirmedOn', Action> = {
  location: 'update',
  name: 'update',
  title: 'update',
  institution: 'update',
  email: 'update',
  phone: 'update',
  languages: 'update',
  designatedOn: 'update',
  confirmedOn: 'update',
  lastConfirmedOn: 'update',
  endedOn: 'create',
  source: 'create',
};

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

/** Changes a contact's details: the fields given replace the stored ones, and the whole is checked again. */
export function updateContact(
  db: Db,
  by: Writer | null,
  id: string,
  expectedVersion: number,
  edit: ContactEdit,
  today: string = todayIso(),
): Promise<ContactRow> {
  const { actor, viewer } = writerOf(by);
  return inTransaction(db, async (trx) => {
    const before = await lock(trx, id, expectedVersion);
    const stored = contactRecord(before);
    // The end and the confirmation have their own steps: they are not checked again here.
    const result = contactInput(today).safeParse({ ...stored, ...edit, endedOn: null, lastConfirmedOn: null });
    const problems: FieldProblem[] = result.success ? [] : problemsOf(result.error.issues);
    const designatedOn = result.data?.designatedOn ?? edit.designatedOn ?? stored.designatedOn;
    if (before.ended_on && designatedOn > before.ended_on)
      problems.push({ field: 'designatedOn', problem: `is after the end of the designation (${before.ended_on})` });
    if (before.last_confirmed_on && designatedOn > before.last_confirmed_on)
      problems.push({ field: 'designatedOn', problem: `is after the last confirmation (${before.last_confirmed_on})` });
    if (!result.success || problems.length) throw invalid(problems);
    const after = result.data;
    for (const field of ['location', 'name', 'title', 'institution', 'email', 'phone', 'languages', 'designatedOn'] as const)
      if (JSON.stringify(after[field]) !== JSON.stringify(stored[field]))
        authorizeChange(viewer, mayChange[field], contactResource(before.state_iso3), 'a change of this point of contact');
    return updateKept(trx, actor, contacts, before, columns(after), 'update');
  });
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
    authorizeChange(viewer, mayChange.confirmedOn, contactResource(before.state_iso3), 'the confirmation of this point of contact');
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
 * before anything was written): a new one keeps its id, a stored one is updated, archived or not.
 */
export function importContact(trx: Transaction<DB>, by: Writer | null, record: ContactView, before: ContactRow | undefined) {
  const v = parseInput(contactInput(todayIso()), record);
  return putKept(
    trx,
    writerOf(by).actor,
    contacts,
    record,
    before,
    { ...columns(v), ended_on: v.endedOn, last_confirmed_on: v.lastConfirmedOn, source: v.source },
    { state_iso3: record.state },
  );
}
