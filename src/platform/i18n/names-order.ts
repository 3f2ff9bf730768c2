// Names in the order readers of a language expect (as the UN lists States in each language):
// one collator per locale, used by every list of named records.
import type { Locale } from './locales.ts';

const collators = new Map<Locale, Intl.Collator>();

/** A comparator of names for a locale: Intl.Collator(locale), e.g. pinyin order for 'zh'. */
export function byName(locale: Locale): (a: string, b: string) => number {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(locale);
    collators.set(locale, c);
  }
  return c.compare;
}

/** A copy of the items sorted by the name each has in the reader's language. */
export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string, locale: Locale): T[] {
  const compare = byName(locale);
  return [...items].sort((a, b) => compare(nameOf(a), nameOf(b)));
}
