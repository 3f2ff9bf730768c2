import type { DB } from '../../platform/db/schema.ts';
import { authorizeChange, inTransaction, insertKept, updateKept, type Writer, writerOf } from '../../platform/bundle/record-section.ts';
import { type FieldProblem, invalid } from '../../platform/errors.ts';
import { type RecordType, recordTypes, storedResources } from '../../platform/policy/policy.ts';
import { parseInput } from '../../platform/values/input.ts';
import { type ItemData, itemInput, programmeInput } from './inputs.ts';
import { type ItemRow, itemResource, type ProgrammeRow, programmeResource } from './queries.ts';
import { archiveChange, kinds, locked, type Trx } from './write-core.ts';

// The write core of programmes of work and their items (see write-core.ts).

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
