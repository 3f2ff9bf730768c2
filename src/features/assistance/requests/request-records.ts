// A request as the bundle carries it: its fields (the request's input), its items, the steps of its
// procedure, its circulation, the providers' responses and the matches of its items, keyed by id;
// and the rows it is read from.
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../platform/db/schema.ts';
import { recordId, recordSource } from '../../../platform/bundle/fields.ts';
import { isoDate } from '../../../platform/values/dates.ts';
import { presentItem } from '../api-schemas.ts';
import { choice, note, text } from '../fields.ts';
import { requestActions } from '../procedure/procedure.ts';
import { providerKey, type RequestRow } from '../queries.ts';
import { requestRecordsOf } from '../readers.ts';
import type { RequestRecords } from '../readers.ts';
import { matchStatuses, requestStatuses } from '../schema.ts';
import { itemInput, requestFields, requestFieldsOf } from './inputs.ts';

/** A provider as a record names it: a State's code, or an organization's. */
const providerKeyField = z.string().regex(/^(state:[A-Z]{3}|organization:[A-Z0-9-]{2,20})$/, 'must be organization:CODE or state:ISO3');
const instant = z.string().datetime({ offset: true, message: 'must be a date and time (ISO 8601)' });
const all = <T extends z.ZodType>(field: T, fallback: z.input<T>) => field.default(fallback as never);
const item = itemInput.shape;

const itemRecordSchema = z.strictObject({
  id: recordId,
  position: z
    .number('must be a whole number')
    .int('must be a whole number')
    .min(1, 'must be from 1 to 200')
    .max(200, 'must be from 1 to 200'),
  description: item.description,
  paragraphs: all(item.paragraphs, []),
  weapons: all(item.weapons, []),
  areas: item.areas,
  kinds: all(item.kinds, []),
  matrixFields: all(item.matrixFields, []),
  priority: all(item.priority, 'medium'),
  timeframe: all(item.timeframe, ''),
  illustrative: all(item.illustrative, false),
  removed: z.boolean().default(false),
});

const stepActions = ['receive', ...requestActions] as const;
const stepRecordSchema = z.strictObject({
  id: recordId,
  action: choice(stepActions),
  fromStatus: choice(requestStatuses),
  toStatus: choice(requestStatuses),
  takenOn: isoDate,
  note: all(note, ''),
  actor: z.string().max(200, 'is longer than 200 characters').default(''),
  /** When the step was recorded: it orders the steps of one day. */
  recordedAt: instant,
});

const responseRecordSchema = z.strictObject({
  id: recordId,
  provider: providerKeyField,
  respondedOn: isoDate,
  itemIds: z.array(recordId).min(1, 'name at least one item of the request').max(200, 'at most 200 items'),
  text: all(text(8000), ''),
  forwardedOn: isoDate.nullable().default(null),
  source: recordSource.default('entered'),
  archived: z.boolean().default(false),
});

const matchRecordSchema = z.strictObject({
  id: recordId,
  itemId: recordId,
  offerId: recordId,
  status: choice(matchStatuses),
  origin: choice(['engine', 'hand'] as const),
  score: z.number('must be a number').finite('must be a finite number').nullable().default(null),
  reasons: z.array(z.record(z.string(), z.unknown())).max(50, 'at most 50 reasons').default([]),
  note: all(note, ''),
  statusOn: isoDate,
  providerFeedback: all(text(8000), ''),
  stateFeedback: all(text(8000), ''),
});

