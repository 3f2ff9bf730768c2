import { z } from 'zod';
import { codeReferences, recordSource, sourceProblem } from '../../platform/bundle/fields.ts';
import { keptSection } from '../../platform/bundle/record-section.ts';
import type { BundleSection } from '../../platform/bundle/section.ts';
import { recordId } from '../../platform/values/codes.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { importCooperation, importEvent } from './commands.ts';
import { checkCooperationInput, checkEventInput, cooperationFields, eventFields } from './inputs.ts';
import { type CooperationView, cooperationFor, cooperationRecord, type EventView, eventRecord, eventsFor } from './present.ts';
import { cooperationResource, eventResource, listCooperation, listEvents } from './queries.ts';

/*
 * Two sections: outreach events and the cooperation with organizations. They name States and
 * organizations (earlier sections) and records of earlier features (visits, courses, documents,
 * assistance requests): an export names only what the reader may see, as the pages do.
 */

const kept = {
  id: recordId.transform((id) => id.toLowerCase()),
  source: recordSource.default('entered'),
  archived: z.boolean().default(false),
};

const eventSchema = z.strictObject({ ...kept, ...eventFields }) as unknown as z.ZodType<EventView>;
const cooperationSchema = z.strictObject({ ...kept, ...cooperationFields }) as unknown as z.ZodType<CooperationView>;

const bare = <V extends { id: string; archived: boolean }>({ id: _id, archived: _a, ...rest }: V) => rest;

export const eventsSection: BundleSection<EventView> = keptSection({
  name: 'outreach-events',
  table: 'outreach_event',
  schema: eventSchema,
  present: eventRecord,
  rowResource: eventResource,
  resource: (e) => eventResource({ status: e.status, confirmed: e.confirmed, confidentiality: e.confidentiality, state_iso3: e.stateIso3 }),
  // The rows the reader may read, as it sees them: codes and linked records it may not see left out.
  export: async (db, viewer) =>
    (await eventsFor(db, viewer, await listEvents(db, viewer, { includeArchived: true })))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map(eventRecord),
  references: (e) => [
    ...(e.stateIso3 ? [{ field: 'stateIso3', section: 'member-states', key: e.stateIso3, noun: 'Member State' }] : []),
    ...codeReferences('organizerStates', e.organizerStates, 'member-states'),
    ...codeReferences('organizerOrganizations', e.organizerOrganizations, 'organizations'),
  ],
  context: async () => todayIso(),
  always: (e, before) => sourceProblem(e.source, before),
  changed: (e, today) => checkEventInput(bare(e), today),
  write: importEvent,
});

export const cooperationSection: BundleSection<CooperationView> = keptSection({
  name: 'organization-cooperation',
  table: 'organization_cooperation',
  schema: cooperationSchema,
  present: cooperationRecord,
  rowResource: cooperationResource,
  export: async (db, viewer) =>
    (await cooperationFor(db, viewer, await listCooperation(db, viewer, { includeArchived: true })))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map(cooperationRecord),
  resource: (c) => cooperationResource({ confidentiality: c.confidentiality, state_iso3: c.stateIso3 }),
  references: (c) => [
    { field: 'organizationCode', section: 'organizations', key: c.organizationCode, noun: 'organization' },
    ...(c.stateIso3 ? [{ field: 'stateIso3', section: 'member-states', key: c.stateIso3, noun: 'Member State' }] : []),
  ],
  always: (c, before) => sourceProblem(c.source, before),
  changed: (c) => checkCooperationInput(bare(c)),
  write: importCooperation,
});
