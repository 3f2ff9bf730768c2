import { z } from 'zod';
import type { FieldProblem } from '../../platform/errors.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { problemsOf } from '../../platform/values/input.ts';
import { day, oneOf, requiredDay, subsetOf, text } from '../reports/index.ts';
import { checkDates } from './engagement.ts';
import { engagementStatuses, recordSources, visitKinds, visitPurposes } from './schema.ts';

/*
 * The inputs of visits and courses, one schema each, shared by the forms, the API, the bundle and
 * the demonstration data. Whether the States and organizations they name exist is the write
 * core's (commands.ts); whether their dates may lie ahead depends on their status, a rule between
 * fields. Problems come in the order of the fields.
 */

/** A choice that must be made, or (given a default) may be left empty. */
const pick = <T extends readonly [string, ...string[]]>(values: T, fallback?: T[number]) =>
  z
    .string()
    .nullish()
    .transform((v, ctx) => {
      if (!v) {
        if (fallback === undefined) ctx.addIssue({ code: 'custom', message: `is required: one of ${values.join(', ')}`, continue: true });
        return (fallback ?? '') as T[number];
      }
      if (!values.includes(v)) ctx.addIssue({ code: 'custom', message: oneOf(values), continue: true });
      return v as T[number];
    });

/** Codes of States or organizations in any case, each once, upper-case; at most `max` given. */
const codes = (max: number) =>
  z
    .array(z.string())
    .default([])
    .refine((v) => v.length <= max, `at most ${max} codes`)
    .transform((v) => [...new Set(v.map((c) => c.trim().toUpperCase()).filter(Boolean))]);

const required = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
const status = pick(engagementStatuses, 'held');
const level = pick(confidentialityLevels, 'public');
const source = pick(recordSources, 'entered');

/** The fields of a visit, each checked alone. */
export const visitFields = {
  stateIso3: z
    .string()
    .nullish()
    .transform((v, ctx) => {
      const code = v?.trim().toUpperCase() ?? '';
      if (!code) ctx.addIssue({ code: 'custom', message: 'is required (the ISO 3166 code of a Member State)', continue: true });
      return code;
    }),
  kind: pick(visitKinds),
  status,
  startsOn: requiredDay({ today: null }),
  endsOn: day({ today: null }),
  purposes: subsetOf(visitPurposes, false),
  statesInvolved: codes(60),
  organizationsInvolved: codes(60),
  supportingOrganizations: codes(60),
  whoWent: text(1000),
  partner: text(200),
  place: text(200),
  note: text(2000),
  confidentiality: level,
};

/** The fields of a course, each checked alone; a course of one day may leave out its end. */
export const courseFields = {
  title: required(300),
  status,
  startsOn: requiredDay({ today: null }),
  endsOn: day({ today: null }),
  place: required(200),
  region: text(200),
  hostOrganizations: codes(200),
  supportingOrganizations: codes(200),
  participatingStates: codes(200),
  teachers: text(1000),
  teachingOrganizations: codes(200),
  confidentiality: level,
};

/** What took place has its dates up to today; what is planned may lie ahead; the end is not before the start. */
const datesRule = (today: string) => (v: { status: string; startsOn: string; endsOn: string | null }, ctx: z.RefinementCtx) => {
  for (const p of checkDates(v.startsOn, v.endsOn, today, v.status === 'planned'))
    if (!/^(is required|must be a date)/.test(p.problem)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.problem });
};

/** A visit as the write core takes it. */
export const visitInput = (today: string = todayIso()) => z.object({ ...visitFields, source }).superRefine(datesRule(today));
export type VisitData = z.output<ReturnType<typeof visitInput>>;

/** A course as the write core takes it: it ends the day it starts unless an end is given. */
export const courseInput = (today: string = todayIso()) =>
  z
    .object({ ...courseFields, source })
    .superRefine(datesRule(today))
    .transform((c) => ({ ...c, endsOn: c.endsOn ?? c.startsOn }));
export type CourseData = z.output<ReturnType<typeof courseInput>>;

/** A visit as the API and the forms give it (camelCase); codes of States and organizations in any case. */
export interface VisitInput {
  stateIso3: string;
  kind: string;
  status?: string;
  startsOn: string;
  endsOn?: string | null;
  purposes?: string[];
  statesInvolved?: string[];
  organizationsInvolved?: string[];
  supportingOrganizations?: string[];
  whoWent?: string;
  partner?: string;
  place?: string;
  note?: string;
  confidentiality?: string;
  source?: string;
}

export interface CourseInput {
  title: string;
  status?: string;
  startsOn: string;
  /** A course of one day may leave it out: it ends the day it starts. */
  endsOn?: string | null;
  place: string;
  region?: string;
  hostOrganizations?: string[];
  supportingOrganizations?: string[];
  participatingStates?: string[];
  teachers?: string;
  teachingOrganizations?: string[];
  confidentiality?: string;
  source?: string;
}

/** An input checked: its problems in the order of its fields (a rule between fields names the field it is about), or its values. */
export function parseInOrder<S extends z.ZodType>(
  schema: S,
  fields: readonly string[],
  value: unknown,
): { problems: FieldProblem[]; data?: z.output<S> } {
  const result = schema.safeParse(value);
  if (result.success) return { problems: [], data: result.data };
  const rank = (p: FieldProblem) => {
    const i = fields.indexOf(p.field.split(/[.[]/)[0] ?? '');
    return i < 0 ? fields.length : i;
  };
  const problems = problemsOf(result.error.issues)
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
  return { problems };
}

/** The problems of a visit that need no database: every field named. */
export function checkVisitInput(input: VisitInput, today: string): FieldProblem[] {
  return parseInOrder(visitInput(today), Object.keys(visitFields), input).problems;
}

export function checkCourseInput(input: CourseInput, today: string): FieldProblem[] {
  return parseInOrder(courseInput(today), Object.keys(courseFields), input).problems;
}
