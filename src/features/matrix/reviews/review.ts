import type { MatrixStatus } from '../schema.ts';

/*
 * Where each State's matrix stands in a review cycle: pure functions of the cycle, the States,
 * their matrix versions and the assignments, and of "today" (a parameter, never the clock).
 */

/** The stages of a State in a cycle: not started (no version in the cycle), then its version's status. */
export const reviewStages = ['not-started', 'draft', 'sent', 'commented', 'agreed', 'approved', 'published'] as const;
export type ReviewStage = (typeof reviewStages)[number];

/** Who has to act next. */
export const reviewHolders = ['experts', 'state', 'committee', 'secretariat', 'done'] as const;
export type ReviewHolder = (typeof reviewHolders)[number];

/** Why a State is overdue: the cycle's deadline passed, or the same hands held it too long. */
export type OverdueReason = 'deadline' | 'held';

export interface ReviewCycleInput {
  /** ISO dates (YYYY-MM-DD). */
  startsOn: string;
  deadline: string;
  /** Held longer than this many days by the same hands: overdue. */
  holdDays: number;
  /** A closed cycle stands as it was when it was closed. */
  closedAt: Date | null;
}

export interface ReviewStateInput {
  iso3: string;
  regionalGroup: string;
}

export interface ReviewVersionInput {
  stateIso3: string;
  number: number;
  status: MatrixStatus;
  statusChangedAt: Date;
  createdAt: Date;
}

export interface ReviewAssignmentInput {
  stateIso3: string;
  expertId: string | null;
  expertName: string | null;
  note: string;
}

export interface StateProgress {
  iso3: string;
  regionalGroup: string;
  stage: ReviewStage;
  holder: ReviewHolder;
  /** The assigned expert's name when the experts hold it and one is assigned. */
  holderName: string | null;
  /** The number of the version in the cycle. */
  version: number | null;
  /** When the version in the cycle last changed status (it was created in a draft). */
  lastMoved: Date | null;
  /** Whole days from the last move to today. */
  daysSince: number | null;
  overdue: OverdueReason | null;
  expertId: string | null;
  expertName: string | null;
  note: string;
}

const holderOf: Record<ReviewStage, ReviewHolder> = {
  'not-started': 'experts',
  draft: 'experts',
  sent: 'state',
  commented: 'experts',
  agreed: 'committee',
  approved: 'secretariat',
  published: 'done',
};

/** Approved (the Committee's part is done) or published: a deadline no longer applies. */
const finished: readonly ReviewStage[] = ['approved', 'published'];

const day = 86_400_000;
const startOfDay = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);
const utcDay = (d: Date) => Math.floor(d.getTime() / day);

/** The date the cycle is judged at: today, or the day it was closed if that came first. */
export function asOf(cycle: Pick<ReviewCycleInput, 'closedAt'>, today: Date): Date {
  return cycle.closedAt && cycle.closedAt < today ? cycle.closedAt : today;
}

/**
 * Each State's progress in the cycle, in the order of `states`.
 *
 * The version in the cycle is the newest one created on or after the cycle's first day (and, for
 * a closed cycle, before it was closed). A State without one has not started. A version's stage
 * is its status; who holds it follows from the workflow: a draft or a commented version the
 * experts, a sent one the State, an agreed one the Committee, an approved one the secretariat (to
 * publish). A State is overdue when the deadline has passed and its version is not yet approved
 * or published, or when a version in the cycle has waited more than `holdDays` days in the same
 * hands.
 */
