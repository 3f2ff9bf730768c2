import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import {
  codeReferences,
  isoDate,
  organizationCode,
  recordId,
  recordSource,
  sourceProblem,
  stateCode,
} from '../../platform/bundle/fields.ts';
import { type KeptRow, keptSection, readableRows } from '../../platform/bundle/record-section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { locales } from '../../platform/i18n/locales.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { createMeeting, saveCoordinator, saveItem, saveProgramme, saveWorkingGroup, updateMeeting } from './commands.ts';
import { visibleLinks } from './programme-forms.tsx';
import {
  coordinatorResource,
  itemResource,
  meetingResource,
  programmeResource,
  visibleDocuments,
  workingGroupResource,
} from './queries.ts';
import { itemStatuses, meetingKinds, programmeAreas } from './schema.ts';

/*
 * The sections of the Committee's own records, keyed by id, in the order they name each other:
 * working groups, their coordinators, meetings, programmes of work, their items. An export holds
 * what the viewer may read of each (the same rules as the pages and the API: a Committee-only
 * meeting is not in the public's bundle, whose pages show only the fact of a formal meeting); an
 * import writes through the write core, all or nothing.
 */

type Db = Kysely<DB> | Transaction<DB>;
const level = z.enum(['public', 'committee'], 'must be public or committee');
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const kept = { id: recordId, source: recordSource.default('entered'), archived: z.boolean().default(false) };
const always = (r: { source: string }, before: { source: string } | undefined) => sourceProblem(r.source, before);
const none = () => [];
const flag = (row: { archived_at: Date | null }) => row.archived_at !== null;
/**
 * A record as its write core takes it: the record's own fields (the one mapping of each table is
 * its `…Record` below, from the row), without the id and the archived flag, which say where it goes.
 */
const inputOf = <R extends { id: string; archived: boolean }>({ id: _id, archived: _archived, ...input }: R) => input;
/** Where an import writes: over the stored record (a bundle carries no row version), or a new one keeping its id. */
const into = (
  r: { id: string; archived: boolean },
  before: unknown,
): [target?: { id: string; version: null; archived: boolean }, kept?: { id: string; archived: boolean }] =>
  before ? [{ id: r.id, version: null, archived: r.archived }] : [undefined, r];

const groupSchema = z.strictObject({
  ...kept,
  code: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be 2 to 40 lower-case letters, digits or hyphens'),
  names: z.strictObject(
    Object.fromEntries(locales.map((l) => [l, text(300).optional()])) as Record<(typeof locales)[number], z.ZodOptional<z.ZodString>>,
  ),
  position: z.number().int().min(0).max(1000),
  confidentiality: level,
});
type GroupRecord = z.output<typeof groupSchema>;
const groupRecord = (g: KeptRow<'working_group'>): GroupRecord => ({
  id: g.id,
  code: g.code,
  names: g.names,
  position: g.position,
  confidentiality: g.confidentiality as 'public' | 'committee',
  source: g.source,
  archived: flag(g),
});

export const workingGroupsSection = keptSection({
  name: 'working-groups',
  table: 'working_group',
  schema: groupSchema,
  present: groupRecord,
  rowResource: workingGroupResource,
  resource: workingGroupResource,
  always,
  changed: none,
  write: (trx, by, r, before) => saveWorkingGroup(trx, by, inputOf(r), ...into(r, before)),
});

const coordinatorSchema = z.strictObject({
  ...kept,
  workingGroupId: recordId,
  state: stateCode,
  person: text(300),
  startedOn: isoDate,
  endedOn: isoDate.nullable(),
  confidentiality: level,
});
type CoordinatorRecord = z.output<typeof coordinatorSchema>;
const coordinatorRecord = (k: KeptRow<'working_group_coordinator'>): CoordinatorRecord => ({
  id: k.id,
  workingGroupId: k.working_group_id,
  state: k.state_iso3.trim(),
  person: k.person,
  startedOn: k.started_on,
  endedOn: k.ended_on,
  confidentiality: k.confidentiality as 'public' | 'committee',
  source: k.source,
  archived: flag(k),
});

