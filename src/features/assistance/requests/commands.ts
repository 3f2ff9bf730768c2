// The write core of a request and its items: record, change, archive. Each owns its transaction (or
// takes the caller's), the input schema, the checks across records, what each role may change, the
// row version and the audit event. The forms, the API, the bundle import and the demonstration
// data all call it; none writes the tables itself.
import type { Kysely, Transaction } from 'kysely';
import { type Actor, recordChange } from '../../../platform/audit/record.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, invalid, notFound } from '../../../platform/errors.ts';
import { can, may, type Viewer } from '../../../platform/policy/policy.ts';
import { isUuid } from '../../../platform/values/codes.ts';
import { todayIso } from '../../../platform/values/dates.ts';
import { parseInput } from '../../../platform/values/input.ts';
import { type ItemRow, itemsOf, type RequestRow } from '../queries.ts';
import type { AssistanceSource } from '../schema.ts';
import { futureProblem, memberStateProblems, templateFields, unknownMatrixFields } from './checks.ts';
import { type Item, type Request, type RequestInput, requestInput } from './inputs.ts';

type Trx = Transaction<DB>;

/** How a step was recorded, as a bundle keeps it: its id, when, and who took it. */
export interface StepRecorded {
  id: string;
  at: Date;
  actorLabel: string;
}

/** What a bundle keeps of a request beyond its input: ids, positions, origin, confidentiality, its first step. */
export interface RequestKept {
  id?: string;
  /** The items' ids and positions, by their place in the input. */
  items?: { id: string; position: number }[];
  source?: AssistanceSource;
  confidentiality?: RequestRow['confidentiality'];
  received?: StepRecorded;
}

export const conflict = (what: string, theirs: number, yours: number) =>
  new AppError('conflict', `${what} was changed by someone else (version ${theirs}, yours ${yours}): reload to see the change`);

/** A request as its history records it: the row with its current items. */
const audited = (r: RequestRow, items: ItemRow[]) => ({
  ...r,
  created_at: undefined,
  updated_at: undefined,
  items: items.map((i) => ({ ...i, created_at: undefined, updated_at: undefined })),
});
export const requestScope = (r: RequestRow) => ({ confidentiality: r.confidentiality, stateIso3: r.state_iso3.trim() });

/** The audit event of a change to a request or to its records (steps, responses, matches), in the request's history. */
export const auditRequest = (trx: Trx, actor: Actor, r: RequestRow, action: string, snapshots: { before?: unknown; after?: unknown }) =>
  recordChange(trx, actor, { action, recordType: 'assistance-request', recordId: r.id, ...requestScope(r), ...snapshots });

const itemColumns = (item: Item, position: number) => ({
  position,
  description: item.description,
  paragraphs: item.paragraphs ?? [],
  weapons: item.weapons ?? [],
  areas: item.areas,
  kinds: item.kinds ?? [],
  matrix_fields: item.matrixFields ?? [],
  priority: item.priority ?? 'medium',
  timeframe: item.timeframe ?? '',
  illustrative: item.illustrative ?? false,
});

const requestColumns = (input: Request) => ({
  reference: input.reference ?? '',
  state_iso3: input.stateIso3,
  received_on: input.receivedOn,
  channel: input.channel,
  contact_name: input.contactName ?? '',
  contact_email: input.contactEmail ?? '',
  languages: input.languages ?? [],
  earlier_assistance: input.earlierAssistance ?? '',
  other_providers: input.otherProviders ?? '',
  consent_summary: input.consentSummary ?? false,
  summary: input.summary ?? '',
  invites_visit: input.invitesVisit ?? false,
});

/** The input (checked alone) against today and the database: each problem names its field. */
async function checkAcross(trx: Trx, input: Request, today: string): Promise<void> {
  const problems = [
    ...futureProblem('receivedOn', input.receivedOn, today),
    ...(await memberStateProblems(trx, input.stateIso3)),
    ...unknownMatrixFields(input.items, await templateFields(trx)),
  ];
  if (problems.length) throw invalid(problems);
}

