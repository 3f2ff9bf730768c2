import type { Transaction } from 'kysely';
import {
  authorizeChange,
  inTransaction,
  insertKept,
  type KeptKind,
  type KeptRow,
  type KeptTable,
  lockKept,
  updateKept,
  type Writer,
  writerOf,
} from '../../platform/bundle/record-section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { type FieldProblem, invalid, notFound } from '../../platform/errors.ts';
import { type RecordType, recordTypes, storedResources } from '../../platform/policy/policy.ts';
import { periodsOverlap } from './figures.ts';
import {
  type CoordinatorInput,
  coordinatorInput,
  type ItemData,
  itemInput,
  type MeetingData,
  type MeetingInput,
  meetingInput,
  programmeInput,
  workingGroupInput,
} from './inputs.ts';
import { parseInput } from '../../platform/values/input.ts';
import type { CoordinatorRow, ItemRow, MeetingRow, ProgrammeRow, WorkingGroupRow } from './queries.ts';
import { coordinatorResource, itemResource, meetingResource, programmeResource, workingGroupResource } from './queries.ts';

/*
 * The write core of meetings, working groups, coordinators, programmes and their items: every door
 * (the forms, the API, the bundle, the demonstration data) records, changes and archives them
 * here, in one transaction with the row version, the checks that need the database (the States,
 * organizations, groups, documents and records named; a coordinator's period against the group's
 * others) and the audit event.
 */

type Trx = Transaction<DB>;
const strip = <R extends { created_at: Date; updated_at: Date }>(r: R) => ({ ...r, created_at: undefined, updated_at: undefined });

export const kinds = {
  meeting: { table: 'meeting', noun: 'meeting', recordType: 'meeting', audited: strip },
  workingGroup: { table: 'working_group', noun: 'working group', recordType: 'working-group', audited: strip },
  coordinator: { table: 'working_group_coordinator', noun: 'coordinator', recordType: 'working-group-coordinator', audited: strip },
  programme: { table: 'programme_of_work', noun: 'programme of work', recordType: 'programme-of-work', audited: strip },
  item: { table: 'programme_item', noun: 'item', recordType: 'programme-item', audited: strip },
} as const satisfies Record<string, KeptKind<KeptTable>>;

/** Codes that name no Member State or no known organization, reported on their field. */
async function unknownCodes(trx: Trx, field: string, values: readonly string[], of: 'states' | 'organizations'): Promise<FieldProblem[]> {
  if (!values.length) return [];
  const known = new Set(
    of === 'states'
      ? (
          await trx
            .selectFrom('member_state')
            .select('iso3')
            .where('iso3', 'in', [...values])
            .execute()
        ).map((s) => s.iso3.trim())
      : (
          await trx
            .selectFrom('organization')
            .select('code')
            .where('code', 'in', [...values])
            .execute()
        ).map((o) => o.code),
  );
  const unknown = values.filter((v) => !known.has(v));
  if (!unknown.length) return [];
  return [
    {
      field,
      problem:
        of === 'states'
          ? `${unknown.join(', ')}: not a Member State (give ISO 3166 codes such as MLI)`
          : `${unknown.join(', ')}: not a known organization (give codes such as IAEA)`,
    },
  ];
}

/** A working group by code (not archived), or the problem on the field. */
async function groupByCode(trx: Trx, code: string | null): Promise<{ id: string | null; problems: FieldProblem[] }> {
  if (!code) return { id: null, problems: [] };
  const g = await trx.selectFrom('working_group').select('id').where('code', '=', code).where('archived_at', 'is', null).executeTakeFirst();
  return g
    ? { id: g.id, problems: [] }
    : { id: null, problems: [{ field: 'workingGroup', problem: `no working group has the code ${code.slice(0, 40)}` }] };
}

