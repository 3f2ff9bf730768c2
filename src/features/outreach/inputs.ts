import { z } from 'zod';
import type { FieldProblem } from '../../platform/errors.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { isUuid } from '../../platform/values/codes.ts';
import { isIsoDate, todayIso } from '../../platform/values/dates.ts';
import { parseInput, problemsOf } from '../../platform/values/input.ts';
import { oneOf, requiredDay, day, subsetOf, text } from '../reports/index.ts';
import {
  type EventTranslations,
  audiences,
  cooperationActivities,
  cooperationLinkTypes,
  eventGroups,
  eventLinkTypes,
  eventStatuses,
  outreachSources,
  participantRoles,
  participationModes,
  translationLanguages,
} from './schema.ts';

/*
 * The inputs of outreach, one schema each, shared by the forms, the API, the bundle and the
 * demonstration data: an event, a cooperation record, and the calendar's filters. Whether the
 * States, organizations and records named exist is the write core's (commands.ts).
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

/** Codes of States or organizations in any case, each once, upper-case. */
const codes = (max: number) =>
  z
    .array(z.string())
    .default([])
    .refine((v) => v.length <= max, `at most ${max} codes`)
    .transform((v) => [...new Set(v.map((c) => c.trim().toUpperCase()).filter(Boolean))]);

const stateCode = z
  .string()
  .nullish()
  .transform((v, ctx) => {
    const code = v?.trim().toUpperCase() ?? '';
    if (code && !/^[A-Z]{3}$/.test(code))
      ctx.addIssue({ code: 'custom', message: 'must be an ISO 3166 alpha-3 code such as MLI', continue: true });
    return code || null;
  });

/** "type:uuid" links among the types allowed, each once. */
const links = (types: readonly string[]) =>
  z
    .array(z.string())
    .default([])
    .refine((v) => v.length <= 50, 'at most 50 records')
    .superRefine((values, ctx) => {
      for (const v of values) {
        const [type, id] = v.trim().split(':');
        if (!type || !types.includes(type) || !id || !isUuid(id.toLowerCase()))
          ctx.addIssue({
            code: 'custom',
            message: `"${v.slice(0, 60)}" is not a record: write type:id, the type one of ${types.join(', ')}`,
          });
      }
    })
    .transform((values) => [...new Set(values.map((v) => v.trim().toLowerCase()))]);

const required = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
const level = pick(confidentialityLevels, 'public');
const source = pick(outreachSources, 'entered');

export const participantSchema = z.strictObject({
  role: z.enum(participantRoles, oneOf(participantRoles)),
  mode: z.enum(participationModes, oneOf(participationModes)).default('in-person'),
  expertId: z
    .string()
    .nullish()
    .transform((v) => v?.trim().toLowerCase() || null)
    .refine((v) => v === null || isUuid(v), 'must be the id of an expert'),
  name: z.string().trim().max(200, 'must be at most 200 characters').default(''),
});

/** An event's text in one other language: its title (required once any of the three is given), description and city. */
const eventText = z.strictObject({
  title: z.string().trim().max(300, 'must be at most 300 characters').default(''),
  description: text(4000),
  city: text(200),
});

/**
 * The translations of an event's text, by language (ar, es, fr, ru, zh: its own fields are the
 * English). A language whose three fields are all empty is no translation (the form sends them so).
 */
const translations = z
  .strictObject(
    Object.fromEntries(translationLanguages.map((l) => [l, eventText.optional()])) as Record<
      (typeof translationLanguages)[number],
      z.ZodOptional<typeof eventText>
    >,
  )
  .default({})
  .superRefine((v, ctx) => {
    for (const [language, t] of Object.entries(v))
      if (t && !t.title && (t.description || t.city))
        ctx.addIssue({ code: 'custom', path: [language, 'title'], message: 'is required when the description or the city is translated' });
  })
  .transform(
    (v) =>
      Object.fromEntries(
        translationLanguages.flatMap((l) => {
          const t = v[l];
          return t && (t.title || t.description || t.city) ? [[l, { title: t.title, description: t.description, city: t.city }]] : [];
        }),
      ) as EventTranslations,
  );

/** The fields of an event, each checked alone. */
export const eventFields = {
  title: required(300),
  description: text(4000),
  group: pick(eventGroups),
  status: pick(eventStatuses, 'held'),
  confirmed: z.boolean().default(false),
  listed: z.boolean().default(true),
  startsOn: requiredDay({ today: null }),
  endsOn: day({ today: null }),
  organizerStates: codes(60),
  organizerOrganizations: codes(60),
  byCommittee: z.boolean().default(false),
  city: text(200),
  translations,
  stateIso3: stateCode,
  audiences: subsetOf(audiences),
  participants: z.array(participantSchema).max(60, 'at most 60 participants').default([]),
  links: links(eventLinkTypes),
  confidentiality: level,
};

/** The rules between an event's fields: its end not before its start (one day when left out), a held event not in the future. */
const eventRules =
  (today: string | null) =>
  (
    v: { startsOn: string; endsOn: string | null; status: string; confidentiality: string; stateIso3: string | null },
    ctx: z.RefinementCtx,
  ) => {
    const problem = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    if (!isIsoDate(v.startsOn)) return;
    const end = v.endsOn ?? v.startsOn;
    if (isIsoDate(end) && end < v.startsOn) problem('endsOn', `is before the start (${v.startsOn})`);
    else if (isIsoDate(end) && Date.parse(end) - Date.parse(v.startsOn) > 365 * 86_400_000)
      problem('endsOn', 'is more than a year after the start');
    if (today && v.status === 'held' && v.startsOn > today)
      problem('startsOn', `is in the future (today is ${today}): an event that has not taken place yet is planned, not held`);
    if (v.confidentiality === 'committee-and-state' && !v.stateIso3)
      problem('confidentiality', 'the Committee and the State concerned: give the State where the event is held');
  };

