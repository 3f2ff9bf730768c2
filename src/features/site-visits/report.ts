import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { isoDate, todayIso } from '../../platform/values/dates.ts';
import { percentChange, periodYearBefore, type VisitFigures, visitFigures } from './figures.ts';
import { countsOfPeriod, illustrativeIn } from './store.ts';

/** The definitions behind the figures, as the API and the annual review state them. */
export const visitDefinitions = {
  pageView:
    'a successful (2xx) HTML page sent for a GET under /{lang} to a reader who is not signed in and whose user agent is not a robot’s; HEAD requests, prefetches, static files, feeds, downloads (CSV and others) and the API are not page views',
  visit:
    'a distinct visitor on a day (a hash of the address and the user agent, salted with a random salt of that day, deleted once the day is over), counted once, at the page of its first view that day',
  section: 'the first segment of the path after the language (empty for the home page); a visit counts in the section where it began',
  change:
    'against the same days a year before (29 February becomes 28 February), in whole percent rounded half away from zero; null when nothing was counted then',
} as const;

/** A period: both days included; `to` defaults to today, `from` to 1 January of `to`'s year. */
export const periodInput = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .transform((p) => {
    const to = p.to ?? todayIso();
    return { from: p.from ?? `${to.slice(0, 4)}-01-01`, to };
  })
  .refine((p) => p.from <= p.to, { message: 'must not be before from', path: ['to'] });

export interface VisitReport extends VisitFigures {
  from: string;
  to: string;
  yearBefore: { from: string; to: string; visits: number; views: number };
  change: { visits: number | null; views: number | null };
  /** Whether the period's counts include the generated demonstration history. */
  illustrative: boolean;
}

/** The figures of a period, and the change against the same period a year before. */
export async function visitReport(db: Kysely<DB>, period: { from: string; to: string }, top = 20): Promise<VisitReport> {
  const before = periodYearBefore(period);
  const [now, then, illustrative] = await Promise.all([
    countsOfPeriod(db, period.from, period.to),
    countsOfPeriod(db, before.from, before.to),
    illustrativeIn(db, before.from, period.to),
  ]);
  const figures = visitFigures(now, top);
  const previous = visitFigures(then, 0);
  return {
    from: period.from,
    to: period.to,
    ...figures,
    yearBefore: { ...before, visits: previous.visits, views: previous.views },
    change: { visits: percentChange(figures.visits, previous.visits), views: percentChange(figures.views, previous.views) },
    illustrative,
  };
}