async function meetingColumns(trx: Trx, input: MeetingData) {
  const group = await groupByCode(trx, input.workingGroup);
  const docs = input.documents.length
    ? new Set((await trx.selectFrom('document').select('id').where('id', 'in', input.documents).execute()).map((d) => d.id))
    : new Set<string>();
  const missing = input.documents.filter((d) => !docs.has(d));
  const problems = [
    ...group.problems,
    ...(await unknownCodes(trx, 'participantStates', input.participantStates, 'states')),
    ...(await unknownCodes(trx, 'participantOrganizations', input.participantOrganizations, 'organizations')),
    ...(input.state ? await unknownCodes(trx, 'state', [input.state], 'states') : []),
    ...(missing.length ? [{ field: 'documents', problem: `${missing.join(', ')}: no document has this id` }] : []),
  ];
  if (problems.length) throw invalid(problems);
  return {
    held_on: input.heldOn,
    kind: input.kind,
    working_group_id: group.id,
    title: input.title,
    chair: input.chair,
    participant_states: input.participantStates,
    participant_organizations: input.participantOrganizations,
    participants_other: input.participantsOther,
    agenda: input.agenda,
    outcome: input.outcome,
    document_ids: input.documents,
    state_iso3: input.state,
    confidentiality: input.confidentiality,
  };
}

/** Records a meeting (in the caller's transaction, or a new one), with its audit event. */
export function createMeeting(
  db: Parameters<typeof inTransaction>[0],
  by: Writer,
  raw: MeetingInput,
  kept: { id?: string; archived?: boolean } = {},
) {
  return inTransaction(db, async (trx): Promise<MeetingRow> => {
    const input = parseInput(meetingInput, raw);
    const { actor, viewer } = writerOf(by);
    authorizeChange(
      viewer,
      'create',
      meetingResource({ confidentiality: input.confidentiality, state_iso3: input.state }),
      'the recording of this meeting',
    );
    const columns = await meetingColumns(trx, input);
    return insertKept(
      trx,
      actor,
      kinds.meeting,
      { ...columns, source: input.source ?? 'entered', ...(kept.id ? { id: kept.id } : {}) },
      kept.archived,
    );
  });
}

/** Changes a meeting on the version the editor saw (`null`: a bundle's import, which carries no version). */
export function updateMeeting(
  db: Parameters<typeof inTransaction>[0],
  by: Writer,
  id: string,
  version: number | null,
  raw: MeetingInput,
  archived?: boolean,
) {
  return inTransaction(db, async (trx): Promise<MeetingRow> => {
    const { actor, viewer } = writerOf(by);
    const before = await locked(trx, kinds.meeting, id, version);
    const input = parseInput(meetingInput, raw);
    authorizeChange(viewer, 'update', meetingResource(before), 'this meeting');
    authorizeChange(
      viewer,
      'update',
      meetingResource({ confidentiality: input.confidentiality, state_iso3: input.state }),
      'this meeting at that level',
    );
    const columns = await meetingColumns(trx, input);
    return updateKept(
      trx,
      actor,
      kinds.meeting,
      before,
      { ...columns, ...archiveChange(before, archived) },
      version === null ? 'import' : 'update',
    );
  });
}

function archiveChange(before: { archived_at: Date | null }, archived: boolean | undefined) {
  if (archived === undefined || (before.archived_at !== null) === archived) return {};
  return { archived_at: archived ? new Date() : null };
}

/** The row locked for a change at the version the editor saw; a bundle (version `null`) takes the stored one. */
async function locked<T extends KeptTable>(trx: Trx, kind: KeptKind<T>, id: string, version: number | null): Promise<KeptRow<T>> {
  const row = (await trx
    .selectFrom(kind.table as KeptTable)
    .select('row_version')
    .where('id', '=', /^[0-9a-f-]{36}$/i.test(id) ? id : '00000000-0000-0000-0000-000000000000')
    .executeTakeFirst()) as { row_version: number } | undefined;
  if (!row) throw notFound(`the ${kind.noun}`);
  return lockKept(trx, kind, id, version ?? row.row_version);
}

