// Requests in the export/import bundle. The export holds what the viewer may see of each request
// through the presenters every door uses (`readers.ts`), naming no State or organization hidden from
// it; the import replays each new or changed request through the write cores (`request-replay.ts`),
// all or nothing, after the checks below (each record alone, and against the stored ones).
import type { Kysely, Transaction } from 'kysely';
import { sameJson } from '../../../platform/bundle/canonical.ts';
import { isChange, type VisibleCodes, visibleCodes } from '../../../platform/bundle/fields.ts';
import type { BundleSection, RecordProblem } from '../../../platform/bundle/section.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { type FieldProblem, invalid } from '../../../platform/errors.ts';
import type { Viewer } from '../../../platform/policy/policy.ts';
import { todayIso } from '../../../platform/values/dates.ts';
import { providerReference } from '../offers/offer-section.ts';
import { providerKey, type RequestRow, requestVisible } from '../queries.ts';
import { requestRecordsOf } from '../readers.ts';
import { readerOf, type RequestRecords, requestSeenBy } from '../readers.ts';
import { beforeReceived, futureProblem, responseProblems, templateFields, unknownMatrixFields } from './checks.ts';
import { normalised, type RequestRecord, requestRecord, requestRecordSchema, stepRecord, storedRequests } from './request-records.ts';
import { replayRequest } from './request-replay.ts';

type Db = Kysely<DB> | Transaction<DB>;

const providerVisible = (codes: VisibleCodes, key: string) => {
  const [kind, code] = key.split(':') as [string, string];
  return kind === 'state' ? codes.states.has(code) : codes.organizations.has(code);
};

/**
 * A request as the viewer may see it, naming no State or organization hidden from it. A provider's
 * bundle carries no step: a step is kept as recorded, and one without its note and actor would not
 * be the step.
 */
function asSeenBy(viewer: Viewer | null, codes: VisibleCodes, all: RequestRecords): RequestRecord {
  const reader = readerOf(viewer, all.request);
  const seen = requestSeenBy(reader, all);
  const named = (key: string) => providerVisible(codes, key);
  return requestRecord({
    ...seen,
    steps: reader.audience === 'provider' ? [] : seen.steps,
    circulation: seen.circulation.filter((c) => named(providerKey(c.provider_kind, c.provider_code.trim()))),
    responses: seen.responses.filter((x) => named(providerKey(x.provider_kind, x.provider_code.trim()))),
    matches: seen.matches.filter((x) => named(x.provider_key)),
  });
}

/** The rules between a record's own parts, for a new or changed record. */
function recordProblems(r: RequestRecord, today: string, fields: Set<string>, storedCirculation: string[]): FieldProblem[] {
  const problems: FieldProblem[] = [...futureProblem('receivedOn', r.receivedOn, today)];
  const dated = (field: string, on: string | null) => {
    if (on) problems.push(...beforeReceived(field, on, r.receivedOn), ...futureProblem(field, on, today));
  };
  dated('statusOn', r.statusOn);
  if (r.summaryPostedOn && !r.consentSummary)
    problems.push({ field: 'summaryPostedOn', problem: 'a summary is posted only with the State’s consent (consentSummary)' });
  const positions = new Map<number, number>();
  r.items.forEach((item, i) => {
    if (item.removed) return;
    const twin = positions.get(item.position);
    if (twin !== undefined) problems.push({ field: `items[${i}].position`, problem: `is also the position of items[${twin}]` });
    positions.set(item.position, i);
  });
  problems.push(...unknownMatrixFields(r.items, fields));
  for (const [i, s] of r.steps.entries()) dated(`steps[${i}].takenOn`, s.takenOn);
  for (const [i, c] of r.circulation.entries()) dated(`circulation[${i}].circulatedOn`, c.circulatedOn);
  const itemIds = new Set(r.items.map((i) => i.id));
  const circulated = [...storedCirculation, ...r.circulation.map((c) => c.provider)];
  r.responses.forEach((x, i) => {
    for (const p of responseProblems(x, itemIds, circulated)) problems.push({ ...p, field: `responses[${i}].${p.field}` });
    dated(`responses[${i}].respondedOn`, x.respondedOn);
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
    problems.push(...futureProblem(`matches[${i}].statusOn`, m.statusOn, today));
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
      else if (!sameJson(stepRecord(before), s))
        problems.push({ index, field: `steps[${k}]`, problem: 'differs from the stored step: a step never changes once recorded' });
    });
  }
  return problems;
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
    const codes = await visibleCodes(db, viewer);
    const rows: RequestRow[] = (
      await db.selectFrom('assistance_request').selectAll().where(requestVisible(viewer)).orderBy('id').execute()
    ).filter((r) => codes.states.has(r.state_iso3.trim()));
    if (!rows.length) return [];
    const records = await requestRecordsOf(db, rows);
    return rows.map((r) => asSeenBy(viewer, codes, records.get(r.id)!));
  },

  async stored(db, keys) {
    const stored = await storedRequests(db, keys);
    return new Map([...stored].map(([id, all]) => [id, requestRecord(all)]));
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
      if (before && before.request.state_iso3.trim() !== record.state)
        problems.push({
          index,
          field: 'state',
          problem: `is ${record.state}, and the stored request is ${before.request.state_iso3.trim()}’s: a request does not move to another State`,
        });
      if (!isChange(before && requestRecord(before), normalised(record))) continue;
      const circulated = (before?.circulation ?? []).map((c) => providerKey(c.provider_kind, c.provider_code.trim()));
      for (const p of recordProblems(record, today, fields, circulated)) problems.push({ index, ...p });
    }
    return problems;
  },

  async import(trx, actor, records, report) {
    const stored = await storedRequests(
      trx,
      records.map((r) => r.id),
    );
    const problems: FieldProblem[] = [];
    for (const [index, given] of records.entries()) {
      const record = normalised(given);
      const before = stored.get(record.id);
      const old = before && requestRecord(before);
      if (old && sameJson(old, record)) {
        report.add('unchanged');
        continue;
      }
      for (const p of await replayRequest(trx, actor, record, old))
        problems.push({ field: `sections.assistance-requests[${index}].${p.field}`, problem: p.problem });
      report.add(before ? 'updated' : 'created');
    }
    if (problems.length) throw invalid(problems);
  },
};
