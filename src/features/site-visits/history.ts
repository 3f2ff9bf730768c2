import type { PageCount } from './figures.ts';

/*
 * The demonstration history (illustrative, generated, deterministic): one row a day from
 * 1 January 2017 to the day given, whose visits from 1 January to 20 December 2018 are the 68,006
 * of ¶45 of the 2018 review and those of the same days of 2017 are 67,340 (68,006 is 0.99 % more:
 * "1 % more than in 2017", rounded as the review does). Only those two totals come from the seed;
 * the days, pages, languages and page views are made up.
 */

export const seedPeriod = { from: '2018-01-01', to: '2018-12-20' } as const;
export const seedVisits = 68_006;
/** The visits of 1 January – 20 December 2017 in the generated history (not in the seed, which gives only "+1 %"). */
export const visits2017 = 67_340;

/** A small seeded generator (mulberry32): the same numbers on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `total` shared in proportion to `weights` in whole numbers that add up to it (largest remainders first, then the earliest). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new Error('apportion: the weights add up to nothing');
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

/** The pages the generated visits land on, with their shares. */
const pages: readonly (readonly [string, string, number])[] = [
  ['en', '', 30],
  ['en', 'states', 16],
  ['en', 'documents', 10],
  ['fr', '', 7],
  ['es', '', 6],
  ['en', 'reports', 6],
  ['ru', '', 5],
  ['ar', '', 5],
  ['zh', '', 5],
  ['en', 'assistance', 4],
  ['fr', 'states', 3],
  ['es', 'documents', 3],
];

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export interface DayCount extends PageCount {
  day: string;
}

/** The generated history from 1 January 2017 to `until` (at least to 31 December 2018). */
export function generatedHistory(until: string): DayCount[] {
  const random = seeded(1540);
  const last = until < '2018-12-31' ? '2018-12-31' : until;
  const days: { day: string; weight: number; page: readonly [string, string, number]; perVisit: number }[] = [];
  const pageTotal = pages.reduce((a, p) => a + p[2], 0);
  for (let day = '2017-01-01'; day <= last; day = nextDay(day)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const month = day.slice(5, 7);
    const season = month === '08' || day.slice(5) >= '12-22' ? 0.75 : 1;
    const weight = (weekday === 0 || weekday === 6 ? 0.55 : 1) * season * (0.85 + 0.3 * random());
    let pick = random() * pageTotal;
    let page = pages[0] as (typeof pages)[number];
    for (const p of pages) {
      page = p;
      pick -= p[2];
      if (pick < 0) break;
    }
    days.push({ day, weight, page, perVisit: 2.1 + 0.7 * random() });
  }
  const within = (from: string, to: string) => days.filter((d) => d.day >= from && d.day <= to);
  const p2017 = within('2017-01-01', '2017-12-20');
  const p2018 = within(seedPeriod.from, seedPeriod.to);
  const visits = new Map<string, number>();
  const share = (total: number, period: typeof days) => {
    const parts = apportion(
      total,
      period.map((d) => d.weight),
    );
    for (const [i, d] of period.entries()) visits.set(d.day, parts[i] ?? 0);
  };
  share(visits2017, p2017);
  share(seedVisits, p2018);
  const rate = (sum: number, period: typeof days) => sum / period.reduce((a, d) => a + d.weight, 0);
  const rate2017 = rate(visits2017, p2017);
  const rate2018 = rate(seedVisits, p2018);
  return days
    .filter((d) => d.day <= until)
    .map((d) => {
      const year = Number(d.day.slice(0, 4));
      // After 2018, 3 % more a year (made up).
      const perDay = year === 2017 ? rate2017 : year === 2018 ? rate2018 : rate2018 * 1.03 ** (year - 2018);
      const v = visits.get(d.day) ?? Math.round(perDay * d.weight);
      const [language, section] = d.page;
      return {
        day: d.day,
        language,
        section,
        path: section ? `/${language}/${section}` : `/${language}`,
        visits: v,
        views: Math.round(v * d.perVisit),
      };
    });
}
