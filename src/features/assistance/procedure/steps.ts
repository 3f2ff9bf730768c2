// The write core of a step of the procedure: checked against the rules (status, dates, deadlines),
// it moves the request, records the step (which never changes), the circulation a 'circulate'
// names, the responses a 'forward' forwards, and the audit event, in one transaction.
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../../platform/audit/record.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { may, type Viewer } from '../../../platform/policy/policy.ts';
import { todayIso } from '../../../platform/values/dates.ts';
import { parseInput } from '../../../platform/values/input.ts';
import { day, note } from '../fields.ts';
import { circulationOf, parseProviderKey, providerKey, type RequestRow } from '../queries.ts';
import { requestState } from '../procedure/state.ts';
import { unknownProviders } from '../requests/checks.ts';
import { auditRequest, bumpRequest, conflict, lockRequest, type StepRecorded } from '../requests/commands.ts';
import { transition } from './procedure.ts';

/** A step as the forms, the API and the bundle give it; the procedure's rules check the action and the day. */
export const stepInput = z.object({
  action: z.string('must be an action of the procedure').max(40, 'must be an action of the procedure'),
  on: day,
  note,
  /** For 'circulate': provider keys ('organization:WCO', 'state:FRA'). */
  providers: z
    .array(z.string())
    .max(100, 'at most 100 providers')
    .superRefine((keys, ctx) => {
      const bad = keys.filter((k) => !parseProviderKey(k));
      if (bad.length)
        ctx.addIssue({
          code: 'custom',
          message: `not providers (organization:CODE or state:ISO3): ${bad.map((b) => String(b).slice(0, 40)).join(', ')}`,
        });
    })
    .optional(),
});

export interface StepInput extends z.input<typeof stepInput> {
  /** The request's row version as read: a step on an older version is refused. */
  expectedVersion: number;
}

/** Who may take a step: the Committee side's managers; the State itself withdraws, objects and lifts its objection. */
const stateActions = ['withdraw', 'object', 'lift-objection'];

/**
 * Takes one step of the procedure. Two people moving the same request: the second is told (row
 * version), nothing written.
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

/** `takeStep` inside the caller's transaction; a bundle gives the step as it was recorded. */
export async function takeStepIn(
  trx: Transaction<DB>,
  actor: Actor,
  viewer: Viewer | null,
  id: string,
  raw: StepInput,
  today = todayIso(),
  recorded?: StepRecorded,
): Promise<RequestRow> {
  const before = await lockRequest(trx, id);
  const own = viewer?.role === 'state-contact' && viewer.stateIso3 === before.state_iso3.trim();
  if (viewer && !may(viewer, 'manage-assistance') && !(own && stateActions.includes(raw.action)))
    throw new AppError('forbidden', 'you may not take steps of the procedure on this request');
  if (typeof raw.expectedVersion !== 'number' || before.row_version !== raw.expectedVersion)
    throw conflict('this request', before.row_version, raw.expectedVersion);
  const input = parseInput(stepInput, raw);
  const providers = [...new Set((input.providers ?? []).map((p) => parseProviderKey(p)!).map((p) => providerKey(p.kind, p.code)))];
  const result = transition(await requestState(trx, before), input.action, input.on, today, { providers: providers.length });
  if (!result.ok) throw invalid(result.problems);
  if (input.action === 'circulate') {
    const problems = await unknownProviders(trx, providers, 'providers');
    if (problems.length) throw invalid(problems);
  }
  const on = input.on;
  const row = await bumpRequest(trx, before, {
    status: result.to,
    status_on: on,
    ...(input.action === 'object' ? { objected_on: on } : {}),
    ...(input.action === 'lift-objection' ? { objected_on: null } : {}),
    ...(input.action === 'post-summary' ? { summary_posted_on: on } : {}),
    ...(input.action === 'follow-up' ? { follow_up_on: on } : {}),
  });
  if (input.action === 'circulate') {
    const already = new Set((await circulationOf(trx, [id])).map((c) => providerKey(c.provider_kind, c.provider_code.trim())));
    const fresh = providers.filter((p) => !already.has(p)).map((p) => parseProviderKey(p)!);
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
      ...(recorded ? { id: recorded.id, created_at: recorded.at } : {}),
      request_id: id,
      action: input.action,
      from_status: before.status,
      to_status: result.to,
      taken_on: on,
      note: input.note ?? '',
      actor_id: recorded ? null : actor.id,
      actor_label: recorded?.actorLabel ?? actor.label,
    } as never)
    .execute();
  await auditRequest(trx, actor, row, `step:${input.action}`, {
    before: { status: before.status, status_on: before.status_on },
    after: { status: row.status, status_on: row.status_on, note: input.note ?? '', providers },
  });
  return row;
}
