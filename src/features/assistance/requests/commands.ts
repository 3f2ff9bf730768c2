import { todayIso } from '../../../platform/values/dates.ts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../../platform/errors.ts';
import { can, isCommitteeSide, may, providerKeyOf, type Viewer } from '../../../platform/policy/policy.ts';
import { type Actor, recordChange } from '../../../platform/audit/record.ts';
import { checkOfferInput, checkRequestInput, isDate, type ItemInput, type OfferInput, type RequestInput } from './checks.ts';
import { type MatchItem, type MatchOffer, parseWeights, rankOffersForItem } from '../matching/matching.ts';
import { canMoveMatch, matchMovesFrom, transition } from '../procedure/procedure.ts';
import {
  circulationOf,
  currentWeights,
  deliveredByProvider,
  isUuid,
  type ItemRow,
  itemsOf,
  type MatchRow,
  type OfferRow,
  offerProviderKey,
  parseProviderKey,
  providerKey,
  type RequestRow,
  requestState,
  type ResponseRow,
} from '../queries.ts';
import type { AssistanceSource, MatchStatus, Priority } from '../schema.ts';

type Trx = Transaction<DB>;

const conflict = (what: string, theirs: number, yours: number) =>
  new AppError('conflict', `${what} was changed by someone else (version ${theirs}, yours ${yours}): reload to see the change`);

/** A request as its history records it: the row with its current items. */
const audited = (r: RequestRow, items: ItemRow[]) => ({
  ...r,
  created_at: undefined,
  updated_at: undefined,
  items: items.map((i) => ({ ...i, created_at: undefined, updated_at: undefined })),
});
const scope = (r: RequestRow) => ({ confidentiality: r.confidentiality, stateIso3: r.state_iso3.trim() });

async function checkState(trx: Trx, iso3: string): Promise<FieldProblem[]> {
  const s = await trx.selectFrom('member_state').select('iso3').where('iso3', '=', iso3).executeTakeFirst();
  return s ? [] : [{ field: 'stateIso3', problem: `${iso3.slice(0, 10)} is not a Member State` }];
}

/** The matrix field codes an input names that no template knows. */
async function unknownMatrixFields(trx: Trx, items: ItemInput[]): Promise<FieldProblem[]> {
  const wanted = [...new Set(items.flatMap((i) => i.matrixFields ?? []))];
  if (!wanted.length) return [];
  const templates = await trx.selectFrom('matrix_template').select('definition').execute();
  const known = new Set<string>();
  for (const t of templates) for (const f of (t.definition as { fields?: { code: string }[] }).fields ?? []) known.add(f.code);
  const problems: FieldProblem[] = [];
  items.forEach((item, i) => {
    const unknown = (item.matrixFields ?? []).filter((c) => !known.has(c));
    if (unknown.length)
      problems.push({
        field: `items[${i}].matrixFields`,
        problem: `no matrix template has the fields ${unknown.map((u) => u.slice(0, 40)).join(', ')}`,
      });
  });
  return problems;
}

const itemColumns = (item: ItemInput, position: number) => ({
  position,
  description: item.description.trim(),
  paragraphs: [...new Set(item.paragraphs ?? [])],
  weapons: [...new Set(item.weapons ?? [])],
  areas: [...new Set(item.areas ?? [])],
  kinds: [...new Set(item.kinds ?? [])],
  matrix_fields: [...new Set(item.matrixFields ?? [])],
  priority: (item.priority as Priority | undefined) ?? 'medium',
  timeframe: item.timeframe?.trim() ?? '',
  illustrative: item.illustrative ?? false,
});

const requestColumns = (input: RequestInput) => ({
  reference: input.reference?.trim() ?? '',
  state_iso3: input.stateIso3.trim().toUpperCase(),
  received_on: input.receivedOn,
  channel: input.channel as RequestRow['channel'],
  contact_name: input.contactName?.trim() ?? '',
  contact_email: input.contactEmail?.trim() ?? '',
  languages: [...new Set(input.languages ?? [])],
  earlier_assistance: input.earlierAssistance?.trim() ?? '',
  other_providers: input.otherProviders?.trim() ?? '',
  consent_summary: input.consentSummary ?? false,
  summary: input.summary?.trim() ?? '',
  invites_visit: input.invitesVisit ?? false,
});

