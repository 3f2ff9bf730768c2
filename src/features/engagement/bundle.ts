import { z } from 'zod';
import { codeReferences, sourceProblem } from '../../platform/bundle/fields.ts';
import { keptSection } from '../../platform/bundle/record-section.ts';
import type { BundleSection } from '../../platform/bundle/section.ts';
import { iso3, recordId } from '../../platform/values/codes.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { importCourse, importVisit } from './commands.ts';
import { courseResource, visitResource } from './engagement.ts';
import { checkCourseInput, checkVisitInput, courseFields, visitFields } from './inputs.ts';
import { type CourseView, courseSeen, presentCourse, presentVisit, type VisitView, visitSeen } from './present.ts';
import { recordSources } from './schema.ts';

/*
 * Two sections: visits (visits at a State's invitation, round tables, peer reviews, joint visits)
 * and the courses for points of contact. They name States and organizations, which come before
 * them in the bundle. An export never names a State or an organization the viewer may not see
 * (the presenter leaves them out, as it does for the pages and the API).
 */

const kept = {
  id: recordId.transform((id) => id.toLowerCase()),
  source: z.enum(recordSources, `must be one of ${recordSources.join(', ')}`).default('entered'),
  archived: z.boolean().default(false),
};
const { stateIso3: _state, ...visitDetails } = visitFields;

export const visitRecordSchema: z.ZodType<VisitView> = z.strictObject({ ...kept, state: iso3, ...visitDetails });
export const courseRecordSchema: z.ZodType<CourseView> = z.strictObject({
  ...kept,
  ...courseFields,
  endsOn: courseFields.startsOn,
});
export type VisitBundleRecord = VisitView;
export type CourseBundleRecord = CourseView;

export const visitsSection: BundleSection<VisitView> = keptSection({
  name: 'visits',
  table: 'visit',
  schema: visitRecordSchema,
  present: presentVisit,
  rowResource: visitResource,
  resource: (v) => visitResource({ confidentiality: v.confidentiality, state_iso3: v.state }),
  seen: visitSeen,
  references: (v) => [
    { field: 'state', section: 'member-states', key: v.state, noun: 'Member State' },
    ...codeReferences('statesInvolved', v.statesInvolved, 'member-states'),
    ...codeReferences('organizationsInvolved', v.organizationsInvolved, 'organizations'),
    ...codeReferences('supportingOrganizations', v.supportingOrganizations, 'organizations'),
  ],
  context: async () => todayIso(),
  always: (v, before) => sourceProblem(v.source, before),
  changed: (v, today) =>
    checkVisitInput({ ...v, stateIso3: v.state }, today).map((p) => ({
      field: p.field === 'stateIso3' ? 'state' : p.field,
      problem: p.problem,
    })),
  write: importVisit,
});

export const coursesSection: BundleSection<CourseView> = keptSection({
  name: 'courses',
  table: 'course',
  schema: courseRecordSchema,
  present: presentCourse,
  rowResource: courseResource,
  seen: courseSeen,
  resource: (c) => courseResource({ confidentiality: c.confidentiality }),
  references: (c) => [
    ...codeReferences('participatingStates', c.participatingStates, 'member-states'),
    ...codeReferences('hostOrganizations', c.hostOrganizations, 'organizations'),
    ...codeReferences('supportingOrganizations', c.supportingOrganizations, 'organizations'),
    ...codeReferences('teachingOrganizations', c.teachingOrganizations, 'organizations'),
  ],
  context: async () => todayIso(),
  always: (c, before) => sourceProblem(c.source, before),
  changed: (c, today) => checkCourseInput(c, today),
  write: importCourse,
});
