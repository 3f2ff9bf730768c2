// What the API says of a report or a plan (the presenters' views, with the row version), and the bodies it takes.
import { z } from '@hono/zod-openapi';
import { invalid } from '../../platform/errors.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { isIsoDate } from '../../platform/values/dates.ts';
import { presentPlan, presentReport } from './present.ts';
import type { PlanRow, ReportRow } from './queries.ts';
import { planStatuses, reportKinds, reportSources } from './schema.ts';

export const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });
const Source = z.enum(reportSources);
export const Confidentiality = z.enum(confidentialityLevels);
const archived = z.boolean().openapi({ description: 'Archived: left out of the lists and figures; it can be restored' });

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
    archived,
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
    archived,
    rowVersion: z.number().int().openapi({ description: 'Send it back as `rowVersion` when changing the plan' }),
  })
  .openapi('ActionPlan');

export const reportJson = (r: ReportRow): z.infer<typeof ReportSchema> => ({ ...presentReport(r), rowVersion: r.row_version });
export const planJson = (p: PlanRow): z.infer<typeof PlanSchema> => ({ ...presentPlan(p), rowVersion: p.row_version });

/*
 * The bodies: the write core's input as JSON gives it (inputs.ts). Their types are checked here;
 * the write core checks the rest, so that the problems of the fields, of the rules between them
 * and of the stored records come back together, each naming its field.
 */
const day = z.string().openapi({ format: 'date' });
const reportBody = {
  kind: z.enum(reportKinds),
  receivedOn: day,
  symbol: z.string().max(100).optional(),
  languages: z.array(z.string()).optional(),
  summary: z.string().max(4000).optional(),
  paragraphs: z.array(z.string()).optional(),
  weaponTypes: z.array(z.string()).optional(),
  confidentiality: Confidentiality.optional(),
};
const planBody = {
  number: z.number().int(),
  status: z.enum(planStatuses),
  startedOn: day.nullable().optional(),
  submittedOn: day.nullable().optional(),
  publishedOn: day.nullable().optional(),
  confidentiality: Confidentiality.optional(),
};
export const rowVersion = z.number().int().min(1).openapi({ description: 'The `rowVersion` of the record as it was read', example: 1 });

export const NewReportBody = z.object({ state: z.string().max(3), ...reportBody });
export const ReportChangeBody = z
  .object({ rowVersion, ...z.object(reportBody).partial().shape })
  .openapi({ example: { rowVersion: 1, symbol: 'S/AC.44/2018/3', paragraphs: ['OP2', 'OP3a'] } });
export const NewPlanBody = z.object({ state: z.string().max(3), ...planBody });
export const PlanChangeBody = z
  .object({ rowVersion, ...z.object(planBody).partial().shape })
  .openapi({ example: { rowVersion: 1, status: 'submitted', submittedOn: '2018-11-05' } });

/** A date parameter, checked: the name of the parameter and the problem if it is not a date. */
export function dateParam(field: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isIsoDate(value)) throw invalid([{ field, problem: 'must be a date (YYYY-MM-DD)' }]);
  return value;
}
