/*
 * The figures of website visits (pure functions over counts, no database). Definitions, as the API
 * states them: a page view is one counted page response; a visit is a distinct visitor (a daily
 * salted hash of address and user agent) on a day, counted once at its first page of the day; by
 * section and by language, a visit counts where it began. The change is against the same days a
 * year before, in whole percent rounded half away from zero (the 2018 review: 68,006 visits, 1 % more).
 */

/** The counts of one page over a period (or a day). */
export interface PageCount {
  language: string;
  section: string;
  path: string;
  views: number;
  visits: number;
}

export interface Share {
  key: string;
  visits: number;
  views: number;
}

export interface VisitFigures {
  visits: number;
  views: number;
  bySection: Share[];
  byLanguage: Share[];
  /** The pages with the most views (then visits, then path), at most `top` of them. */
  topPages: Share[];
}

function grouped(rows: readonly PageCount[], keyOf: (r: PageCount) => string): Share[] {
  const by = new Map<string, Share>();
  for (const r of rows) {
    const key = keyOf(r);
    const s = by.get(key) ?? { key, visits: 0, views: 0 };
    s.visits += r.visits;
    s.views += r.views;
    by.set(key, s);
  }
  return [...by.values()].sort((a, b) => b.visits - a.visits || b.views - a.views || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Totals, by section, by language and the top pages of a period's counts. */
export function visitFigures(rows: readonly PageCount[], top = 20): VisitFigures {
  let visits = 0;
  let views = 0;
  for (const r of rows) {
    visits += r.visits;
    views += r.views;
  }
  const pages = grouped(rows, (r) => r.path).sort(
    (a, b) => b.views - a.views || b.visits - a.visits || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return {
    visits,
    views,
    bySection: grouped(rows, (r) => r.section),
    byLanguage: grouped(rows, (r) => r.language),
    topPages: pages.slice(0, top),
  };
}

/** The same day a year before; 29 February becomes 28 February. */
export function dayYearBefore(day: string): string {
  const year = Number(day.slice(0, 4)) - 1;
  const monthDay = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/** The same period a year before. */
export function periodYearBefore(period: { from: string; to: string }): { from: string; to: string } {
  return { from: dayYearBefore(period.from), to: dayYearBefore(period.to) };
}

/** The change from `before` to `now` in whole percent, half away from zero; null when there was nothing before. */
export function percentChange(now: number, before: number): number | null {
  if (before === 0) return null;
  const ratio = ((now - before) * 100) / before;
  const rounded = Math.sign(ratio) * Math.round(Math.abs(ratio));
  return rounded === 0 ? 0 : rounded;
}

/** The days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysIn(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return ms < 0 ? 0 : ms / 86_400_000 + 1;
}
