import { z } from 'zod';
import type { FieldProblem } from '../../platform/errors.ts';
import { locales } from '../../platform/i18n/locales.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { isIsoDate, todayIso } from '../../platform/values/dates.ts';
import { problemsOf } from '../../platform/values/input.ts';
import { planStatuses, reportKinds, reportParagraphs, reportSources, reportWeaponTypes } from './schema.ts';

/*
 * The inputs of reports and plans, one schema each, shared by the forms, the API, the bundle and
 * the demonstration data: each field checked alone, then the rules between a record's fields.
 * What needs the database (the State, the other reports of the State, a plan's number) is the
 * write core's (commands.ts). The small schemas below (a day, a choice, a list among allowed
 * values) serve the points of contact and the engagement records too.
 */

/** Resolution 1540 was adopted on 28 April 2004: no report or plan under it is older. */
export const resolutionAdopted = '2004-04-28';

export const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;
/** A choice among values, named in its problem. */
export const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, oneOf(values));
/** A text: trimmed, at most `max` characters, empty when left out. */
export const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).default('');
export const level = choice(confidentialityLevels);

/** The values of a list once each, in the order of the allowed values (unknown ones last). */
export function tidyList<T extends string>(values: readonly T[], allowed: readonly string[]): T[] {
  const once = [...new Set(values)];
  const rank = (v: string) => (allowed.includes(v) ? allowed.indexOf(v) : allowed.length);
  return once.sort((a, b) => rank(a) - rank(b));
}

/**
 * A list of values among those allowed, each once (in the order of the allowed values unless
 * `tidy` is false); the problem names the strangers.
 */
export const subsetOf = <T extends readonly string[]>(allowed: T, tidy = true) =>
  z
    .array(z.string())
    .default([])
    .superRefine((values, ctx) => {
      const bad = values.filter((v) => !allowed.includes(v));
      if (bad.length)
        ctx.addIssue({ code: 'custom', message: `has ${bad.map((b) => b.slice(0, 40)).join(', ')}: must be among ${allowed.join(', ')}` });
    })
    .transform((values) => (tidy ? tidyList(values as T[number][], allowed) : [...new Set(values as T[number][])]));

export interface DayRules {
  /** Refused after this day (today); null: any day. */
  today: string | null;
  required?: boolean;
  /** Refused before this day, with what it is: the resolution's adoption. */
  notBefore?: { day: string; what: string };
}

/** The problem of a day, if any: written YYYY-MM-DD, not after today, not before a first day. */
export function dayProblem(value: string, rules: DayRules): string | undefined {
  if (!isIsoDate(value)) return 'must be a date (YYYY-MM-DD)';
  if (rules.today !== null && value > rules.today) return `is in the future (today is ${rules.today})`;
  if (rules.notBefore && value < rules.notBefore.day) return `is before ${rules.notBefore.what} (${rules.notBefore.day})`;
  return undefined;
}

/** A day as the forms and the API give it: an empty one is null (or a problem, when required). */
export const day = (rules: DayRules) =>
  z
    .string()
    .nullish()
    .transform((raw, ctx) => {
      const value = raw?.trim() ?? '';
      if (!value) {
        if (rules.required) ctx.addIssue({ code: 'custom', message: 'is required (YYYY-MM-DD)', continue: true });
        return null;
      }
      const problem = dayProblem(value, rules);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, continue: true });
      return value;
    });
/** A day that must be given. */
export const requiredDay = (rules: DayRules) => day({ ...rules, required: true }).transform((v) => v ?? '');

const since1540 = { day: resolutionAdopted, what: 'resolution 1540 was adopted' };
/**
 * The rules of a report's or a plan's days: not in the future, not before the resolution; given no
 * today, only their form (a bundle holds every record to its form, and only those it changes to today's rules).
 */
const dayRules = (today: string | null): DayRules => (today === null ? { today } : { today, notBefore: since1540 });

