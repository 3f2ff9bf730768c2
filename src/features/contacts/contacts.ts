import { isIsoDate, todayIso } from '../../platform/values/dates.ts';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { type FieldProblem, invalid, notFound } from '../../platform/errors.ts';
import { can, type Viewer } from '../../platform/policy/policy.ts';
import { type Actor, recordChange } from '../../platform/audit/record.ts';
import { findState } from '../member-states/index.ts';
import { type ContactLocation, contactLocations, type PointOfContactTable } from './schema.ts';

export type ContactRow = Selectable<PointOfContactTable>;

/** The only thing the public learns about a State's points of contact: whether it has one, and since when. */
export interface ContactProjection {
  stateIso3: string;
  designated: boolean;
  /** The earliest designation still running (ISO date), or null. */
  since: string | null;
}

/** Whether a contact was in office on a date (designated by then, not ended by then, not archived). */
export function inOfficeOn(c: Pick<ContactRow, 'designated_on' | 'ended_on' | 'archived_at'>, date: string): boolean {
  return c.archived_at === null && c.designated_on <= date && (c.ended_on === null || c.ended_on > date);
}

/** The public projection of one State's contacts: never a name, an e-mail, a phone or an institution. */
export function projectContacts(stateIso3: string, contacts: readonly ContactRow[], today: string): ContactProjection {
  const running = contacts.filter((c) => c.state_iso3 === stateIso3 && inOfficeOn(c, today)).map((c) => c.designated_on);
  running.sort();
  return { stateIso3, designated: running.length > 0, since: running[0] ?? null };
}

/** The States with at least one point of contact in office on a date. */
export function statesWithContactsAsAt(contacts: readonly ContactRow[], date: string): Set<string> {
  return new Set(contacts.filter((c) => inOfficeOn(c, date)).map((c) => c.state_iso3));
}

/** How many States had a point of contact at the end of each year (31 December), from `from` to `to`. */
export function statesWithContactsPerYear(
  contacts: readonly ContactRow[],
  from: number,
  to: number,
): { year: number; states: number; newStates: number }[] {
  const out: { year: number; states: number; newStates: number }[] = [];
  let previous = statesWithContactsAsAt(contacts, `${from - 1}-12-31`);
  for (let year = from; year <= to; year++) {
    const now = statesWithContactsAsAt(contacts, `${year}-12-31`);
    out.push({ year, states: now.size, newStates: [...now].filter((s) => !previous.has(s)).length });
    previous = now;
  }
  return out;
}

/** The date a year before an ISO date (29 February falls back to 28 February). */
export function yearBefore(date: string): string {
  const [y, m, d] = date.split('-');
  const candidate = `${Number(y) - 1}-${m}-${d}`;
  return isIsoDate(candidate) ? candidate : `${Number(y) - 1}-${m}-28`;
}

/**
 * The contacts in office today whose details were last confirmed (or, never confirmed, given)
 * more than a year before today, oldest first.
 */
export function unconfirmedContacts<C extends ContactRow>(contacts: readonly C[], today: string): C[] {
  const limit = yearBefore(today);
  return contacts
    .filter((c) => inOfficeOn(c, today) && (c.last_confirmed_on ?? c.designated_on) < limit)
    .sort(
      (a, b) =>
        (a.last_confirmed_on ?? a.designated_on).localeCompare(b.last_confirmed_on ?? b.designated_on) ||
        a.state_iso3.localeCompare(b.state_iso3),
    );
}

export interface ContactInput {
  location: string;
  name: string;
  title?: string;
  institution?: string;
  email?: string;
  phone?: string;
  languages?: string[];
  designatedOn: string;
  endedOn?: string | null;
  lastConfirmedOn?: string | null;
}