export interface RequestChange extends RequestInput {
  source?: AssistanceSource;
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
  input: RequestChange,
  today = todayIso(),
): Promise<RequestRow> {
  const problems = checkRequestInput(input, today);
  if (problems.length) throw invalid(problems);
  const iso3 = input.stateIso3.trim().toUpperCase();
  if (viewer && !can(viewer, 'create', { type: 'assistance-request', confidentiality: 'committee-and-state', stateIso3: iso3 }))
    throw new AppError('forbidden', 'you may record requests for assistance only for your own State');
  return db.transaction().execute((trx) => insertRequest(trx, actor, input, today));
}

/** `createRequest` inside a transaction the caller holds (the demonstration data). */
export async function insertRequest(trx: Trx, actor: Actor, input: RequestChange, today = todayIso()): Promise<RequestRow> {
  const problems = checkRequestInput(input, today);
  if (problems.length) throw invalid(problems);
  const more = [...(await checkState(trx, input.stateIso3.trim().toUpperCase())), ...(await unknownMatrixFields(trx, input.items))];
  if (more.length) throw invalid(more);
  const row = await trx
    .insertInto('assistance_request')
    .values({ ...requestColumns(input), status: 'received', status_on: input.receivedOn, source: input.source ?? 'entered' })
    .returningAll()
    .executeTakeFirstOrThrow();
  const items = await trx
    .insertInto('assistance_request_item')
    .values(input.items.map((item, i) => ({ request_id: row.id, ...itemColumns(item, i + 1) })))
    .returningAll()
    .execute();
  await trx
    .insertInto('assistance_step')
    .values({
      request_id: row.id,
      action: 'receive',
      from_status: 'received',
      to_status: 'received',
      taken_on: input.receivedOn,
      actor_id: actor.id,
      actor_label: actor.label,
    })
    .execute();
  await recordChange(trx, actor, {
    action: 'create',
    recordType: 'assistance-request',
    recordId: row.id,
    ...scope(row),
    after: audited(row, items),
  });
  return row;
}

async function lockRequest(trx: Trx, id: string, expectedVersion?: number): Promise<RequestRow> {
  const row = isUuid(id)
    ? await trx.selectFrom('assistance_request').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    : undefined;
  if (!row) throw notFound('the request');
  if (expectedVersion !== undefined && row.row_version !== expectedVersion)
    throw conflict('this request', row.row_version, expectedVersion);
  return row;
}

/**
 * Changes a request's content (not its procedure): fields and items. Items given with an id are
 * updated, new ones added, and those left out marked removed (never deleted). The requesting
 * State's point of contact may edit its request until it is authenticated.
 */
