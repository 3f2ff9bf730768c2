import { z } from 'zod';
import { isIsoDate, todayIso } from '../../platform/values/dates.ts';
import { parseInput } from '../../platform/values/input.ts';
import { resolutionAdopted } from '../reports/index.ts';
import { type FaqText, publicationKinds, publicationSources, type TextLanguage, textLanguages } from './schema.ts';

/*
 * The inputs of publications and of the FAQ, one schema each, shared by the forms, the API, the
 * bundle and the demonstration data. Every problem names its field (`texts.de`, `publishedOn`).
 */

const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, oneOf(values));
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const required = (max: number) =>
  z.string().trim().min(1, `is required, at most ${max} characters`).max(max, `is required, at most ${max} characters`);

/** A day since resolution 1540 was adopted. */
export const dayField = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (!v) ctx.addIssue({ code: 'custom', message: 'is required (YYYY-MM-DD)' });
    else if (!isIsoDate(v)) ctx.addIssue({ code: 'custom', message: 'must be a date (YYYY-MM-DD)' });
    else if (v < resolutionAdopted)
      ctx.addIssue({ code: 'custom', message: `is before resolution 1540 was adopted (${resolutionAdopted})` });
    else if (v >= '2200-01-01') ctx.addIssue({ code: 'custom', message: 'must be before 2200' });
  });

export const languageProblem = `is not one of the six languages (${textLanguages.join(', ')})`;

/** Versions by language, keyed by one of the six: any other key is named as the field at fault. */
function byLanguage<T extends z.ZodType>(version: T, atLeastOne: string) {
  return z.record(z.string(), version).superRefine((v, ctx) => {
    for (const key of Object.keys(v))
      if (!(textLanguages as readonly string[]).includes(key)) ctx.addIssue({ code: 'custom', path: [key], message: languageProblem });
    if (!Object.keys(v).length) ctx.addIssue({ code: 'custom', message: atLeastOne });
  }) as unknown as z.ZodType<Partial<Record<TextLanguage, z.output<T>>>, Record<string, z.input<T>>>;
}

export const publicationTextSchema = z.strictObject({ title: required(300), body: text(20000).default('') });

export const publicationFields = {
  kind: choice(publicationKinds),
  dated: dayField,
  reference: text(100).default(''),
  texts: byLanguage(publicationTextSchema, 'at least one language version is required'),
};

export const publicationSchema = z.strictObject({ ...publicationFields, source: choice(publicationSources).optional() });
export type PublicationInput = z.input<typeof publicationSchema>;
export type PublicationData = z.output<typeof publicationSchema>;

export function parsePublication(raw: unknown): PublicationData {
  return parseInput(publicationSchema, raw);
}

/** The day of publication: a day, not after today, not before the publication's own date. */
export function publishSchema(dated: string, today = todayIso()) {
  return z.strictObject({
    publishedOn: dayField.superRefine((v, ctx) => {
      if (!isIsoDate(v)) return;
      if (v > today) ctx.addIssue({ code: 'custom', message: `is in the future (today is ${today})` });
      else if (v < dated) ctx.addIssue({ code: 'custom', message: `is before the publication's own date (${dated})` });
    }),
  });
}

/** A list's filters: a kind, a year, a status. */
export const publicationFilterSchema = z.object({
  kind: z.union([z.literal(''), choice(publicationKinds)]).optional(),
  year: z
    .string()
    .trim()
    .regex(/^(|\d{4})$/, 'must be a year (2018)')
    .optional(),
  status: z.union([z.literal(''), choice(['draft', 'approved', 'published'] as const)]).optional(),
});
export type PublicationFilters = { kind?: string; year?: number; status?: string };

export function publicationFilters(raw: unknown): PublicationFilters {
  const f = parseInput(publicationFilterSchema, raw);
  return { ...(f.kind ? { kind: f.kind } : {}), ...(f.year ? { year: Number(f.year) } : {}), ...(f.status ? { status: f.status } : {}) };
}

const position = z.coerce
  .number({ error: 'must be a whole number from 1 to 1000' })
  .int('must be a whole number from 1 to 1000')
  .min(1, 'must be a whole number from 1 to 1000')
  .max(1000, 'must be a whole number from 1 to 1000');

export const faqGroupSchema = z.strictObject({
  position,
  titles: byLanguage(required(200), 'a heading in at least one language is required'),
});
export type FaqGroupInput = z.input<typeof faqGroupSchema>;
export type FaqGroupData = z.output<typeof faqGroupSchema>;

export const faqTextSchema: z.ZodType<FaqText> = z.strictObject({ question: required(500), answer: required(8000) });

export const faqQuestionSchema = z.strictObject({
  groupId: z.string().trim().uuid('must be the id of a group of the FAQ'),
  position,
  texts: byLanguage(faqTextSchema, 'a question and its answer in at least one language are required'),
});
export type FaqQuestionInput = z.input<typeof faqQuestionSchema>;
export type FaqQuestionData = z.output<typeof faqQuestionSchema>;
