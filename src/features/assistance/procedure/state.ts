// What the procedure's rules look at of a request: its steps' days and its responses not forwarded.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { RequestRow } from '../queries.ts';
import type { RequestState } from './procedure.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** What the procedure's rules need of a request: its steps' dates and its unforwarded responses. */
export async function requestState(db: Db, r: RequestRow): Promise<RequestState> {
  const [steps, responses] = await Promise.all([
    db
      .selectFrom('assistance_step')
      .select(['action', 'taken_on'])
      .where('request_id', '=', r.id)
      .orderBy('taken_on')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('assistance_response')
      .select(['responded_on', 'forwarded_on'])
      .where('request_id', '=', r.id)
      .where('archived_at', 'is', null)
      .execute(),
  ]);
  return stateOf(r, steps, responses);
}

export function stateOf(
  r: RequestRow,
  steps: { action: string; taken_on: string }[],
  responses: { responded_on: string; forwarded_on: string | null }[],
): RequestState {
  const last = (a: string) => steps.filter((s) => s.action === a).at(-1)?.taken_on ?? null;
  const news = [r.status_on, ...steps.map((s) => s.taken_on), ...responses.map((x) => x.responded_on)].sort();
  return {
    status: r.status,
    statusOn: r.status_on,
    receivedOn: r.received_on,
    consentSummary: r.consent_summary,
    summary: r.summary,
    objectedOn: r.objected_on,
    summaryPostedOn: r.summary_posted_on,
    followUpOn: r.follow_up_on,
    acknowledgedOn: last('acknowledge'),
    circulatedOn: steps.find((s) => s.action === 'circulate')?.taken_on ?? null,
    lastNewsOn: news.at(-1)!,
    unforwardedResponses: responses.filter((x) => !x.forwarded_on).length,
  };
}
