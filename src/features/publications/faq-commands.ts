import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Actor } from '../../platform/audit/record.ts';
import { insertKept, type KeptKind, lockKept, updateKept } from '../../platform/bundle/record-section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { invalid } from '../../platform/errors.ts';
import { queueForSearch } from '../../platform/search.ts';
import { parseInput } from '../../platform/values/input.ts';
import { type FaqGroupInput, type FaqQuestionInput, faqGroupSchema, faqQuestionSchema } from './inputs.ts';
import type { FaqGroupTable, FaqQuestionTable } from './schema.ts';

/*
 * The write core of the FAQ (¶43b), kept by the secretariat: groups and questions, each change in
 * a transaction with its audit event (the FAQ's history page lists them). Nothing is deleted: a
 * question or a group is archived, and leaves the public page. Each change queues the questions it
 * touches for the search (a group's change, all of its questions: an archived group hides them).
 */

type Trx = Transaction<DB>;
export type FaqGroupRow = Selectable<FaqGroupTable>;
export type FaqQuestionRow = Selectable<FaqQuestionTable>;

const strip = <T extends { created_at: Date; updated_at: Date }>(r: T) => ({ ...r, created_at: undefined, updated_at: undefined });
export const groupKind: KeptKind<'faq_group'> = { table: 'faq_group', noun: 'group of the FAQ', recordType: 'faq-group', audited: strip };
export const questionKind: KeptKind<'faq_question'> = {
  table: 'faq_question',
  noun: 'question of the FAQ',
  recordType: 'faq-question',
  audited: strip,
};

/** Queues the questions for the search: these, or all of a group's. */
async function queueQuestions(trx: Trx, which: { id: string } | { groupId: string }): Promise<void> {
  const ids =
    'id' in which
      ? [which.id]
      : (await trx.selectFrom('faq_question').select('id').where('group_id', '=', which.groupId).execute()).map((q) => q.id);
  await queueForSearch(trx, 'faq-question', ids);
}

const isId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

async function groupExists(trx: Trx, id: string): Promise<void> {
  const found = await trx.selectFrom('faq_group').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw invalid([{ field: 'groupId', problem: 'no group of the FAQ has this id' }]);
}

export async function insertFaqGroup(trx: Trx, actor: Actor, raw: FaqGroupInput, kept: { id?: string; archived?: boolean } = {}) {
  const input = parseInput(faqGroupSchema, raw);
  return insertKept(
    trx,
    actor,
    groupKind,
    { ...(kept.id ? { id: kept.id } : {}), position: input.position, titles: JSON.stringify(input.titles) },
    kept.archived,
  );
}

export async function insertFaqQuestion(trx: Trx, actor: Actor, raw: FaqQuestionInput, kept: { id?: string; archived?: boolean } = {}) {
  const input = parseInput(faqQuestionSchema, raw);
  await groupExists(trx, input.groupId);
  const row = await insertKept(
    trx,
    actor,
    questionKind,
    { ...(kept.id ? { id: kept.id } : {}), group_id: input.groupId, position: input.position, texts: JSON.stringify(input.texts) },
    kept.archived,
  );
  await queueQuestions(trx, row);
  return row;
}

export const createFaqGroup = (db: Kysely<DB>, actor: Actor, raw: FaqGroupInput) =>
  db.transaction().execute((trx) => insertFaqGroup(trx, actor, raw));
export const createFaqQuestion = (db: Kysely<DB>, actor: Actor, raw: FaqQuestionInput) =>
  db.transaction().execute((trx) => insertFaqQuestion(trx, actor, raw));

/** Changes a group on the version the editor saw (or as a bundle gives it: `archived` then says its flag). */
export async function reviseFaqGroup(
  trx: Trx,
  actor: Actor,
  id: string,
  expectedVersion: number | null,
  raw: FaqGroupInput,
  kept: { archived?: boolean; action?: string } = {},
) {
  const input = parseInput(faqGroupSchema, raw);
  const before = await lockOf(trx, groupKind, id, expectedVersion);
  const row = await updateKept(
    trx,
    actor,
    groupKind,
    before,
    { position: input.position, titles: JSON.stringify(input.titles), ...archiveSet(before.archived_at, kept.archived) },
    kept.action ?? 'update',
  );
  await queueQuestions(trx, { groupId: row.id });
  return row;
}

export async function reviseFaqQuestion(
  trx: Trx,
  actor: Actor,
  id: string,
  expectedVersion: number | null,
  raw: FaqQuestionInput,
  kept: { archived?: boolean; action?: string } = {},
) {
  const input = parseInput(faqQuestionSchema, raw);
  const before = await lockOf(trx, questionKind, id, expectedVersion);
  await groupExists(trx, input.groupId);
  const row = await updateKept(
    trx,
    actor,
    questionKind,
    before,
    {
      group_id: input.groupId,
      position: input.position,
      texts: JSON.stringify(input.texts),
      ...archiveSet(before.archived_at, kept.archived),
    },
    kept.action ?? 'update',
  );
  await queueQuestions(trx, row);
  return row;
}

function archiveSet(was: Date | null, archived: boolean | undefined) {
  if (archived === undefined || (was !== null) === archived) return {};
  return { archived_at: archived ? new Date() : null };
}

async function lockOf<T extends 'faq_group' | 'faq_question'>(trx: Trx, kind: KeptKind<T>, id: string, expectedVersion: number | null) {
  if (!isId(id)) return lockKept(trx, kind, '00000000-0000-0000-0000-000000000000', 0);
  if (expectedVersion !== null) return lockKept(trx, kind, id, expectedVersion);
  const row = await trx
    .selectFrom(kind.table as 'faq_group')
    .select('row_version')
    .where('id', '=', id)
    .executeTakeFirst();
  return lockKept(trx, kind, id, row?.row_version ?? 0);
}

export const updateFaqGroup = (db: Kysely<DB>, actor: Actor, id: string, version: number, raw: FaqGroupInput) =>
  db.transaction().execute((trx) => reviseFaqGroup(trx, actor, id, version, raw));
export const updateFaqQuestion = (db: Kysely<DB>, actor: Actor, id: string, version: number, raw: FaqQuestionInput) =>
  db.transaction().execute((trx) => reviseFaqQuestion(trx, actor, id, version, raw));

/** Archives or restores a question or a group, with its history. */
export async function setFaqArchived(
  db: Kysely<DB>,
  actor: Actor,
  which: 'group' | 'question',
  id: string,
  expectedVersion: number,
  archived: boolean,
) {
  return db.transaction().execute(async (trx) => {
    const kind = which === 'group' ? groupKind : questionKind;
    const before = await lockOf(trx, kind as KeptKind<'faq_group'>, id, expectedVersion);
    const row = await updateKept(
      trx,
      actor,
      kind as KeptKind<'faq_group'>,
      before,
      archiveSet(before.archived_at, archived),
      archived ? 'archive' : 'restore',
    );
    await queueQuestions(trx, which === 'group' ? { groupId: row.id } : row);
    return row;
  });
}
