import type { Kysely, Selectable, Transaction } from 'kysely';
import { findKept } from '../../platform/bundle/record-section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { can, type Viewer } from '../../platform/policy/policy.ts';
import { isIsoDate } from '../../platform/values/dates.ts';
import { isMemberOn, type Membership, memberships } from '../member-states/index.ts';
import type { PointOfContactTable } from './schema.ts';

export type ContactRow = Selectable<PointOfContactTable>;
export type Db = Kysely<DB> | Transaction<DB>;

/** The only thing the public learns about a State's points of contact: whether it has one, and since when. */
export interface ContactProjection {
  stateIso3: string;
  designated: boolean;
  /**
   * The start of the unbroken run of designations the State is in (ISO date), or null: every day
   * from it to today some point of contact of the State was in office, whoever it was. A contact
   * who took over the day the previous one left continues the run; a day without one breaks it.
   */
  since: string | null;
}

/** Whether a contact was in office on a date (designated by then, not ended by then, not archived). */
export function inOfficeOn(c: Pick<ContactRow, 'designated_on' | 'ended_on' | 'archived_at'>, date: string): boolean {
  return c.archived_at === null && c.designated_on <= date && (c.ended_on === null || c.ended_on > date);
}

/** The start of the unbroken run of designations of a State that is running on a date, or null when none is in office then. */
export function designatedSince(
  contacts: readonly Pick<ContactRow, 'state_iso3' | 'designated_on' | 'ended_on' | 'archived_at'>[],
  stateIso3: string,
  date: string,
): string | null {
  const spans = contacts.filter((c) => c.state_iso3 === stateIso3 && c.archived_at === null && c.designated_on <= date);
  const running = spans.filter((c) => inOfficeOn(c, date)).map((c) => c.designated_on);
  if (!running.length) return null;
  let start = running.sort()[0]!;
  // Walk back: a designation that began earlier and was still running on the start (or ended that very day) extends the run.
  for (let moved = true; moved; ) {
    moved = false;
    for (const c of spans)
      if (c.designated_on < start && (c.ended_on === null || c.ended_on >= start)) {
        start = c.designated_on;
        moved = true;
      }
  }
  return start;
}

/** The public projection of one State's contacts: never a name, an e-mail, a phone or an institution. */
export function projectContacts(stateIso3: string, contacts: readonly ContactRow[], today: string): ContactProjection {
  const since = designatedSince(contacts, stateIso3, today);
  return { stateIso3, designated: since !== null, since };
}

/**
 * The States with at least one point of contact in office on a date; with `members` (the Member
 * States and their admission dates), only those that were Member States on that date.
 */
export function statesWithContactsAsAt(contacts: readonly ContactRow[], date: string, members?: readonly Membership[]): Set<string> {
  const member = members && new Map(members.map((s) => [s.iso3, s]));
  return new Set(
    contacts
      .filter((c) => inOfficeOn(c, date))
      .map((c) => c.state_iso3.trim())
      .filter((iso3) => {
        if (!member) return true;
        const state = member.get(iso3);
        return state !== undefined && isMemberOn(state, date);
      }),
  );
}

/** One year of the series: the States with a point of contact in office on `asAt` (31 December, or the date asked in its year). */
export interface ContactYear {
  year: number;
  /** The day counted (ISO): 31 December, or the date asked for the last year. */
  asAt: string;
  states: number;
  newStates: number;
}

/**
 * How many Member States had a point of contact in office on 31 December of each year from `from`
 * to `to`, and how many of them had none on 31 December before; a year that ends after `asOf` is
 * counted on `asOf`, and later years are not counted.
 */
export function statesWithContactsPerYear(
  contacts: readonly ContactRow[],
  members: readonly Membership[],
  from: number,
  to: number,
  asOf: string,
): ContactYear[] {
  const out: ContactYear[] = [];
  let previous = statesWithContactsAsAt(contacts, `${from - 1}-12-31`, members);
  for (let year = from; year <= to && `${year}-01-01` <= asOf; year++) {
    const asAt = `${year}-12-31` < asOf ? `${year}-12-31` : asOf;
    const now = statesWithContactsAsAt(contacts, asAt, members);
    out.push({ year, asAt, states: now.size, newStates: [...now].filter((s) => !previous.has(s)).length });
    previous = now;
  }
  return out;
}

/** The series from the database, as at a date (today by default): the same for every reader. */
export async function contactFiguresPerYear(db: Kysely<DB>, from: number, to: number, asOf: string): Promise<ContactYear[]> {
  const [rows, members] = await Promise.all([allContacts(db), memberships(db)]);
  return statesWithContactsPerYear(rows, members, from, to, asOf);
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