/** An event as the write core takes it; one day when the end is left out. */
export const eventInput = (today: string | null = todayIso()) =>
  z
    .strictObject({ ...eventFields, source })
    .superRefine(eventRules(today))
    .transform((e) => ({ ...e, endsOn: e.endsOn ?? e.startsOn }));
export type EventData = z.output<ReturnType<typeof eventInput>>;

/** An event as a form, the API or the demonstration data give it. */
export interface EventInput {
  title: string;
  description?: string;
  group: string;
  status?: string;
  confirmed?: boolean;
  listed?: boolean;
  startsOn: string;
  endsOn?: string | null;
  organizerStates?: string[];
  organizerOrganizations?: string[];
  byCommittee?: boolean;
  city?: string;
  /** By language (ar, es, fr, ru, zh): the title, description and city in it. */
  translations?: Partial<Record<string, { title?: string; description?: string; city?: string }>>;
  stateIso3?: string | null;
  audiences?: string[];
  participants?: { role: string; mode?: string; expertId?: string | null; name?: string }[];
  links?: string[];
  confidentiality?: string;
  source?: string;
}

/** The translations of a cooperation record's description, by language; an empty one is no translation. */
const descriptionTranslations = z
  .strictObject(
    Object.fromEntries(translationLanguages.map((l) => [l, z.strictObject({ description: text(4000) }).optional()])) as Record<
      (typeof translationLanguages)[number],
      z.ZodOptional<z.ZodObject<{ description: ReturnType<typeof text> }>>
    >,
  )
  .default({})
  .transform(
    (v) =>
      Object.fromEntries(
        translationLanguages.flatMap((l) => (v[l]?.description ? [[l, { description: v[l]!.description }]] : [])),
      ) as Partial<Record<(typeof translationLanguages)[number], { description: string }>>,
  );

/** The fields of a cooperation record, each checked alone. */
export const cooperationFields = {
  organizationCode: z
    .string()
    .nullish()
    .transform((v, ctx) => {
      const code = v?.trim().toUpperCase() ?? '';
      if (!code) ctx.addIssue({ code: 'custom', message: 'is required (the code of an organization such as IAEA)', continue: true });
      return code;
    }),
  activity: pick(cooperationActivities),
  startsOn: requiredDay({ today: null }),
  endsOn: day({ today: null }),
  description: required(4000),
  translations: descriptionTranslations,
  links: links(cooperationLinkTypes),
  stateIso3: stateCode,
  confidentiality: level,
};

export const cooperationInput = () =>
  z
    .strictObject({ ...cooperationFields, source })
    .superRefine((v, ctx) => {
      if (v.endsOn && isIsoDate(v.startsOn) && v.endsOn < v.startsOn)
        ctx.addIssue({ code: 'custom', path: ['endsOn'], message: `is before the start (${v.startsOn})` });
      if (v.confidentiality === 'committee-and-state' && !v.stateIso3)
        ctx.addIssue({
          code: 'custom',
          path: ['confidentiality'],
          message: 'the Committee and the State concerned: give the State concerned',
        });
    })
    .transform((c) => ({ ...c, endsOn: c.endsOn ?? c.startsOn }));
export type CooperationData = z.output<ReturnType<typeof cooperationInput>>;

export interface CooperationInput {
  organizationCode: string;
  activity: string;
  startsOn: string;
  endsOn?: string | null;
  description: string;
  /** By language (ar, es, fr, ru, zh): the description in it. */
  translations?: Partial<Record<string, { description?: string }>>;
  links?: string[];
  stateIso3?: string | null;
  confidentiality?: string;
  source?: string;
}

/** An input checked: its problems in the order of its fields, or its values. */
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
  return {
    problems: problemsOf(result.error.issues)
      .map((p, i) => ({ p, i }))
      .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
      .map(({ p }) => p),
  };
}

export const checkEventInput = (input: unknown, today: string | null): FieldProblem[] =>
  parseInOrder(eventInput(today), Object.keys(eventFields), input).problems;
export const checkCooperationInput = (input: unknown): FieldProblem[] =>
  parseInOrder(cooperationInput(), Object.keys(cooperationFields), input).problems;

/** The calendar's filters, as the query string gives them; an empty one is no filter. */
export interface EventFilters {
  group?: (typeof eventGroups)[number];
  organization?: string;
  state?: string;
  region?: string;
  audience?: (typeof audiences)[number];
  from?: string;
  to?: string;
  includeArchived?: boolean;
}

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);
const dateProblem = 'must be a date (YYYY-MM-DD)';

export const eventFilterInput = z.object({
  group: optional(z.enum(eventGroups, oneOf(eventGroups)).optional()),
  organization: optional(
    z
      .string()
      .max(40, 'must be the code of an organization')
      .transform((s) => s.toUpperCase())
      .optional(),
  ),
  state: optional(
    z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166 alpha-3 code')
      .transform((s) => s.toUpperCase())
      .optional(),
  ),
  region: optional(z.string().max(60, 'must be a regional group').optional()),
  audience: optional(z.enum(audiences, oneOf(audiences)).optional()),
  from: optional(z.string().refine(isIsoDate, dateProblem).optional()),
  to: optional(z.string().refine(isIsoDate, dateProblem).optional()),
});

/** The filters, checked: a malformed one is a 422 naming it. */
export function eventFilters(q: Record<string, string | undefined>): EventFilters {
  const parsed = parseInput(eventFilterInput, q);
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as EventFilters;
}
