import { dirOf, type Locale, type LocalizedText, locales } from '../../platform/i18n/locales.ts';

/**
 * A name in the reader's language; when it has none, in the language it has (English first),
 * marked as such (`lang`, `dir`) so that screen readers and bidirectional text get it right.
 */
export function Localized({
  text,
  locale,
  fallback,
}: {
  text: Partial<LocalizedText> | null | undefined;
  locale: Locale;
  fallback?: string;
}) {
  const own = text?.[locale];
  if (own) return <>{own}</>;
  const other = text?.en ? 'en' : locales.find((l) => text?.[l]);
  if (!other) return <>{fallback ?? ''}</>;
  return (
    <span lang={other} dir={dirOf(other)}>
      {text?.[other]}
    </span>
  );
}