/** Archives (never deletes) or restores any of the feature's records, with its history. */
export function setArchived<T extends KeptTable>(
  db: Parameters<typeof inTransaction>[0],
  by: Writer,
  kind: KeptKind<T>,
  resource: (row: KeptRow<T>) => ReturnType<typeof meetingResource>,
  id: string,
  version: number,
  archived: boolean,
) {
  return inTransaction(db, async (trx) => {
    const { actor, viewer } = writerOf(by);
    const before = await locked(trx, kind, id, version);
    authorizeChange(viewer, archived ? 'archive' : 'restore', resource(before), `this ${kind.noun}`);
    if ((before.archived_at !== null) === archived) return before;
    // A coordinator restored must not overlap a period recorded while it was archived.
    if (!archived && kind.table === 'working_group_coordinator') {
      const k = before as unknown as CoordinatorRow;
      await trx.selectFrom('working_group').select('id').where('id', '=', k.working_group_id).forUpdate().execute();
      const problems = await periodClash(trx, k.working_group_id, k.id, { startedOn: k.started_on, endedOn: k.ended_on });
      if (problems.length) throw invalid(problems);
    }
    return updateKept(trx, actor, kind, before, { archived_at: archived ? new Date() : null } as never, archived ? 'archive' : 'restore');
  });
}

/** Records or changes a working group (by its code: a new code is a new group). */
export function saveWorkingGroup(
  db: Parameters<typeof inTransaction>[0],
  by: Writer,
  raw: unknown,
  target?: { id: string; version: number | null; archived?: boolean },
  kept?: { id: string; archived?: boolean },
) {
  return inTransaction(db, async (trx): Promise<WorkingGroupRow> => {
    const input = parseInput(workingGroupInput, raw);
    const { actor, viewer } = writerOf(by);
    const columns = {
      code: input.code,
      names: JSON.stringify(input.names),
      position: input.position,
      confidentiality: input.confidentiality,
    };
    if (!target) {
      authorizeChange(viewer, 'create', workingGroupResource(input), 'the recording of working groups');
      return insertKept(
        trx,
        actor,
        kinds.workingGroup,
        {
          ...columns,
          source: input.source ?? 'entered',
          ...(kept ? { id: kept.id } : {}),
        },
        kept?.archived,
      );
    }
    const before = await locked(trx, kinds.workingGroup, target.id, target.version);
    authorizeChange(viewer, 'update', workingGroupResource(before), 'this working group');
    return updateKept(
      trx,
      actor,
      kinds.workingGroup,
      before,
      { ...columns, ...archiveChange(before, target.archived) },
      target.version === null ? 'import' : 'update',
    );
  });
}

/**
 * The problem of a coordinator's period that shares a day with another of the group (not archived,
 * not itself), on the field that makes it overlap: its start falls in the other's period, or its
 * end runs into it. The caller holds the group's row locked.
 */
export async function periodClash(
  trx: Trx,
  groupId: string,
  selfId: string | undefined,
  period: { startedOn: string; endedOn: string | null },
): Promise<FieldProblem[]> {
  const others = await trx
    .selectFrom('working_group_coordinator')
    .select(['id', 'person', 'started_on', 'ended_on'])
    .where('working_group_id', '=', groupId)
    .where('archived_at', 'is', null)
    .execute();
  const clash = others.find((o) => o.id !== selfId && periodsOverlap({ startedOn: o.started_on, endedOn: o.ended_on }, period));
  if (!clash) return [];
  return [
    {
      field: clash.started_on <= period.startedOn ? 'startedOn' : 'endedOn',
      problem: `overlaps the period of ${clash.person} (${clash.started_on} – ${clash.ended_on ?? '…'}) as coordinator of this group: end that period first`,
    },
  ];
}