/** The problems of a new contact, dates checked against `today`. */
export function checkContactInput(input: ContactInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(contactLocations as readonly string[]).includes(input.location))
    problems.push({ field: 'location', problem: `must be one of ${contactLocations.join(', ')}` });
  const name = input.name?.trim() ?? '';
  if (!name) problems.push({ field: 'name', problem: 'is required' });
  else if (name.length > 200) problems.push({ field: 'name', problem: 'must be at most 200 characters' });
  if ((input.title ?? '').length > 200) problems.push({ field: 'title', problem: 'must be at most 200 characters' });
  if ((input.institution ?? '').length > 300) problems.push({ field: 'institution', problem: 'must be at most 300 characters' });
  if (input.email && (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email.trim()) || input.email.trim().length > 254))
    problems.push({ field: 'email', problem: 'must be an e-mail address (at most 254 characters)' });
  if ((input.phone ?? '').length > 60) problems.push({ field: 'phone', problem: 'must be at most 60 characters' });
  const badLanguages = (input.languages ?? []).filter((l) => !/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(l));
  if (badLanguages.length)
    problems.push({
      field: 'languages',
      problem: `has ${badLanguages.map((l) => `"${l.slice(0, 20)}"`).join(', ')}: give language codes such as fr, en, ar`,
    });
  else if ((input.languages ?? []).length > 20) problems.push({ field: 'languages', problem: 'at most 20 languages' });
  const dates: [keyof ContactInput, string | null | undefined][] = [
    ['designatedOn', input.designatedOn],
    ['endedOn', input.endedOn],
    ['lastConfirmedOn', input.lastConfirmedOn],
  ];
  for (const [field, value] of dates) {
    if (value === undefined || value === null || value === '') {
      if (field === 'designatedOn') problems.push({ field, problem: 'is required (YYYY-MM-DD)' });
      continue;
    }
    if (!isIsoDate(value)) problems.push({ field, problem: 'must be a date (YYYY-MM-DD)' });
    else if (value > today) problems.push({ field, problem: `is in the future (today is ${today})` });
  }
  if (input.endedOn && input.designatedOn && input.endedOn < input.designatedOn)
    problems.push({ field: 'endedOn', problem: 'is before the designation' });
  if (input.lastConfirmedOn && input.designatedOn && input.lastConfirmedOn < input.designatedOn)
    problems.push({ field: 'lastConfirmedOn', problem: 'is before the designation' });
  return problems;
}

export function contactResource(stateIso3: string) {
  return { type: 'point-of-contact' as const, confidentiality: 'committee-and-state' as const, stateIso3 };
}

/** Whether the viewer may see the contact details of this State's points of contact. */
export function maySeeContacts(viewer: Viewer | null, stateIso3: string): boolean {
  return can(viewer, 'read', contactResource(stateIso3));
}

export async function stateContacts(db: Kysely<DB> | Transaction<DB>, stateIso3: string): Promise<ContactRow[]> {
  return db
    .selectFrom('point_of_contact')
    .selectAll()
    .where('state_iso3', '=', stateIso3)
    .where('archived_at', 'is', null)
    .orderBy('designated_on', 'desc')
    .orderBy('location')
    .execute();
}

export async function allContacts(db: Kysely<DB>): Promise<ContactRow[]> {
  return db.selectFrom('point_of_contact').selectAll().where('archived_at', 'is', null).orderBy('state_iso3').execute();
}

/** A contact in the camelCase shape of the API and of its history. */
export function contactRecord(row: ContactRow) {
  return {
    id: row.id,
    stateIso3: row.state_iso3,
    location: row.location,
    name: row.name,
    title: row.title,
    institution: row.institution,
    email: row.email,
    phone: row.phone,
    languages: row.languages,
    designatedOn: row.designated_on,
    endedOn: row.ended_on,
    lastConfirmedOn: row.last_confirmed_on,
    source: row.source,
    rowVersion: row.row_version,
  };
}

const audited = contactRecord;

/** Inserts a checked contact and its audit event, inside the caller's transaction. */
export async function insertContact(
  trx: Transaction<DB>,
  actor: Actor,
  stateIso3: string,
  input: ContactInput,
  source: 'seed' | 'illustrative' | 'entered',
): Promise<ContactRow> {
  const row = await trx
    .insertInto('point_of_contact')
    .values({
      state_iso3: stateIso3,
      location: input.location as ContactLocation,
      name: input.name.trim(),
      title: input.title?.trim() ?? '',
      institution: input.institution?.trim() ?? '',
      email: input.email?.trim() ?? '',
      phone: input.phone?.trim() ?? '',
      languages: input.languages ?? [],
      designated_on: input.designatedOn,
      ended_on: input.endedOn || null,
      last_confirmed_on: input.lastConfirmedOn || null,
      source,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordChange(trx, actor, {
    action: 'create',
    recordType: 'point-of-contact',
    recordId: row.id,
    confidentiality: 'committee-and-state',
    stateIso3,
    after: audited(row),
  });
  return row;
}

/** Records a point of contact for a State, in one transaction with its audit event. */
export async function addContact(
  db: Kysely<DB>,
  actor: Actor,
  stateIso3: string,
  input: ContactInput,
  today: string = todayIso(),
): Promise<ContactRow> {
  const problems = checkContactInput(input, today);
  if (problems.length) throw invalid(problems);
  return db.transaction().execute(async (trx) => {
    const state = await findState(trx, stateIso3.toUpperCase());
    if (!state) throw notFound(`the State ${stateIso3.toUpperCase()}`);
    return insertContact(trx, actor, state.iso3, input, 'entered');
  });
}
