// The write core of an offer of assistance: record, change, archive and restore, each with the input
// schema, the provider's check, what each role may change, the row version and the audit event. The
// form, the API, the bundle import and the demonstration data call it.
import type { Kysely, Transaction } from 'kysely';
import { type Actor, recordChange } from '../../../platform/audit/record.ts';
import { changesSome } from '../../../platform/bundle/record-section.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, invalid, notFound } from '../../../platform/errors.ts';
import { can, isCommitteeSide, providerKeyOf, type Viewer } from '../../../platform/policy/policy.ts';
import { isUuid } from '../../../platform/values/codes.ts';
import { parseInput } from '../../../platform/values/input.ts';
import { type OfferRow, offerProviderKey, parseProviderKey } from '../queries.ts';
import { unknownProviders } from '../requests/checks.ts';
import { conflict } from '../requests/commands.ts';
import type { AssistanceSource, OfferSide } from '../schema.ts';
import { type Offer, type OfferInput, offerInput } from './inputs.ts';

type Trx = Transaction<DB>;

const offerColumns = (input: Offer) => {
  const p = parseProviderKey(input.provider)!;
  return {
    provider_kind: p.kind,
    provider_state_iso3: p.kind === 'state' ? p.code : null,
    provider_organization_code: p.kind === 'organization' ? p.code : null,
    title: input.title,
    description: input.description ?? '',
    paragraphs: input.paragraphs ?? [],
    weapons: input.weapons ?? [],
    areas: input.areas,
    kinds: input.kinds ?? [],
    regions: input.regions ?? [],
    languages: input.languages ?? [],
    programmes: JSON.stringify((input.programmes ?? []).map((g) => ({ name: g.name, url: g.url ?? '' }))),
    capacity: input.capacity ?? '',
    period_from: input.periodFrom ?? null,
    period_to: input.periodTo ?? null,
    contact_name: input.contactName ?? '',
    contact_email: input.contactEmail ?? '',
    confidentiality: input.confidentiality ?? 'public',
  };
};

const audited = (o: OfferRow) => ({ ...o, created_at: undefined, updated_at: undefined });

/** The audit event of a change to an offer: the offer as it was and as it is. */
const auditOffer = (trx: Trx, actor: Actor, action: string, after: OfferRow, before?: OfferRow) =>
  recordChange(trx, actor, {
    action,
    recordType: 'assistance-offer',
    recordId: after.id,
    confidentiality: after.confidentiality,
    stateIso3: after.provider_state_iso3?.trim() ?? null,
    ...(before ? { before: audited(before) } : {}),
    after: audited(after),
  });

/** The side a writer is on: an actor the caller vouches for (the system, the demonstration data) is the Committee's. */
const sideOf = (viewer: Viewer | null): OfferSide => (viewer === null || isCommitteeSide(viewer) ? 'committee' : 'provider');

/**
 * Who set the offer's confidentiality after this change: the writer, when it changes; else as it
 * was. Only the Committee side makes public again an offer the Committee side made Committee-only
 * (a provider may lower only a level it set itself), whatever the door: the form, the API, a bundle.
 */
function confidentialitySetBy(viewer: Viewer | null, before: OfferRow | undefined, to: 'public' | 'committee'): OfferSide {
  if (before && before.confidentiality === to) return before.confidentiality_set_by;
  if (before?.confidentiality === 'committee' && before.confidentiality_set_by === 'committee' && sideOf(viewer) !== 'committee')
    throw new AppError('forbidden', 'only the Committee side makes public an offer the Committee side made Committee-only', {
      fields: [
        {
          field: 'confidentiality',
          problem:
            'the Committee side made this offer Committee-only: only the experts, the secretariat and administrators make it public again',
        },
      ],
    });
  return sideOf(viewer);
}

