import { z } from 'zod';
import type { FieldProblem } from '../../platform/errors.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { problemsOf } from '../../platform/values/input.ts';
import { choice, day, requiredDay, text } from '../reports/index.ts';
import { contactLocations, recordSources } from './schema.ts';

/*
 * The inputs of points of contact, one schema each, shared by the forms, the API, the bundle and
 * the demonstration data: a contact, and the day of a confirmation or of an end. What needs the
 * stored contact (a designation after its end, say) is the write core's (commands.ts).
 */

const languageTag = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** The fields of a contact, each checked alone; given no today, only their form (a bundle's stored records). */
export const contactFields = (today: string | null) => ({
  location: choice(contactLocations),
  name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  title: text(200),
  institution: text(300),
  email: text(254).refine((e) => !e || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e), 'must be an e-mail address (at most 254 characters)'),
  phone: text(60),
  languages: z
    .array(z.string())
    .default([])
    .superRefine((tags, ctx) => {
      const bad = tags.filter((l) => !languageTag.test(l));
      if (bad.length)
        ctx.addIssue({
          code: 'custom',
          message: `has ${bad.map((l) => `"${l.slice(0, 20)}"`).join(', ')}: give language codes such as fr, en, ar`,
        });
      else if (tags.length > 20) ctx.addIssue({ code: 'custom', message: 'at most 20 languages' });
    }),
  designatedOn: requiredDay({ today }),
  endedOn: day({ today }),
  lastConfirmedOn: day({ today }),
});

/** A designation's other days come after it. */
export function contactRules(v: { designatedOn: string; endedOn: string | null; lastConfirmedOn: string | null }, ctx: z.RefinementCtx) {
  if (v.endedOn && v.designatedOn && v.endedOn < v.designatedOn)
    ctx.addIssue({ code: 'custom', path: ['endedOn'], message: 'is before the designation' });
  if (v.lastConfirmedOn && v.designatedOn && v.lastConfirmedOn < v.designatedOn)
    ctx.addIssue({ code: 'custom', path: ['lastConfirmedOn'], message: 'is before the designation' });
}

/** A contact's fields, each alone: what a change of a stored contact is checked against before the order of its days. */
export const contactValues = (today: string = todayIso()) =>
  z.object({ ...contactFields(today), source: choice(recordSources).default('entered') });

/** A contact as the write core takes it. */
export const contactInput = (today: string = todayIso()) => contactValues(today).superRefine(contactRules);
export type ContactData = z.output<ReturnType<typeof contactInput>>;

/** A contact as a form, the API or the demonstration data give it, before any check. */
export interface ContactInput {
  location: string;
  name: string;
  title?: string;
  institution?: string;
  email?: string;
  phone?: string;
  languages?: string[];
  designatedOn: string;
  endedOn?: string | null;
  lastConfirmedOn?: string | null;
  source?: string;
}

/**
 * A change of a stored contact: the fields given replace the stored ones (what the account may
 * change, field by field, is the write core's); a bundle also gives its archive flag.
 */
export type ContactEdit = Partial<ContactInput> & { archived?: boolean };

/** The problems of a contact that need no stored record, dates checked against `today`. */
export function checkContactInput(input: ContactInput, today: string): FieldProblem[] {
  const result = contactInput(today).safeParse(input);
  return result.success ? [] : problemsOf(result.error.issues);
}

/** The day of a confirmation or of an end: given, not in the future, not before the designation. */
export const designationDay = (field: 'confirmedOn' | 'endedOn', today: string, designatedOn: string) =>
  z.object({ [field]: requiredDay({ today, notBefore: { day: designatedOn, what: 'the designation' } }) });