export const coordinatorsSection = keptSection({
  name: 'working-group-coordinators',
  table: 'working_group_coordinator',
  schema: coordinatorSchema,
  present: coordinatorRecord,
  rowResource: coordinatorResource,
  resource: coordinatorResource,
  references: (r) => [
    { field: 'workingGroupId', section: 'working-groups', key: r.workingGroupId, noun: 'working group' },
    ...codeReferences('state', [r.state], 'member-states').map((x) => ({ ...x, field: 'state' })),
  ],
  always,
  changed: none,
  write: (trx, by, r, before) => {
    const { workingGroupId, ...input } = inputOf(r);
    return saveCoordinator(trx, by, workingGroupId, input, ...into(r, before));
  },
});

const meetingSchema = z.strictObject({
  ...kept,
  heldOn: isoDate,
  kind: z.enum(meetingKinds, `must be one of ${meetingKinds.join(', ')}`),
  workingGroupId: recordId.nullable(),
  title: text(300),
  chair: text(200),
  participantStates: z.array(stateCode).max(193),
  participantOrganizations: z.array(organizationCode).max(100),
  participantsOther: text(1000),
  agenda: z.array(text(500)).max(50),
  outcome: text(8000),
  documents: z.array(recordId).max(50),
  state: stateCode.nullable(),
  confidentiality: z.enum(confidentialityLevels),
});
type MeetingRecord = z.output<typeof meetingSchema>;
const meetingRecord = (m: KeptRow<'meeting'>): MeetingRecord => ({
  id: m.id,
  heldOn: m.held_on,
  kind: m.kind,
  workingGroupId: m.working_group_id,
  title: m.title,
  chair: m.chair,
  participantStates: m.participant_states,
  participantOrganizations: m.participant_organizations,
  participantsOther: m.participants_other,
  agenda: m.agenda,
  outcome: m.outcome,
  documents: m.document_ids,
  state: m.state_iso3?.trim() ?? null,
  confidentiality: m.confidentiality,
  source: m.source,
  archived: flag(m),
});

/** The meetings the viewer may read, naming only the States, organizations and documents it may see. */
async function exportMeetings(db: Kysely<DB>, viewer: Viewer | null): Promise<MeetingRecord[]> {
  const { rows, seen } = await readableRows(db, viewer, 'meeting', meetingResource);
  const out: MeetingRecord[] = [];
  for (const m of rows) {
    const docs = new Set((await visibleDocuments(db, viewer, m.document_ids)).map((d) => d.id));
    out.push({
      ...meetingRecord(m),
      participantStates: m.participant_states.filter((s) => seen.states.has(s)),
      participantOrganizations: m.participant_organizations.filter((o) => seen.organizations.has(o)),
      documents: m.document_ids.filter((d) => docs.has(d)),
    });
  }
  return out;
}

async function groupCode(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await db.selectFrom('working_group').select('code').where('id', '=', id).executeTakeFirst())?.code ?? `missing-${id.slice(0, 8)}`;
}

export const meetingsSection = keptSection({
  name: 'meetings',
  table: 'meeting',
  schema: meetingSchema,
  present: meetingRecord,
  rowResource: meetingResource,
  resource: (r) => meetingResource({ confidentiality: r.confidentiality, state_iso3: r.state }),
  export: exportMeetings,
  references: (r) => [
    ...(r.workingGroupId ? [{ field: 'workingGroupId', section: 'working-groups', key: r.workingGroupId, noun: 'working group' }] : []),
    ...codeReferences('participantStates', r.participantStates, 'member-states'),
    ...codeReferences('participantOrganizations', r.participantOrganizations, 'organizations'),
    ...(r.state ? codeReferences('state', [r.state], 'member-states').map((x) => ({ ...x, field: 'state' })) : []),
    ...r.documents.map((key, i) => ({ field: `documents[${i}]`, section: 'documents', key, noun: 'document' })),
  ],
  always,
  changed: none,
  write: async (trx, by, r, before) => {
    const { workingGroupId, ...rest } = inputOf(r);
    const input = { ...rest, workingGroup: await groupCode(trx, workingGroupId) };
    return before
      ? updateMeeting(trx, by, r.id, null, input, r.archived)
      : createMeeting(trx, by, input, { id: r.id, archived: r.archived });
  },
});

