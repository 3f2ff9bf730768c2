import { z } from 'zod';
import type { FieldProblem } from '../../platform/errors.ts';
import { isUuid } from '../../platform/values/codes.ts';
import { problemsOf } from '../../platform/values/input.ts';
import { day, requiredDay, resolutionAdopted, text } from '../reports/index.ts';
import { adminSources, appointmentLevels, appointmentRoles, donorKinds } from './schema.ts';

/*
 * The inputs of administration, one schema per record kind, shared by the forms, the API, the
 * bundle and the demonstration data. What needs the database (the State, organization,
 * donor or contribution named exists; a Chair's period overlaps no other) is the write core's.
 * Problems come in the order of the fields, each naming its field.
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
      if (!values.includes(v)) ctx.addIssue({ code: 'custom', message: `must be one of ${values.join(', ')}`, continue: true });
      return v as T[number];
    });

/** A code typed in any case (a State's ISO3, an organization's code): upper-case, null when empty. */
const code = (what: string, required: boolean) =>
  z
    .string()
    .nullish()
    .transform((v, ctx) => {
      const c = v?.trim().toUpperCase() ?? '';
      if (!c && required) ctx.addIssue({ code: 'custom', message: `is required (${what})`, continue: true });
      if (c.length > 40) ctx.addIssue({ code: 'custom', message: 'must be at most 40 characters', continue: true });
      return c || null;
    });

/** The id of a stored record (a donor, a contribution). */
const idOf = (what: string) =>
  z
    .string()
    .nullish()
    .transform((v, ctx) => {
      const id = v?.trim().toLowerCase() ?? '';
      if (!id) ctx.addIssue({ code: 'custom', message: `is required (${what})`, continue: true });
      else if (!isUuid(id)) ctx.addIssue({ code: 'custom', message: `no ${what} has the id ${id.slice(0, 40)}`, continue: true });
      return id;
    });

/** A year, as a form (text) or JSON (a number) gives it. */
const year = z
  .unknown()
  .optional()
  .transform((v, ctx) => {
    const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v == null ? '' : '?';
    if (!s) {
      ctx.addIssue({ code: 'custom', message: 'is required (YYYY)', continue: true });
      return 0;
    }
    if (!/^\d{4}$/.test(s) || Number(s) < 2004 || Number(s) > 2199) {
      ctx.addIssue({ code: 'custom', message: 'must be a year from 2004 (YYYY)', continue: true });
      return 0;
    }
    return Number(s);
  });

/** An optional amount: a positive number with at most two decimals. */
const amount = z
  .unknown()
  .optional()
  .transform((v, ctx) => {
    const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().replace(/[\s,]/g, '') : v == null ? '' : '?';
    if (!s) return null;
    if (!/^\d{1,14}(\.\d{1,2})?$/.test(s) || Number(s) <= 0) {
      ctx.addIssue({ code: 'custom', message: 'must be a positive amount (at most two decimals)', continue: true });
      return null;
    }
    return Number(s);
  });

const currency = z
  .string()
  .nullish()
  .transform((v, ctx) => {
    const c = v?.trim().toUpperCase() ?? '';
    if (c && !/^[A-Z]{3}$/.test(c)) ctx.addIssue({ code: 'custom', message: 'must be an ISO 4217 code (USD, EUR)', continue: true });
    return c || null;
  });

const source = pick(adminSources, 'entered');
const since1540 = { today: null, notBefore: { day: resolutionAdopted, what: 'resolution 1540 was adopted' } };

/** The fields of an appointment, each checked alone. */
export const appointmentFields = {
  role: pick(appointmentRoles),
  personName: text(200),
  stateIso3: code('the ISO 3166 code of a Member State: the State represented, or the nationality', true),
  startsOn: requiredDay(since1540),
  endsOn: day({ today: null }),
  note: text(2000),
  confidentiality: pick(appointmentLevels, 'public'),
};

export const appointmentInput = z.object({ ...appointmentFields, source }).superRefine((v, ctx) => {
  if (v.role !== 'vice-chair' && !v.personName)
    ctx.addIssue({ code: 'custom', path: ['personName'], message: 'is required (only a vice-chair may be recorded by its State alone)' });
  if (v.endsOn && v.startsOn && v.endsOn < v.startsOn)
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: `is before the start (${v.startsOn})` });
});
export type AppointmentData = z.output<typeof appointmentInput>;

export const donorFields = {
  donorKind: pick(donorKinds),
  stateIso3: code('a Member State', false),
  organizationCode: code('an organization', false),
  note: text(2000),
};

export const donorInput = z
  .object({ ...donorFields, source })
  .superRefine((v, ctx) => {
    if (v.donorKind === 'state' && !v.stateIso3)
      ctx.addIssue({ code: 'custom', path: ['stateIso3'], message: 'is required for a State donor (ISO 3166 code, such as KAZ)' });
    if (v.donorKind === 'organization' && !v.organizationCode)
      ctx.addIssue({ code: 'custom', path: ['organizationCode'], message: 'is required for an organization donor (such as EU)' });
  })
  .transform((v) => ({
    ...v,
    stateIso3: v.donorKind === 'state' ? v.stateIso3 : null,
    organizationCode: v.donorKind === 'organization' ? v.organizationCode : null,
  }));
export type DonorData = z.output<typeof donorInput>;

const amountRule = (v: { amount: number | null; currency: string | null }, ctx: z.RefinementCtx) => {
  if (v.amount !== null && !v.currency) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'is required with an amount' });
  if (v.amount === null && v.currency) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'is required with a currency' });
};

export const contributionFields = {
  donorId: idOf('donor'),
  year,
  amount,
  currency,
  note: text(2000),
};

export const contributionInput = z.object({ ...contributionFields, source }).superRefine(amountRule);
export type ContributionData = z.output<typeof contributionInput>;

export const activitySchema = z
  .object({
    description: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
    recordType: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a kind of record in lower case (visit, course, event)')
      .nullish(),
    recordId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be an id of letters, digits, dots, hyphens')
      .nullish(),
  })
  .superRefine((a, ctx) => {
    if (!!a.recordType !== !!a.recordId)
      ctx.addIssue({
        code: 'custom',
        path: [a.recordType ? 'recordId' : 'recordType'],
        message: 'a linked record needs its kind and its id',
      });
  })
  .transform((a) =>
    a.recordType && a.recordId
      ? { description: a.description, recordType: a.recordType, recordId: a.recordId }
      : { description: a.description },
  );

export const grantFields = {
  contributionId: idOf('contribution'),
  usedInYear: year,
  purpose: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
  amount,
  currency,
  activities: z.array(activitySchema).max(50, 'at most 50 activities').default([]),
  note: text(2000),
};

export const grantInput = z.object({ ...grantFields, source }).superRefine(amountRule);
export type GrantData = z.output<typeof grantInput>;

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
  return {
    problems: problemsOf(result.error.issues)
      .map((p, i) => ({ p, i }))
      .sort((x, y) => rank(x.p) - rank(y.p) || x.i - y.i)
      .map(({ p }) => p),
  };
}
