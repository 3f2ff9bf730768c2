import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { type Actor, recordChange } from '../../platform/audit/record.ts';
import { sameJson } from '../../platform/bundle/canonical.ts';
import { changesSome, inTransaction, lockKept } from '../../platform/bundle/record-section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { changeScope } from '../../platform/policy/levels.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { parseInput } from '../../platform/values/input.ts';
import { type PublicationData, type PublicationInput, parsePublication, publishSchema } from './inputs.ts';
import type { PublicationSource, PublicationStatus, PublicationTable, TextLanguage } from './schema.ts';

/*
 * The write core of publications: every door (the forms, the API, the bundle, the demonstration
 * data) writes here, in a transaction with its audit event, which carries the language versions
 * too: the history of a publication is every version of every text, before and after publication.
 * The workflow: written (draft, by the experts or the secretariat) → approved (by the Committee:
 * the `approve` action, committee members and administrators) → published (by the secretariat:
 * the `publish` action, with the day of publication). A change of an approved publication sends
 * it back to draft; a change after publication keeps it published (a correction, with its history).
 */

type Db = Kysely<DB> | Transaction<DB>;
type Trx = Transaction<DB>;
export type PublicationRow = Selectable<PublicationTable>;
export type Texts = Partial<Record<TextLanguage, { title: string; body: string }>>;

const kind = { table: 'publication', noun: 'publication', recordType: 'publication', audited: (r: PublicationRow) => r } as const;

/** The language versions of publications (not removed), by publication id. */
export async function textsOf(db: Db, ids: readonly string[]): Promise<Map<string, Texts>> {
  const out = new Map<string, Texts>(ids.map((id) => [id, {}]));
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('publication_text')
    .select(['publication_id', 'language', 'title', 'body'])
    .where('publication_id', 'in', [...ids])
    .where('removed_at', 'is', null)
    .execute();
  for (const r of rows) out.get(r.publication_id)![r.language] = { title: r.title, body: r.body };
  return out;
}

function audited(row: PublicationRow, texts: Texts) {
  return { ...row, created_at: undefined, updated_at: undefined, texts };
}

/** Writes the versions given, marks the others removed; true if anything changed. */
async function syncTexts(trx: Trx, id: string, texts: Texts): Promise<boolean> {
  const stored = await trx.selectFrom('publication_text').selectAll().where('publication_id', '=', id).execute();
  let changed = false;
  for (const row of stored)
    if (!texts[row.language] && row.removed_at === null) {
      await trx.updateTable('publication_text').set({ removed_at: new Date(), updated_at: new Date() }).where('id', '=', row.id).execute();
      changed = true;
    }
  for (const [language, t] of Object.entries(texts) as [TextLanguage, { title: string; body: string }][]) {
    const row = stored.find((r) => r.language === language);
    if (!row) {
      await trx.insertInto('publication_text').values({ publication_id: id, language, title: t.title, body: t.body }).execute();
      changed = true;
    } else if (row.removed_at !== null || row.title !== t.title || row.body !== t.body) {
      await trx
        .updateTable('publication_text')
        .set({ title: t.title, body: t.body, removed_at: null, updated_at: new Date() })
        .where('id', '=', row.id)
        .execute();
      changed = true;
    }
  }
  return changed;
}

/** What a bundle (or the demonstration data) carries beyond the fields: the id, the workflow, the archive flag. */
export interface PublicationAsKept {
  id?: string;
  status?: PublicationStatus;
  approvedOn?: string | null;
  publishedOn?: string | null;
  archived?: boolean;
  source?: PublicationSource;
}

function workflowColumns(kept: PublicationAsKept) {
  const status = kept.status ?? 'draft';
  return {
    status,
    approved_on: status === 'draft' ? null : (kept.approvedOn ?? kept.publishedOn ?? null),
    published_on: status === 'published' ? (kept.publishedOn ?? null) : null,
    confidentiality: status === 'published' ? ('public' as const) : ('committee' as const),
  };
}

