import { z } from 'zod';
import { type Locale, locales } from '../../platform/i18n/locales.ts';
import { organizationKinds } from './reference.ts';

/*
 * The inputs of an organization, one schema each: the secretariat's edit (its form) and, built on
 * the same fields, the bundle's record. Languages without a value are left out.
 */

/** An organization's code, as other records name it. */
export const organizationCode = z.string().regex(/^[A-Z0-9-]{2,20}$/, 'is not an organization code');

/** A value by language, each language optional. */
export function perLocale<T extends z.ZodType>(value: T) {
  return z.strictObject(Object.fromEntries(locales.map((l) => [l, value.optional()])) as Record<Locale, z.ZodOptional<T>>);
}

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty: leave the language out instead').max(max, `must be at most ${max} characters`);

/** What the secretariat edits of an organization. */
export const organizationEditFields = {
  kind: z.enum(organizationKinds, `must be one of ${organizationKinds.join(', ')}`),
  // A short name: an acronym, or in Arabic and Chinese often a short name in words (up to 100).
  acronyms: perLocale(text(100)),
  names: perLocale(text(300)).refine((n) => n.en !== undefined, { message: 'is required', path: ['en'] }),
  website: z
    .string()
    .refine((w) => URL.canParse(w) && ['http:', 'https:'].includes(new URL(w).protocol), 'must be an http or https address')
    .nullable(),
};

export const organizationEditInput = z.strictObject(organizationEditFields);
/** An edit as the form gives it, before any check. */
export interface OrganizationEdit {
  kind: string;
  names: Partial<Record<Locale, string>>;
  acronyms: Partial<Record<Locale, string>>;
  website: string | null;
}

/** Leaves out the languages without a value (empty in a form, or absent), as the database keeps them. */
export function present<T>(byLocale: Partial<Record<Locale, T | ''>>): Partial<Record<Locale, T>> {
  return Object.fromEntries(locales.flatMap((l) => (byLocale[l] === undefined || byLocale[l] === '' ? [] : [[l, byLocale[l]]])));
}
