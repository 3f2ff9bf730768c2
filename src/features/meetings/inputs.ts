import { z } from 'zod';
import { type Locale, locales } from '../../platform/i18n/locales.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { isUuid } from '../../platform/values/codes.ts';
import { isIsoDate } from '../../platform/values/dates.ts';
import { parseInput } from '../../platform/values/input.ts';
import { itemStatuses, meetingKinds, programmeAreas, recordSources } from './schema.ts';

/*
 * The inputs of the Committee's own records, one schema each, shared by the forms, the API, the
 * bundle and the demonstration data. What needs the database (the States, organizations, groups,
 * documents and records named; a coordinator's period against the others) is checked by the write core.
 */

/** Resolution 1540 (2004) was adopted on this day: nothing of the Committee's is older. */
export const firstDay = '2004-04-28';

const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, oneOf(values));
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const required = (max: number) =>
  z.string().trim().min(1, `is required, at most ${max} characters`).max(max, `is required, at most ${max} characters`);
const date = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (!v) ctx.addIssue({ code: 'custom', message: 'is required (YYYY-MM-DD)' });
    else if (!isIsoDate(v)) ctx.addIssue({ code: 'custom', message: 'must be a date (YYYY-MM-DD)' });
    else if (v < firstDay) ctx.addIssue({ code: 'custom', message: `is before resolution 1540 was adopted (${firstDay})` });
    else if (v >= '2200-01-01') ctx.addIssue({ code: 'custom', message: 'is too far in the future' });
  });
const optionalDate = z.preprocess((v) => (v === '' || v === undefined ? null : v), date.nullable());
const stateCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 3166 alpha-3 code');
const organizationCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{2,20}$/, 'is not an organization code');
const unique = <T>(list: T[]) => [...new Set(list)];

/** The fields of a meeting, each checked alone. */
export const meetingFields = {
  heldOn: date,
  kind: choice(meetingKinds),
  /** The working group's code, for a meeting of a working group. */
  workingGroup: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null),
  title: required(300),
  chair: text(200).default(''),
  participantStates: z.array(stateCode).max(193, 'at most 193 States').default([]).transform(unique),
  participantOrganizations: z.array(organizationCode).max(100, 'at most 100 organizations').default([]).transform(unique),
  participantsOther: text(1000).default(''),
  agenda: z.array(required(500)).max(50, 'at most 50 items').default([]),
  outcome: text(8000).default(''),
  documents: z
    .array(z.string().trim().toLowerCase().refine(isUuid, 'must be a document id (a UUID)'))
    .max(50, 'at most 50 documents')
    .default([])
    .transform(unique),
  state: stateCode.nullish().transform((v) => v ?? null),
  confidentiality: choice(confidentialityLevels).default('committee'),
};
type MeetingShape = z.output<z.ZodObject<typeof meetingFields>>;

/** The rules between a meeting's fields: a group for a group's meeting only, a State for the level "the Committee and the State concerned". */
export function meetingRules(v: MeetingShape, ctx: z.RefinementCtx) {
  const problem = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
  if (v.kind === 'working-group' && !v.workingGroup) problem('workingGroup', 'is required for a meeting of a working group');
  if (v.kind !== 'working-group' && v.workingGroup) problem('workingGroup', 'is given only for a meeting of a working group');
  if (v.confidentiality === 'committee-and-state' && !v.state)
    problem('state', 'is required for the level "the Committee and the State concerned"');
}

export const meetingInput = z.strictObject({ ...meetingFields, source: choice(recordSources).optional() }).superRefine(meetingRules);
export type MeetingData = z.output<typeof meetingInput>;

/** A meeting as a form, the API or the demonstration data give it, before any check. */
export interface MeetingInput {
  heldOn: string;
  kind: string;
  workingGroup?: string | null;
  title: string;
  chair?: string;
  participantStates?: string[];
  participantOrganizations?: string[];
  participantsOther?: string;
  agenda?: string[];
  outcome?: string;
  documents?: string[];
  state?: string | null;
  confidentiality?: string;
  source?: string;
}

export const parseMeeting = (input: MeetingInput): MeetingData => parseInput(meetingInput, input);

/** A coordinator's period: a State, its person or persons, from a day, to a day or still. */
export const coordinatorFields = {
  state: stateCode,
  person: required(300),
  startedOn: date,
  endedOn: optionalDate,
  confidentiality: z.enum(['public', 'committee'], oneOf(['public', 'committee'])).default('public'),
};
export const coordinatorInput = z.strictObject({ ...coordinatorFields, source: choice(recordSources).optional() }).superRefine((v, ctx) => {
  if (v.endedOn && isIsoDate(v.startedOn) && v.endedOn < v.startedOn)
    ctx.addIssue({ code: 'custom', path: ['endedOn'], message: `is before the start (${v.startedOn})` });
});
export type CoordinatorData = z.output<typeof coordinatorInput>;
export interface CoordinatorInput {
  state: string;
  person: string;
  startedOn: string;
  endedOn?: string | null;
  confidentiality?: string;
  source?: string;
}
export const parseCoordinator = (input: CoordinatorInput): CoordinatorData => parseInput(coordinatorInput, input);