/**
 * Records a request and its items, received on its date: one transaction, with its first step
 * ('receive') and its audit event. The Committee side records any State's; a State's point of
 * contact its own State's.
 */
export async function createRequest(
  db: Kysely<DB>,
  actor: Actor,
  viewer: Viewer | null,
  input: RequestInput,
  today = todayIso(),
  kept: RequestKept = {},
): Promise<RequestRow> {
  return db.transaction().execute((trx) => insertRequest(trx, actor, viewer, input, today, kept));
}

/** `createRequest` inside the caller's transaction (the demonstration data, the bundle). */
export async function insertRequest(
  trx: Trx,
  actor: Actor,
  viewer: Viewer | null,
  raw: RequestInput,
  today = todayIso(),
  kept: RequestKept = {},
): Promise<RequestRow> {
  const input = parseInput(requestInput, raw);
  await checkAcross(trx, input, today);
  const confidentiality = kept.confidentiality ?? 'committee-and-state';
  if (viewer && !can(viewer, 'create', { type: 'assistance-request', confidentiality, stateIso3: input.stateIso3 }))
    throw new AppError('forbidden', 'you may record requests for assistance only for your own State');
  const row = await trx
    .insertInto('assistance_request')
    .values({
      ...(kept.id ? { id: kept.id } : {}),
      ...requestColumns(input),
      status: 'received',
      status_on: input.receivedOn,
      source: kept.source ?? 'entered',
      confidentiality,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const items = await trx
    .insertInto('assistance_request_item')
    .values(
      input.items.map((item, i) => ({
        ...(kept.items?.[i] ? { id: kept.items[i].id } : {}),
        request_id: row.id,
        ...itemColumns(item, kept.items?.[i]?.position ?? i + 1),
      })),
    )
    .returningAll()
    .execute();
  await trx
    .insertInto('assistance_step')
    .values({
      ...(kept.received ? { id: kept.received.id, created_at: kept.received.at } : {}),
      request_id: row.id,
      action: 'receive',
      from_status: 'received',
      to_status: 'received',
      taken_on: input.receivedOn,
      actor_id: kept.received ? null : actor.id,
      actor_label: kept.received?.actorLabel ?? actor.label,
    } as never)
    .execute();
  await auditRequest(trx, actor, row, 'create', { after: audited(row, items) });
  return row;
}

/** The request, locked for a change; with `expectedVersion`, a change made on an older version is refused. */
export async function lockRequest(trx: Trx, id: string, expectedVersion?: number): Promise<RequestRow> {
  const row = isUuid(id)
    ? await trx.selectFrom('assistance_request').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    : undefined;
  if (!row) throw notFound('the request');
  if (expectedVersion !== undefined && row.row_version !== expectedVersion)
    throw conflict('this request', row.row_version, expectedVersion);
  return row;
}

/** The next row version of a request whose records changed (a step, a response), so that editors see the change. */
export async function bumpRequest(
  trx: Trx,
  r: RequestRow,
  set: Partial<Pick<RequestRow, 'status' | 'status_on' | 'objected_on' | 'summary_posted_on' | 'follow_up_on'>> = {},
) {
  return trx
    .updateTable('assistance_request')
    .set({ ...set, row_version: r.row_version + 1, updated_at: new Date() })
    .where('id', '=', r.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Changes a request's content (not its procedure): fields and items. Items given with an id are
 * updated, new ones added, and those left out marked removed (never deleted). The requesting
 * State's point of contact may edit its request until it is authenticated; only the Committee side
 * changes its confidentiality (a bundle carries it).
 */
export async function updateRequest(
  db: Kysely<DB>,
  actor: Actor,
  viewer: Viewer | null,
  id: string,
  expectedVersion: number,
  input: RequestInput,
  today = todayIso(),
): Promise<RequestRow> {
  return db.transaction().execute((trx) => updateRequestIn(trx, actor, viewer, id, expectedVersion, input, today));
}

export async function updateRequestIn(
  trx: Trx,
  actor: Actor,
  viewer: Viewer | null,
  id: string,
  expectedVersion: number | undefined,
  raw: RequestInput,
  today = todayIso(),
  kept: Pick<RequestKept, 'items' | 'confidentiality'> = {},
): Promise<RequestRow> {
  const input = parseInput(requestInput, raw);
  const before = await lockRequest(trx, id);
  const own = viewer?.role === 'state-contact' && viewer.stateIso3 === before.state_iso3.trim();
  if (viewer && !may(viewer, 'manage-assistance') && !(own && before.status === 'received'))
    throw new AppError('forbidden', 'you may not change this request');
  if (expectedVersion !== undefined && before.row_version !== expectedVersion)
    throw conflict('this request', before.row_version, expectedVersion);
  if (own && input.stateIso3 !== before.state_iso3.trim())
    throw invalid([{ field: 'stateIso3', problem: 'a State records requests only for itself' }]);
  await checkAcross(trx, input, today);
  const current = await itemsOf(trx, [id]);
  const unknown = input.items.flatMap((item, i) =>
    item.id && !current.some((c) => c.id === item.id) ? [{ field: `items[${i}].id`, problem: 'is not an item of this request' }] : [],
  );
  if (unknown.length) throw invalid(unknown);
  const row = await trx
    .updateTable('assistance_request')
    .set({
      ...requestColumns(input),
      ...(kept.confidentiality ? { confidentiality: kept.confidentiality } : {}),
      row_version: before.row_version + 1,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const keep = new Set(input.items.map((i) => i.id).filter(Boolean));
  const gone = current.filter((c) => !keep.has(c.id)).map((c) => c.id);
  if (gone.length) await trx.updateTable('assistance_request_item').set({ removed_at: new Date() }).where('id', 'in', gone).execute();
  for (const [i, item] of input.items.entries()) {
    const columns = itemColumns(item, kept.items?.[i]?.position ?? i + 1);
    if (item.id)
      await trx
        .updateTable('assistance_request_item')
        .set({ ...columns, updated_at: new Date() })
        .where('id', '=', item.id)
        .execute();
    else
      await trx
        .insertInto('assistance_request_item')
        .values({ ...(kept.items?.[i] ? { id: kept.items[i].id } : {}), request_id: id, ...columns })
        .execute();
  }
  await auditRequest(trx, actor, row, 'update', { before: audited(before, current), after: audited(row, await itemsOf(trx, [id])) });
  return row;
}

/** Archives a request (it leaves the lists, never deleted) or restores it: the Committee side's keepers. */
export async function setRequestArchived(
  trx: Trx,
  actor: Actor,
  viewer: Viewer | null,
  id: string,
  archived: boolean,
): Promise<RequestRow> {
  const before = await lockRequest(trx, id);
  if (viewer && !may(viewer, 'manage-assistance')) throw new AppError('forbidden', 'you may not archive this request');
  if (archived === (before.archived_at !== null))
    throw invalid([{ field: 'archived', problem: archived ? 'the request is already archived' : 'the request is not archived' }]);
  const row = await trx
    .updateTable('assistance_request')
    .set({ archived_at: archived ? new Date() : null, row_version: before.row_version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const items = await itemsOf(trx, [id]);
  await auditRequest(trx, actor, row, archived ? 'archive' : 'restore', { before: audited(before, items), after: audited(row, items) });
  return row;
}

// The command line (cli.ts, rewritten elsewhere) still reads these here; their homes are the procedure and the matching.
export { takeStep } from '../procedure/steps.ts';
export { setWeights } from '../matching/commands.ts';
export { activeOffers, matchItemsOf, matchOfferOf, weightsInForce } from '../matching/engine-inputs.ts';
export { createOffer } from '../offers/commands.ts';
