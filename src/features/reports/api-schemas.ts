// What the API says of a report or a plan: the schemas and the presenters (rows are never serialised as they are).
import { isIsoDate } from '../../platform/values/dates.ts';
import { z } from '@hono/zod-openapi';
import { invalid } from '../../platform/errors.ts';
import type { PlanRow, ReportRow } from './queries.ts';
import { planStatuses, reportKinds } from './schema.ts';

export const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });
const Source = z.enum(['seed', 'illustrative', 'entered']);
export const Confidentiality = z.enum(['public', 'committee', 'committee-and-state']);

export const ReportSchema = z
  .object({
    id: z.string().uuid(),
    state: z.string().openapi({ example: 'COM' }),
    kind: z.enum(reportKinds),
    receivedOn: z.string().openapi({ format: 'date' }),
    symbol: z.string(),
    languages: z.array(z.string()),
    summary: z.string(),
    paragraphs: z.array(z.string()),
    weaponTypes: z.array(z.string()),
    source: Source.openapi({ description: 'seed: the Committee’s review of 2018; illustrative: made-up history; entered: recorded here' }),
    confidentiality: Confidentiality,
    archived: z.boolean().openapi({ description: 'Archived: left out of the lists and figures; it can be restored' }),
    rowVersion: z.number().int().openapi({ description: 'Send it back as `rowVersion` when changing the report' }),
  })
  .openapi('NationalReport');

export const PlanSchema = z
  .object({
    id: z.string().uuid(),
    state: z.string().openapi({ example: 'SRB' }),
    number: z.number().int(),
    status: z.enum(planStatuses),
    startedOn: z.string().nullable(),
    submittedOn: z.string().nullable(),
    publishedOn: z.string().nullable(),
    source: Source,
    confidentiality: Confidentiality,
    archived: z.boolean().openapi({ description: 'Archived: left out of the lists and figures; it can be restored' }),
    rowVersion: z.number().int().openapi({ description: 'Send it back as `rowVersion` when changing the plan' }),
  })
  .openapi('ActionPlan');

export const presentReport = (r: ReportRow): z.infer<typeof ReportSchema> => ({
  id: r.id,
  state: r.state_iso3,
  kind: r.kind,
  receivedOn: r.received_on,
  symbol: r.symbol,
  languages: r.languages,
  summary: r.summary,
  paragraphs: r.paragraphs,
  weaponTypes: r.weapon_types,
  source: r.source,
  confidentiality: r.confidentiality,
  archived: r.archived_at !== null,
  rowVersion: r.row_version,
});

export const presentPlan = (p: PlanRow): z.infer<typeof PlanSchema> => ({
  id: p.id,
  state: p.state_iso3,
  number: p.number,
  status: p.status,
  startedOn: p.started_on,
  submittedOn: p.submitted_on,
  publishedOn: p.published_on,
  source: p.source,
  confidentiality: p.confidentiality,
  archived: p.archived_at !== null,
  rowVersion: p.row_version,
});

/** A date parameter, checked: the name of the parameter and the problem if it is not a date. */
export function dateParam(field: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isIsoDate(value)) throw invalid([{ field, problem: 'must be a date (YYYY-MM-DD)' }]);
  return value;
}
