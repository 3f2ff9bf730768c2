// What the API says of the clearinghouse's records: the schemas and the presenters. Rows are never
// serialised as they are: each presenter decides every field, and what depends on who reads.
import { z } from '@hono/zod-openapi';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { type Reason, reasonsText } from './matching/matching.ts';
import type { Flag } from './procedure/procedure.ts';
import type { CirculationRow, ItemRow, MatchView, OfferRow, RequestRow, ResponseRow, StepRow } from './queries.ts';
import type { PublicSummary } from './requests/summaries.ts';
import { providerKey } from './queries.ts';
import { offerInputOf } from './offers/inputs.ts';
import type { Audience } from './readers.ts';
import { assistanceSources, channels, matchStatuses, priorities, providerKinds, requestStatuses } from './schema.ts';

export const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });

const date = (description?: string) =>
  z.string().openapi({ format: 'date', example: '2018-06-11', ...(description ? { description } : {}) });
const version = z
  .number()
  .int()
  .openapi({ description: 'Send it back as `rowVersion` when changing the record: a change made on an older version is refused (409)' });

export { type Audience, audienceOf } from './readers.ts';

export const ItemSchema = z
  .object({
    id: z.string().uuid(),
    position: z.number().int(),
    description: z.string(),
    paragraphs: z.array(z.string()),
    weapons: z.array(z.string()),
    areas: z.array(z.string()),
    kinds: z.array(z.string()),
    matrixFields: z.array(z.string()),
    priority: z.enum(priorities),
    timeframe: z.string(),
    illustrative: z.boolean().openapi({ description: 'Details the seed does not give, filled in for the demonstration' }),
  })
  .openapi('AssistanceRequestItem');

export const presentItem = (i: ItemRow): z.infer<typeof ItemSchema> => ({
  id: i.id,
  position: i.position,
  description: i.description,
  paragraphs: i.paragraphs,
  weapons: i.weapons,
  areas: i.areas,
  kinds: i.kinds,
  matrixFields: i.matrix_fields,
  priority: i.priority,
  timeframe: i.timeframe,
  illustrative: i.illustrative,
});

const FlagSchema = z
  .object({
    code: z.enum(['acknowledgement-overdue', 'circulation-due', 'follow-up-due']),
    dueOn: date(),
    text: z.string(),
  })
  .openapi('AssistanceFlag', { description: 'A deadline of the procedure that has passed (the Committee side only)' });

export const presentFlag = (f: Flag, m: Messages): z.infer<typeof FlagSchema> => ({
  code: f.code,
  dueOn: f.dueOn,
  text: m.t(`assistance.flag.${f.code}`, { date: m.date(f.dueOn) }),
});

export const RequestSchema = z
  .object({
    id: z.string().uuid(),
    reference: z.string(),
    state: z.string().openapi({ example: 'MLI' }),
    receivedOn: date(),
    channel: z.enum(channels),
    contact: z
      .object({ name: z.string(), email: z.string() })
      .nullable()
      .openapi({ description: 'The point of contact for the request: only for the Committee side and the requesting State' }),
    languages: z.array(z.string()),
    earlierAssistance: z.string(),
    otherProviders: z.string(),
    consentSummary: z.boolean(),
    summary: z.string(),
    summaryPostedOn: z.string().nullable(),
    invitesVisit: z.boolean(),
    status: z.enum(requestStatuses),
    statusOn: date('The date of the last step'),
    objectedOn: z.string().nullable(),
    followUpOn: z.string().nullable(),
    source: z.enum(assistanceSources),
    confidentiality: z.enum(['committee', 'committee-and-state']),
    archived: z.boolean(),
    rowVersion: version,
    items: z.array(ItemSchema),
    flags: z.array(FlagSchema).optional().openapi({ description: 'The deadlines passed as at today: only for the Committee side' }),
  })
  .openapi('AssistanceRequest');

