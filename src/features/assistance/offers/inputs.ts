// The input of an offer of assistance, used by the form, the API, the bundle and the demonstration
// data. Whether the provider exists and whether the reader may record for it is the write core's.
import { z } from 'zod';
import { type OfferRow, offerProviderKey } from '../queries.ts';
import { choice, codes, someCodes, day, email, provider, requiredText, text } from '../fields.ts';

const programme = z.object(
  {
    name: z
      .string('is required (at most 200 characters)')
      .trim()
      .min(1, 'is required (at most 200 characters)')
      .max(200, 'is required (at most 200 characters)'),
    url: z
      .string('must be an https:// address')
      .trim()
      .refine((u) => u === '' || /^https:\/\/[^\s<>"]{3,500}$/.test(u), 'must be an https:// address')
      .optional(),
  },
  'is required (at most 200 characters)',
);

/** A day of the offer's period: empty or left out, it is open. */
const period = z.preprocess((v) => (v === '' ? null : v), day.nullish());

/** An offer's fields, each checked alone. */
export const offerFields = {
  provider,
  title: requiredText(300),
  description: text(8000),
  paragraphs: codes('paragraph'),
  weapons: codes('weapon'),
  areas: someCodes('area'),
  kinds: codes('kind'),
  regions: codes('region'),
  languages: codes('language'),
  programmes: z.array(programme, 'must be a list of at most 20 programmes').max(20, 'must be a list of at most 20 programmes').optional(),
  capacity: text(500),
  periodFrom: period,
  periodTo: period,
  contactName: text(200),
  contactEmail: email,
  confidentiality: choice(['public', 'committee'] as const).optional(),
};

/** An offer: its fields, and a period that does not end before it begins. */
export const offerInput = z.object(offerFields).superRefine((o, ctx) => {
  if (o.periodFrom && o.periodTo && o.periodTo < o.periodFrom)
    ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'is before the start of the period' });
});

/** An offer as a form or a file gives it: the choices as typed, checked by the schema. */
export type OfferInput = Omit<z.input<typeof offerInput>, 'confidentiality'> & { confidentiality?: string };
export type Offer = z.output<typeof offerInput>;

/** A stored offer as its input names it: what a change starts from, and what the form, the API and the bundle show of it. */
export const offerInputOf = (o: OfferRow) => ({
  provider: offerProviderKey(o),
  title: o.title,
  description: o.description,
  paragraphs: o.paragraphs,
  weapons: o.weapons,
  areas: o.areas,
  kinds: o.kinds,
  regions: o.regions,
  languages: o.languages,
  programmes: Array.isArray(o.programmes) ? o.programmes.map((g) => ({ name: String(g.name ?? ''), url: String(g.url ?? '') })) : [],
  capacity: o.capacity,
  periodFrom: o.period_from,
  periodTo: o.period_to,
  contactName: o.contact_name,
  contactEmail: o.contact_email,
  confidentiality: o.confidentiality,
});
