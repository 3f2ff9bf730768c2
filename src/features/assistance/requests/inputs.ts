// The inputs of a request (with its items) and of a provider's response: one schema each, used by
// the forms, the API, the bundle and the demonstration data. What needs the database or today's
// date (the State, the matrix fields, the items of the request, a date in the future) is checked
// by the write cores (`commands.ts`, `responses.ts`).
import { z } from 'zod';
import { iso3, recordId } from '../../../platform/values/codes.ts';
import { choice, codes, someCodes, pastDay, email, provider, requiredText, text, yesNo } from '../fields.ts';
import type { RequestRow } from '../queries.ts';
import { channels, priorities } from '../schema.ts';

/** Resolution 1540 was adopted on 28 April 2004: no request under it is older. */
export const resolutionAdopted = '2004-04-28';

const matrixFieldCode = /^OP[0-9a-z.A-Z_-]{1,80}$/;

/** One item of a request: what the State needs, placed in the taxonomy. */
export const itemInput = z.object(
  {
    /** Set when editing an existing item. */
    id: recordId.optional(),
    description: requiredText(4000),
    paragraphs: codes('paragraph'),
    weapons: codes('weapon'),
    areas: someCodes('area'),
    kinds: codes('kind'),
    matrixFields: z
      .array(z.string().regex(matrixFieldCode, 'must be a matrix field code (OP…)'), 'must be a list of matrix field codes (OP…)')
      .max(200, 'at most 200 fields')
      .transform((c) => [...new Set(c)])
      .optional(),
    priority: choice(priorities).optional(),
    timeframe: text(200),
    /** Details the seed does not give, filled in for the demonstration. */
    illustrative: yesNo,
  },
  'must be an object',
);

/** A request's own fields (not its items). */
export const requestFields = {
  stateIso3: z.string('must be a Member State code (ISO 3166 alpha-3)').trim().toUpperCase().pipe(iso3),
  receivedOn: pastDay.refine((d) => d >= resolutionAdopted, 'is before resolution 1540 (28 April 2004)'),
  channel: choice(channels),
  reference: text(60),
  contactName: text(200),
  contactEmail: email,
  languages: codes('language'),
  earlierAssistance: text(8000),
  otherProviders: text(2000),
  consentSummary: yesNo,
  summary: text(4000),
  invitesVisit: yesNo,
};

export const requestInput = z.object({
  ...requestFields,
  items: z.array(itemInput, 'a request names at least one need').min(1, 'a request names at least one need').max(200, 'at most 200 items'),
});

/** An item as a form or a file gives it: the choices as typed, checked by the schema. */
export type ItemInput = Omit<z.input<typeof itemInput>, 'priority'> & { priority?: string };
/** A request as a form or a file gives it. */
export type RequestInput = Omit<z.input<typeof requestInput>, 'channel' | 'items'> & { channel: string; items: ItemInput[] };
export type Request = z.output<typeof requestInput>;
export type Item = z.output<typeof itemInput>;

/** A provider's response: the items of the request it answers. */
export const responseInput = z.object({
  /** The provider answering; a provider's own account may leave it out. */
  provider: provider.optional(),
  respondedOn: pastDay,
  itemIds: z
    .array(z.string('must be an item id'), 'name at least one item of the request that the response answers')
    .min(1, 'name at least one item of the request that the response answers')
    .max(200, 'at most 200 items'),
  text: text(8000),
});

export type ResponseInput = z.input<typeof responseInput>;

/** A stored request's own fields (not its items) as its input names them: what the API's changes, the form and the bundle start from. */
export const requestFieldsOf = (r: RequestRow) => ({
  stateIso3: r.state_iso3.trim(),
  receivedOn: r.received_on,
  channel: r.channel,
  reference: r.reference,
  contactName: r.contact_name,
  contactEmail: r.contact_email,
  languages: r.languages,
  earlierAssistance: r.earlier_assistance,
  otherProviders: r.other_providers,
  consentSummary: r.consent_summary,
  summary: r.summary,
  invitesVisit: r.invites_visit,
});
