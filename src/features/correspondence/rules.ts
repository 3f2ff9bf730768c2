// Correspondence rules that need no database: checking a letter, the State it concerns, and the
// non-reporting States as at its date.
import { isIsoDate } from '../../platform/values/dates.ts';
import { type FieldProblem, invalid } from '../../platform/errors.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { resolutionAdopted } from '../reports/index.ts';
import { type ReportFact, reportingStatus } from '../reports/index.ts';
import type { LetterFilters } from './queries.ts';
import {
  type ConcernType,
  concernTypes,
  type LetterKind,
  letterKinds,
  type RecipientsMode,
  recipientsModes,
  type SenderKind,
  senderKinds,
} from './schema.ts';

/** Resolution 1540 (2004) was adopted on this day: no letter of the Committee is older. */
export const firstDay = resolutionAdopted;

export interface Concern {
  recordType: ConcernType;
  recordId: string;
}

/** A letter as a form or the API gives it, before any check. */
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
  concerns?: Concern[];
  confidentiality?: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => uuid.test(value);

const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;

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

/** The filters of a list, checked: a malformed one is a 422 naming it. A year and a period meet. */
export function letterFilters(q: { state?: string; year?: string; from?: string; to?: string; kind?: string }): LetterFilters {
  const problems: FieldProblem[] = [];
  const f: LetterFilters = {};
  if (q.state) {
    if (/^[A-Za-z]{3}$/.test(q.state)) f.state = q.state.toUpperCase();
    else problems.push({ field: 'state', problem: 'must be an ISO 3166 alpha-3 code' });
  }
  if (q.from) {
    if (isIsoDate(q.from)) f.from = q.from;
    else problems.push({ field: 'from', problem: 'must be a date (YYYY-MM-DD)' });
  }
  if (q.to) {
    if (isIsoDate(q.to)) f.to = q.to;
    else problems.push({ field: 'to', problem: 'must be a date (YYYY-MM-DD)' });
  }
  if (q.year) {
    if (/^\d{4}$/.test(q.year) && Number(q.year) >= 2004 && Number(q.year) <= 2100) {
      const [start, end] = [`${q.year}-01-01`, `${q.year}-12-31`];
      f.from = f.from && f.from > start ? f.from : start;
      f.to = f.to && f.to < end ? f.to : end;
    } else problems.push({ field: 'year', problem: 'must be a year from 2004 (YYYY)' });
  }
  if (q.kind) {
    if ((letterKinds as readonly string[]).includes(q.kind)) f.kind = q.kind as LetterKind;
    else problems.push({ field: 'kind', problem: oneOf(letterKinds) });
  }
  if (problems.length) throw invalid(problems);
  return f;
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
    const c = { recordType: m[1] as ConcernType, recordId: m[2]! };
    if (!out.some((o) => o.recordType === c.recordType && o.recordId === c.recordId)) out.push(c);
  }
  return out;
}

