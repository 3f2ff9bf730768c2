import { todayIso } from '../../platform/values/dates.ts';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { sameJson } from '../../platform/bundle/canonical.ts';
import {
  applyRecords,
  archivedAt,
  isChange,
  isoDate,
  recordId,
  recordSource,
  stateCode,
  type VisibleCodes,
  visibleCodes,
} from '../../platform/bundle/fields.ts';
import { type BundleSection, type RecordProblem, type Reference, stricter } from '../../platform/bundle/section.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Resource, Viewer } from '../../platform/policy/policy.ts';
import { type Actor, recordChange } from '../../platform/audit/record.ts';
import { offerTermsOf, presentItem } from './api-schemas.ts';
import { checkOfferInput, checkRequestInput } from './requests/checks.ts';
import { requestActions } from './procedure/procedure.ts';
import { type RequestRecords, readerOf, requestSeenBy } from './readers.ts';
import {
  type CirculationRow,
  type ItemRow,
  type MatchRow,
  type OfferRow,
  offerProviderKey,
  offerVisible,
  providerKey,
  type RequestRow,
  type ResponseRow,
  requestRecordsOf,
  requestVisible,
  type StepRow,
} from './queries.ts';
import { channels, matchStatuses, priorities, requestStatuses } from './schema.ts';
import { areas, helpKinds, helpLanguages, paragraphs, regions, weaponTypes } from './taxonomy.ts';

/*
 * Two sections: `assistance-offers` and `assistance-requests` (each request with its items, the
 * steps of its procedure, its circulation, the providers' responses and the matches of its items
 * with offers). Keyed by id, so that a bundle moves the clearinghouse whole from one r1540 to
 * another. An export carries what the viewer may see: offers by `offerVisible`, requests by
 * `requestVisible` (the Committee side all; a State's point of contact its own State's; a provider
 * those circulated to it, with its own circulation, responses and matches only, and no steps; the
 * public none). A record never names a State, organization or offer the viewer may not see.
 *
 * An import is all or nothing (the bundle's rule): a new or changed record is held to the rules of
 * the forms and of the procedure's records (a step never changes once recorded; a response names
 * items of its request and a provider it was circulated to; a match names an item of its request).
 * Nothing is deleted: an item left out stays, one marked `removed` is marked so.
 */

type Db = Kysely<DB> | Transaction<DB>;
type Problem = Omit<RecordProblem, 'index'>;