/** The provider exists, and the viewer records for it (the keepers any provider; a provider itself). */
async function checkProvider(trx: Trx, viewer: Viewer | null, input: Offer, action: 'create' | 'update'): Promise<void> {
  const problems = await unknownProviders(trx, [input.provider], 'provider');
  if (problems.length) throw invalid(problems);
  if (viewer && !can(viewer, action, { type: 'assistance-offer', confidentiality: 'public', stateIso3: null, providerKey: input.provider }))
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
  const parsed = parseInput(offerInput, input);
  return db.transaction().execute((trx) => insertOffer(trx, actor, viewer, parsed, source));
}

/** `createOffer` inside the caller's transaction; a bundle gives the offer's id. */
export async function insertOffer(
  trx: Trx,
  actor: Actor,
  viewer: Viewer | null,
  raw: OfferInput,
  source: AssistanceSource = 'entered',
  kept: { id?: string; recordedAt?: Date } = {},
): Promise<OfferRow> {
  const input = parseInput(offerInput, raw);
  await checkProvider(trx, viewer, input, 'create');
  const columns = offerColumns(input);
  const row = await trx
    .insertInto('assistance_offer')
    .values({
      ...(kept.id ? { id: kept.id } : {}),
      // The demonstration's later offers are recorded on a day of their year (an offer has no other date).
      ...(kept.recordedAt ? { created_at: kept.recordedAt, updated_at: kept.recordedAt } : {}),
      ...columns,
      confidentiality_set_by: confidentialitySetBy(viewer, undefined, columns.confidentiality),
      source,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditOffer(trx, actor, 'create', row);
  return row;
}

/** The offer, locked for a change the viewer may make, on the version it read (a hidden offer is not found). */
async function lockOffer(trx: Trx, viewer: Viewer | null, id: string, expectedVersion: number | undefined): Promise<OfferRow> {
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
  if (expectedVersion !== undefined && row.row_version !== expectedVersion) throw conflict('this offer', row.row_version, expectedVersion);
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
  const parsed = parseInput(offerInput, input);
  return db.transaction().execute((trx) => updateOfferIn(trx, actor, viewer, id, expectedVersion, parsed));
}

/**
 * `updateOffer` inside the caller's transaction; a bundle gives no version (it compared the records
 * itself). A change that changes nothing writes nothing: no new version, no audit event.
 */
export async function updateOfferIn(
  trx: Trx,
  actor: Actor,
  viewer: Viewer | null,
  id: string,
  expectedVersion: number | undefined,
  raw: OfferInput,
  source?: AssistanceSource,
): Promise<OfferRow> {
  const input = parseInput(offerInput, raw);
  const before = await lockOffer(trx, viewer, id, expectedVersion);
  await checkProvider(trx, viewer, input, 'update');
  const columns = offerColumns(input);
  const set = {
    ...columns,
    confidentiality_set_by: confidentialitySetBy(viewer, before, columns.confidentiality),
    ...(source ? { source } : {}),
  };
  const row = await trx
    .updateTable('assistance_offer')
    .set({ ...set, row_version: before.row_version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where(changesSome(set))
    .returningAll()
    .executeTakeFirst();
  if (!row) return before;
  await auditOffer(trx, actor, 'update', row, before);
  return row;
}

export async function setOfferArchived(
  db: Kysely<DB>,
  actor: Actor,
  viewer: Viewer | null,
  id: string,
  expectedVersion: number,
  archived: boolean,
): Promise<OfferRow> {
  return db.transaction().execute((trx) => setOfferArchivedIn(trx, actor, viewer, id, expectedVersion, archived));
}

export async function setOfferArchivedIn(
  trx: Trx,
  actor: Actor,
  viewer: Viewer | null,
  id: string,
  expectedVersion: number | undefined,
  archived: boolean,
): Promise<OfferRow> {
  const before = await lockOffer(trx, viewer, id, expectedVersion);
  if (archived === (before.archived_at !== null))
    throw invalid([{ field: 'archived', problem: archived ? 'the offer is already archived' : 'the offer is not archived' }]);
  const row = await trx
    .updateTable('assistance_offer')
    .set({ archived_at: archived ? new Date() : null, row_version: before.row_version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditOffer(trx, actor, archived ? 'archive' : 'restore', row, before);
  return row;
}
