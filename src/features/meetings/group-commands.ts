import { authorizeChange, inTransaction, insertKept, updateKept, type Writer, writerOf } from '../../platform/bundle/record-section.ts';
import { type FieldProblem, invalid } from '../../platform/errors.ts';
import { parseInput } from '../../platform/values/input.ts';
import { periodsOverlap } from './figures.ts';
import { type CoordinatorInput, coordinatorInput, workingGroupInput } from './inputs.ts';
import { type CoordinatorRow, coordinatorResource, type WorkingGroupRow, workingGroupResource } from './queries.ts';
import { archiveChange, kinds, locked, type Trx, unknownCodes } from './write-core.ts';

// The write core of working groups and their coordinators (see write-core.ts).

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
