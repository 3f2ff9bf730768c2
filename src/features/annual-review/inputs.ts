import { z } from 'zod';
import { locales } from '../../platform/i18n/locales.ts';
import { iso3 } from '../../platform/values/codes.ts';
import { isoDate } from '../../platform/values/dates.ts';
import { translationStatuses } from './schema.ts';

/*
 * One input schema per input, shared by the forms, the API and the command line. Form fields come
 * as strings: numbers are coerced, empty optional fields are absent.
 */

const blankAsUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalDate = z.preprocess(blankAsUndefined, isoDate.optional());
const text = (max: number) => z.preprocess((v) => (v === null || v === undefined ? '' : v), z.string().trim().max(max));
const locale = z.enum(locales, { message: `must be one of the six languages: ${locales.join(', ')}` });

export const reviewInput = z
  .object({
    year: z.coerce.number().int().min(2004).max(2199),
    programmeNumber: z.coerce.number().int().min(1).max(99),
    programmeSymbol: text(60),
    periodFrom: isoDate,
    periodTo: isoDate,
    cutOff: isoDate,
    /** The last day the website's visits are counted to, when not the cut-off (¶45 of the 2018 review counts to 20 December). */
    siteVisitsTo: optionalDate,
    symbol: text(60),
    datedOn: optionalDate,
    chairName: text(200),
    chairStateIso3: z.preprocess(blankAsUndefined, iso3.optional()),
    originalLanguage: z.preprocess(blankAsUndefined, locale.default('en')),
    letterLanguage: z.preprocess(blankAsUndefined, locale.default('en')),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.periodTo < v.periodFrom)
      ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'must not be before the start of the period' });
    else if (v.cutOff < v.periodFrom || v.cutOff > v.periodTo)
      ctx.addIssue({
        code: 'custom',
        path: ['cutOff'],
        message: `must fall within the period reported on (${v.periodFrom} to ${v.periodTo})`,
      });
    if (v.siteVisitsTo !== undefined && (v.siteVisitsTo > v.cutOff || v.siteVisitsTo < `${v.year}-01-01`))
      ctx.addIssue({
        code: 'custom',
        path: ['siteVisitsTo'],
        message: `must fall from 1 January ${v.year} to the data cut-off date (${v.cutOff})`,
      });
    if (Number(v.cutOff.slice(0, 4)) !== v.year)
      ctx.addIssue({ code: 'custom', path: ['cutOff'], message: `must fall in the year reviewed (${v.year})` });
  });
export type ReviewInput = z.output<typeof reviewInput>;

export const paragraphInput = z
  .object({
    body: z.string().trim().min(1, 'is required').max(20000),
    translationStatus: z.preprocess(blankAsUndefined, z.enum(translationStatuses).default('original')),
    rowVersion: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type ParagraphInput = z.output<typeof paragraphInput>;

/** Clearing the flag of an edited paragraph: the person has reconciled it with the new figures. */
export const reconcileInput = z.object({ rowVersion: z.coerce.number().int().min(1) }).strict();

export const localeInput = z.object({ lang: locale }).strict();

export const advanceInput = z
  .object({
    to: z.enum(['draft', 'working-group', 'committee', 'approved', 'transmitted', 'published']),
    rowVersion: z.coerce.number().int().min(1),
    letterOn: optionalDate,
    publishedOn: optionalDate,
  })
  .strict();
export type AdvanceInput = z.output<typeof advanceInput>;