/**
 * Records or changes a coordinator's period. The group's row is locked first, so that two writers
 * check the group's periods one after the other; a period that shares a day with another of the
 * group (not archived) is refused on the field that makes it overlap.
 */
export function saveCoordinator(
  db: Parameters<typeof inTransaction>[0],
  by: Writer,
  groupId: string,
  raw: CoordinatorInput,
  target?: { id: string; version: number | null; archived?: boolean },
  kept?: { id: string; archived?: boolean },
) {
  return inTransaction(db, async (trx): Promise<CoordinatorRow> => {
    const input = parseInput(coordinatorInput, raw);
    const { actor, viewer } = writerOf(by);
    const group = /^[0-9a-f-]{36}$/i.test(groupId)
      ? await trx.selectFrom('working_group').select(['id', 'code']).where('id', '=', groupId).forUpdate().executeTakeFirst()
      : undefined;
    if (!group) throw invalid([{ field: 'workingGroup', problem: `no working group has the id ${groupId.slice(0, 40)}` }]);
    const problems = await unknownCodes(trx, 'state', [input.state], 'states');
    const selfId = target?.id ?? kept?.id;
    const willBeArchived = target?.archived ?? kept?.archived ?? false;
    if (!willBeArchived) problems.push(...(await periodClash(trx, group.id, selfId, input)));
    if (problems.length) throw invalid(problems);
    const columns = {
      working_group_id: group.id,
      state_iso3: input.state,
      person: input.person,
      started_on: input.startedOn,
      ended_on: input.endedOn,
      confidentiality: input.confidentiality,
    };
    if (!target) {
      authorizeChange(viewer, 'create', coordinatorResource(input), 'the recording of coordinators');
      return insertKept(
        trx,
        actor,
        kinds.coordinator,
        {
          ...columns,
          source: input.source ?? 'entered',
          ...(kept ? { id: kept.id } : {}),
        },
        kept?.archived,
      );
    }
    const before = await locked(trx, kinds.coordinator, target.id, target.version);
    authorizeChange(viewer, 'update', coordinatorResource(before), 'this coordinator');
    return updateKept(
      trx,
      actor,
      kinds.coordinator,
      before,
      { ...columns, ...archiveChange(before, target.archived) },
      target.version === null ? 'import' : 'update',
    );
  });
}

/** Records or changes a programme of work (its number is unique: a second 17th is refused on `number`). */
export function saveProgramme(
  db: Parameters<typeof inTransaction>[0],
  by: Writer,
  raw: unknown,
  target?: { id: string; version: number | null; archived?: boolean },
  kept?: { id: string; archived?: boolean },
) {
  return inTransaction(db, async (trx): Promise<ProgrammeRow> => {
    const input = parseInput(programmeInput, raw);
    const { actor, viewer } = writerOf(by);
    const same = await trx.selectFrom('programme_of_work').select('id').where('number', '=', input.number).executeTakeFirst();
    if (same && same.id !== (target?.id ?? kept?.id))
      throw invalid([{ field: 'number', problem: `a programme numbered ${input.number} is already recorded` }]);
    const columns = {
      number: input.number,
      symbol: input.symbol,
      started_on: input.startedOn,
      ended_on: input.endedOn,
      review_cutoff_on: input.reviewCutoffOn,
      confidentiality: input.confidentiality,
    };
    if (!target) {
      authorizeChange(viewer, 'create', programmeResource(input), 'the recording of programmes of work');
      return insertKept(
        trx,
        actor,
        kinds.programme,
        { ...columns, source: input.source ?? 'entered', ...(kept ? { id: kept.id } : {}) },
        kept?.archived,
      );
    }
    const before = await locked(trx, kinds.programme, target.id, target.version);
    authorizeChange(viewer, 'update', programmeResource(before), 'this programme of work');
    return updateKept(
      trx,
      actor,
      kinds.programme,
      before,
      { ...columns, ...archiveChange(before, target.archived) },
      target.version === null ? 'import' : 'update',
    );
  });
}