const f = requestFields;
export const requestRecordSchema = z.strictObject({
  id: recordId,
  state: f.stateIso3,
  reference: all(f.reference, ''),
  receivedOn: f.receivedOn,
  channel: f.channel,
  contactName: all(f.contactName, ''),
  contactEmail: all(f.contactEmail, ''),
  languages: all(f.languages, []),
  earlierAssistance: all(f.earlierAssistance, ''),
  otherProviders: all(f.otherProviders, ''),
  consentSummary: all(f.consentSummary, false),
  summary: all(f.summary, ''),
  invitesVisit: all(f.invitesVisit, false),
  status: choice(requestStatuses),
  statusOn: isoDate,
  objectedOn: isoDate.nullable().default(null),
  summaryPostedOn: isoDate.nullable().default(null),
  followUpOn: isoDate.nullable().default(null),
  source: recordSource.default('entered'),
  confidentiality: choice(['committee', 'committee-and-state'] as const).default('committee-and-state'),
  archived: z.boolean().default(false),
  items: z.array(itemRecordSchema).min(1, 'a request names at least one need').max(200, 'at most 200 items'),
  steps: z.array(stepRecordSchema).max(500, 'at most 500 steps').default([]),
  circulation: z
    .array(z.strictObject({ provider: providerKeyField, circulatedOn: isoDate }))
    .max(300, 'at most 300 providers')
    .default([]),
  responses: z.array(responseRecordSchema).max(500, 'at most 500 responses').default([]),
  matches: z.array(matchRecordSchema).max(2000, 'at most 2000 matches').default([]),
});
export type RequestRecord = z.output<typeof requestRecordSchema>;
export type ItemRecord = RequestRecord['items'][number];
export type StepRecord = RequestRecord['steps'][number];
export type ResponseRecord = RequestRecord['responses'][number];
export type MatchRecord = RequestRecord['matches'][number];

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A record's lists in a stable order, so that equal records compare equal whatever order a bundle gives. */
export function normalised(r: RequestRecord): RequestRecord {
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

const itemRecord = (i: RequestRecords['items'][number]): ItemRecord => ({ ...presentItem(i), removed: i.removed_at !== null });

export const stepRecord = (s: RequestRecords['steps'][number]): StepRecord => ({
  id: s.id,
  action: s.action as StepRecord['action'],
  fromStatus: s.from_status as RequestRecord['status'],
  toStatus: s.to_status as RequestRecord['status'],
  takenOn: s.taken_on,
  note: s.note,
  actor: s.actor_label,
  recordedAt: s.created_at.toISOString(),
});

const responseRecord = (x: RequestRecords['responses'][number]): ResponseRecord => ({
  id: x.id,
  provider: providerKey(x.provider_kind, x.provider_code.trim()),
  respondedOn: x.responded_on,
  itemIds: [...new Set(x.item_ids)].sort(),
  text: x.text,
  forwardedOn: x.forwarded_on,
  source: x.source,
  archived: x.archived_at !== null,
});

const matchRecord = (m: RequestRecords['matches'][number]): MatchRecord => ({
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

/** A request's rows as its record. */
export function requestRecord(all: Omit<RequestRecords, 'request'> & { request: RequestRow }): RequestRecord {
  const r = all.request;
  const { stateIso3, reference, receivedOn, channel, ...fields } = requestFieldsOf(r);
  return normalised({
    id: r.id,
    state: stateIso3,
    reference,
    receivedOn,
    channel,
    ...fields,
    status: r.status,
    statusOn: r.status_on,
    objectedOn: r.objected_on,
    summaryPostedOn: r.summary_posted_on,
    followUpOn: r.follow_up_on,
    source: r.source,
    confidentiality: r.confidentiality,
    archived: r.archived_at !== null,
    items: all.items.map(itemRecord),
    steps: all.steps.map(stepRecord),
    circulation: all.circulation.map((x) => ({
      provider: providerKey(x.provider_kind, x.provider_code.trim()),
      circulatedOn: x.circulated_on,
    })),
    responses: all.responses.map(responseRecord),
    matches: all.matches.map(matchRecord),
  });
}

/** The stored requests with these ids, with all their records. */
export async function storedRequests(db: Kysely<DB> | Transaction<DB>, keys: readonly string[]): Promise<Map<string, RequestRecords>> {
  if (!keys.length) return new Map();
  const rows = await db
    .selectFrom('assistance_request')
    .selectAll()
    .where('id', 'in', [...keys])
    .execute();
  return requestRecordsOf(db, rows);
}