export async function updateRequest(
  db: Kysely<DB>,
  actor: Actor,
  viewer: Viewer,
  id: string,
  expectedVersion: number,
  input: RequestInput,
  today = todayIso(),
): Promise<RequestRow> {
  const problems = checkRequestInput(input, today);
  if (problems.length) throw invalid(problems);
  return db.transaction().execute(async (trx) => {
    const before = await lockRequest(trx, id);
    const own = viewer.role === 'state-contact' && viewer.stateIso3 === before.state_iso3.trim();
    if (!may(viewer, 'manage-assistance') && !(own && before.status === 'received'))
      throw new AppError('forbidden', 'you may not change this request');
    if (before.row_version !== expectedVersion) throw conflict('this request', before.row_version, expectedVersion);
    if (own && input.stateIso3.trim().toUpperCase() !== before.state_iso3.trim())
      throw invalid([{ field: 'stateIso3', problem: 'a State records requests only for itself' }]);
    const more = [...(await checkState(trx, input.stateIso3.trim().toUpperCase())), ...(await unknownMatrixFields(trx, input.items))];
    const current = await itemsOf(trx, [id]);
    input.items.forEach((item, i) => {
      if (item.id && !current.some((c) => c.id === item.id))
        more.push({ field: `items[${i}].id`, problem: 'is not an item of this request' });
    });
    if (more.length) throw invalid(more);
    const beforeItems = current;
    const row = await trx
      .updateTable('assistance_request')
      .set({ ...requestColumns(input), row_version: before.row_version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const keep = new Set(input.items.map((i) => i.id).filter(Boolean));
    const gone = current.filter((c) => !keep.has(c.id)).map((c) => c.id);
    if (gone.length) await trx.updateTable('assistance_request_item').set({ removed_at: new Date() }).where('id', 'in', gone).execute();
    for (const [i, item] of input.items.entries()) {
      if (item.id)
        await trx
          .updateTable('assistance_request_item')
          .set({ ...itemColumns(item, i + 1), updated_at: new Date() })
          .where('id', '=', item.id)
          .execute();
      else
        await trx
          .insertInto('assistance_request_item')
          .values({ request_id: id, ...itemColumns(item, i + 1) })
          .execute();
    }
    const items = await itemsOf(trx, [id]);
    await recordChange(trx, actor, {
      action: 'update',
      recordType: 'assistance-request',
      recordId: id,
      ...scope(row),
      before: audited(before, beforeItems),
      after: audited(row, items),
    });
    return row;
  });
}

export interface StepInput {
  action: string;
  on: string;
  note?: string;
  /** For 'circulate': provider keys ('organization:WCO', 'state:FRA'). */
  providers?: string[];
  expectedVersion: number;
}

/**
 * Takes one step of the procedure: checks it against the rules (status, dates, deadlines), moves
 * the request, records the step and its audit event, in one transaction. Two people moving the
 * same request: the second is told (row version), nothing written.
 */
export async function takeStep(
  db: Kysely<DB>,
  actor: Actor,
  viewer: Viewer | null,
  id: string,
  input: StepInput,
  today = todayIso(),
): Promise<RequestRow> {
  return db.transaction().execute((trx) => takeStepIn(trx, actor, viewer, id, input, today));
}

export async function takeStepIn(
  trx: Trx,
  actor: Actor,
  viewer: Viewer | null,
  id: string,
  input: StepInput,
  today = todayIso(),
): Promise<RequestRow> {
  const before = await lockRequest(trx, id);
  const own = viewer?.role === 'state-contact' && viewer.stateIso3 === before.state_iso3.trim();
  // The State itself may withdraw its request or object to (and lift its objection to) circulation.
  const stateAction = ['withdraw', 'object', 'lift-objection'].includes(input.action);
  if (viewer && !may(viewer, 'manage-assistance') && !(own && stateAction))
    throw new AppError('forbidden', 'you may not take steps of the procedure on this request');
  if (typeof input.expectedVersion !== 'number' || before.row_version !== input.expectedVersion)
    throw conflict('this request', before.row_version, input.expectedVersion);
  const providers = [...new Set(input.providers ?? [])];
  const badProviders = providers.filter((p) => !parseProviderKey(p));
  if (badProviders.length)
    throw invalid([
      {
        field: 'providers',
        problem: `not providers (organization:CODE or state:ISO3): ${badProviders.map((b) => String(b).slice(0, 40)).join(', ')}`,
      },
    ]);
  if (typeof input.note === 'string' && input.note.length > 4000)
    throw invalid([{ field: 'note', problem: 'is longer than 4000 characters' }]);
  const state = await requestState(trx, before);
  const result = transition(state, String(input.action ?? ''), String(input.on ?? ''), today, { providers: providers.length });
  if (!result.ok) throw invalid(result.problems);
  if (input.action === 'circulate') {
    const problems = await unknownProviders(trx, providers);
    if (problems.length) throw invalid(problems);
  }
  const on = input.on;
  const set: Partial<Record<string, unknown>> = {
    status: result.to,
    status_on: on,
    row_version: before.row_version + 1,
    updated_at: new Date(),
  };
  if (input.action === 'object') set.objected_on = on;
  if (input.action === 'lift-objection') set.objected_on = null;
  if (input.action === 'post-summary') set.summary_posted_on = on;
  if (input.action === 'follow-up') set.follow_up_on = on;
  const row = await trx.updateTable('assistance_request').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  if (input.action === 'circulate') {
    const already = new Set((await circulationOf(trx, [id])).map((c) => providerKey(c.provider_kind, c.provider_code.trim())));
    const fresh = providers.map((p) => parseProviderKey(p)!).filter((p) => !already.has(providerKey(p.kind, p.code)));
    if (fresh.length)
      await trx
        .insertInto('assistance_circulation')
        .values(fresh.map((p) => ({ request_id: id, provider_kind: p.kind, provider_code: p.code, circulated_on: on })))
        .execute();
  }
  if (input.action === 'forward')
    await trx
      .updateTable('assistance_response')
      .set({ forwarded_on: on })
      .where('request_id', '=', id)
      .where('forwarded_on', 'is', null)
      .where('archived_at', 'is', null)
      .execute();
  await trx
    .insertInto('assistance_step')
    .values({
      request_id: id,
      action: input.action,
      from_status: before.status,
      to_status: result.to,
      taken_on: on,
      note: input.note?.trim() ?? '',
      actor_id: actor.id,
      actor_label: actor.label,
    })
    .execute();
  await recordChange(trx, actor, {
    action: `step:${input.action}`,
    recordType: 'assistance-request',
    recordId: id,
    ...scope(row),
    before: { status: before.status, status_on: before.status_on },
    after: { status: row.status, status_on: row.status_on, note: input.note?.trim() ?? '', providers },
  });
  return row;
}

async function unknownProviders(trx: Trx, keys: string[]): Promise<FieldProblem[]> {
  const parsed = keys.map((k) => parseProviderKey(k)!);
  const orgs = parsed.filter((p) => p.kind === 'organization').map((p) => p.code);
  const states = parsed.filter((p) => p.kind === 'state').map((p) => p.code);
  const [o, s] = await Promise.all([
    orgs.length ? trx.selectFrom('organization').select('code').where('code', 'in', orgs).execute() : [],
    states.length ? trx.selectFrom('member_state').select('iso3').where('iso3', 'in', states).execute() : [],
  ]);
  const known = new Set([...o.map((x) => `organization:${x.code}`), ...s.map((x) => `state:${x.iso3.trim()}`)]);
  const unknown = parsed.map((p) => providerKey(p.kind, p.code)).filter((k) => !known.has(k));
  return unknown.length ? [{ field: 'providers', problem: `no such organization or Member State: ${unknown.join(', ')}` }] : [];
}

export interface ResponseInput {
  /** The provider answering; a provider's own account may leave it out. */
  provider?: string;
  respondedOn: string;
  itemIds: string[];
  text?: string;
}

/**
 * Records a provider's response to a request: it names the request's items it answers, and the
 * provider must be one the request was circulated to. A provider records its own responses; the
 * Committee side records them from the letters received.
 */
export async function recordResponse(
  db: Kysely<DB>,
  actor: Actor,
  viewer: Viewer | null,
  requestId: string,
  input: ResponseInput,
  today = todayIso(),
  source: AssistanceSource = 'entered',
): Promise<ResponseRow> {
  return db.transaction().execute((trx) => recordResponseIn(trx, actor, viewer, requestId, input, today, source));
}

export async function recordResponseIn(
  trx: Trx,
  actor: Actor,
  viewer: Viewer | null,
  requestId: string,
  input: ResponseInput,
  today = todayIso(),
  source: AssistanceSource = 'entered',
): Promise<ResponseRow> {
  const request = await lockRequest(trx, requestId);
  const own = providerKeyOf(viewer);
  if (viewer && !may(viewer, 'manage-assistance') && !own)
    throw new AppError('forbidden', 'only a provider or the Committee side records responses');
  const providerText = own ?? input.provider ?? '';
  const problems: FieldProblem[] = [];
  if (own && input.provider && input.provider !== own)
    problems.push({ field: 'provider', problem: 'a provider records only its own responses' });
  const provider = parseProviderKey(providerText);
  if (!provider) problems.push({ field: 'provider', problem: 'must be organization:CODE or state:ISO3' });
  if (!isDate(input.respondedOn)) problems.push({ field: 'respondedOn', problem: 'must be a date (YYYY-MM-DD)' });
  else if (input.respondedOn > today) problems.push({ field: 'respondedOn', problem: `${input.respondedOn} is in the future` });
  else if (input.respondedOn < request.received_on)
    problems.push({ field: 'respondedOn', problem: `is before the request was received (${request.received_on})` });
  if (typeof input.text === 'string' && input.text.length > 8000)
    problems.push({ field: 'text', problem: 'is longer than 8000 characters' });
  if (!Array.isArray(input.itemIds) || input.itemIds.length === 0)
    problems.push({ field: 'itemIds', problem: 'name at least one item of the request that the response answers' });
  else {
    const items = new Set((await itemsOf(trx, [requestId])).map((i) => i.id));
    const foreign = input.itemIds.filter((i) => typeof i !== 'string' || !items.has(i));
    if (foreign.length)
      problems.push({ field: 'itemIds', problem: `not items of this request: ${foreign.map((f) => String(f).slice(0, 36)).join(', ')}` });
  }
  if (problems.length) throw invalid(problems);
  const circulated = (await circulationOf(trx, [requestId])).map((c) => providerKey(c.provider_kind, c.provider_code.trim()));
  const key = providerKey(provider!.kind, provider!.code);
  if (!circulated.includes(key)) {
    if (own) throw notFound('the request');
    throw invalid([{ field: 'provider', problem: `the request was not circulated to ${key}` }]);
  }
  if (['withdrawn', 'closed'].includes(request.status))
    throw invalid([{ field: 'requestId', problem: `the request is ${request.status}` }]);
  const row = await trx
    .insertInto('assistance_response')
    .values({
      request_id: requestId,
      provider_kind: provider!.kind,
      provider_code: provider!.code,
      responded_on: input.respondedOn,
      item_ids: [...new Set(input.itemIds)],
      text: input.text?.trim() ?? '',
      source,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('assistance_request')
    .set({ row_version: request.row_version + 1, updated_at: new Date() })
    .where('id', '=', requestId)
    .execute();
  await recordChange(trx, actor, {
    action: 'response',
    recordType: 'assistance-request',
    recordId: requestId,
    ...scope(request),
    after: { ...row, created_at: undefined },
  });
  return row;
}

const offerColumns = (input: OfferInput) => {
  const p = parseProviderKey(input.provider)!;
  return {
    provider_kind: p.kind,
    provider_state_iso3: p.kind === 'state' ? p.code : null,
    provider_organization_code: p.kind === 'organization' ? p.code : null,
    title: input.title.trim(),
    description: input.description?.trim() ?? '',
    paragraphs: [...new Set(input.paragraphs ?? [])],
    weapons: [...new Set(input.weapons ?? [])],
    areas: [...new Set(input.areas ?? [])],
    kinds: [...new Set(input.kinds ?? [])],
    regions: [...new Set(input.regions ?? [])],
    languages: [...new Set(input.languages ?? [])],
    programmes: JSON.stringify((input.programmes ?? []).map((g) => ({ name: g.name.trim(), url: g.url?.trim() ?? '' }))),
    capacity: input.capacity?.trim() ?? '',
    period_from: input.periodFrom || null,
    period_to: input.periodTo || null,
    contact_name: input.contactName?.trim() ?? '',
    contact_email: input.contactEmail?.trim() ?? '',
    confidentiality: (input.confidentiality as 'public' | 'committee' | undefined) ?? 'public',
  };
};

const offerScope = { confidentiality: 'public' as const, stateIso3: null };
const auditedOffer = (o: OfferRow) => ({ ...o, created_at: undefined, updated_at: undefined });
const offerAuditScope = (o: OfferRow) => ({ confidentiality: o.confidentiality, stateIso3: o.provider_state_iso3?.trim() ?? null });

async function checkOfferProvider(trx: Trx, viewer: Viewer | null, input: OfferInput, action: 'create' | 'update'): Promise<void> {
  const problems = await unknownProviders(trx, [input.provider.trim()]);
  if (problems.length) throw invalid(problems.map((p) => ({ ...p, field: 'provider' })));
  const key = providerKey(parseProviderKey(input.provider)!.kind, parseProviderKey(input.provider)!.code);
  if (viewer && !can(viewer, action, { type: 'assistance-offer', ...offerScope, providerKey: key }))
    throw new AppError('forbidden', 'a provider records only its own offers');
}

/** Records an offer of assistance: one transaction with its audit event. */
export async function createOffer(
  db: Kysely<DB>,
  actor: Actor,
  viewer: Viewer | null,
  input: OfferInput,
  source: AssistanceSource = 'entered',
): Promise<OfferRow> {
  const problems = checkOfferInput(input);
  if (problems.length) throw invalid(problems);
  return db.transaction().execute((trx) => insertOffer(trx, actor, viewer, input, source));
}

export async function insertOffer(
  trx: Trx,
  actor: Actor,
  viewer: Viewer | null,
  input: OfferInput,
  source: AssistanceSource = 'entered',
): Promise<OfferRow> {
  const problems = checkOfferInput(input);
  if (problems.length) throw invalid(problems);
  await checkOfferProvider(trx, viewer, input, 'create');
  const row = await trx
    .insertInto('assistance_offer')
    .values({ ...offerColumns(input), source })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordChange(trx, actor, {
    action: 'create',
    recordType: 'assistance-offer',
    recordId: row.id,
    ...offerAuditScope(row),
    after: auditedOffer(row),
  });
  return row;
}

async function lockOffer(trx: Trx, viewer: Viewer | null, id: string, expectedVersion: number): Promise<OfferRow> {
  const row = isUuid(id)
    ? await trx.selectFrom('assistance_offer').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    : undefined;
  if (!row) throw notFound('the offer');
  const key = offerProviderKey(row);
  if (
    viewer &&
    !can(viewer, 'update', { type: 'assistance-offer', confidentiality: row.confidentiality, stateIso3: null, providerKey: key })
  ) {
    if (row.confidentiality !== 'public' && !isCommitteeSide(viewer) && providerKeyOf(viewer) !== key) throw notFound('the offer');
    throw new AppError('forbidden', 'you may not change this offer');
  }
  if (row.row_version !== expectedVersion) throw conflict('this offer', row.row_version, expectedVersion);
  return row;
}

export async function updateOffer(
  db: Kysely<DB>,
  actor: Actor,
  viewer: Viewer | null,
  id: string,
  expectedVersion: number,
  input: OfferInput,
): Promise<OfferRow> {
  const problems = checkOfferInput(input);
  if (problems.length) throw invalid(problems);
  return db.transaction().execute(async (trx) => {
    const before = await lockOffer(trx, viewer, id, expectedVersion);
    await checkOfferProvider(trx, viewer, input, 'update');
    const row = await trx
      .updateTable('assistance_offer')
      .set({ ...offerColumns(input), row_version: before.row_version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'update',
      recordType: 'assistance-offer',
      recordId: id,
      ...offerAuditScope(row),
      before: auditedOffer(before),
      after: auditedOffer(row),
    });
    return row;
  });
}

export async function setOfferArchived(
  db: Kysely<DB>,
  actor: Actor,
  viewer: Viewer | null,
  id: string,
  expectedVersion: number,
  archived: boolean,
): Promise<OfferRow> {
  return db.transaction().execute(async (trx) => {
    const before = await lockOffer(trx, viewer, id, expectedVersion);
    if (archived === (before.archived_at !== null))
      throw invalid([{ field: 'archived', problem: archived ? 'the offer is already archived' : 'the offer is not archived' }]);
    const row = await trx
      .updateTable('assistance_offer')
      .set({ archived_at: archived ? new Date() : null, row_version: before.row_version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: archived ? 'archive' : 'restore',
      recordType: 'assistance-offer',
      recordId: id,
      ...offerAuditScope(row),
      before: auditedOffer(before),
      after: auditedOffer(row),
    });
    return row;
  });
}

/** The engine's inputs for a set of items (their request's State, region and languages). */
export async function matchItemsOf(db: Kysely<DB> | Trx, requestIds?: string[]): Promise<MatchItem[]> {
  let q = db
    .selectFrom('assistance_request_item as i')
    .innerJoin('assistance_request as r', 'r.id', 'i.request_id')
    .innerJoin('member_state as s', 's.iso3', 'r.state_iso3')
    .select([
      'i.id',
      'i.request_id',
      'r.state_iso3',
      's.regional_group',
      'r.languages',
      'i.paragraphs',
      'i.weapons',
      'i.areas',
      'i.kinds',
      'r.received_on',
    ])
    .where('i.removed_at', 'is', null)
    .where('r.archived_at', 'is', null);
  if (requestIds) q = q.where('i.request_id', 'in', requestIds.length ? requestIds : ['00000000-0000-0000-0000-000000000000']);
  const rows = await q.orderBy('r.received_on').orderBy('i.position').execute();
  return rows.map((r) => ({
    id: r.id,
    requestId: r.request_id,
    stateIso3: r.state_iso3.trim(),
    region: r.regional_group,
    languages: r.languages,
    paragraphs: r.paragraphs,
    weapons: r.weapons,
    areas: r.areas,
    kinds: r.kinds,
    receivedOn: r.received_on,
  }));
}

export function matchOfferOf(o: OfferRow): MatchOffer {
  return {
    id: o.id,
    providerKey: offerProviderKey(o),
    paragraphs: o.paragraphs,
    weapons: o.weapons,
    areas: o.areas,
    kinds: o.kinds,
    regions: o.regions,
    languages: o.languages,
    periodFrom: o.period_from,
    periodTo: o.period_to,
  };
}

export async function activeOffers(db: Kysely<DB> | Trx): Promise<OfferRow[]> {
  return db.selectFrom('assistance_offer').selectAll().where('archived_at', 'is', null).orderBy('id').execute();
}

/** The weights in force, parsed (saved weights were checked when saved). */
export async function weightsInForce(db: Kysely<DB> | Trx) {
  return parseWeights((await currentWeights(db)) ?? {});
}

/**
 * Runs the engine for a request's items and records its best suggestions (status 'suggested'),
 * leaving matches the experts already have untouched. Returns the matches written.
 */
export async function suggestMatches(db: Kysely<DB>, actor: Actor, requestId: string, limit = 5, today = todayIso()): Promise<MatchRow[]> {
  return db.transaction().execute(async (trx) => {
    const request = await lockRequest(trx, requestId);
    const [items, offers, track, weights, existing] = await Promise.all([
      matchItemsOf(trx, [requestId]),
      activeOffers(trx),
      deliveredByProvider(trx),
      weightsInForce(trx),
      trx
        .selectFrom('assistance_match as m')
        .innerJoin('assistance_request_item as i', 'i.id', 'm.item_id')
        .select(['m.item_id', 'm.offer_id'])
        .where('i.request_id', '=', requestId)
        .execute(),
    ]);
    const have = new Set(existing.map((e) => `${e.item_id}:${e.offer_id}`));
    const engineOffers = offers.map(matchOfferOf);
    const rows = items.flatMap((item) =>
      rankOffersForItem(item, engineOffers, track, weights, limit)
        .filter((r) => !have.has(`${item.id}:${r.offerId}`))
        .map((r) => ({
          item_id: item.id,
          offer_id: r.offerId,
          status: 'suggested' as const,
          origin: 'engine' as const,
          score: r.score,
          reasons: JSON.stringify(r.reasons),
          status_on: today,
        })),
    );
    const written = rows.length ? await trx.insertInto('assistance_match').values(rows).returningAll().execute() : [];
    if (written.length)
      await recordChange(trx, actor, {
        action: 'matches:suggest',
        recordType: 'assistance-request',
        recordId: requestId,
        ...scope(request),
        after: written.map((w) => ({ id: w.id, item_id: w.item_id, offer_id: w.offer_id, score: w.score })),
      });
    return written;
  });
}

async function matchRequest(trx: Trx, itemId: string): Promise<RequestRow> {
  const item = isUuid(itemId)
    ? await trx.selectFrom('assistance_request_item').select(['request_id', 'removed_at']).where('id', '=', itemId).executeTakeFirst()
    : undefined;
  if (!item || item.removed_at) throw invalid([{ field: 'itemId', problem: 'is not an item of a request' }]);
  return lockRequest(trx, item.request_id);
}

/** An expert adds a match by hand (status 'suggested', origin 'hand'), with the engine's score and reasons for it if it has any. */
export async function addMatch(
  db: Kysely<DB>,
  actor: Actor,
  input: { itemId: string; offerId: string; note?: string },
  today = todayIso(),
): Promise<MatchRow> {
  return db.transaction().execute(async (trx) => {
    const request = await matchRequest(trx, String(input.itemId ?? ''));
    const offer = isUuid(String(input.offerId ?? ''))
      ? await trx.selectFrom('assistance_offer').selectAll().where('id', '=', input.offerId).executeTakeFirst()
      : undefined;
    if (!offer || offer.archived_at) throw invalid([{ field: 'offerId', problem: 'is not a current offer' }]);
    const dup = await trx
      .selectFrom('assistance_match')
      .select('id')
      .where('item_id', '=', input.itemId)
      .where('offer_id', '=', input.offerId)
      .executeTakeFirst();
    if (dup) throw invalid([{ field: 'offerId', problem: 'this offer is already matched with this item' }]);
    if (typeof input.note === 'string' && input.note.length > 4000)
      throw invalid([{ field: 'note', problem: 'is longer than 4000 characters' }]);
    const [item] = await matchItemsOf(trx, [request.id]).then((all) => all.filter((i) => i.id === input.itemId));
    const ranked = rankOffersForItem(item!, [matchOfferOf(offer)], await deliveredByProvider(trx), await weightsInForce(trx), 1)[0];
    const row = await trx
      .insertInto('assistance_match')
      .values({
        item_id: input.itemId,
        offer_id: input.offerId,
        status: 'suggested',
        origin: 'hand',
        score: ranked?.score ?? null,
        reasons: JSON.stringify(ranked?.reasons ?? []),
        note: input.note?.trim() ?? '',
        status_on: today,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'matches:add',
      recordType: 'assistance-request',
      recordId: request.id,
      ...scope(request),
      after: { ...row, created_at: undefined, updated_at: undefined },
    });
    return row;
  });
}

export interface MatchMove {
  to: string;
  on?: string;
  note?: string;
  providerFeedback?: string;
  stateFeedback?: string;
  expectedVersion: number;
}

/**
 * Moves a match along its statuses (suggested → proposed → accepted → under way → delivered; set
 * aside, declined). Proposing a match to a provider needs the request circulated to that provider.
 */
export async function moveMatch(db: Kysely<DB>, actor: Actor, matchId: string, input: MatchMove, today = todayIso()): Promise<MatchRow> {
  return db.transaction().execute(async (trx) => {
    const before = isUuid(matchId)
      ? await trx.selectFrom('assistance_match').selectAll().where('id', '=', matchId).forUpdate().executeTakeFirst()
      : undefined;
    if (!before) throw notFound('the match');
    const request = await matchRequest(trx, before.item_id);
    if (typeof input.expectedVersion !== 'number' || before.row_version !== input.expectedVersion)
      throw conflict('this match', before.row_version, input.expectedVersion);
    const on = input.on ?? today;
    const problems: FieldProblem[] = [];
    if (!canMoveMatch(before.status, input.to))
      problems.push({
        field: 'to',
        problem: `a ${before.status} match cannot become "${String(input.to).slice(0, 20)}"; allowed: ${matchMovesFrom(before.status).join(', ') || 'nothing'}`,
      });
    if (!isDate(on)) problems.push({ field: 'on', problem: 'must be a date (YYYY-MM-DD)' });
    else if (on > today) problems.push({ field: 'on', problem: `${on} is in the future` });
    else if (on < before.status_on) problems.push({ field: 'on', problem: `is before the match's last change (${before.status_on})` });
    for (const f of ['note', 'providerFeedback', 'stateFeedback'] as const)
      if (typeof input[f] === 'string' && (input[f] as string).length > (f === 'note' ? 4000 : 8000))
        problems.push({ field: f, problem: 'is too long' });
    if (problems.length) throw invalid(problems);
    if (['proposed', 'accepted', 'under-way'].includes(input.to)) {
      const offer = await trx.selectFrom('assistance_offer').selectAll().where('id', '=', before.offer_id).executeTakeFirstOrThrow();
      const circulated = (await circulationOf(trx, [request.id])).map((c) => providerKey(c.provider_kind, c.provider_code.trim()));
      if (!circulated.includes(offerProviderKey(offer)))
        throw invalid([{ field: 'to', problem: `the request has not been circulated to ${offerProviderKey(offer)}: circulate it first` }]);
    }
    const row = await trx
      .updateTable('assistance_match')
      .set({
        status: input.to as MatchStatus,
        status_on: on,
        note: input.note !== undefined ? input.note.trim() : before.note,
        provider_feedback: input.providerFeedback !== undefined ? input.providerFeedback.trim() : before.provider_feedback,
        state_feedback: input.stateFeedback !== undefined ? input.stateFeedback.trim() : before.state_feedback,
        row_version: before.row_version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', matchId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: `match:${input.to}`,
      recordType: 'assistance-request',
      recordId: request.id,
      ...scope(request),
      before: { ...before, created_at: undefined, updated_at: undefined },
      after: { ...row, created_at: undefined, updated_at: undefined },
    });
    return row;
  });
}

/** Saves new matching weights (checked by the engine's parser; nothing written if they do not parse). */
export async function setWeights(db: Kysely<DB>, actor: Actor, raw: unknown): Promise<Record<string, unknown>> {
  const weights = parseWeights(raw) as unknown as Record<string, unknown>;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('assistance_weights')
      .values({ weights: JSON.stringify(weights), actor_id: actor.id, actor_label: actor.label })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'update',
      recordType: 'assistance-weights',
      recordId: row.id,
      confidentiality: 'committee',
      after: weights,
    });
    return weights;
  });
}

export { checkOfferInput, checkRequestInput };
export type { OfferInput, RequestInput };