/** Where the records of the kinds an item most often names are kept, to check that each exists. */
const tables: Record<string, keyof DB> = {
  meeting: 'meeting',
  visit: 'visit',
  course: 'course',
  letter: 'letter',
  document: 'document',
  'national-report': 'national_report',
  'action-plan': 'action_plan',
  'assistance-request': 'assistance_request',
  'programme-item': 'programme_item',
};

/** The links of an item that name no kind of record the policy knows, or no stored record of it. */
async function linkProblems(trx: Trx, links: ItemData['links']): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const byType = new Map<string, string[]>();
  links.forEach((l, i) => {
    if (!(recordTypes as string[]).includes(l.recordType))
      problems.push({
        field: `links[${i}].recordType`,
        problem: `${l.recordType.slice(0, 40)} is not a kind of record (one of ${recordTypes.join(', ')})`,
      });
    else byType.set(l.recordType, [...(byType.get(l.recordType) ?? []), l.recordId]);
  });
  for (const [type, ids] of byType) {
    const table = tables[type];
    const found = table
      ? new Set(
          (
            (await trx
              .selectFrom(table as 'meeting')
              .select('id')
              .where('id', 'in', ids)
              .execute()) as { id: string }[]
          ).map((r) => r.id),
        )
      : new Set((await storedResources(trx, type as RecordType, ids)).keys());
    // A kind whose feature cannot say which of its records exist is taken on trust (its id is a UUID).
    if (!table && !found.size) continue;
    links.forEach((l, i) => {
      if (l.recordType === type && !found.has(l.recordId))
        problems.push({ field: `links[${i}].recordId`, problem: `no ${type} has the id ${l.recordId}` });
    });
  }
  return problems;
}

/** Records or changes an item of a programme, with the records that carry it out. */
export function saveItem(
  db: Parameters<typeof inTransaction>[0],
  by: Writer,
  programmeId: string,
  raw: unknown,
  target?: { id: string; version: number | null; archived?: boolean },
  kept?: { id: string; archived?: boolean },
) {
  return inTransaction(db, async (trx): Promise<ItemRow> => {
    const input = parseInput(itemInput, raw);
    const { actor, viewer } = writerOf(by);
    const programme = /^[0-9a-f-]{36}$/i.test(programmeId)
      ? await trx.selectFrom('programme_of_work').select('id').where('id', '=', programmeId).executeTakeFirst()
      : undefined;
    const problems = programme ? [] : [{ field: 'programme', problem: `no programme of work has the id ${programmeId.slice(0, 40)}` }];
    problems.push(...(await linkProblems(trx, input.links)));
    const twin = await trx
      .selectFrom('programme_item')
      .select('id')
      .where('programme_id', '=', programme?.id ?? programmeId)
      .where('reference', '=', input.reference)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (programme && twin && twin.id !== (target?.id ?? kept?.id))
      problems.push({ field: 'reference', problem: `the programme already has an item ${input.reference}` });
    if (problems.length) throw invalid(problems);
    const columns = {
      programme_id: programme!.id,
      reference: input.reference,
      title: input.title,
      area: input.area,
      status: input.status,
      links: JSON.stringify(input.links),
      position: input.position,
      confidentiality: input.confidentiality,
    };
    if (!target) {
      authorizeChange(viewer, 'create', itemResource(input), 'the recording of items of a programme');
      return insertKept(
        trx,
        actor,
        kinds.item,
        { ...columns, source: input.source ?? 'entered', ...(kept ? { id: kept.id } : {}) },
        kept?.archived,
      );
    }
    const before = await locked(trx, kinds.item, target.id, target.version);
    authorizeChange(viewer, 'update', itemResource(before), 'this item');
    return updateKept(
      trx,
      actor,
      kinds.item,
      before,
      { ...columns, ...archiveChange(before, target.archived) },
      target.version === null ? 'import' : 'update',
    );
  });
}
