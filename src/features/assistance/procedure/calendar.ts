/**
 * Working days for the clearinghouse's deadlines: Monday to Friday, less the official holidays of
 * United Nations Headquarters as r1540 defines them. The fixed and rule-based holidays are
 * computed; the Eids follow the dates the UN observed (or announced) for New York. A holiday that
 * falls on a Saturday is observed on the Friday before, on a Sunday on the Monday after. The
 * secretariat should compare each year with the information circular that lists the holidays.
 */

const eids: Record<number, string[]> = {
  2016: ['2016-07-06', '2016-09-12'],
  2017: ['2017-06-26', '2017-09-01'],
  2018: ['2018-06-15', '2018-08-21'],
  2019: ['2019-06-04', '2019-08-12'],
  2020: ['2020-05-25', '2020-07-31'],
  2021: ['2021-05-13', '2021-07-20'],
  2022: ['2022-05-02', '2022-07-11'],
  2023: ['2023-04-21', '2023-06-28'],
  2024: ['2024-04-10', '2024-06-17'],
  2025: ['2025-03-31', '2025-06-06'],
  2026: ['2026-03-20', '2026-05-27'],
  2027: ['2027-03-10', '2027-05-17'],
  2028: ['2028-02-28', '2028-05-05'],
};

const day = 86_400_000;
const toIso = (t: number) => new Date(t).toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const weekday = (t: number) => new Date(t).getUTCDay();

/** The nth weekday (0 = Sunday) of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, dow: number, n: number): number {
  if (n > 0) {
    const first = utc(year, month, 1);
    return first + (((dow - weekday(first) + 7) % 7) + (n - 1) * 7) * day;
  }
  const last = utc(year, month + 1, 0);
  return last - ((weekday(last) - dow + 7) % 7) * day;
}

/** Easter Sunday (Gregorian, the anonymous algorithm). */
function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, dayOfMonth);
}

function observed(t: number): number {
  const w = weekday(t);
  return w === 6 ? t - day : w === 0 ? t + day : t;
}

const cache = new Map<number, Set<string>>();

/** The official holidays of one year, as ISO dates (observed dates). */
export function holidaysOf(year: number): Set<string> {
  const hit = cache.get(year);
  if (hit) return hit;
  const dates = [
    observed(utc(year, 1, 1)), // New Year's Day
    nthWeekday(year, 1, 1, 3), // Martin Luther King Jr. Day
    easter(year) - 2 * day, // Good Friday
    nthWeekday(year, 5, 1, -1), // Memorial Day
    observed(utc(year, 7, 4)), // Independence Day
    nthWeekday(year, 9, 1, 1), // Labour Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving Day
    observed(utc(year, 12, 25)), // Christmas Day
  ].map(toIso);
  const set = new Set([...dates, ...(eids[year] ?? [])]);
  cache.set(year, set);
  return set;
}

export function isWorkingDay(iso: string): boolean {
  const t = Date.parse(`${iso}T00:00:00Z`);
  const w = weekday(t);
  return w !== 0 && w !== 6 && !holidaysOf(Number(iso.slice(0, 4))).has(iso);
}

/** The date `n` working days after `iso` (n ≥ 0; the start day itself is not counted). */
export function addWorkingDays(iso: string, n: number): string {
  let t = Date.parse(`${iso}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    t += day;
    if (isWorkingDay(toIso(t))) left--;
  }
  return toIso(t);
}

/** Working days from `from` (exclusive) to `to` (inclusive); 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
  let t = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  let n = 0;
  while (t < end) {
    t += day;
    if (isWorkingDay(toIso(t))) n++;
  }
  return n;
}

/** The same calendar date a number of years later (29 February becomes 28 February). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = utc(y + years, m, d);
  return new Date(t).getUTCMonth() + 1 === m ? toIso(t) : toIso(utc(y + years, m + 1, 0));
}
