import { todayIso } from '../../platform/values/dates.ts';
import { z } from 'zod';
import {
  codeReferences,
  isoDate,
  organizationCode,
  recordId,
  recordSource,
  stateCode,
  type VisibleCodes,
} from '../../platform/bundle/fields.ts';
import { checkById, importById, readableRows, storedRecords } from '../../platform/bundle/record-section.ts';
import type { BundleSection } from '../../platform/bundle/section.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { checkCourseInput, checkVisitInput } from './commands.ts';
import { type CourseRow, courseRecord, courseResource, type VisitRow, visitRecord, visitResource } from './engagement.ts';
import { engagementStatuses, visitKinds, visitPurposes } from './schema.ts';

/*
 * Two sections: visits (visits at a State's invitation, round tables, peer reviews, joint visits)
 * and the courses for points of contact. They name States and organizations, which come before
 * them in the bundle. An export never names a State or an organization the viewer may not see.
 */

const codes = (schema: typeof stateCode | typeof organizationCode) => z.array(schema).max(200, 'at most 200 codes').default([]);
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).default('');

export const visitRecordSchema = z.strictObject({
  id: recordId,
  state: stateCode,
  kind: z.enum(visitKinds, `must be one of ${visitKinds.join(', ')}`),
  status: z.enum(engagementStatuses, `must be one of ${engagementStatuses.join(', ')}`).default('held'),
  startsOn: isoDate,
  endsOn: isoDate.nullable().default(null),
  purposes: z.array(z.enum(visitPurposes, `must be one of ${visitPurposes.join(', ')}`)).default([]),
  statesInvolved: codes(stateCode),
  organizationsInvolved: codes(organizationCode),
  supportingOrganizations: codes(organizationCode),
  whoWent: text(1000),
  partner: text(200),
  place: text(200),
  note: text(2000),
  source: recordSource.default('entered'),
  archived: z.boolean().default(false),
  confidentiality: z.enum(confidentialityLevels).default('public'),
});
export type VisitBundleRecord = z.output<typeof visitRecordSchema>;

export const courseRecordSchema = z.strictObject({
  id: recordId,
  title: z.string().trim().min(1, 'is required').max(300, 'must be at most 300 characters'),
  status: z.enum(engagementStatuses, `must be one of ${engagementStatuses.join(', ')}`).default('held'),
  startsOn: isoDate,
  endsOn: isoDate,
  place: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  region: text(200),
  hostOrganizations: codes(organizationCode),
  supportingOrganizations: codes(organizationCode),
  participatingStates: codes(stateCode),
  teachers: text(1000),
  teachingOrganizations: codes(organizationCode),
  source: recordSource.default('entered'),
  archived: z.boolean().default(false),
  confidentiality: z.enum(confidentialityLevels).default('public'),
});
export type CourseBundleRecord = z.output<typeof courseRecordSchema>;

export function visitBundleRecord(v: VisitRow): VisitBundleRecord {
  return {
    id: v.id,
    state: v.state_iso3,
    kind: v.kind,
    status: v.status,
    startsOn: v.starts_on,
    endsOn: v.ends_on,
    purposes: v.purposes,
    statesInvolved: v.states_involved,
    organizationsInvolved: v.organizations_involved,
    supportingOrganizations: v.supporting_organizations,
    whoWent: v.who_went,
    partner: v.partner,
    place: v.place,
    note: v.note,
    source: v.source,
    archived: v.archived_at !== null,
    confidentiality: v.confidentiality,
  };
}

export function courseBundleRecord(c: CourseRow): CourseBundleRecord {
  return {
    id: c.id,
    title: c.title,
    status: c.status,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    place: c.place,
    region: c.region,
    hostOrganizations: c.host_organizations,
    supportingOrganizations: c.supporting_organizations,
    participatingStates: c.participating_states,
    teachers: c.teachers,
    teachingOrganizations: c.teaching_organizations,
    source: c.source,
    archived: c.archived_at !== null,
    confidentiality: c.confidentiality,
  };
}

/** The record as this viewer may see it: codes of hidden States and organizations left out. */
function visibleVisit(r: VisitBundleRecord, seen: VisibleCodes): VisitBundleRecord {
  return {
    ...r,
    statesInvolved: r.statesInvolved.filter((s) => seen.states.has(s)),
    organizationsInvolved: r.organizationsInvolved.filter((o) => seen.organizations.has(o)),
    supportingOrganizations: r.supportingOrganizations.filter((o) => seen.organizations.has(o)),
  };
}