const codes = <T extends readonly string[]>(values: T, noun: string, max: number) =>
  z
    .array(z.enum(values as unknown as [string, ...string[]], `must be one of ${values.join(', ')}`))
    .max(max, `at most ${max} ${noun}`)
    .default([]);
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`).default('');
const provider = z.string().regex(/^(state:[A-Z]{3}|organization:[A-Z0-9-]{2,20})$/, 'must be organization:CODE or state:ISO3');
const instant = z.string().datetime({ offset: true, message: 'must be a date and time (ISO 8601)' });

export const offerRecordSchema = z.strictObject({
  id: recordId,
  provider,
  title: z.string().trim().min(1, 'is required').max(300, 'must be at most 300 characters'),
  description: text(8000),
  paragraphs: codes(paragraphs, 'paragraphs', 6),
  weapons: codes(weaponTypes, 'weapon types', 4),
  areas: codes(areas, 'areas', 11).refine((a) => a.length > 0, 'choose at least one'),
  kinds: codes(helpKinds, 'kinds', 7),
  regions: codes(regions, 'regions', 10),
  languages: codes(helpLanguages, 'languages', 7),
  programmes: z
    .array(z.strictObject({ name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'), url: text(500) }))
    .max(20, 'at most 20 programmes')
    .default([]),
  capacity: text(500),
  periodFrom: isoDate.nullable().default(null),
  periodTo: isoDate.nullable().default(null),
  contactName: text(200),
  contactEmail: text(254),
  source: recordSource.default('entered'),
  confidentiality: z.enum(['public', 'committee'], 'must be public or committee').default('public'),
  archived: z.boolean().default(false),
});
export type OfferRecord = z.output<typeof offerRecordSchema>;

const itemSchema = z.strictObject({
  id: recordId,
  position: z
    .number('must be a whole number')
    .int('must be a whole number')
    .min(1, 'must be from 1 to 200')
    .max(200, 'must be from 1 to 200'),
  description: z.string().trim().min(1, 'is required').max(4000, 'must be at most 4000 characters'),
  paragraphs: codes(paragraphs, 'paragraphs', 6),
  weapons: codes(weaponTypes, 'weapon types', 4),
  areas: codes(areas, 'areas', 11),
  kinds: codes(helpKinds, 'kinds', 7),
  matrixFields: z
    .array(z.string().regex(/^OP[0-9a-zA-Z._-]{1,80}$/, 'must be a matrix field code (OP…)'))
    .max(200, 'at most 200 fields')
    .default([]),
  priority: z.enum(priorities, `must be one of ${priorities.join(', ')}`).default('medium'),
  timeframe: text(200),
  illustrative: z.boolean().default(false),
  removed: z.boolean().default(false),
});

const stepActions = ['receive', ...requestActions] as const;
const stepSchema = z.strictObject({
  id: recordId,
  action: z.enum(stepActions, `must be one of ${stepActions.join(', ')}`),
  fromStatus: z.enum(requestStatuses, `must be one of ${requestStatuses.join(', ')}`),
  toStatus: z.enum(requestStatuses, `must be one of ${requestStatuses.join(', ')}`),
  takenOn: isoDate,
  note: text(4000),
  actor: z.string().max(200, 'must be at most 200 characters').default(''),
  /** When the step was recorded: it orders the steps of one day. */
  recordedAt: instant,
});

const circulationSchema = z.strictObject({ provider, circulatedOn: isoDate });

const responseSchema = z.strictObject({
  id: recordId,
  provider,
  respondedOn: isoDate,
  itemIds: z.array(recordId).min(1, 'name at least one item of the request').max(200, 'at most 200 items'),
  text: text(8000),
  forwardedOn: isoDate.nullable().default(null),
  source: recordSource.default('entered'),
  archived: z.boolean().default(false),
});

const matchSchema = z.strictObject({
  id: recordId,
  itemId: recordId,
  offerId: recordId,
  status: z.enum(matchStatuses, `must be one of ${matchStatuses.join(', ')}`),
  origin: z.enum(['engine', 'hand'], 'must be engine or hand'),
  score: z.number('must be a number').finite('must be a finite number').nullable().default(null),
  reasons: z.array(z.record(z.string(), z.unknown())).max(50, 'at most 50 reasons').default([]),
  note: text(4000),
  statusOn: isoDate,
  providerFeedback: text(8000),
  stateFeedback: text(8000),
});

export const requestRecordSchema = z.strictObject({
  id: recordId,
  state: stateCode,
  reference: text(60),
  receivedOn: isoDate,
  channel: z.enum(channels, `must be one of ${channels.join(', ')}`),
  contactName: text(200),
  contactEmail: text(254),
  languages: codes(helpLanguages, 'languages', 7),
  earlierAssistance: text(8000),
  otherProviders: text(2000),
  consentSummary: z.boolean().default(false),
  summary: text(4000),
  invitesVisit: z.boolean().default(false),
  status: z.enum(requestStatuses, `must be one of ${requestStatuses.join(', ')}`),
  statusOn: isoDate,
  objectedOn: isoDate.nullable().default(null),
  summaryPostedOn: isoDate.nullable().default(null),
  followUpOn: isoDate.nullable().default(null),
  source: recordSource.default('entered'),
  confidentiality: z.enum(['committee', 'committee-and-state'], 'must be committee or committee-and-state').default('committee-and-state'),
  archived: z.boolean().default(false),
  items: z.array(itemSchema).min(1, 'a request names at least one need').max(200, 'at most 200 items'),
  steps: z.array(stepSchema).max(500, 'at most 500 steps').default([]),
  circulation: z.array(circulationSchema).max(300, 'at most 300 providers').default([]),
  responses: z.array(responseSchema).max(500, 'at most 500 responses').default([]),
  matches: z.array(matchSchema).max(2000, 'at most 2000 matches').default([]),
});
export type RequestRecord = z.output<typeof requestRecordSchema>;

// -------------------------------------------------------------------------------------------------
// Rows to records

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function offerRecord(o: OfferRow): OfferRecord {
  return {
    id: o.id,
    provider: offerProviderKey(o),
    ...offerTermsOf(o),
    programmes: o.programmes.map((g) => ({ name: g.name, url: g.url ?? '' })),
    capacity: o.capacity,
    periodFrom: o.period_from,
    periodTo: o.period_to,
    contactName: o.contact_name,
    contactEmail: o.contact_email,
    source: o.source,
    confidentiality: o.confidentiality,
    archived: o.archived_at !== null,
  };
}

interface Children {
  items: ItemRow[];
  steps: StepRow[];
  circulation: CirculationRow[];
  responses: ResponseRow[];
  matches: MatchRow[];
}

/** A record's lists in a stable order, so that equal records compare equal whatever order a bundle gives. */
function normalised(r: RequestRecord): RequestRecord {
  return {
    ...r,
    items: [...r.items].sort((a, b) => a.position - b.position || byText(a.id, b.id)),
    steps: [...r.steps].sort(
      (a, b) =>
        byText(a.takenOn, b.takenOn) ||
        byText(new Date(a.recordedAt).toISOString(), new Date(b.recordedAt).toISOString()) ||
        byText(a.id, b.id),
    ),
    circulation: [...r.circulation].sort((a, b) => byText(a.circulatedOn, b.circulatedOn) || byText(a.provider, b.provider)),
    responses: [...r.responses]
      .map((x) => ({ ...x, itemIds: [...new Set(x.itemIds)].sort() }))
      .sort((a, b) => byText(a.respondedOn, b.respondedOn) || byText(a.id, b.id)),
    matches: [...r.matches].sort((a, b) => byText(a.itemId, b.itemId) || byText(a.offerId, b.offerId)),
  };
}

type ItemRecord = RequestRecord['items'][number];
type ResponseRecord = RequestRecord['responses'][number];
type MatchRecord = RequestRecord['matches'][number];

const itemRecord = (i: ItemRow): ItemRecord => ({ ...presentItem(i), removed: i.removed_at !== null });

const stepOf = (s: StepRow): RequestRecord['steps'][number] => ({
  id: s.id,
  action: s.action as RequestRecord['steps'][number]['action'],
  fromStatus: s.from_status as RequestRecord['status'],
  toStatus: s.to_status as RequestRecord['status'],
  takenOn: s.taken_on,
  note: s.note,
  actor: s.actor_label,
  recordedAt: s.created_at.toISOString(),
});

const responseRecord = (x: ResponseRow): ResponseRecord => ({
  id: x.id,
  provider: providerKey(x.provider_kind, x.provider_code.trim()),
  respondedOn: x.responded_on,
  itemIds: [...new Set(x.item_ids)].sort(),
  text: x.text,
  forwardedOn: x.forwarded_on,
  source: x.source,
  archived: x.archived_at !== null,
});

const matchRecord = (m: MatchRow): MatchRecord => ({
  id: m.id,
  itemId: m.item_id,
  offerId: m.offer_id,
  status: m.status,
  origin: m.origin,
  score: m.score === null ? null : Number(m.score),
  reasons: m.reasons as Record<string, unknown>[],
  note: m.note,
  statusOn: m.status_on,
  providerFeedback: m.provider_feedback,
  stateFeedback: m.state_feedback,
});

export function requestRecord(r: RequestRow, c: Children): RequestRecord {
  return normalised({
    id: r.id,
    state: r.state_iso3.trim(),
    reference: r.reference,
    receivedOn: r.received_on,
    channel: r.channel,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    languages: r.languages,
    earlierAssistance: r.earlier_assistance,
    otherProviders: r.other_providers,
    consentSummary: r.consent_summary,
    summary: r.summary,
    invitesVisit: r.invites_visit,
    status: r.status,
    statusOn: r.status_on,
    objectedOn: r.objected_on,
    summaryPostedOn: r.summary_posted_on,
    followUpOn: r.follow_up_on,
    source: r.source,
    confidentiality: r.confidentiality,
    archived: r.archived_at !== null,
    items: c.items.map(itemRecord),
    steps: c.steps.map(stepOf),
    circulation: c.circulation.map((x) => ({
      provider: providerKey(x.provider_kind, x.provider_code.trim()),
      circulatedOn: x.circulated_on,
    })),
    responses: c.responses.map(responseRecord),
    matches: c.matches.map(matchRecord),
  });
}

/** Every child row of these requests, grouped by request. */
async function childrenOf(db: Db, ids: readonly string[]): Promise<Map<string, Children>> {
  const out = new Map<string, Children>(ids.map((id) => [id, { items: [], steps: [], circulation: [], responses: [], matches: [] }]));
  if (!ids.length) return out;
  const list = [...ids];
  const [items, steps, circulation, responses] = await Promise.all([
    db.selectFrom('assistance_request_item').selectAll().where('request_id', 'in', list).execute(),
    db.selectFrom('assistance_step').selectAll().where('request_id', 'in', list).execute(),
    db.selectFrom('assistance_circulation').selectAll().where('request_id', 'in', list).execute(),
    db.selectFrom('assistance_response').selectAll().where('request_id', 'in', list).execute(),
  ]);
  const matches = items.length
    ? await db
        .selectFrom('assistance_match')
        .selectAll()
        .where(
          'item_id',
          'in',
          items.map((i) => i.id),
        )
        .execute()
    : [];
  const requestOfItem = new Map(items.map((i) => [i.id, i.request_id]));
  for (const i of items) out.get(i.request_id)!.items.push(i);
  for (const s of steps) out.get(s.request_id)!.steps.push(s);
  for (const c of circulation) out.get(c.request_id)!.circulation.push(c);
  for (const r of responses) out.get(r.request_id)!.responses.push(r);
  for (const m of matches) out.get(requestOfItem.get(m.item_id)!)!.matches.push(m);
  return out;
}

async function storedRequests(db: Db, keys: readonly string[]): Promise<Map<string, { row: RequestRow; children: Children }>> {
  if (!keys.length) return new Map();
  const rows = await db
    .selectFrom('assistance_request')
    .selectAll()
    .where('id', 'in', [...keys])
    .execute();
  const children = await childrenOf(
    db,
    rows.map((r) => r.id),
  );
  return new Map(rows.map((r) => [r.id, { row: r, children: children.get(r.id)! }]));
}

// -------------------------------------------------------------------------------------------------
// What a viewer may see

const providerVisible = (seen: VisibleCodes, key: string) => {
  const [kind, code] = key.split(':') as [string, string];
  return kind === 'state' ? seen.states.has(code) : seen.organizations.has(code);
};

/**
 * A request as the viewer may see it, through the presenters every door uses (`readers.ts`), and
 * naming no State or organization hidden from the viewer. A provider's bundle carries no step: a
 * step is kept as recorded, and one without its note and actor would not be the step.
 */
function asSeenBy(viewer: Viewer | null, codes: VisibleCodes, all: RequestRecords): RequestRecord {
  const reader = readerOf(viewer, all.request);
  const seen = requestSeenBy(reader, all);
  const named = (key: string) => providerVisible(codes, key);
  return requestRecord(seen.request, {
    items: seen.items,
    steps: reader.audience === 'provider' ? [] : seen.steps,
    circulation: seen.circulation.filter((c) => named(providerKey(c.provider_kind, c.provider_code.trim()))),
    responses: seen.responses.filter((x) => named(providerKey(x.provider_kind, x.provider_code.trim()))),
    matches: seen.matches.filter((x) => named(x.provider_key)),
  });
}

// -------------------------------------------------------------------------------------------------
// Sections

const offerResource = (o: OfferRecord): Resource => ({
  type: 'assistance-offer',
  confidentiality: o.confidentiality,
  stateIso3: null,
  providerKey: o.provider,
});

const providerReference = (field: string, key: string): Reference => {
  const [kind, code] = key.split(':') as [string, string];
  return kind === 'state'
    ? { field, section: 'member-states', key: code, noun: 'Member State' }
    : { field, section: 'organizations', key: code, noun: 'organization' };
};

const offerColumns = (o: OfferRecord) => {
  const [kind, code] = o.provider.split(':') as ['state' | 'organization', string];
  return {
    provider_kind: kind,
    provider_state_iso3: kind === 'state' ? code : null,
    provider_organization_code: kind === 'organization' ? code : null,
    title: o.title,
    description: o.description,
    paragraphs: o.paragraphs,
    weapons: o.weapons,
    areas: o.areas,
    kinds: o.kinds,
    regions: o.regions,
    languages: o.languages,
    programmes: JSON.stringify(o.programmes),
    capacity: o.capacity,
    period_from: o.periodFrom,
    period_to: o.periodTo,
    contact_name: o.contactName,
    contact_email: o.contactEmail,
    source: o.source,
    confidentiality: o.confidentiality,
  };
};

const auditedOffer = (o: OfferRow) => ({ ...o, created_at: undefined, updated_at: undefined });

export const assistanceOffersSection: BundleSection<OfferRecord> = {
  name: 'assistance-offers',
  keyField: 'id',
  schema: offerRecordSchema,
  key: (o) => o.id,
  resource: offerResource,

  async export(db, viewer) {
    const seen = await visibleCodes(db, viewer);
    const rows = await db.selectFrom('assistance_offer').selectAll().where(offerVisible(viewer)).orderBy('id').execute();
    return rows.map(offerRecord).filter((o) => providerVisible(seen, o.provider));
  },

  async stored(db, keys) {
    if (!keys.length) return new Map();
    const rows = await db
      .selectFrom('assistance_offer')
      .selectAll()
      .where('id', 'in', [...keys])
      .execute();
    return new Map(rows.map((r) => [r.id, offerRecord(r)]));
  },

  references: (o) => [providerReference('provider', o.provider)],

  async check(db, records) {
    if (!records.length) return [];
    const stored = await this.stored(
      db,
      records.map(({ record }) => record.id),
    );
    const problems: RecordProblem[] = [];
    for (const { index, record } of records) {
      if (!isChange(stored.get(record.id), record)) continue;
      for (const p of checkOfferInput({ ...record, periodFrom: record.periodFrom, periodTo: record.periodTo }))
        problems.push({ index, ...p });
    }
    return problems;
  },

  async import(trx, actor, records, report) {
    const rows = records.length
      ? await trx
          .selectFrom('assistance_offer')
          .selectAll()
          .where(
            'id',
            'in',
            records.map((r) => r.id),
          )
          .execute()
      : [];
    await applyRecords({
      records,
      stored: new Map(rows.map((r) => [r.id, r])),
      toRecord: offerRecord,
      report,
      insert: (o) =>
        trx
          .insertInto('assistance_offer')
          .values({ id: o.id, ...offerColumns(o), archived_at: archivedAt(undefined, o.archived) } as never)
          .returningAll()
          .executeTakeFirstOrThrow(),
      update: (o, before) =>
        trx
          .updateTable('assistance_offer')
          .set({
            ...offerColumns(o),
            archived_at: archivedAt(before, o.archived),
            row_version: before.row_version + 1,
            updated_at: new Date(),
          })
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow(),
      audit: (action, before, after) =>
        recordChange(trx, actor, {
          action,
          recordType: 'assistance-offer',
          recordId: after.id,
          confidentiality: before ? stricter(before.confidentiality, after.confidentiality) : after.confidentiality,
          stateIso3: after.provider_state_iso3?.trim() ?? null,
          ...(before ? { before: auditedOffer(before) } : {}),
          after: auditedOffer(after),
        }),
    });
  },
};

/** The fields of every template, for the matrix fields a request's items name. */
async function templateFields(db: Db): Promise<Set<string>> {
  const known = new Set<string>();
  for (const t of await db.selectFrom('matrix_template').select('definition').execute())
    for (const f of t.definition.fields ?? []) known.add(f.code);
  return known;
}

/** The rules of a request as the procedure's records hold them, for a new or changed record. */
function requestProblems(r: RequestRecord, today: string, fields: Set<string>, storedCirculation: string[]): Problem[] {
  const problems: Problem[] = checkRequestInput(
    {
      stateIso3: r.state,
      receivedOn: r.receivedOn,
      channel: r.channel,
      reference: r.reference,
      contactName: r.contactName,
      contactEmail: r.contactEmail,
      languages: r.languages,
      earlierAssistance: r.earlierAssistance,
      otherProviders: r.otherProviders,
      consentSummary: r.consentSummary,
      summary: r.summary,
      invitesVisit: r.invitesVisit,
      items: r.items,
    },
    today,
  ).filter((p) => p.field !== 'stateIso3');
  const after = (field: string, date: string | null, floor: string, what: string) => {
    if (date && date < floor) problems.push({ field, problem: `is before ${what} (${floor})` });
    else if (date && date > today) problems.push({ field, problem: `${date} is in the future` });
  };
  after('statusOn', r.statusOn, r.receivedOn, 'the request was received');
  if (r.summaryPostedOn && !r.consentSummary)
    problems.push({ field: 'summaryPostedOn', problem: 'a summary is posted only with the State’s consent (consentSummary)' });
  const positions = new Map<number, number>();
  r.items.forEach((item, i) => {
    if (!item.removed) {
      const twin = positions.get(item.position);
      if (twin !== undefined) problems.push({ field: `items[${i}].position`, problem: `is also the position of items[${twin}]` });
      positions.set(item.position, i);
    }
    const unknown = item.matrixFields.filter((c) => !fields.has(c));
    if (unknown.length)
      problems.push({
        field: `items[${i}].matrixFields`,
        problem: `no matrix template has the fields ${unknown.map((u) => u.slice(0, 40)).join(', ')}`,
      });
  });
  r.steps.forEach((s, i) => {
    after(`steps[${i}].takenOn`, s.takenOn, r.receivedOn, 'the request was received');
  });
  const itemIds = new Set(r.items.map((i) => i.id));
  const circulated = new Set([...storedCirculation, ...r.circulation.map((c) => c.provider)]);
  r.circulation.forEach((c, i) => {
    after(`circulation[${i}].circulatedOn`, c.circulatedOn, r.receivedOn, 'the request was received');
  });
  r.responses.forEach((x, i) => {
    const foreign = x.itemIds.filter((id) => !itemIds.has(id));
    if (foreign.length) problems.push({ field: `responses[${i}].itemIds`, problem: `not items of this request: ${foreign.join(', ')}` });
    if (!circulated.has(x.provider))
      problems.push({ field: `responses[${i}].provider`, problem: `the request was not circulated to ${x.provider}` });
    after(`responses[${i}].respondedOn`, x.respondedOn, r.receivedOn, 'the request was received');
    if (x.forwardedOn && x.forwardedOn < x.respondedOn)
      problems.push({ field: `responses[${i}].forwardedOn`, problem: `is before the response (${x.respondedOn})` });
  });
  const pairs = new Map<string, number>();
  r.matches.forEach((m, i) => {
    if (!itemIds.has(m.itemId)) problems.push({ field: `matches[${i}].itemId`, problem: 'is not an item of this request' });
    const pair = `${m.itemId}:${m.offerId}`;
    if (pairs.has(pair))
      problems.push({ field: `matches[${i}].offerId`, problem: `matches[${pairs.get(pair)}] already matches this offer with this item` });
    pairs.set(pair, i);
    if (m.statusOn > today) problems.push({ field: `matches[${i}].statusOn`, problem: `${m.statusOn} is in the future` });
  });
  return problems;
}

/** Ids of child rows that belong to other requests: a bundle does not move an item, a response or a match between requests. */
async function foreignChildren(db: Db, records: readonly { index: number; record: RequestRecord }[]): Promise<RecordProblem[]> {
  const problems: RecordProblem[] = [];
  const ids = (pick: (r: RequestRecord) => string[]) => [...new Set(records.flatMap(({ record }) => pick(record)))];
  const itemIds = ids((r) => r.items.map((i) => i.id));
  const stepIds = ids((r) => r.steps.map((s) => s.id));
  const responseIds = ids((r) => r.responses.map((s) => s.id));
  const matchIds = ids((r) => r.matches.map((s) => s.id));
  const [items, steps, responses, matches] = await Promise.all([
    itemIds.length ? db.selectFrom('assistance_request_item').select(['id', 'request_id']).where('id', 'in', itemIds).execute() : [],
    stepIds.length ? db.selectFrom('assistance_step').selectAll().where('id', 'in', stepIds).execute() : [],
    responseIds.length ? db.selectFrom('assistance_response').select(['id', 'request_id']).where('id', 'in', responseIds).execute() : [],
    matchIds.length
      ? db
          .selectFrom('assistance_match as m')
          .innerJoin('assistance_request_item as i', 'i.id', 'm.item_id')
          .select(['m.id', 'm.item_id', 'm.offer_id', 'i.request_id'])
          .where('m.id', 'in', matchIds)
          .execute()
      : [],
  ]);
  const owner = new Map<string, string>([...items, ...responses, ...matches].map((x) => [x.id, x.request_id]));
  const storedSteps = new Map(steps.map((s) => [s.id, s]));
  const storedMatches = new Map(matches.map((m) => [m.id, m]));
  // A pair (item, offer) stored under another id.
  const pairIds = ids((r) => r.matches.map((m) => m.itemId));
  const pairs = pairIds.length
    ? await db.selectFrom('assistance_match').select(['id', 'item_id', 'offer_id']).where('item_id', 'in', pairIds).execute()
    : [];
  for (const { index, record } of records) {
    const elsewhere = (field: string, id: string, noun: string) => {
      const other = owner.get(id);
      if (other && other !== record.id)
        problems.push({ index, field, problem: `is the id of a ${noun} of the request ${other}: it does not move to another request` });
    };
    record.items.forEach((i, k) => {
      elsewhere(`items[${k}].id`, i.id, 'item');
    });
    record.responses.forEach((x, k) => {
      elsewhere(`responses[${k}].id`, x.id, 'response');
    });
    record.matches.forEach((m, k) => {
      elsewhere(`matches[${k}].id`, m.id, 'match');
      const before = storedMatches.get(m.id);
      if (before && (before.item_id !== m.itemId || before.offer_id !== m.offerId))
        problems.push({ index, field: `matches[${k}]`, problem: 'names another item or offer than the stored match: record a new match' });
      const twin = pairs.find((p) => p.item_id === m.itemId && p.offer_id === m.offerId && p.id !== m.id);
      if (twin)
        problems.push({
          index,
          field: `matches[${k}].offerId`,
          problem: `the stored match ${twin.id} already matches this offer with this item`,
        });
    });
    record.steps.forEach((s, k) => {
      const before = storedSteps.get(s.id);
      if (!before) return;
      if (before.request_id !== record.id)
        problems.push({ index, field: `steps[${k}].id`, problem: `is the id of a step of the request ${before.request_id}` });
      else if (!sameJson(stepOf(before), s))
        problems.push({ index, field: `steps[${k}]`, problem: 'differs from the stored step: a step never changes once recorded' });
    });
  }
  return problems;
}

const requestColumns = (r: RequestRecord) => ({
  reference: r.reference,
  received_on: r.receivedOn,
  channel: r.channel,
  contact_name: r.contactName,
  contact_email: r.contactEmail,
  languages: r.languages,
  earlier_assistance: r.earlierAssistance,
  other_providers: r.otherProviders,
  consent_summary: r.consentSummary,
  summary: r.summary,
  invites_visit: r.invitesVisit,
  status: r.status,
  status_on: r.statusOn,
  objected_on: r.objectedOn,
  summary_posted_on: r.summaryPostedOn,
  follow_up_on: r.followUpOn,
  source: r.source,
  confidentiality: r.confidentiality,
});

const itemColumns = (i: RequestRecord['items'][number]) => ({
  position: i.position,
  description: i.description,
  paragraphs: i.paragraphs,
  weapons: i.weapons,
  areas: i.areas,
  kinds: i.kinds,
  matrix_fields: i.matrixFields,
  priority: i.priority,
  timeframe: i.timeframe,
  illustrative: i.illustrative,
});

const removedAt = (before: { removed_at: Date | null } | undefined, removed: boolean) =>
  archivedAt(before && { archived_at: before.removed_at }, removed);

/** The request as its history records it: the row with its items (the commands' shape). */
const auditedRequest = (row: RequestRow, items: ItemRow[]) => ({
  ...row,
  created_at: undefined,
  updated_at: undefined,
  items: items.map((i) => ({ ...i, created_at: undefined, updated_at: undefined })),
});

/** Writes one request and its children (inside the import's transaction). */
async function writeRequest(
  trx: Transaction<DB>,
  record: RequestRecord,
  before: { row: RequestRow; children: Children } | undefined,
): Promise<{ row: RequestRow; items: ItemRow[] }> {
  const row = before
    ? await trx
        .updateTable('assistance_request')
        .set({
          ...requestColumns(record),
          archived_at: archivedAt(before.row, record.archived),
          row_version: before.row.row_version + 1,
          updated_at: new Date(),
        })
        .where('id', '=', record.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await trx
        .insertInto('assistance_request')
        .values({
          id: record.id,
          state_iso3: record.state,
          ...requestColumns(record),
          archived_at: archivedAt(undefined, record.archived),
        } as never)
        .returningAll()
        .executeTakeFirstOrThrow();
  const stored = before?.children ?? { items: [], steps: [], circulation: [], responses: [], matches: [] };
  const items = new Map(stored.items.map((i) => [i.id, i]));
  for (const item of record.items) {
    const old = items.get(item.id);
    if (!old)
      await trx
        .insertInto('assistance_request_item')
        .values({ id: item.id, request_id: record.id, ...itemColumns(item), removed_at: removedAt(undefined, item.removed) } as never)
        .execute();
    else if (!sameJson(itemRecord(old), item))
      await trx
        .updateTable('assistance_request_item')
        .set({ ...itemColumns(item), removed_at: removedAt(old, item.removed), updated_at: new Date() })
        .where('id', '=', item.id)
        .execute();
  }
  const steps = new Set(stored.steps.map((s) => s.id));
  for (const s of record.steps)
    if (!steps.has(s.id))
      // A step keeps the time it was recorded, which orders the steps of one day.
      await trx
        .insertInto('assistance_step')
        .values({
          id: s.id,
          request_id: record.id,
          action: s.action,
          from_status: s.fromStatus,
          to_status: s.toStatus,
          taken_on: s.takenOn,
          note: s.note,
          actor_id: null,
          actor_label: s.actor,
          created_at: new Date(s.recordedAt),
        } as never)
        .execute();
  const circulated = new Map(stored.circulation.map((c) => [providerKey(c.provider_kind, c.provider_code.trim()), c]));
  for (const c of record.circulation) {
    const old = circulated.get(c.provider);
    const [kind, code] = c.provider.split(':') as ['state' | 'organization', string];
    if (!old)
      await trx
        .insertInto('assistance_circulation')
        .values({ request_id: record.id, provider_kind: kind, provider_code: code, circulated_on: c.circulatedOn })
        .execute();
    else if (old.circulated_on !== c.circulatedOn)
      await trx.updateTable('assistance_circulation').set({ circulated_on: c.circulatedOn }).where('id', '=', old.id).execute();
  }
  const responses = new Map(stored.responses.map((x) => [x.id, x]));
  for (const x of record.responses) {
    const old = responses.get(x.id);
    const [kind, code] = x.provider.split(':') as ['state' | 'organization', string];
    const columns = {
      provider_kind: kind,
      provider_code: code,
      responded_on: x.respondedOn,
      item_ids: x.itemIds,
      text: x.text,
      forwarded_on: x.forwardedOn,
      source: x.source,
    };
    if (!old)
      await trx
        .insertInto('assistance_response')
        .values({ id: x.id, request_id: record.id, ...columns, archived_at: archivedAt(undefined, x.archived) } as never)
        .execute();
    else if (!sameJson(responseRecord(old), x))
      await trx
        .updateTable('assistance_response')
        .set({ ...columns, archived_at: archivedAt(old, x.archived) })
        .where('id', '=', x.id)
        .execute();
  }
  const matches = new Map(stored.matches.map((m) => [m.id, m]));
  for (const m of record.matches) {
    const old = matches.get(m.id);
    const columns = {
      status: m.status,
      origin: m.origin,
      score: m.score,
      reasons: JSON.stringify(m.reasons),
      note: m.note,
      status_on: m.statusOn,
      provider_feedback: m.providerFeedback,
      state_feedback: m.stateFeedback,
    };
    if (!old)
      await trx
        .insertInto('assistance_match')
        .values({ id: m.id, item_id: m.itemId, offer_id: m.offerId, ...columns })
        .execute();
    else if (!sameJson(matchRecord(old), m))
      await trx
        .updateTable('assistance_match')
        .set({ ...columns, row_version: old.row_version + 1, updated_at: new Date() })
        .where('id', '=', m.id)
        .execute();
  }
  const after = await trx
    .selectFrom('assistance_request_item')
    .selectAll()
    .where('request_id', '=', record.id)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return { row, items: after };
}

export const assistanceRequestsSection: BundleSection<RequestRecord> = {
  name: 'assistance-requests',
  keyField: 'id',
  schema: requestRecordSchema,
  key: (r) => r.id,
  // Only the Committee side's keepers import requests: a bundle carries the procedure's steps, which
  // only they take. (A State's point of contact submits its requests through the form or the API.)
  resource: (r) => ({ type: 'assistance-request', confidentiality: r.confidentiality, stateIso3: null }),

  async export(db, viewer) {
    const seen = await visibleCodes(db, viewer);
    const rows = (await db.selectFrom('assistance_request').selectAll().where(requestVisible(viewer)).orderBy('id').execute()).filter((r) =>
      seen.states.has(r.state_iso3.trim()),
    );
    if (!rows.length) return [];
    const records = await requestRecordsOf(db, rows);
    return rows.map((r) => asSeenBy(viewer, seen, records.get(r.id)!));
  },

  async stored(db, keys) {
    const stored = await storedRequests(db, keys);
    return new Map([...stored].map(([id, s]) => [id, requestRecord(s.row, s.children)]));
  },

  references: (r) => [
    { field: 'state', section: 'member-states', key: r.state, noun: 'Member State' },
    ...r.circulation.map((c, i) => providerReference(`circulation[${i}].provider`, c.provider)),
    ...r.responses.map((x, i) => providerReference(`responses[${i}].provider`, x.provider)),
    ...r.matches.map((m, i) => ({ field: `matches[${i}].offerId`, section: 'assistance-offers', key: m.offerId, noun: 'offer' })),
  ],

  async check(db, records) {
    if (!records.length) return [];
    const today = todayIso();
    const stored = await storedRequests(
      db,
      records.map(({ record }) => record.id),
    );
    const fields = await templateFields(db);
    const problems: RecordProblem[] = await foreignChildren(db, records);
    for (const { index, record } of records) {
      const before = stored.get(record.id);
      if (before && before.row.state_iso3.trim() !== record.state)
        problems.push({
          index,
          field: 'state',
          problem: `is ${record.state}, and the stored request is ${before.row.state_iso3.trim()}’s: a request does not move to another State`,
        });
      if (!isChange(before && requestRecord(before.row, before.children), normalised(record))) continue;
      const circulated = (before?.children.circulation ?? []).map((c) => providerKey(c.provider_kind, c.provider_code.trim()));
      for (const p of requestProblems(record, today, fields, circulated)) problems.push({ index, ...p });
    }
    return problems;
  },

  async import(trx, actor: Actor, records, report) {
    const stored = await storedRequests(
      trx,
      records.map((r) => r.id),
    );
    for (const given of records) {
      const record = normalised(given);
      const before = stored.get(record.id);
      if (before && sameJson(requestRecord(before.row, before.children), record)) {
        report.add('unchanged');
        continue;
      }
      const after = await writeRequest(trx, record, before);
      await recordChange(trx, actor, {
        action: before ? 'import' : 'create',
        recordType: 'assistance-request',
        recordId: record.id,
        confidentiality: before ? stricter(before.row.confidentiality, after.row.confidentiality) : after.row.confidentiality,
        stateIso3: record.state,
        ...(before ? { before: auditedRequest(before.row, before.children.items) } : {}),
        after: auditedRequest(after.row, after.items),
      });
      report.add(before ? 'updated' : 'created');
    }
  },
};
