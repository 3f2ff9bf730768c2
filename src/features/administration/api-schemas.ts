import { z } from '@hono/zod-openapi';
import { adminSources, appointmentLevels, appointmentRoles, donorKinds } from './schema.ts';

// The records of administration as the API gives them, and the bodies it takes.

const kept = {
  source: z.enum(adminSources),
  archived: z.boolean(),
  rowVersion: z.number().int().openapi({ description: 'Send it back with a change: a change made on an older version is refused (409)' }),
};
const date = (example: string) => z.string().max(20).openapi({ format: 'date', example });
const money = {
  amount: z.number().nullable().openapi({ description: 'Optional; given with its currency' }),
  currency: z.string().nullable().openapi({ description: 'ISO 4217, with an amount', example: 'USD' }),
};

export const AppointmentSchema = z
  .object({
    id: z.string().uuid(),
    role: z.enum(appointmentRoles),
    personName: z.string().openapi({ description: 'Empty only for a vice-chair recorded by its State alone' }),
    stateIso3: z
      .string()
      .openapi({ description: 'The State a Chair or vice-chair represents; an expert’s or the coordinator’s nationality' }),
    startsOn: z.string().openapi({ format: 'date' }),
    endsOn: z.string().nullable().openapi({ format: 'date', description: 'None: in office' }),
    note: z.string(),
    confidentiality: z.enum(appointmentLevels),
    ...kept,
  })
  .openapi('Appointment');

export const DonorSchema = z
  .object({
    id: z.string().uuid(),
    donorKind: z.enum(donorKinds),
    stateIso3: z.string().nullable(),
    organizationCode: z.string().nullable(),
    note: z.string(),
    ...kept,
  })
  .openapi('TrustFundDonor');

export const ContributionSchema = z
  .object({ id: z.string().uuid(), donorId: z.string().uuid(), year: z.number().int(), ...money, note: z.string(), ...kept })
  .openapi('TrustFundContribution');

const ActivitySchema = z.object({
  description: z.string().max(500),
  recordType: z
    .string()
    .max(40)
    .optional()
    .openapi({ description: 'The kind of a linked record (visit, course, event…)', example: 'course' }),
  recordId: z.string().max(100).optional(),
});

export const GrantSchema = z
  .object({
    id: z.string().uuid(),
    contributionId: z.string().uuid(),
    usedInYear: z.number().int(),
    purpose: z.string(),
    ...money,
    activities: z.array(ActivitySchema),
    note: z.string(),
    ...kept,
  })
  .openapi('TrustFundGrant');

/*
 * The bodies: their types are checked here; the write core checks the rest, so that the problems
 * of the fields, of the rules between them and of the codes and records named come back together,
 * each naming its field.
 */
const yearBody = z.union([z.number().int(), z.string().max(10)]).openapi({ example: 2018 });
const amountBody = z
  .union([z.number(), z.string().max(30)])
  .nullable()
  .optional();

export const appointmentBody = {
  role: z.enum(appointmentRoles),
  personName: z.string().max(1000).optional(),
  stateIso3: z.string().max(40).openapi({ example: 'FRA' }),
  startsOn: date('2018-03-01'),
  endsOn: date('2019-02-28').nullable().optional(),
  note: z.string().max(4000).optional(),
  confidentiality: z.enum(appointmentLevels).optional().openapi({ description: 'public by default' }),
};

export const donorBody = {
  donorKind: z.enum(donorKinds),
  stateIso3: z.string().max(40).nullable().optional().openapi({ example: 'KAZ' }),
  organizationCode: z.string().max(100).nullable().optional().openapi({ example: 'EU' }),
  note: z.string().max(4000).optional(),
};

export const contributionBody = {
  donorId: z.string().max(100),
  year: yearBody,
  amount: amountBody,
  currency: z.string().max(10).nullable().optional(),
  note: z.string().max(4000).optional(),
};

export const grantBody = {
  contributionId: z.string().max(100),
  usedInYear: yearBody,
  purpose: z.string().max(1000),
  amount: amountBody,
  currency: z.string().max(10).nullable().optional(),
  activities: z
    .array(ActivitySchema.extend({ description: z.string().max(1000) }))
    .max(100)
    .optional(),
  note: z.string().max(4000).optional(),
};
