import { z } from '@hono/zod-openapi';
import { confidentialityLevels as levels } from '../../platform/policy/levels.ts';
import { engagementStatuses, recordSources as sources, visitKinds, visitPurposes } from './schema.ts';

export const VisitSchema = z
  .object({
    id: z.string().uuid(),
    stateIso3: z.string(),
    kind: z.enum(visitKinds),
    status: z
      .enum(engagementStatuses)
      .openapi({ description: 'held: it took place (its dates up to today); planned: it may lie in the future' }),
    startsOn: z.string().openapi({ format: 'date' }),
    endsOn: z.string().nullable().openapi({ format: 'date' }),
    purposes: z.array(z.enum(visitPurposes)),
    statesInvolved: z.array(z.string()),
    organizationsInvolved: z.array(z.string()).openapi({ description: 'Organizations whose people went (codes)' }),
    supportingOrganizations: z.array(z.string()).openapi({ description: 'Organizations that supported it (codes)' }),
    whoWent: z.string().openapi({ description: 'The experts who went' }),
    partner: z
      .string()
      .openapi({ description: 'Who it was made with (CTED, the 1267 Monitoring Team) or, for a peer review, who supported it' }),
    place: z.string(),
    note: z.string(),
    source: z.enum(sources),
    confidentiality: z.enum(levels),
    archived: z.boolean(),
    rowVersion: z.number().int().openapi({ description: 'Send it back with a change: a change made on an older version is refused (409)' }),
  })
  .openapi('Visit');

export const CourseSchema = z
  .object({
    id: z.string().uuid(),
    title: z.string(),
    status: z.enum(engagementStatuses),
    startsOn: z.string().openapi({ format: 'date' }),
    endsOn: z.string().openapi({ format: 'date' }),
    place: z.string(),
    region: z.string(),
    hostOrganizations: z.array(z.string()),
    supportingOrganizations: z.array(z.string()),
    participatingStates: z.array(z.string()),
    teachers: z.string().openapi({ description: 'The experts who taught' }),
    teachingOrganizations: z.array(z.string()),
    source: z.enum(sources),
    confidentiality: z.enum(levels),
    archived: z.boolean(),
    rowVersion: z.number().int(),
  })
  .openapi('Course');
