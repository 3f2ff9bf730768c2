import { IntlMessageFormat } from 'intl-messageformat';
import ar from './catalogues/ar.json' with { type: 'json' };
import en from './catalogues/en.json' with { type: 'json' };
import es from './catalogues/es.json' with { type: 'json' };
import fr from './catalogues/fr.json' with { type: 'json' };
import ru from './catalogues/ru.json' with { type: 'json' };
import zh from './catalogues/zh.json' with { type: 'json' };
import { type Locale, dirOf, locales } from './locales.ts';
import { byName } from './names-order.ts';

export type MessageKey = keyof typeof en;
export type Values = Record<string, string | number | Date>;

const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = { ar, zh, en, fr, ru, es };

export function catalogue(locale: Locale): Partial<Record<MessageKey, string>> {
  return catalogues[locale];
}

const formatters = new Map<string, IntlMessageFormat>();

function formatter(locale: Locale, key: MessageKey, source: string): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let f = formatters.get(id);
  if (!f) {
    // Messages hold no rich-text tags; "Bearer <token>" is text.
    f = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true });
    formatters.set(id, f);
  }
  return f;
}

/**
 * The messages of one request. A key missing from the reader's catalogue falls back to English
 * and is remembered, so the page can say that some of its text is not yet translated.
 */
export class Messages {
  readonly locale: Locale;
  readonly dir: 'rtl' | 'ltr';
  readonly missing = new Set<MessageKey>();

  constructor(locale: Locale) {
    this.locale = locale;
    this.dir = dirOf(locale);
  }

  t = (key: MessageKey, values?: Values): string => {
    let locale = this.locale;
    let source = catalogues[locale][key];
    if (source === undefined) {
      this.missing.add(key);
      locale = 'en';
      source = en[key];
    }
    if (values === undefined && !source.includes('{')) return source;
    return String(formatter(locale, key, source).format(values));
  };

  has = (key: string): key is MessageKey => key in en;

  /** 28 décembre 2018, 2018年12月28日. Dates without a time are read as UTC days. */
  date = (value: Date | string, style: 'long' | 'medium' | 'short' = 'long'): string => {
    const d = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
    return intl(`date:${this.locale}:${style}`, () => new Intl.DateTimeFormat(this.locale, { dateStyle: style, timeZone: 'UTC' })).format(
      d,
    );
  };

  /**
   * A range of days (UTC), the month and year said once: "Oct 17 – 19, 2018", "17–19 octobre 2018",
   * "2018年10月17日至19日" (Intl writes a Chinese range "2018/10/17 – 2018/10/19").
   */
  dateRange = (from: string, to: string, style: 'long' | 'medium' = 'long'): string => {
    if (from === to) return this.date(from, style);
    if (this.locale === 'zh') {
      const [y1, m1, d1] = from.slice(0, 10).split('-').map(Number);
      const [y2, m2, d2] = to.slice(0, 10).split('-').map(Number);
      const first = `${y1}年${m1}月${d1}日`;
      return y1 !== y2 ? `${first}至${y2}年${m2}月${d2}日` : m1 !== m2 ? `${first}至${m2}月${d2}日` : `${first}至${d2}日`;
    }
    const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    return intl(
      `dateRange:${this.locale}:${style}`,
      () => new Intl.DateTimeFormat(this.locale, { dateStyle: style, timeZone: 'UTC' }),
    ).formatRange(day(from), day(to));
  };

  dateTime = (value: Date | string): string => {
    const d = typeof value === 'string' ? new Date(value) : value;
    return `${intl(`dateTime:${this.locale}`, () => new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })).format(d)} UTC`;
  };

  /** A short list as the language writes it: "AU, LAS", "非盟、阿盟", "AU، LAS". */
  list = (items: string[]): string => items.join(listSeparators[this.locale]);

  number = (value: number): string => intl(`number:${this.locale}`, () => new Intl.NumberFormat(this.locale)).format(value);

  /** Sorts names as readers of this language expect. */
  compare = (a: string, b: string): number => byName(this.locale)(a, b);
}

/** Intl formatters cost about 0.4 ms to build: one per locale and style, kept. */
const intlFormatters = new Map<string, { format(value: Date | number): string }>();
function intl<F extends { format(value: never): string }>(key: string, make: () => F): F {
  let f = intlFormatters.get(key) as F | undefined;
  if (!f) {
    f = make();
    intlFormatters.set(key, f as unknown as { format(value: Date | number): string });
  }
  return f;
}

const listSeparators: Record<Locale, string> = { ar: '، ', zh: '、', en: ', ', fr: ', ', ru: ', ', es: ', ' };

export function messages(locale: Locale): Messages {
  return new Messages(locale);
}

export { locales };