function visibleCourse(r: CourseBundleRecord, seen: VisibleCodes): CourseBundleRecord {
  const orgs = (list: string[]) => list.filter((o) => seen.organizations.has(o));
  return {
    ...r,
    participatingStates: r.participatingStates.filter((s) => seen.states.has(s)),
    hostOrganizations: orgs(r.hostOrganizations),
    supportingOrganizations: orgs(r.supportingOrganizations),
    teachingOrganizations: orgs(r.teachingOrganizations),
  };
}

export const visitsSection: BundleSection<VisitBundleRecord> = {
  name: 'visits',
  keyField: 'id',
  schema: visitRecordSchema,
  key: (v) => v.id,
  resource: (v) => visitResource({ confidentiality: v.confidentiality, state_iso3: v.state }),

  async export(db, viewer) {
    const { rows, seen } = await readableRows(db, viewer, 'visit', visitResource);
    return rows.map((v) => visibleVisit(visitBundleRecord(v), seen));
  },

  stored: (db, keys) => storedRecords(db, 'visit', keys, visitBundleRecord),

  references: (v) => [
    { field: 'state', section: 'member-states', key: v.state, noun: 'Member State' },
    ...codeReferences('statesInvolved', v.statesInvolved, 'member-states'),
    ...codeReferences('organizationsInvolved', v.organizationsInvolved, 'organizations'),
    ...codeReferences('supportingOrganizations', v.supportingOrganizations, 'organizations'),
  ],

  async check(db, records) {
    const today = todayIso();
    return checkById(db, 'visit', records, {
      toRecord: visitBundleRecord,
      changed: (v) =>
        checkVisitInput({ ...v, stateIso3: v.state }, today).map((p) => ({
          field: p.field === 'stateIso3' ? 'state' : p.field,
          problem: p.problem,
        })),
    });
  },

  async import(trx, actor, records, report) {
    await importById(trx, actor, records, report, {
      table: 'visit',
      toRecord: visitBundleRecord,
      recordType: 'visit',
      audited: visitRecord,
      columns: (v) => ({
        state_iso3: v.state,
        kind: v.kind,
        status: v.status,
        starts_on: v.startsOn,
        ends_on: v.endsOn,
        purposes: v.purposes,
        states_involved: v.statesInvolved,
        organizations_involved: v.organizationsInvolved,
        supporting_organizations: v.supportingOrganizations,
        who_went: v.whoWent,
        partner: v.partner,
        place: v.place,
        note: v.note,
        source: v.source,
        confidentiality: v.confidentiality,
      }),
    });
  },
};

export const coursesSection: BundleSection<CourseBundleRecord> = {
  name: 'courses',
  keyField: 'id',
  schema: courseRecordSchema,
  key: (c) => c.id,
  resource: (c) => courseResource({ confidentiality: c.confidentiality }),

  async export(db, viewer) {
    const { rows, seen } = await readableRows(db, viewer, 'course', courseResource);
    return rows.map((c) => visibleCourse(courseBundleRecord(c), seen));
  },

  stored: (db, keys) => storedRecords(db, 'course', keys, courseBundleRecord),

  references: (c) => [
    ...codeReferences('participatingStates', c.participatingStates, 'member-states'),
    ...codeReferences('hostOrganizations', c.hostOrganizations, 'organizations'),
    ...codeReferences('supportingOrganizations', c.supportingOrganizations, 'organizations'),
    ...codeReferences('teachingOrganizations', c.teachingOrganizations, 'organizations'),
  ],

  async check(db, records) {
    const today = todayIso();
    return checkById(db, 'course', records, { toRecord: courseBundleRecord, changed: (c) => checkCourseInput(c, today) });
  },

  async import(trx, actor, records, report) {
    await importById(trx, actor, records, report, {
      table: 'course',
      toRecord: courseBundleRecord,
      recordType: 'course',
      audited: courseRecord,
      columns: (c) => ({
        title: c.title,
        status: c.status,
        starts_on: c.startsOn,
        ends_on: c.endsOn,
        place: c.place,
        region: c.region,
        host_organizations: c.hostOrganizations,
        supporting_organizations: c.supportingOrganizations,
        participating_states: c.participatingStates,
        teachers: c.teachers,
        teaching_organizations: c.teachingOrganizations,
        source: c.source,
        confidentiality: c.confidentiality,
      }),
    });
  },
};
