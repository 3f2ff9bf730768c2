// The fields the clearinghouse's input schemas are made of (requests, offers, steps, responses,
// matches), each with the problem it names when it is wrong. Built on the platform's values.
import { z } from 'zod';
import { isoDate, todayIso } from '../../platform/values/dates.ts';
import { type Dimension, unknownCodes } from './taxonomy.ts';

export const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;

/** A choice among values. */
export const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, oneOf(values));

/** A text that may be left out, at most `max` characters once trimmed. */
export const text = (max: number) => z.string('must be text').trim().max(max, `is longer than ${max} characters`).optional();

/** A text that must be written. */
export const requiredText = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'is required')
    .max(max, `is longer than ${max} characters`);

const emailLike = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);

/** An e-mail address, or nothing. */
export const email = text(254).refine((s) => !s || emailLike(s), 'is not an e-mail address');

export const yesNo = z.boolean('must be true or false').optional();

/** A day that exists, written YYYY-MM-DD (`platform/values`), with the words the forms have always used. */
export const day = z.string('must be a date (YYYY-MM-DD)').pipe(isoDate);

/** A day that has come: not after today (a write core given another day checks against it too). */
export const pastDay = day.refine((d) => d <= todayIso(), { error: (issue) => `${String(issue.input)} is in the future` });

/** A list of the taxonomy's codes of one dimension, each once; `required`: at least one. */
const codeList = (dimension: Dimension, required: boolean) =>
  z
    .array(z.string('must be a list of codes'), {
      error: (issue) => (issue.input === undefined && required ? 'choose at least one' : 'must be a list of codes'),
    })
    .superRefine((values, ctx) => {
      if (required && values.length === 0) ctx.addIssue({ code: 'custom', message: 'choose at least one' });
      const unknown = unknownCodes(dimension, values);
      if (unknown.length)
        ctx.addIssue({ code: 'custom', message: `unknown ${dimension} codes: ${unknown.map((u) => u.slice(0, 30)).join(', ')}` });
    })
    .transform((values) => [...new Set(values)]);

/** Codes of one dimension, or none. */
export const codes = (dimension: Dimension) => codeList(dimension, false).optional();
/** Codes of one dimension: at least one. */
export const someCodes = (dimension: Dimension) => codeList(dimension, true);

const providerPattern = /^(state|organization):[A-Za-z0-9._-]{1,40}$/;

/** A provider: 'organization:CODE' or 'state:ISO3' (a State's code in capitals). */
export const provider = z
  .string('must be organization:CODE or state:ISO3')
  .trim()
  .regex(providerPattern, 'must be organization:CODE or state:ISO3')
  .transform((key) => (key.startsWith('state:') ? key.toUpperCase().replace('STATE:', 'state:') : key));

/** A note on a step or a match. */
export const note = text(4000);
