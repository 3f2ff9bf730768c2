import {
  authorizeChange,
  inTransaction,
  insertKept,
  type KeptKind,
  type KeptRow,
  type KeptTable,
  updateKept,
  type Writer,
  writerOf,
} from '../../platform/bundle/record-section.ts';
import { type FieldProblem, invalid } from '../../platform/errors.ts';
import { parseInput } from '../../platform/values/input.ts';
import { periodClash } from './group-commands.ts';
import { type MeetingData, type MeetingInput, meetingInput } from './inputs.ts';
import type { CoordinatorRow, MeetingRow } from './queries.ts';
import { meetingResource } from './queries.ts';
import { archiveChange, kinds, locked, type Trx, unknownCodes } from './write-core.ts';

/*
 * The write core of meetings, working groups, coordinators, programmes and their items: every door
 * (the forms, the API, the bundle, the demonstration data) records, changes and archives them
 * here, in one transaction with the row version, the checks that need the database (the States,
 * organizations, groups, documents and records named; a coordinator's period against the group's
 * others) and the audit event.
 */

export { periodClash, saveCoordinator, saveWorkingGroup } from './group-commands.ts';
export { saveItem, saveProgramme } from './programme-commands.ts';
export { kinds } from './write-core.ts';

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
