// The write core of a match between a request item and an offer: the engine's suggestions, one added
// by hand, and its moves along its statuses; and of the engine's weights. A bundle gives a match as
// it was recorded (its id, origin, score and reasons) and moves it as the experts did.
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { type Actor, recordChange } from '../../../platform/audit/record.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { type FieldProblem, invalid, notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/values/codes.ts';
import { todayIso } from '../../../platform/values/dates.ts';
import { parseInput } from '../../../platform/values/input.ts';
import { choice, day, note, text } from '../fields.ts';
import { canMoveMatch, matchMovesFrom } from '../procedure/procedure.ts';
import { circulationOf, deliveredByProvider, type MatchRow, offerProviderKey, providerKey, type RequestRow } from '../queries.ts';
import { auditRequest, conflict, lockRequest } from '../requests/commands.ts';
import { matchStatuses } from '../schema.ts';
import { activeOffers, matchItemsOf, matchOfferOf, weightsInForce } from './engine-inputs.ts';
import { rankOffersForItem } from './matching.ts';
import { parseWeights } from './weights.ts';

type Trx = Transaction<DB>;

/** A match added by hand: the item, the offer, a note. */
export const matchInput = z.object({ itemId: z.string('is not an item of a request'), offerId: z.string('is not a current offer'), note });

/** A match's move to another status, with its day and what the provider and the State said. */
export const matchMoveInput = z.object({
  to: choice(matchStatuses),
  on: day.optional(),
  note,
  providerFeedback: text(8000),
  stateFeedback: text(8000),
});

export interface MatchMove extends Omit<z.input<typeof matchMoveInput>, 'to'> {
  to: string;
  expectedVersion: number;
}

/** What a bundle keeps of a match it adds: its id, origin, score and reasons, and the day of its status. */
export interface MatchKept {
  id: string;
  origin: MatchRow['origin'];
  score: number | null;
  reasons: unknown[];
  statusOn: string;
}

const audited = (m: MatchRow) => ({ ...m, created_at: undefined, updated_at: undefined });

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
      await auditRequest(trx, actor, request, 'matches:suggest', {
        after: written.map((w) => ({ id: w.id, item_id: w.item_id, offer_id: w.offer_id, score: w.score })),
      });
    return written;
  });
}

/** The request of a current item, locked. */
async function requestOfItem(trx: Trx, itemId: string): Promise<RequestRow> {
  const item = isUuid(itemId)
    ? await trx.selectFrom('assistance_request_item').select(['request_id', 'removed_at']).where('id', '=', itemId).executeTakeFirst()
    : undefined;
  if (!item || item.removed_at) throw invalid([{ field: 'itemId', problem: 'is not an item of a request' }]);
  return lockRequest(trx, item.request_id);
}

/** An expert adds a match by hand (status 'suggested', origin 'hand'), with the engine's score and reasons for it if it has any. */
export async function addMatch(db: Kysely<DB>, actor: Actor, input: z.input<typeof matchInput>, today = todayIso()): Promise<MatchRow> {
  return db.transaction().execute((trx) => addMatchIn(trx, actor, input, today));
}

export async function addMatchIn(
  trx: Trx,
  actor: Actor,
  raw: z.input<typeof matchInput>,
  today = todayIso(),
  kept?: MatchKept,
): Promise<MatchRow> {
  const input = parseInput(matchInput, raw);
  const request = await requestOfItem(trx, input.itemId);
  const offer = isUuid(input.offerId)
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
  let scored: { score: number | null; reasons: unknown[] } = kept ?? { score: null, reasons: [] };
  if (!kept) {
    const [item] = (await matchItemsOf(trx, [request.id])).filter((i) => i.id === input.itemId);
    const ranked = rankOffersForItem(item!, [matchOfferOf(offer)], await deliveredByProvider(trx), await weightsInForce(trx), 1)[0];
    if (ranked) scored = ranked;
  }
  const row = await trx
    .insertInto('assistance_match')
    .values({
      ...(kept ? { id: kept.id } : {}),
      item_id: input.itemId,
      offer_id: input.offerId,
      status: 'suggested',
      origin: kept?.origin ?? 'hand',
      score: scored.score,
      reasons: JSON.stringify(scored.reasons),
      note: input.note ?? '',
      status_on: kept?.statusOn ?? today,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditRequest(trx, actor, request, 'matches:add', { after: audited(row) });
  return row;
}

/**
 * Moves a match along its statuses (suggested → proposed → accepted → under way → delivered; set
 * aside, declined). Proposing a match to a provider needs the request circulated to that provider.
 */
export async function moveMatch(db: Kysely<DB>, actor: Actor, matchId: string, input: MatchMove, today = todayIso()): Promise<MatchRow> {
  return db.transaction().execute((trx) => moveMatchIn(trx, actor, matchId, input, today));
}

export async function moveMatchIn(trx: Trx, actor: Actor, matchId: string, raw: MatchMove, today = todayIso()): Promise<MatchRow> {
  const before = isUuid(matchId)
    ? await trx.selectFrom('assistance_match').selectAll().where('id', '=', matchId).forUpdate().executeTakeFirst()
    : undefined;
  if (!before) throw notFound('the match');
  const request = await requestOfItem(trx, before.item_id);
  if (typeof raw.expectedVersion !== 'number' || before.row_version !== raw.expectedVersion)
    throw conflict('this match', before.row_version, raw.expectedVersion);
  const problems: FieldProblem[] = [];
  if (!canMoveMatch(before.status, String(raw.to)))
    problems.push({
      field: 'to',
      problem: `a ${before.status} match cannot become "${String(raw.to).slice(0, 20)}"; allowed: ${matchMovesFrom(before.status).join(', ') || 'nothing'}`,
    });
  if (problems.length) throw invalid(problems);
  const input = parseInput(matchMoveInput, raw);
  const on = input.on ?? today;
  if (on > today) problems.push({ field: 'on', problem: `${on} is in the future` });
  else if (on < before.status_on) problems.push({ field: 'on', problem: `is before the match's last change (${before.status_on})` });
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
      status: input.to,
      status_on: on,
      note: input.note ?? before.note,
      provider_feedback: input.providerFeedback ?? before.provider_feedback,
      state_feedback: input.stateFeedback ?? before.state_feedback,
      row_version: before.row_version + 1,
      updated_at: new Date(),
    })
    .where('id', '=', matchId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditRequest(trx, actor, request, `match:${input.to}`, { before: audited(before), after: audited(row) });
  return row;
}

/** Saves new matching weights (checked by the weights' input; nothing written if they do not parse). */
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
