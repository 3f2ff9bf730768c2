import { z } from 'zod';
import { type Locale, locales } from '../../platform/i18n/locales.ts';
import { isIsoDate, isoDate, todayIso } from '../../platform/values/dates.ts';
import { organizationCode } from '../organizations/index.ts';
import { regionalGroups } from './reference.ts';

/*
 * The inputs of a Member State, one schema each: the secretariat's edit (its form) and, built on
 * the same fields, the bundle's record.
 */

const name = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');
const latestYear = () => new Date().getUTCFullYear() + 2;

/** What the secretariat edits of a State. */
export const stateEditFields = {
  names: z.strictObject(Object.fromEntries(locales.map((l) => [l, name])) as Record<Locale, typeof name>),
  unMemberSince: isoDate.refine(
    (d) => !isIsoDate(d) || (d >= '1945-10-24' && d <= todayIso()),
    'must be between 24 October 1945 and today',
  ),
  regionalGroup: z.enum(regionalGroups, `must be one of ${regionalGroups.join(', ')}`),
  organizations: z.array(organizationCode),
  securityCouncilYears: z.array(
    z
      .number('must be a year')
      .int('must be a year')
      .refine((y) => y >= 1946 && y <= latestYear(), 'must be a year from 1946 to two years from now'),
  ),
};

/** Lists that are sets, as they are stored: sorted, each once. */
export function asSets<T extends { organizations: string[]; securityCouncilYears: number[] }>(v: T): T {
  return {
    ...v,
    organizations: [...new Set(v.organizations)].sort(),
    securityCouncilYears: [...new Set(v.securityCouncilYears)].sort((a, b) => a - b),
  };
}

export const stateEditInput = z.strictObject(stateEditFields).transform(asSets);

/** An edit as the form gives it, before any check; a year the form could not read stays text, and is refused by name. */
export interface StateEdit {
  names: Record<Locale, string>;
  unMemberSince: string;
  regionalGroup: string;
  organizations: string[];
  securityCouncilYears: (number | string)[];
}

/** Years typed as "2004, 2005 2018": numbers where they are whole numbers, else the text as typed. */
export function parseYears(raw: string): (number | string)[] {
  return raw
    .split(/[\s,;،，、；]+/)
    .filter(Boolean)
    .map((y) => (/^-?\d+$/.test(y) ? Number(y) : y));
}