/** Records a publication (a draft, unless a bundle or the demonstration data carries its workflow). */
export async function insertPublication(
  trx: Trx,
  actor: Actor,
  raw: PublicationInput,
  kept: PublicationAsKept = {},
): Promise<PublicationRow> {
  const input = parsePublication(raw);
  const row = await trx
    .insertInto('publication')
    .values({
      ...(kept.id ? { id: kept.id } : {}),
      kind: input.kind,
      dated: input.dated,
      reference: input.reference,
      source: kept.source ?? input.source ?? 'entered',
      ...workflowColumns(kept),
      archived_at: kept.archived ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await syncTexts(trx, row.id, input.texts);
  await recordChange(trx, actor, {
    action: 'create',
    recordType: 'publication',
    recordId: row.id,
    confidentiality: row.confidentiality,
    after: audited(row, input.texts),
  });
  return row;
}

export function createPublication(db: Kysely<DB>, actor: Actor, raw: PublicationInput): Promise<PublicationRow> {
  return db.transaction().execute((trx) => insertPublication(trx, actor, raw));
}

async function lock(trx: Trx, id: string, expectedVersion: number | null): Promise<PublicationRow> {
  if (expectedVersion === null) {
    const row = await trx.selectFrom('publication').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound('the publication');
    return row;
  }
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('the publication');
  return lockKept(trx, kind, id, expectedVersion);
}

/**
 * Changes a publication's fields and versions (`update` on the version the editor saw), or writes
 * it as a bundle gives it (`import`, with its workflow and archive flag). A change that changes
 * nothing writes nothing.
 */
export async function revisePublication(
  trx: Trx,
  actor: Actor,
  id: string,
  expectedVersion: number | null,
  raw: PublicationInput,
  kept: PublicationAsKept & { action?: 'update' | 'import' } = {},
): Promise<PublicationRow> {
  const input: PublicationData = parsePublication(raw);
  const before = await lock(trx, id, expectedVersion);
  const wasTexts = (await textsOf(trx, [id])).get(id)!;
  const textsChange = !sameJson(wasTexts, input.texts);
  const fieldsChange = before.kind !== input.kind || before.dated !== input.dated || before.reference !== input.reference;
  const importing = kept.action === 'import';
  // An approved publication changed goes back to the Committee; a published one stays published.
  const backToDraft = !importing && before.status === 'approved' && (textsChange || fieldsChange);
  const workflow = importing ? workflowColumns(kept) : backToDraft ? workflowColumns({ status: 'draft' }) : {};
  const archived = kept.archived ?? before.archived_at !== null;
  const set = {
    kind: input.kind,
    dated: input.dated,
    reference: input.reference,
    ...(kept.source ? { source: kept.source } : {}),
    ...workflow,
    ...((before.archived_at !== null) === archived ? {} : { archived_at: archived ? new Date() : null }),
  };
  const bump = { row_version: before.row_version + 1, updated_at: new Date() };
  let after = await trx
    .updateTable('publication')
    .set({ ...set, ...bump })
    .where('id', '=', id)
    .where(changesSome(set))
    .returningAll()
    .executeTakeFirst();
  if (!after) {
    if (!textsChange) return before;
    after = await trx.updateTable('publication').set(bump).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }
  await syncTexts(trx, id, input.texts);
  await recordChange(trx, actor, {
    action: kept.action ?? 'update',
    recordType: 'publication',
    recordId: id,
    ...changeScope(before, after),
    before: audited(before, wasTexts),
    after: audited(after, input.texts),
  });
  return after;
}

export function updatePublication(db: Kysely<DB>, actor: Actor, id: string, expectedVersion: number, raw: PublicationInput) {
  return db.transaction().execute((trx) => revisePublication(trx, actor, id, expectedVersion, raw));
}

/** One step of the workflow on the version the reader saw: what it needs before, what it sets. */
async function step(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  action: 'approve' | 'publish',
  set: (before: PublicationRow) => Updateable<PublicationTable>,
): Promise<PublicationRow> {
  return inTransaction(db, async (trx) => {
    const before = await lock(trx, id, expectedVersion);
    if (before.archived_at) throw new AppError('conflict', 'this publication is archived: restore it first');
    const needed = action === 'approve' ? 'draft' : 'approved';
    if (before.status !== needed)
      throw new AppError('conflict', `this publication is ${before.status}: only a ${needed} publication can be ${action}d`, {
        fields: [{ field: 'status', problem: `is ${before.status}, not ${needed}` }],
      });
    const after = await trx
      .updateTable('publication')
      .set({ ...set(before), row_version: before.row_version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const texts = (await textsOf(trx, [id])).get(id)!;
    await recordChange(trx, actor, {
      action: action === 'approve' ? 'approved' : 'published',
      recordType: 'publication',
      recordId: id,
      ...changeScope(before, after),
      before: audited(before, texts),
      after: audited(after, texts),
    });
    return after;
  });
}

/** The Committee approves a draft (committee members and administrators: the `approve` action). */
export function approvePublication(db: Db, actor: Actor, id: string, expectedVersion: number, today = todayIso()) {
  return step(db, actor, id, expectedVersion, 'approve', () => ({ status: 'approved', approved_on: today }));
}

/** The secretariat publishes an approved publication on a day not in the future: it becomes public. */
export async function publishPublication(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  raw: { publishedOn?: unknown },
  today = todayIso(),
): Promise<PublicationRow> {
  const dated = (await db.selectFrom('publication').select('dated').where('id', '=', id).executeTakeFirst())?.dated ?? '2004-04-28';
  const { publishedOn } = parseInput(publishSchema(dated, today), raw);
  return step(db, actor, id, expectedVersion, 'publish', () => ({
    status: 'published',
    published_on: publishedOn,
    confidentiality: 'public',
  }));
}

/** Archives a publication (never deleted; an archived one is no longer public) or restores it. */
export async function setPublicationArchived(db: Kysely<DB>, actor: Actor, id: string, expectedVersion: number, archived: boolean) {
  return db.transaction().execute(async (trx) => {
    const before = await lock(trx, id, expectedVersion);
    if ((before.archived_at !== null) === archived) return before;
    const after = await trx
      .updateTable('publication')
      .set({ archived_at: archived ? new Date() : null, row_version: before.row_version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const texts = (await textsOf(trx, [id])).get(id)!;
    await recordChange(trx, actor, {
      action: archived ? 'archive' : 'restore',
      recordType: 'publication',
      recordId: id,
      ...changeScope(before, after),
      before: audited(before, texts),
      after: audited(after, texts),
    });
    return after;
  });
}