const programmeSchema = z.strictObject({
  ...kept,
  number: z.number().int().min(1).max(500),
  symbol: text(50),
  startedOn: isoDate,
  endedOn: isoDate,
  reviewCutoffOn: isoDate.nullable(),
  confidentiality: level,
});
type ProgrammeRecord = z.output<typeof programmeSchema>;
const programmeRecord = (p: KeptRow<'programme_of_work'>): ProgrammeRecord => ({
  id: p.id,
  number: p.number,
  symbol: p.symbol,
  startedOn: p.started_on,
  endedOn: p.ended_on,
  reviewCutoffOn: p.review_cutoff_on,
  confidentiality: p.confidentiality as 'public' | 'committee',
  source: p.source,
  archived: flag(p),
});

export const programmesSection = keptSection({
  name: 'programmes-of-work',
  table: 'programme_of_work',
  schema: programmeSchema,
  present: programmeRecord,
  rowResource: programmeResource,
  resource: programmeResource,
  always,
  changed: none,
  write: (trx, by, r, before) => saveProgramme(trx, by, inputOf(r), ...into(r, before)),
});

const itemSchema = z.strictObject({
  ...kept,
  programmeId: recordId,
  reference: z.string().regex(/^[A-Za-z0-9().-]{1,20}$/, 'must be 1 to 20 letters, digits, dots, hyphens or brackets'),
  title: text(1000),
  area: z.enum(programmeAreas, `must be one of ${programmeAreas.join(', ')}`),
  status: z.enum(itemStatuses, `must be one of ${itemStatuses.join(', ')}`),
  links: z.array(z.strictObject({ recordType: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/), recordId })).max(200),
  position: z.number().int().min(0).max(10000),
  confidentiality: level,
});
type ItemRecord = z.output<typeof itemSchema>;
const itemRecord = (i: KeptRow<'programme_item'>): ItemRecord => ({
  id: i.id,
  programmeId: i.programme_id,
  reference: i.reference,
  title: i.title,
  area: i.area,
  status: i.status,
  links: i.links.map((l) => ({ recordType: l.recordType, recordId: l.recordId })),
  position: i.position,
  confidentiality: i.confidentiality as 'public' | 'committee',
  source: i.source,
  archived: flag(i),
});

/** The items the viewer may read, naming only the records it may see. */
async function exportItems(db: Kysely<DB>, viewer: Viewer | null): Promise<ItemRecord[]> {
  const { rows } = await readableRows(db, viewer, 'programme_item', itemResource);
  const out: ItemRecord[] = [];
  for (const i of rows) {
    const seen = new Set((await visibleLinks(db, viewer, null, i)).map((l) => `${l.recordType}:${l.recordId}`));
    const r = itemRecord(i);
    out.push({ ...r, links: r.links.filter((l) => seen.has(`${l.recordType}:${l.recordId}`)) });
  }
  return out;
}

export const itemsSection = keptSection({
  name: 'programme-items',
  table: 'programme_item',
  schema: itemSchema,
  present: itemRecord,
  rowResource: itemResource,
  resource: itemResource,
  export: exportItems,
  references: (r) => [{ field: 'programmeId', section: 'programmes-of-work', key: r.programmeId, noun: 'programme of work' }],
  always,
  changed: none,
  write: (trx, by, r, before) => {
    const { programmeId, ...input } = inputOf(r);
    return saveItem(trx, by, programmeId, input, ...into(r, before));
  },
});

export const meetingSections = [workingGroupsSection, coordinatorsSection, meetingsSection, programmesSection, itemsSection];
