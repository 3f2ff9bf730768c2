import type { Locale } from '../../platform/i18n/locales.ts';

/*
 * Dates as the UN's documents write them in each language, which is not always what Intl writes:
 * English "22 December 2018" (day first, as British English), Chinese "2018 年 12 月 22 日" in
 * running text (a space each side of the digits, as the seed writes them; "2018年12月28日" under
 * the symbol and in the annex's table), and a Chinese range of days "8 月 14 日至 17 日" where Intl
 * writes "2018/8/14 – 2018/8/17".
 */

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { ...options, timeZone: 'UTC' });
    formats.set(key, f);
  }
  return f;
}
const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const parts = (iso: string) => iso.slice(0, 10).split('-').map(Number) as [number, number, number];

/** Chinese digits set apart by a space in running text ("2018 年 12 月 22 日"), or not in a heading or a table. */
const zh = (spaced: boolean) => (n: number, unit: string) => (spaced ? `${n} ${unit}` : `${n}${unit}`);

/** A day: "22 December 2018", "22 décembre 2018", "2018 年 12 月 22 日" (`heading`: "2018年12月22日"). */
export function unDate(locale: Locale, iso: string, where: 'text' | 'heading' = 'text'): string {
  if (locale === 'zh') {
    const [y, m, d] = parts(iso);
    const w = zh(where === 'text');
    return where === 'text' ? `${w(y, '年')} ${w(m, '月')} ${w(d, '日')}` : `${y}年${m}月${d}日`;
  }
  return format(locale, { dateStyle: 'long' }).format(day(iso));
}

/**
 * Days of one year without the year (the sentence or the table gives it): "14–17 August",
 * "27 February – 1 March", "8 月 14 日至 17 日" (`table`: "8月14日至17日", as the annex writes them).
 */
export function unDays(locale: Locale, from: string, to: string, where: 'text' | 'table' = 'text'): string {
  if (locale === 'zh') {
    const [, m1, d1] = parts(from);
    const [, m2, d2] = parts(to);
    const w = zh(where === 'text');
    const join = where === 'text' ? ' ' : '';
    const first = `${w(m1, '月')}${join}${w(d1, '日')}`;
    if (from === to) return first;
    return m1 === m2 ? `${first}至${join}${w(d2, '日')}` : `${first}至${join}${w(m2, '月')}${join}${w(d2, '日')}`;
  }
  const f = format(locale, { month: 'long', day: 'numeric' });
  return from === to ? f.format(day(from)) : f.formatRange(day(from), day(to));
}

/** Days with their year: "14–17 August 2018"; in Chinese the days alone, as the seed ("8 月 14 日至 17 日"). */
export function unDateRange(locale: Locale, from: string, to: string): string {
  if (locale === 'zh') return unDays(locale, from, to);
  const f = format(locale, { dateStyle: 'long' });
  return from === to ? f.format(day(from)) : f.formatRange(day(from), day(to));
}
