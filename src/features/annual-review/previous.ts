// The figures of a review beside last year's (issue 15, item 8): "9 against 3", "5, as in 2017".
// Last year's are those of last year's review when the reader may see one (its snapshot, as it
// was approved or drafted), else counted from the records for the whole of last year.
import type { Messages } from '../../platform/i18n/i18n.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { allFigures } from './figures.ts';
import type { DB } from '../../platform/db/schema.ts';
import { visibleTo } from '../../platform/db/visibility.ts';
import { visibilityScope } from '../../platform/policy/policy.ts';
import { type Db, loadFacts, type ReviewRow, reviewOfYear } from './queries.ts';
import { frozenStatuses } from './schema.ts';
import type { FigureSnapshot } from './schema.ts';

export type Trend = 'more' | 'fewer' | 'same';

export interface YearBeside {
  key: string;
  now: unknown;
  before: unknown;
  /** The numbers compared: the value, or the number of items of a list. */
  nowCount: number | null;
  beforeCount: number | null;
  trend: Trend | null;
}

export interface PreviousYear {
  year: number;
  /** Last year's review the figures come from, or null when they were counted from the records. */
  review: { symbol: string; edition: number; cutOff: string } | null;
  /** The day last year's figures are counted as at. */
  cutOff: string;
  rows: YearBeside[];
}

/** A value's number: itself, or the number of items of a list. */
export function countOf(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.length;
  return null;
}

export function trendOf(now: number | null, before: number | null): Trend | null {
  if (now === null || before === null) return null;
  return now > before ? 'more' : now < before ? 'fewer' : 'same';
}

/** The latest approved (or transmitted, or published) edition of a year's review the viewer may see. */
async function approvedReviewOfYear(db: Db, viewer: Viewer | null, year: number): Promise<ReviewRow | undefined> {
  return db
    .selectFrom('annual_review')
    .selectAll()
    .where('year', '=', year)
    .where('archived_at', 'is', null)
    .where('status', 'in', [...frozenStatuses])
    .where(visibleTo<DB, 'annual_review'>(visibilityScope(viewer), 'chair_state_iso3'))
    .orderBy('edition', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Each figure of the review beside last year's. */
export async function besideLastYear(db: Db, viewer: Viewer | null, review: ReviewRow): Promise<PreviousYear> {
  const year = review.year - 1;
  // Last year's official figures: its latest approved edition the reader may see, else its latest draft.
  const last = (await approvedReviewOfYear(db, viewer, year)) ?? (await reviewOfYear(db, viewer, year));
  const lastFigures = (last?.figures as FigureSnapshot | undefined)?.figures;
  let before: Record<string, unknown>;
  let cutOff: string;
  if (last && lastFigures && Object.keys(lastFigures).length) {
    before = Object.fromEntries(Object.entries(lastFigures).map(([k, f]) => [k, f.value]));
    cutOff = String(last.cut_off_on);
  } else {
    cutOff = `${year}-12-31`;
    before = Object.fromEntries([...allFigures(await loadFacts(db, { year, cutOff }), { year, cutOff })].map(([k, f]) => [k, f.value]));
  }
  const stored = (review.figures as FigureSnapshot).figures ?? {};
  const rows = Object.entries(stored).map(([key, f]): YearBeside => {
    const nowCount = countOf(f.value);
    const beforeCount = countOf(before[key]);
    return { key, now: f.value, before: before[key] ?? null, nowCount, beforeCount, trend: trendOf(nowCount, beforeCount) };
  });
  return {
    year,
    review: last && lastFigures && Object.keys(lastFigures).length ? { symbol: last.symbol, edition: last.edition, cutOff } : null,
    cutOff,
    rows,
  };
}

/** "9 against 3", "5, as in 2017", in the reader's language. */
export function besideText(m: Messages, row: YearBeside, year: number): string {
  if (row.trend === null || row.nowCount === null || row.beforeCount === null) return '—';
  if (row.trend === 'same') return m.t('annualReview.previous.same', { now: m.number(row.nowCount), year: String(year) });
  return m.t('annualReview.previous.against', { now: m.number(row.nowCount), before: m.number(row.beforeCount) });
}
