// The write core of a provider's response to a request: recorded by the provider itself, or by the
// Committee side from the letters received; a bundle keeps its id and origin.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../../platform/audit/record.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../../platform/errors.ts';
import { may, providerKeyOf, type Viewer } from '../../../platform/policy/policy.ts';
import { todayIso } from '../../../platform/values/dates.ts';
import { parseInput } from '../../../platform/values/input.ts';
import { circulationOf, itemsOf, parseProviderKey, providerKey, type ResponseRow } from '../queries.ts';
import type { AssistanceSource } from '../schema.ts';
import { beforeReceived, futureProblem, responseProblems } from './checks.ts';
import { auditRequest, bumpRequest, lockRequest } from './commands.ts';
import { type ResponseInput, responseInput } from './inputs.ts';

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
  trx: Transaction<DB>,
  actor: Actor,
  viewer: Viewer | null,
  requestId: string,
  raw: ResponseInput,
  today = todayIso(),
  source: AssistanceSource = 'entered',
  kept: { id?: string } = {},
): Promise<ResponseRow> {
  const input = parseInput(responseInput, raw);
  const request = await lockRequest(trx, requestId);
  const own = providerKeyOf(viewer);
  if (viewer && !may(viewer, 'manage-assistance') && !own)
    throw new AppError('forbidden', 'only a provider or the Committee side records responses');
  const problems: FieldProblem[] = [];
  if (own && input.provider && input.provider !== own)
    problems.push({ field: 'provider', problem: 'a provider records only its own responses' });
  const provider = parseProviderKey(own ?? input.provider ?? '');
  if (!provider) problems.push({ field: 'provider', problem: 'must be organization:CODE or state:ISO3' });
  problems.push(
    ...futureProblem('respondedOn', input.respondedOn, today),
    ...beforeReceived('respondedOn', input.respondedOn, request.received_on),
  );
  const key = provider ? providerKey(provider.kind, provider.code) : '';
  const items = new Set((await itemsOf(trx, [requestId])).map((i) => i.id));
  const circulated = (await circulationOf(trx, [requestId])).map((c) => providerKey(c.provider_kind, c.provider_code.trim()));
  const across = responseProblems({ provider: key, itemIds: input.itemIds }, items, circulated);
  problems.push(...across.filter((p) => p.field !== 'provider'));
  if (problems.length) throw invalid(problems);
  if (across.length) {
    // A provider the request was not circulated to does not learn that it exists.
    if (own) throw notFound('the request');
    throw invalid(across);
  }
  if (['withdrawn', 'closed'].includes(request.status))
    throw invalid([{ field: 'requestId', problem: `the request is ${request.status}` }]);
  const row = await trx
    .insertInto('assistance_response')
    .values({
      ...(kept.id ? { id: kept.id } : {}),
      request_id: requestId,
      provider_kind: provider!.kind,
      provider_code: provider!.code,
      responded_on: input.respondedOn,
      item_ids: [...new Set(input.itemIds)],
      text: input.text ?? '',
      source,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await bumpRequest(trx, request);
  await auditRequest(trx, actor, request, 'response', { after: { ...row, created_at: undefined } });
  return row;
}