/** The problems of a letter that can be seen without the database (the rest: commands.ts). */
export function checkLetterInput(input: LetterInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(letterKinds as readonly string[]).includes(input.kind)) problems.push({ field: 'kind', problem: oneOf(letterKinds) });
  if (!input.sentOn) problems.push({ field: 'sentOn', problem: 'is required (YYYY-MM-DD)' });
  else if (!isIsoDate(input.sentOn)) problems.push({ field: 'sentOn', problem: 'must be a date (YYYY-MM-DD)' });
  else if (input.sentOn > today) problems.push({ field: 'sentOn', problem: `is in the future (today is ${today})` });
  else if (input.sentOn < firstDay) problems.push({ field: 'sentOn', problem: `is before resolution 1540 was adopted (${firstDay})` });
  if ((input.reference ?? '').trim().length > 100) problems.push({ field: 'reference', problem: 'must be at most 100 characters' });
  const subject = input.subject.trim();
  if (subject.length < 1 || subject.length > 300) problems.push({ field: 'subject', problem: 'is required, at most 300 characters' });
  if ((input.summary ?? '').trim().length > 8000) problems.push({ field: 'summary', problem: 'must be at most 8000 characters' });
  if (!(senderKinds as readonly string[]).includes(input.senderKind)) problems.push({ field: 'senderKind', problem: oneOf(senderKinds) });
  if (input.senderKind === 'state' && !input.senderState?.trim())
    problems.push({ field: 'senderState', problem: 'is required when the sender is a State' });
  if (input.senderKind === 'organization' && !input.senderOrganization?.trim())
    problems.push({ field: 'senderOrganization', problem: 'is required when the sender is an organization' });
  const mode = input.recipientsMode;
  if (!(recipientsModes as readonly string[]).includes(mode)) problems.push({ field: 'recipientsMode', problem: oneOf(recipientsModes) });
  const recipients = input.recipients ?? [];
  if (mode === 'state' && recipients.length !== 1)
    problems.push({ field: 'recipients', problem: `name exactly one State for a letter to one State (${recipients.length} given)` });
  if (mode === 'list' && recipients.length === 0)
    problems.push({ field: 'recipients', problem: 'name at least one State for a letter to a list of States' });
  if (recipients.length > 193) problems.push({ field: 'recipients', problem: 'at most 193 States' });
  if ((input.recipientOther ?? '').trim().length > 300)
    problems.push({ field: 'recipientOther', problem: 'must be at most 300 characters' });
  if (mode === 'other' && !input.recipientOther?.trim())
    problems.push({ field: 'recipientOther', problem: 'is required: say who the letter went to' });
  if (input.inReplyTo && !isUuid(input.inReplyTo))
    problems.push({ field: 'inReplyTo', problem: `no letter has the id ${input.inReplyTo.slice(0, 40)}` });
  if ((input.concerns ?? []).length > 50) problems.push({ field: 'concerns', problem: 'at most 50 records' });
  for (const c of input.concerns ?? [])
    if (c.recordType !== 'assistance-request' && !isUuid(c.recordId))
      problems.push({ field: 'concerns', problem: `${c.recordType}:${c.recordId.slice(0, 40)} is not a record id` });
  const level = input.confidentiality ?? 'committee';
  if (!(confidentialityLevels as readonly string[]).includes(level))
    problems.push({ field: 'confidentiality', problem: oneOf(confidentialityLevels) });
  else if (level === 'committee-and-state' && !stateConcerned(input))
    problems.push({
      field: 'confidentiality',
      problem: 'the Committee and the State concerned: the letter needs a State as its sender or a single State as its recipient',
    });
  return problems;
}

/** The State a letter concerns: the sender State, or the one State it was addressed to. */
export function stateConcerned(input: {
  senderKind: string;
  senderState?: string | null;
  recipientsMode: string;
  recipients?: readonly string[];
}): string | null {
  if (input.senderKind === 'state' && input.senderState?.trim()) return input.senderState.trim().toUpperCase();
  if (input.recipientsMode === 'state' && input.recipients?.length === 1) return input.recipients[0]!.toUpperCase();
  return null;
}

export interface MemberFact {
  iso3: string;
  /** ISO date. */
  unMemberSince: string;
}

/**
 * The Member States (as they were at the date) that had not submitted a first report as at the
 * date: the recipients of a letter "to all non-reporting States", sorted.
 */
export function nonReportingAsAt(states: readonly MemberFact[], reports: readonly ReportFact[], date: string): string[] {
  const members = states.filter((s) => s.unMemberSince <= date).map((s) => s.iso3);
  return reportingStatus(members, reports, date).nonReporting;
}

/** The States a letter goes to, as stored: the ones given, or the non-reporting ones as at its date. */
export function recipientsOf(mode: RecipientsMode, given: readonly string[], nonReporting: () => string[]): string[] {
  switch (mode) {
    case 'state':
    case 'list':
      return [...new Set(given.map((s) => s.toUpperCase()))].sort();
    case 'non-reporting':
      return nonReporting();
    default:
      return [];
  }
}

export type { RecipientsMode, SenderKind };