export function presentRequest(
  r: RequestRow,
  items: ItemRow[],
  audience: Audience,
  flags: Flag[] | null,
  m: Messages,
): z.infer<typeof RequestSchema> {
  return {
    id: r.id,
    reference: r.reference,
    state: r.state_iso3.trim(),
    receivedOn: r.received_on,
    channel: r.channel,
    contact: audience === 'provider' ? null : { name: r.contact_name, email: r.contact_email },
    languages: r.languages,
    earlierAssistance: r.earlier_assistance,
    otherProviders: r.other_providers,
    consentSummary: r.consent_summary,
    summary: r.summary,
    summaryPostedOn: r.summary_posted_on,
    invitesVisit: r.invites_visit,
    status: r.status,
    statusOn: r.status_on,
    objectedOn: r.objected_on,
    followUpOn: r.follow_up_on,
    source: r.source,
    confidentiality: r.confidentiality,
    archived: r.archived_at !== null,
    rowVersion: r.row_version,
    items: items.filter((i) => i.request_id === r.id).map(presentItem),
    ...(audience === 'committee' && flags ? { flags: flags.map((f) => presentFlag(f, m)) } : {}),
  };
}

const StepSchema = z
  .object({
    action: z.string(),
    from: z.string(),
    to: z.string(),
    on: date(),
    note: z.string(),
    actor: z.string().nullable().openapi({ description: 'Who took the step: not shown to providers' }),
  })
  .openapi('AssistanceStep');

export const presentStep = (s: StepRow, audience: Audience): z.infer<typeof StepSchema> => ({
  action: s.action,
  from: s.from_status,
  to: s.to_status,
  on: s.taken_on,
  note: audience === 'provider' ? '' : s.note,
  actor: audience === 'provider' ? null : s.actor_label,
});

const CirculationSchema = z
  .object({ provider: z.string().openapi({ example: 'organization:WCO' }), on: date() })
  .openapi('AssistanceCirculation');

export const presentCirculation = (c: CirculationRow): z.infer<typeof CirculationSchema> => ({
  provider: providerKey(c.provider_kind, c.provider_code.trim()),
  on: c.circulated_on,
});

export const ResponseSchema = z
  .object({
    id: z.string().uuid(),
    requestId: z.string().uuid(),
    provider: z.string().openapi({ example: 'organization:WCO' }),
    respondedOn: date(),
    itemIds: z.array(z.string().uuid()),
    text: z.string(),
    forwardedOn: z.string().nullable(),
    source: z.enum(assistanceSources),
  })
  .openapi('AssistanceResponse');

export const presentResponse = (x: ResponseRow): z.infer<typeof ResponseSchema> => ({
  id: x.id,
  requestId: x.request_id,
  provider: providerKey(x.provider_kind, x.provider_code.trim()),
  respondedOn: x.responded_on,
  itemIds: x.item_ids,
  text: x.text,
  forwardedOn: x.forwarded_on,
  source: x.source,
});

const ReasonSchema = z
  .object({ code: z.string(), points: z.number() })
  .passthrough()
  .openapi('MatchReason', { description: 'One reason of a score, as data: its code, its points, and the codes, count or date it names' });

const reasonsOf = (raw: unknown): Reason[] => (Array.isArray(raw) ? (raw as Reason[]) : []);

export const MatchSchema = z
  .object({
    id: z.string().uuid(),
    itemId: z.string().uuid(),
    offerId: z.string().uuid(),
    offerTitle: z.string(),
    provider: z.string(),
    status: z.enum(matchStatuses),
    origin: z.enum(['engine', 'hand']),
    score: z.number().nullable(),
    reasons: z.array(ReasonSchema),
    explanation: z.string().openapi({ description: 'The reasons in words, in the language of `lang`' }),
    note: z.string(),
    statusOn: date(),
    providerFeedback: z.string(),
    stateFeedback: z.string(),
    rowVersion: version,
  })
  .openapi('AssistanceMatch');

