import { z } from 'zod';
import type { FieldProblem } from '../../platform/errors.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { isUuid } from '../../platform/values/codes.ts';
import { isIsoDate, todayIso } from '../../platform/values/dates.ts';
import { parseInput, problemsOf } from '../../platform/values/input.ts';
import { resolutionAdopted } from '../reports/index.ts';
import type { LetterFilters } from './queries.ts';
import { stateConcerned } from './rules.ts';
import { concernTypes, letterKinds, letterSources, recipientsModes, senderKinds } from './schema.ts';

/*
 * The inputs of correspondence, one schema each: a letter (the forms, the API, the bundle and the
 * demonstration data give the same shape), and a list's filters. What needs the database (the
 * States and records named, the letter replied to) is checked by the write core.
 */

/** Resolution 1540 (2004) was adopted on this day: no letter of the Committee is older. */
export const firstDay = resolutionAdopted;

const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, oneOf(values));
/** A text field: trimmed, at most `max` characters, empty when left out. */
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const codeOrNone = z.string().trim().toUpperCase().nullish();

/** A record a letter concerns: a report, plan, visit or matrix by id, a request by id or by a reference of its own. */
export const concernSchema = z.strictObject({
  recordType: choice(concernTypes),
  recordId: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be an id or a reference of letters, digits, dots, hyphens'),
});
export type Concern = z.output<typeof concernSchema>;

/** The fields of a letter, each checked alone: shared by the input, the API's body and the bundle's record. */
export const letterFields = {
  kind: choice(letterKinds),
  sentOn: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      if (!v) ctx.addIssue({ code: 'custom', message: 'is required (YYYY-MM-DD)' });
      else if (!isIsoDate(v)) ctx.addIssue({ code: 'custom', message: 'must be a date (YYYY-MM-DD)' });
      else if (v < firstDay) ctx.addIssue({ code: 'custom', message: `is before resolution 1540 was adopted (${firstDay})` });
    }),
  reference: text(100).default(''),
  senderKind: choice(senderKinds),
  senderState: codeOrNone,
  senderOrganization: z.string().trim().nullish(),
  recipientsMode: choice(recipientsModes),
  /** ISO3 codes, for the modes 'state' (exactly one) and 'list'; what the other modes resolve to, in a bundle. */
  recipients: z.array(z.string().trim().toUpperCase()).max(193, 'at most 193 States').default([]),
  recipientOther: text(300).default(''),
  subject: z.string().trim().min(1, 'is required, at most 300 characters').max(300, 'is required, at most 300 characters'),
  summary: text(8000).default(''),
  inReplyTo: z
    .string()
    .trim()
    .toLowerCase()
    .nullish()
    .refine((v) => !v || isUuid(v), { error: (issue) => `no letter has the id ${String(issue.input).slice(0, 40)}` }),
  concerns: z.array(concernSchema).max(50, 'at most 50 records').default([]),
  confidentiality: choice(confidentialityLevels).default('committee'),
};

type LetterShape = z.output<z.ZodObject<typeof letterFields>>;

/**
 * The rules between a letter's fields: a State or organization sender named, recipients that fit
 * the mode, a record id for each concern but a request's own reference, a State for the level
 * "the Committee and the State concerned", and (given today) no date in the future. A bundle names
 * a matrix version by its key and checks its concerns itself (`concernIds: false`).
 */
export function letterRules(today?: string, concernIds = true) {
  return (v: LetterShape, ctx: z.RefinementCtx) => {
    const problem = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    if (today && isIsoDate(v.sentOn) && v.sentOn >= firstDay && v.sentOn > today) problem('sentOn', `is in the future (today is ${today})`);
    if (v.senderKind === 'state' && !v.senderState) problem('senderState', 'is required when the sender is a State');
    if (v.senderKind === 'organization' && !v.senderOrganization)
      problem('senderOrganization', 'is required when the sender is an organization');
    const given = new Set(v.recipients.filter(Boolean)).size;
    if (v.recipientsMode === 'state' && given !== 1)
      problem('recipients', `name exactly one State for a letter to one State (${given} given)`);
    if (v.recipientsMode === 'list' && given === 0) problem('recipients', 'name at least one State for a letter to a list of States');
    if (v.recipientsMode === 'other' && !v.recipientOther) problem('recipientOther', 'is required: say who the letter went to');
    for (const c of concernIds ? v.concerns : [])
      if (c.recordType !== 'assistance-request' && !isUuid(c.recordId))
        problem('concerns', `${c.recordType}:${c.recordId.slice(0, 40)} is not a record id`);
    if (v.confidentiality === 'committee-and-state' && !stateConcerned(v))
      problem(
        'confidentiality',
        'the Committee and the State concerned: the letter needs a State as its sender or a single State as its recipient',
      );
  };
}