/** The fields of a report, each checked alone: its State is the write core's. */
export const reportFields = (today: string | null) => ({
  kind: choice(reportKinds),
  receivedOn: requiredDay(dayRules(today)),
  symbol: text(100),
  summary: text(4000),
  languages: subsetOf(locales),
  paragraphs: subsetOf(reportParagraphs),
  weaponTypes: subsetOf(reportWeaponTypes),
  confidentiality: level.default('public'),
});

/** A report as the write core takes it. */
export const reportInput = (today: string = todayIso()) =>
  z.object({ stateIso3: z.string().trim().default(''), ...reportFields(today), source: choice(reportSources).default('entered') });
export type ReportData = z.output<ReturnType<typeof reportInput>>;

/** A report as a form, the API or the demonstration data give it, before any check. */
export interface ReportInput {
  stateIso3: string;
  kind: string;
  receivedOn: string;
  symbol?: string;
  languages?: string[];
  summary?: string;
  paragraphs?: string[];
  weaponTypes?: string[];
  confidentiality?: string;
  source?: string;
}

/** The fields of a plan, each checked alone. */
export const planFields = (today: string | null) => ({
  number: z
    .number('must be a whole number from 1 to 99')
    .int('must be a whole number from 1 to 99')
    .min(1, 'must be a whole number from 1 to 99')
    .max(99, 'must be a whole number from 1 to 99'),
  status: choice(planStatuses),
  startedOn: day(dayRules(today)),
  submittedOn: day(dayRules(today)),
  publishedOn: day(dayRules(today)),
  confidentiality: level.default('public'),
});

type PlanDates = { status: unknown; startedOn: string | null; submittedOn: string | null; publishedOn: string | null };

/** A plan's dates follow its status and one another. */
export function planRules(v: PlanDates, ctx: z.RefinementCtx) {
  const problem = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
  const sent = v.status === 'submitted' || v.status === 'published';
  const drafting = v.status === 'drafting' || v.status === 'drafting-with-experts';
  if (sent && !v.submittedOn) problem('submittedOn', 'is required (YYYY-MM-DD)');
  if (v.status === 'published' && !v.publishedOn) problem('publishedOn', 'is required (YYYY-MM-DD)');
  if (drafting && v.submittedOn) problem('submittedOn', 'must be empty while the plan is being drafted');
  if (drafting && v.publishedOn) problem('publishedOn', 'must be empty while the plan is being drafted');
  if (v.status === 'submitted' && v.publishedOn) problem('publishedOn', 'must be empty until the plan is published (status published)');
  if (v.startedOn && v.submittedOn && v.submittedOn < v.startedOn) problem('submittedOn', 'is before the start of the drafting');
  if (v.submittedOn && v.publishedOn && v.publishedOn < v.submittedOn) problem('publishedOn', 'is before the submission');
}

/** A plan as the write core takes it. */
export const planInput = (today: string = todayIso()) =>
  z
    .object({ stateIso3: z.string().trim().default(''), ...planFields(today), source: choice(reportSources).default('entered') })
    .superRefine(planRules);
export type PlanData = z.output<ReturnType<typeof planInput>>;

export interface PlanInput {
  stateIso3: string;
  number: number;
  status: string;
  startedOn?: string | null;
  submittedOn?: string | null;
  publishedOn?: string | null;
  confidentiality?: string;
  source?: string;
}

const problemsIn = (schema: z.ZodType, value: unknown): FieldProblem[] => {
  const result = schema.safeParse(value);
  return result.success ? [] : problemsOf(result.error.issues);
};

/** The problems of a report that need no database. */
export function checkReportInput(input: ReportInput, today: string): FieldProblem[] {
  return problemsIn(reportInput(today), input);
}

/** The problems of a plan that need no database. */
export function checkPlanInput(input: PlanInput, today: string): FieldProblem[] {
  return problemsIn(planInput(today), input);
}