export function presentMatch(x: MatchView, m: Messages): z.infer<typeof MatchSchema> {
  const reasons = reasonsOf(x.reasons);
  return {
    id: x.id,
    itemId: x.item_id,
    offerId: x.offer_id,
    offerTitle: x.offer_title,
    provider: x.provider_key,
    status: x.status,
    origin: x.origin,
    score: x.score === null ? null : Number(x.score),
    reasons: reasons as z.infer<typeof ReasonSchema>[],
    explanation: reasonsText(reasons, m.locale, m),
    note: x.note,
    statusOn: x.status_on,
    providerFeedback: x.provider_feedback,
    stateFeedback: x.state_feedback,
    rowVersion: x.row_version,
  };
}

export const RankedOfferSchema = z
  .object({
    offerId: z.string().uuid(),
    offerTitle: z.string(),
    provider: z.string(),
    score: z.number(),
    reasons: z.array(ReasonSchema),
    explanation: z.string(),
  })
  .openapi('RankedOffer', { description: 'An offer as the engine ranks it for an item, computed now (not recorded)' });

export const RankedItemSchema = z
  .object({
    itemId: z.string().uuid(),
    requestId: z.string().uuid(),
    state: z.string(),
    description: z.string(),
    score: z.number(),
    reasons: z.array(ReasonSchema),
    explanation: z.string(),
  })
  .openapi('RankedItem', { description: 'A request item as the engine ranks it for an offer, computed now (not recorded)' });

export const rankedOf = (reasons: Reason[], m: Messages) => ({
  reasons: reasons as z.infer<typeof ReasonSchema>[],
  explanation: reasonsText(reasons, m.locale, m),
});

export const DetailSchema = RequestSchema.extend({
  steps: z.array(StepSchema),
  circulation: z.array(CirculationSchema),
  responses: z.array(ResponseSchema),
  matches: z.array(MatchSchema),
}).openapi('AssistanceRequestDetail');

export const OfferSchema = z
  .object({
    id: z.string().uuid(),
    provider: z.string().openapi({ example: 'organization:IAEA' }),
    providerKind: z.enum(providerKinds),
    title: z.string(),
    description: z.string(),
    paragraphs: z.array(z.string()),
    weapons: z.array(z.string()),
    areas: z.array(z.string()),
    kinds: z.array(z.string()),
    regions: z.array(z.string()),
    languages: z.array(z.string()),
    programmes: z.array(z.object({ name: z.string(), url: z.string() })),
    capacity: z.string(),
    periodFrom: z.string().nullable(),
    periodTo: z.string().nullable(),
    contact: z.object({ name: z.string(), email: z.string() }),
    source: z.enum(assistanceSources),
    confidentiality: z.enum(['public', 'committee']),
    archived: z.boolean(),
    rowVersion: version,
  })
  .openapi('AssistanceOffer');

export function presentOffer(o: OfferRow): z.infer<typeof OfferSchema> {
  const { provider, contactName, contactEmail, confidentiality, ...terms } = offerInputOf(o);
  return {
    id: o.id,
    provider,
    providerKind: o.provider_kind,
    ...terms,
    contact: { name: contactName, email: contactEmail },
    source: o.source,
    confidentiality,
    archived: o.archived_at !== null,
    rowVersion: o.row_version,
  };
}

export const SummarySchema = z
  .object({
    id: z.string().uuid(),
    state: z.string(),
    receivedOn: date(),
    summary: z.string(),
    postedOn: date(),
    status: z.enum(requestStatuses),
    areas: z.array(z.string()),
    weapons: z.array(z.string()),
    kinds: z.array(z.string()),
  })
  .openapi('AssistanceSummary', { description: 'The summary of a request that its State consented to publish' });

export const presentSummary = (s: PublicSummary): z.infer<typeof SummarySchema> => ({
  id: s.id,
  state: s.state_iso3,
  receivedOn: s.received_on,
  summary: s.summary,
  postedOn: s.summary_posted_on,
  status: s.status,
  areas: s.areas,
  weapons: s.weapons,
  kinds: s.kinds,
});