/** The given recipients, each once, for the modes that name them (the others resolve them from the database). */
export function namedRecipients<T extends { recipientsMode: string; recipients: string[] }>(v: T): T {
  const named = v.recipientsMode === 'state' || v.recipientsMode === 'list';
  return { ...v, recipients: named ? [...new Set(v.recipients.filter(Boolean))] : [] };
}

/** A letter as the write core takes it: the fields, their rules, and the letter's source. */
export function letterInput(today: string = todayIso()) {
  return z
    .strictObject({ ...letterFields, source: choice(letterSources).optional() })
    .superRefine(letterRules(today))
    .transform(namedRecipients);
}
export type LetterData = z.output<ReturnType<typeof letterInput>>;

/** A letter as a form, the API or the demonstration data give it, before any check. */
export interface LetterInput {
  kind: string;
  sentOn: string;
  reference?: string;
  senderKind: string;
  senderState?: string | null;
  senderOrganization?: string | null;
  recipientsMode: string;
  /** ISO3 codes, for the modes 'state' (exactly one) and 'list'. Ignored for the other modes. */
  recipients?: string[];
  recipientOther?: string;
  subject: string;
  summary?: string;
  inReplyTo?: string | null;
  concerns?: { recordType: string; recordId: string }[];
  confidentiality?: string;
}

/** The problems of a letter that can be seen without the database (the rest: the write core). */
export function checkLetterInput(input: LetterInput, today: string): FieldProblem[] {
  const result = letterInput(today).safeParse(input);
  return result.success ? [] : problemsOf(result.error.issues);
}

/** A letter, checked: its values, or a validation error naming every field at fault. */
export function parseLetter(input: LetterInput, today: string): LetterData {
  return parseInput(letterInput(today), input);
}

/** ISO3 codes from free text ("MLI, ner  TCD"), upper-case, each once, in the order given. */
export function parseStateCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((c) => c.toUpperCase()),
    ),
  ];
}

/** "national-report:…" or "visit:…", one per entry or separated by commas, spaces or lines. */
export function parseConcerns(raw: readonly string[], problems: FieldProblem[]): Concern[] {
  const out: Concern[] = [];
  for (const part of raw.flatMap((r) => r.split(/[\s,]+/)).filter(Boolean)) {
    const m = /^([a-z][a-z-]*):([A-Za-z0-9._-]{1,100})$/.exec(part);
    if (!m || !(concernTypes as readonly string[]).includes(m[1]!)) {
      problems.push({
        field: 'concerns',
        problem: `"${part.slice(0, 60)}" is not a record: write type:id, the type one of ${concernTypes.join(', ')}`,
      });
      continue;
    }
    const c = { recordType: m[1] as Concern['recordType'], recordId: m[2]! };
    if (!out.some((o) => o.recordType === c.recordType && o.recordId === c.recordId)) out.push(c);
  }
  return out;
}

const yearProblem = 'must be a year from 2004 (YYYY)';
const dateProblem = 'must be a date (YYYY-MM-DD)';
/** A filter left empty is no filter. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);

/** The filters of a list, as the query string gives them. */
export const letterFilterInput = z
  .object({
    state: optional(
      z
        .string()
        .regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166 alpha-3 code')
        .transform((s) => s.toUpperCase())
        .optional(),
    ),
    year: optional(
      z
        .string()
        .refine((y) => /^\d{4}$/.test(y) && Number(y) >= 2004 && Number(y) <= 2100, yearProblem)
        .optional(),
    ),
    from: optional(z.string().refine(isIsoDate, dateProblem).optional()),
    to: optional(z.string().refine(isIsoDate, dateProblem).optional()),
    kind: optional(choice(letterKinds).optional()),
  })
  .transform(({ state, year, from, to, kind }): LetterFilters => {
    const f: LetterFilters = {};
    if (state) f.state = state;
    if (from) f.from = from;
    if (to) f.to = to;
    if (year) {
      // A year and a period meet.
      const [start, end] = [`${year}-01-01`, `${year}-12-31`];
      f.from = f.from && f.from > start ? f.from : start;
      f.to = f.to && f.to < end ? f.to : end;
    }
    if (kind) f.kind = kind;
    return f;
  });

/** The filters of a list, checked: a malformed one is a 422 naming it. */
export function letterFilters(q: { state?: string; year?: string; from?: string; to?: string; kind?: string }): LetterFilters {
  return parseInput(letterFilterInput, q);
}
