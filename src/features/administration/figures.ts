import type { AppointmentRole } from './schema.ts';

/*
 * The figures of the Committee's administration (S/2018/1167 ¶48–49), as pure functions over
 * plain records: the write core and the pages give them the rows that are not archived. Each
 * says in `definitions` what it counts, and the API gives the definition with the figure.
 */

export interface Period {
  startsOn: string;
  /** No end: still in office. */
  endsOn: string | null;
}

export interface AppointmentFact extends Period {
  id: string;
  role: AppointmentRole;
  personName: string;
  stateIso3: string;
}

export interface DonorFact {
  id: string;
  /** The State's ISO3 code, or the organization's code. */
  code: string;
}

export interface ContributionFact {
  id: string;
  donorId: string;
  year: number;
}

export interface GrantFact {
  id: string;
  contributionId: string;
  usedInYear: number;
}

export const definitions = {
  newExperts:
    'Experts of the Group of Experts whose appointment starts in the year (the coordinator is counted apart); archived appointments are not counted.',
  donorsWithGrantsUsed:
    'Donors (States or organizations) one of whose contributions, of any year, funded a grant used in the year; each donor once.',
  newContributions: 'Contributions recorded for the year (the year the donor made them), each donor once.',
  chairAt: 'The Chair whose period covers the date (its first and last days included; no end: still in office).',
} as const;

/** Whether two periods share a day (ends included; no end runs for ever). */
export function overlaps(a: Period, b: Period): boolean {
  return (b.endsOn === null || a.startsOn <= b.endsOn) && (a.endsOn === null || b.startsOn <= a.endsOn);
}

/** Whether the period covers the date. */
export function covers(p: Period, date: string): boolean {
  return p.startsOn <= date && (p.endsOn === null || date <= p.endsOn);
}

/** The stored periods of the same single-holder role that a new or changed one would overlap (itself left out). */
export function overlapping<P extends Period & { id: string }>(others: readonly P[], candidate: Period, selfId?: string): P[] {
  return others.filter((o) => o.id !== selfId && overlaps(o, candidate));
}

/** The experts appointed in the year (their appointment starts in it), by date then name. */
export function newExpertsIn<A extends AppointmentFact>(appointments: readonly A[], year: number): A[] {
  const prefix = `${year}-`;
  return appointments
    .filter((a) => a.role === 'expert' && a.startsOn.startsWith(prefix))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.personName.localeCompare(b.personName));
}

/** Who holds a role on the date: the Chair (at most one), the vice-chairs, the experts in office. */
export function holdersAt<A extends AppointmentFact>(appointments: readonly A[], role: AppointmentRole, date: string): A[] {
  return appointments.filter((a) => a.role === role && covers(a, date));
}

/** The Chair in office on the date, or null. */
export function chairAt<A extends AppointmentFact>(appointments: readonly A[], date: string): A | null {
  return holdersAt(appointments, 'chair', date)[0] ?? null;
}

/** The donors whose grants were used in the year, in the order of their codes. */
export function donorsWithGrantsUsedIn<D extends DonorFact>(
  donors: readonly D[],
  contributions: readonly ContributionFact[],
  grants: readonly GrantFact[],
  year: number,
): D[] {
  const donorOf = new Map(contributions.map((c) => [c.id, c.donorId]));
  const ids = new Set(grants.filter((g) => g.usedInYear === year).map((g) => donorOf.get(g.contributionId)));
  return donors.filter((d) => ids.has(d.id)).sort((a, b) => a.code.localeCompare(b.code));
}

/** The donors who made a contribution in the year, in the order of their codes. */
export function newContributionsIn<D extends DonorFact>(
  donors: readonly D[],
  contributions: readonly ContributionFact[],
  year: number,
): D[] {
  const ids = new Set(contributions.filter((c) => c.year === year).map((c) => c.donorId));
  return donors.filter((d) => ids.has(d.id)).sort((a, b) => a.code.localeCompare(b.code));
}