export function reviewProgress(
  cycle: ReviewCycleInput,
  states: readonly ReviewStateInput[],
  versions: readonly ReviewVersionInput[],
  assignments: readonly ReviewAssignmentInput[],
  today: Date,
): StateProgress[] {
  const at = asOf(cycle, today);
  const from = startOfDay(cycle.startsOn);
  const until = cycle.closedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const current = new Map<string, ReviewVersionInput>();
  for (const v of versions) {
    const created = v.createdAt.getTime();
    if (created < from || created >= until) continue;
    const seen = current.get(v.stateIso3);
    if (!seen || v.number > seen.number) current.set(v.stateIso3, v);
  }
  const assigned = new Map(assignments.map((a) => [a.stateIso3, a]));
  const pastDeadline = utcDay(at) > utcDay(new Date(startOfDay(cycle.deadline)));
  return states.map((s) => {
    const v = current.get(s.iso3);
    const a = assigned.get(s.iso3);
    const stage: ReviewStage = v ? v.status : 'not-started';
    const holder = holderOf[stage];
    const lastMoved = v ? v.statusChangedAt : null;
    const daysSince = lastMoved ? Math.max(0, utcDay(at) - utcDay(lastMoved)) : null;
    let overdue: OverdueReason | null = null;
    if (pastDeadline && !finished.includes(stage)) overdue = 'deadline';
    else if (holder !== 'done' && daysSince !== null && daysSince > cycle.holdDays) overdue = 'held';
    return {
      iso3: s.iso3,
      regionalGroup: s.regionalGroup,
      stage,
      holder,
      holderName: holder === 'experts' ? (a?.expertName ?? null) : null,
      version: v?.number ?? null,
      lastMoved,
      daysSince,
      overdue,
      expertId: a?.expertId ?? null,
      expertName: a?.expertName ?? null,
      note: a?.note ?? '',
    };
  });
}

export type StageCounts = Record<ReviewStage, number>;

export interface ReviewSummary {
  total: number;
  byStage: StageCounts;
  overdue: number;
  /** Approved or published. */
  finished: number;
  /** Per regional group: its States by stage, and how many are overdue. */
  byGroup: Record<string, { total: number; byStage: StageCounts; overdue: number }>;
}

const noCounts = (): StageCounts => Object.fromEntries(reviewStages.map((s) => [s, 0])) as StageCounts;

export function summarizeProgress(progress: readonly StateProgress[]): ReviewSummary {
  const summary: ReviewSummary = { total: 0, byStage: noCounts(), overdue: 0, finished: 0, byGroup: {} };
  for (const p of progress) {
    const group = summary.byGroup[p.regionalGroup] ?? { total: 0, byStage: noCounts(), overdue: 0 };
    summary.byGroup[p.regionalGroup] = group;
    summary.total++;
    group.total++;
    summary.byStage[p.stage]++;
    group.byStage[p.stage]++;
    if (p.overdue) {
      summary.overdue++;
      group.overdue++;
    }
    if (finished.includes(p.stage)) summary.finished++;
  }
  return summary;
}

export interface ProgressFilters {
  stage?: ReviewStage | undefined;
  group?: string | undefined;
  /** An expert's id, or `none` for States nobody is assigned to. */
  expert?: string | undefined;
  overdue?: boolean | undefined;
}

export function filterProgress(progress: readonly StateProgress[], f: ProgressFilters): StateProgress[] {
  return progress.filter(
    (p) =>
      (!f.stage || p.stage === f.stage) &&
      (!f.group || p.regionalGroup === f.group) &&
      (!f.expert || (f.expert === 'none' ? p.expertId === null : p.expertId === f.expert)) &&
      (!f.overdue || p.overdue !== null),
  );
}

export const progressSorts = ['name', 'moved', 'moved-desc'] as const;
export type ProgressSort = (typeof progressSorts)[number];

/**
 * Sorts by the last move: `moved` the longest waiting first (States not started first of all),
 * `moved-desc` the latest first. Ties, and `name`, keep the given order (the caller's name order).
 */
export function sortProgress(progress: readonly StateProgress[], sort: ProgressSort): StateProgress[] {
  if (sort === 'name') return [...progress];
  const key = (p: StateProgress) => p.lastMoved?.getTime() ?? Number.NEGATIVE_INFINITY;
  const sign = sort === 'moved' ? 1 : -1;
  return progress
    .map((p, i) => ({ p, i }))
    .sort((a, b) => sign * (key(a.p) - key(b.p)) || a.i - b.i)
    .map((x) => x.p);
}
