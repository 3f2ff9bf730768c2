import type { Kysely, Selectable, Transaction } from 'kysely';
import { findKept } from '../../platform/bundle/record-section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { can, type Viewer } from '../../platform/policy/policy.ts';
import { isIsoDate } from '../../platform/values/dates.ts';
import type { PointOfContactTable } from './schema.ts';

export type ContactRow = Selectable<PointOfContactTable>;
export type Db = Kysely<DB> | Transaction<DB>;

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

export function contactResource(stateIso3: string) {
  return { type: 'point-of-contact' as const, confidentiality: 'committee-and-state' as const, stateIso3 };
}

/** Whether the viewer may see the contact details of this State's points of contact. */
export function maySeeContacts(viewer: Viewer | null, stateIso3: string): boolean {
  return can(viewer, 'read', contactResource(stateIso3));
}

export async function stateContacts(db: Db, stateIso3: string): Promise<ContactRow[]> {
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

/** A contact, archived or not; none for an id that is not one. */
export function findContact(db: Db, id: string): Promise<ContactRow | undefined> {
  return findKept(db, 'point_of_contact', id);
}

// The write core and the presenter, where the other modules and the tests have always found them.
export { addContact } from './commands.ts';
export { checkContactInput } from './inputs.ts';
export { contactRecord } from './present.ts';
