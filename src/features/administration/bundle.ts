import { z } from 'zod';
import { sourceProblem } from '../../platform/bundle/fields.ts';
import { keptSection } from '../../platform/bundle/record-section.ts';
import type { BundleSection, Reference } from '../../platform/bundle/section.ts';
import { recordId } from '../../platform/values/codes.ts';
import { importAppointment, importContribution, importDonor, importGrant } from './commands.ts';
import {
  activitySchema,
  appointmentFields,
  appointmentInput,
  contributionFields,
  contributionInput,
  donorFields,
  donorInput,
  grantFields,
  grantInput,
  parseInOrder,
} from './inputs.ts';
import {
  type AppointmentView,
  type ContributionView,
  type DonorView,
  type GrantView,
  presentAppointment,
  presentContribution,
  presentDonor,
  presentGrant,
} from './present.ts';
import { appointmentResource, contributionResource, donorResource, grantResource } from './queries.ts';
import { adminSources, appointmentLevels, appointmentRoles, donorKinds } from './schema.ts';

/*
 * Four sections: the appointments (public ones in the public's export) and the trust fund's
 * donors, contributions and grants (in the Committee side's exports only: the export reads the
 * rows the viewer may read). The bundle's records are the presenter's; their checks are the
 * inputs' (the write core checks the database's side when it writes each).
 */

const kept = {
  id: recordId.transform((id) => id.toLowerCase()),
  source: z.enum(adminSources, `must be one of ${adminSources.join(', ')}`),
  archived: z.boolean().default(false),
};
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
const uuid = recordId.transform((id) => id.toLowerCase());
const money = {
  amount: z.number().positive().nullable(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
};

const appointmentSchema: z.ZodType<AppointmentView> = z.strictObject({
  ...kept,
  role: z.enum(appointmentRoles),
  personName: z.string().max(200),
  stateIso3: z.string().regex(/^[A-Z]{3}$/, 'must be a State code of three letters'),
  startsOn: day,
  endsOn: day.nullable(),
  note: z.string().max(2000),
  confidentiality: z.enum(appointmentLevels),
});
const donorSchema: z.ZodType<DonorView> = z.strictObject({
  ...kept,
  donorKind: z.enum(donorKinds),
  stateIso3: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  organizationCode: z.string().max(40).nullable(),
  note: z.string().max(2000),
});
const contributionSchema: z.ZodType<ContributionView> = z.strictObject({
  ...kept,
  donorId: uuid,
  year: z.number().int().min(2004).max(2199),
  ...money,
  note: z.string().max(2000),
});
const grantSchema: z.ZodType<GrantView> = z.strictObject({
  ...kept,
  contributionId: uuid,
  usedInYear: z.number().int().min(2004).max(2199),
  purpose: z.string().max(500),
  ...money,
  activities: z.array(activitySchema).max(50) as unknown as z.ZodType<GrantView['activities']>,
  note: z.string().max(2000),
});

const ref = (field: string, section: string, key: string | null, noun: string): Reference[] => (key ? [{ field, section, key, noun }] : []);

export const appointmentsSection: BundleSection<AppointmentView> = keptSection({
  name: 'appointments',
  table: 'appointment',
  schema: appointmentSchema,
  present: presentAppointment,
  rowResource: appointmentResource,
  resource: appointmentResource,
  references: (a) => ref('stateIso3', 'member-states', a.stateIso3, 'Member State'),
  always: (a, before) => sourceProblem(a.source, before),
  changed: (a) => parseInOrder(appointmentInput, Object.keys(appointmentFields), a).problems,
  write: importAppointment,
});

export const donorsSection: BundleSection<DonorView> = keptSection({
  name: 'trust-fund-donors',
  table: 'trust_fund_donor',
  schema: donorSchema,
  present: presentDonor,
  rowResource: donorResource,
  resource: donorResource,
  references: (d) => [
    ...ref('stateIso3', 'member-states', d.stateIso3, 'Member State'),
    ...ref('organizationCode', 'organizations', d.organizationCode, 'organization'),
  ],
  always: (d, before) => sourceProblem(d.source, before),
  changed: (d) => parseInOrder(donorInput, Object.keys(donorFields), d).problems,
  write: importDonor,
});

export const contributionsSection: BundleSection<ContributionView> = keptSection({
  name: 'trust-fund-contributions',
  table: 'trust_fund_contribution',
  schema: contributionSchema,
  present: presentContribution,
  rowResource: contributionResource,
  resource: contributionResource,
  references: (c) => ref('donorId', 'trust-fund-donors', c.donorId, 'donor'),
  after: ['trust-fund-donors'],
  always: (c, before) => sourceProblem(c.source, before),
  changed: (c) => parseInOrder(contributionInput, Object.keys(contributionFields), c).problems,
  write: importContribution,
});

export const grantsSection: BundleSection<GrantView> = keptSection({
  name: 'trust-fund-grants',
  table: 'trust_fund_grant',
  schema: grantSchema,
  present: presentGrant,
  rowResource: grantResource,
  resource: grantResource,
  references: (g) => ref('contributionId', 'trust-fund-contributions', g.contributionId, 'contribution'),
  after: ['trust-fund-contributions'],
  always: (g, before) => sourceProblem(g.source, before),
  changed: (g) => parseInOrder(grantInput, Object.keys(grantFields), g).problems,
  write: importGrant,
});
