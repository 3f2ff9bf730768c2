import type { MessageKey, Messages } from '../../platform/i18n/i18n.ts';
import { type Locale, locales } from '../../platform/i18n/locales.ts';
import type { PublicationKind, PublicationStatus, TextLanguage } from './schema.ts';

export const kindLabel = (m: Messages, kind: PublicationKind) => m.t(`publications.kind.${kind}` as MessageKey);
export const statusLabel = (m: Messages, status: PublicationStatus) => m.t(`publications.status.${status}` as MessageKey);

/** The languages a set of versions exists in, in the UN's order. */
export function languagesOf(texts: Partial<Record<TextLanguage, unknown>>): Locale[] {
  return locales.filter((l) => texts[l] !== undefined);
}

/** The version in the reader's language, if there is one: never another language's text in its place. */
export function versionIn<T>(texts: Partial<Record<TextLanguage, T>>, locale: Locale): T | undefined {
  return texts[locale];
}

/** A heading to name a record by in a list: the reader's language, else the first version there is (shown with its language). */
export function nameIn<T>(texts: Partial<Record<TextLanguage, T>>, locale: Locale): { value: T; language: Locale } | undefined {
  const language = texts[locale] !== undefined ? locale : languagesOf(texts)[0];
  return language ? { value: texts[language]!, language } : undefined;
}
