import { isIsoDate } from '../../platform/values/dates.ts';
// The checks of a report or a plan that need no database: each problem names its field.
import type { FieldProblem } from '../../platform/errors.ts';
import { locales } from '../../platform/i18n/locales.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { planStatuses, type ReportSource, reportKinds, reportParagraphs, reportWeaponTypes } from './schema.ts';

/** Resolution 1540 was adopted on 28 April 2004: no report or plan under it is older. */
export const resolutionAdopted = '2004-04-28';

function checkDate(problems: FieldProblem[], field: string, value: string | null | undefined, today: string, required = false) {
  if (value === undefined || value === null || value === '') {
    if (required) problems.push({ field, problem: 'is required (YYYY-MM-DD)' });
    return;
  }
  if (!isIsoDate(value)) problems.push({ field, problem: 'must be a date (YYYY-MM-DD)' });
  else if (value > today) problems.push({ field, problem: `is in the future (today is ${today})` });
  else if (value < resolutionAdopted) problems.push({ field, problem: `is before resolution 1540 was adopted (${resolutionAdopted})` });
}

function checkConfidentiality(problems: FieldProblem[], value: string | undefined) {
  if (value !== undefined && !(confidentialityLevels as readonly string[]).includes(value))
    problems.push({ field: 'confidentiality', problem: `must be one of ${confidentialityLevels.join(', ')}` });
}

function checkSubset(problems: FieldProblem[], field: string, values: readonly string[] | undefined, allowed: readonly string[]) {
  const bad = (values ?? []).filter((v) => !allowed.includes(v));
  if (bad.length)
    problems.push({ field, problem: `has ${bad.map((b) => b.slice(0, 40)).join(', ')}: must be among ${allowed.join(', ')}` });
}

/** The values of a list once each, in the order of the allowed values (unknown ones last). */
export function tidyList(values: readonly string[], allowed: readonly string[]): string[] {
  const once = [...new Set(values)];
  const rank = (v: string) => (allowed.includes(v) ? allowed.indexOf(v) : allowed.length);
  return once.sort((a, b) => rank(a) - rank(b));
}

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
  source?: ReportSource;
}

export function checkReportInput(input: ReportInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(reportKinds as readonly string[]).includes(input.kind))
    problems.push({ field: 'kind', problem: `must be one of ${reportKinds.join(', ')}` });
  checkDate(problems, 'receivedOn', input.receivedOn, today, true);
  if ((input.symbol ?? '').length > 100) problems.push({ field: 'symbol', problem: 'must be at most 100 characters' });
  if ((input.summary ?? '').length > 4000) problems.push({ field: 'summary', problem: 'must be at most 4000 characters' });
  checkSubset(problems, 'languages', input.languages, locales);
  checkSubset(problems, 'paragraphs', input.paragraphs, reportParagraphs);
  checkSubset(problems, 'weaponTypes', input.weaponTypes, reportWeaponTypes);
  checkConfidentiality(problems, input.confidentiality);
  return problems;
}

export interface PlanInput {
  stateIso3: string;
  number: number;
  status: string;
  startedOn?: string | null;
  submittedOn?: string | null;
  publishedOn?: string | null;
  confidentiality?: string;
  source?: ReportSource;
}

export function checkPlanInput(input: PlanInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(input.number) || input.number < 1 || input.number > 99)
    problems.push({ field: 'number', problem: 'must be a whole number from 1 to 99' });
  if (!(planStatuses as readonly string[]).includes(input.status))
    problems.push({ field: 'status', problem: `must be one of ${planStatuses.join(', ')}` });
  checkDate(problems, 'startedOn', input.startedOn, today);
  const sent = input.status === 'submitted' || input.status === 'published';
  const drafting = input.status === 'drafting' || input.status === 'drafting-with-experts';
  checkDate(problems, 'submittedOn', input.submittedOn, today, sent);
  checkDate(problems, 'publishedOn', input.publishedOn, today, input.status === 'published');
  if (drafting && input.submittedOn) problems.push({ field: 'submittedOn', problem: 'must be empty while the plan is being drafted' });
  if (drafting && input.publishedOn) problems.push({ field: 'publishedOn', problem: 'must be empty while the plan is being drafted' });
  if (input.status === 'submitted' && input.publishedOn)
    problems.push({ field: 'publishedOn', problem: 'must be empty until the plan is published (status published)' });
  if (input.startedOn && input.submittedOn && input.submittedOn < input.startedOn)
    problems.push({ field: 'submittedOn', problem: 'is before the start of the drafting' });
  if (input.submittedOn && input.publishedOn && input.publishedOn < input.submittedOn)
    problems.push({ field: 'publishedOn', problem: 'is before the submission' });
  checkConfidentiality(problems, input.confidentiality);
  return problems;
}