/** A value by language, each optional; English required. */
const names = z
  .strictObject(Object.fromEntries(locales.map((l) => [l, text(300).optional()])) as Record<Locale, z.ZodOptional<ReturnType<typeof text>>>)
  .transform((n) => Object.fromEntries(Object.entries(n).filter(([, v]) => v)) as Partial<Record<Locale, string>>)
  .refine((n) => !!n.en, { message: 'is required', path: ['en'] });

export const workingGroupFields = {
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be 2 to 40 lower-case letters, digits or hyphens'),
  names,
  position: z.coerce.number().int('must be a whole number').min(0, 'must be 0 to 1000').max(1000, 'must be 0 to 1000').default(0),
  confidentiality: z.enum(['public', 'committee'], oneOf(['public', 'committee'])).default('public'),
};
export const workingGroupInput = z.strictObject({ ...workingGroupFields, source: choice(recordSources).optional() });
export type WorkingGroupData = z.output<typeof workingGroupInput>;

export const programmeFields = {
  number: z.coerce.number().int('must be a whole number').min(1, 'must be 1 to 500').max(500, 'must be 1 to 500'),
  symbol: text(50).default(''),
  startedOn: date,
  endedOn: date,
  reviewCutoffOn: optionalDate,
  confidentiality: z.enum(['public', 'committee'], oneOf(['public', 'committee'])).default('public'),
};
export const programmeInput = z.strictObject({ ...programmeFields, source: choice(recordSources).optional() }).superRefine((v, ctx) => {
  if (isIsoDate(v.startedOn) && isIsoDate(v.endedOn) && v.endedOn < v.startedOn)
    ctx.addIssue({ code: 'custom', path: ['endedOn'], message: `is before the start (${v.startedOn})` });
  if (v.reviewCutoffOn && (v.reviewCutoffOn < v.startedOn || v.reviewCutoffOn > v.endedOn))
    ctx.addIssue({ code: 'custom', path: ['reviewCutoffOn'], message: 'must fall within the programme’s period' });
});
export type ProgrammeData = z.output<typeof programmeInput>;

export const linkSchema = z.strictObject({
  recordType: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a kind of record (meeting, visit, course…)'),
  recordId: z.string().trim().toLowerCase().refine(isUuid, 'must be a record id (a UUID)'),
});

export const itemFields = {
  reference: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9().-]{1,20}$/, 'must be 1 to 20 letters, digits, dots, hyphens or brackets'),
  title: required(1000),
  area: choice(programmeAreas),
  status: choice(itemStatuses).default('planned'),
  links: z
    .array(linkSchema)
    .max(200, 'at most 200 records')
    .default([])
    .transform((l) => [...new Map(l.map((x) => [`${x.recordType}:${x.recordId}`, x])).values()]),
  position: z.coerce.number().int('must be a whole number').min(0, 'must be 0 to 10000').max(10000, 'must be 0 to 10000').default(0),
  confidentiality: z.enum(['public', 'committee'], oneOf(['public', 'committee'])).default('public'),
};
export const itemInput = z.strictObject({ ...itemFields, source: choice(recordSources).optional() });
export type ItemData = z.output<typeof itemInput>;

/** "visit:…, meeting:…" from a form: one link per entry, separated by commas, spaces or lines. */
export function parseLinks(raw: string): { recordType: string; recordId: string }[] {
  return raw
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf(':');
      return at < 0 ? { recordType: part, recordId: '' } : { recordType: part.slice(0, at), recordId: part.slice(at + 1) };
    });
}

/** Codes from free text ("MLI, ner  TCD"), upper-case, each once, in the order given. */
export function parseCodes(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((c) => c.toUpperCase()),
    ),
  ];
}

/** Lines of a text area, trimmed, without the empty ones. */
export const parseLines = (raw: string): string[] =>
  raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const yearProblem = 'must be a year from 2004 (YYYY)';
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);

/** The filters of the list of meetings, as the query string gives them. */
export const meetingFilterInput = z.object({
  year: optional(
    z
      .string()
      .refine((y) => /^\d{4}$/.test(y) && Number(y) >= 2004 && Number(y) <= 2199, yearProblem)
      .transform(Number)
      .optional(),
  ),
  kind: optional(choice(meetingKinds).optional()),
  /** 'committee', 'council', or a working group's code. */
  body: optional(
    z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be committee, council or a working group’s code')
      .optional(),
  ),
  state: optional(stateCode.optional()),
  organization: optional(organizationCode.optional()),
});
export type MeetingFilters = z.output<typeof meetingFilterInput>;
export const meetingFilters = (q: Record<string, string | undefined>): MeetingFilters => parseInput(meetingFilterInput, q);
