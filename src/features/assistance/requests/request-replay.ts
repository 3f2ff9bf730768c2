// A request from a bundle, recorded as the forms and the API would record it: the request and its
// items through the request's write core, each new step and response in the order of their days
// through the procedure's and the responses', each match added and moved through the matching's.
// The commands hold it to their rules; what they do not make of it (a status its steps do not
// lead to, a response changed after it was recorded) is a problem naming the field. Nothing is
// deleted: what the bundle leaves out of a stored request stays.
import type { Transaction } from 'kysely';
import type { Actor } from '../../../platform/audit/record.ts';
import { sameJson } from '../../../platform/bundle/canonical.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { FieldProblem } from '../../../platform/errors.ts';
import { todayIso } from '../../../platform/values/dates.ts';
import { addMatchIn, moveMatchIn } from '../matching/commands.ts';
import { problemsAt } from '../offers/offer-section.ts';
import { matchMovesFrom } from '../procedure/procedure.ts';
import { takeStepIn } from '../procedure/steps.ts';
import type { MatchStatus } from '../schema.ts';
import { insertRequest, lockRequest, setRequestArchived, updateRequestIn } from './commands.ts';
import { type ItemInput, type RequestInput, requestFields } from './inputs.ts';
import { type ItemRecord, normalised, type RequestRecord, requestRecord, storedRequests } from './request-records.ts';
import { recordResponseIn } from './responses.ts';

type Trx = Transaction<DB>;

/** The statuses a match passes through from one to another, by the fewest moves. */
export function matchPath(from: MatchStatus, to: MatchStatus): MatchStatus[] | null {
  const came = new Map<MatchStatus, MatchStatus | null>([[from, null]]);
  const queue: MatchStatus[] = [from];
  while (queue.length) {
    const at = queue.shift()!;
    if (at === to) break;
    for (const next of matchMovesFrom(at))
      if (!came.has(next)) {
        came.set(next, at);
        queue.push(next);
      }
  }
  if (!came.has(to)) return null;
  const path: MatchStatus[] = [];
  for (let at: MatchStatus | null = to; at !== null && at !== from; at = came.get(at) ?? null) path.unshift(at);
  return path;
}

/** An item of the record as the request's input gives it: its id, without its place and removal. */
const itemInputOf = ({ position: _position, removed: _removed, ...item }: ItemRecord): ItemInput => item;

/** The record's request fields as its input names them (the State is `state` in a record). */
const requestInputOf = (r: RequestRecord, items: ItemRecord[]): RequestInput => ({
  ...(Object.fromEntries(Object.keys(requestFields).map((k) => [k, r[k as keyof RequestRecord]])) as Omit<RequestInput, 'items'>),
  stateIso3: r.state,
  items: items.map(itemInputOf),
});

/** Where a write core's field lies in the record: `on` of a step is its `takenOn`. */
const under =
  (prefix: string, names: Record<string, string> = {}) =>
  (field: string) =>
    names[field] !== undefined ? names[field]! : `${prefix}.${field}`;

const itemsAt = (given: RequestRecord, order: ItemRecord[]) => (field: string) => {
  const m = /^items\[(\d+)\](.*)$/.exec(field);
  if (!m) return field === 'stateIso3' ? 'state' : field;
  return `items[${given.items.indexOf(order[Number(m[1])]!)}]${m[2]}`;
};

/** Runs one write core; its refusal becomes problems named in the record. */
async function attempt(problems: FieldProblem[], at: (field: string) => string, write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (err) {
    problems.push(...problemsAt(err, at));
    return false;
  }
}

/** The request's fields and items: recorded, or changed where they differ. */
async function replayContent(trx: Trx, actor: Actor, r: RequestRecord, before: RequestRecord | undefined, problems: FieldProblem[]) {
  const today = todayIso();
  const byPosition = (a: ItemRecord, b: ItemRecord) => a.position - b.position || (a.id < b.id ? -1 : 1);
  if (!before) {
    const all = [...r.items].sort(byPosition);
    const received = r.steps.find((s) => s.action === 'receive');
    const ok = await attempt(problems, itemsAt(r, all), () =>
      insertRequest(trx, actor, null, requestInputOf(r, all), today, {
        id: r.id,
        items: all.map((i) => ({ id: i.id, position: i.position })),
        source: r.source,
        confidentiality: r.confidentiality,
        ...(received ? { received: { id: received.id, at: new Date(received.recordedAt), actorLabel: received.actor } } : {}),
      }),
    );
    if (!ok || all.every((i) => !i.removed)) return ok;
    const current = all.filter((i) => !i.removed);
    return attempt(problems, itemsAt(r, current), () =>
      updateRequestIn(trx, actor, null, r.id, undefined, requestInputOf(r, current), today, {
        items: current.map((i) => ({ id: i.id, position: i.position })),
      }),
    );
  }
  // The fields the request's write core changes; the procedure's own (status and its days) follow the steps.
  const content = (x: RequestRecord) => ({ ...requestInputOf(x, []), confidentiality: x.confidentiality });
  const given = new Map(r.items.map((i) => [i.id, i]));
  for (const [k, item] of r.items.entries()) {
    const old = before.items.find((i) => i.id === item.id);
    if (old?.removed && !item.removed) problems.push({ field: `items[${k}].removed`, problem: 'a removed item is not brought back' });
  }
  // The stored items the bundle leaves out stay as they are.
  const kept = [...before.items.filter((i) => !given.has(i.id)), ...r.items].filter((i) => !i.removed).sort(byPosition);
  const changed =
    !sameJson(content(r), content(before)) ||
    !sameJson(
      kept,
      before.items.filter((i) => !i.removed),
    );
  if (!changed) return true;
  return attempt(problems, itemsAt(r, kept), () =>
    updateRequestIn(trx, actor, null, r.id, undefined, requestInputOf(r, kept), today, {
      items: kept.map((i) => ({ id: i.id, position: i.position })),
      confidentiality: r.confidentiality,
    }),
  );
}

/** The new steps and responses, by their days: a response the day of a 'forward' that forwards it comes before the step. */
async function replayProcedure(trx: Trx, actor: Actor, r: RequestRecord, before: RequestRecord | undefined, problems: FieldProblem[]) {
  const today = todayIso();
  const stepsDone = new Set([...(before?.steps ?? []).map((s) => s.id), ...r.steps.filter((s) => s.action === 'receive').map((s) => s.id)]);
  const responsesDone = new Set((before?.responses ?? []).map((x) => x.id));
  const sorted = normalised(r);
  const steps = sorted.steps.filter((s) => !stepsDone.has(s.id));
  const responses = sorted.responses.filter((x) => !responsesDone.has(x.id));
  const circulated = new Set((before?.circulation ?? []).map((c) => c.provider));
  const version = async () => (await lockRequest(trx, r.id)).row_version;
  const respond = async (x: (typeof responses)[number]) => {
    const k = r.responses.findIndex((y) => y.id === x.id);
    if (x.archived) {
      problems.push({ field: `responses[${k}].archived`, problem: 'a response is recorded, not archived, through a bundle' });
      return;
    }
    await attempt(problems, under(`responses[${k}]`, { requestId: `responses[${k}]` }), () =>
      recordResponseIn(
        trx,
        actor,
        null,
        r.id,
        { provider: x.provider, respondedOn: x.respondedOn, itemIds: x.itemIds, text: x.text },
        today,
        x.source,
        {
          id: x.id,
        },
      ),
    );
  };
  for (const s of steps) {
    const forwarded = (x: (typeof responses)[number]) =>
      s.action === 'forward' && x.respondedOn === s.takenOn && x.forwardedOn === s.takenOn;
    while (responses.length && (responses[0]!.respondedOn < s.takenOn || forwarded(responses[0]!))) await respond(responses.shift()!);
    const k = r.steps.findIndex((y) => y.id === s.id);
    const providers =
      s.action === 'circulate'
        ? r.circulation.filter((c) => c.circulatedOn === s.takenOn && !circulated.has(c.provider)).map((c) => c.provider)
        : [];
    for (const p of providers) circulated.add(p);
    const ok = await attempt(
      problems,
      under(`steps[${k}]`, { on: `steps[${k}].takenOn`, providers: 'circulation', summary: 'summary' }),
      async () =>
        takeStepIn(
          trx,
          actor,
          null,
          r.id,
          { action: s.action, on: s.takenOn, note: s.note, providers, expectedVersion: await version() },
          today,
          {
            id: s.id,
            at: new Date(s.recordedAt),
            actorLabel: s.actor,
          },
        ),
    );
    if (!ok) return;
  }
  for (const x of responses) await respond(x);
}

/** Each new match added and moved to its status, each stored one moved on; the last move carries the notes. */
async function replayMatches(trx: Trx, actor: Actor, r: RequestRecord, before: RequestRecord | undefined, problems: FieldProblem[]) {
  const today = todayIso();
  for (const [k, m] of r.matches.entries()) {
    const old = before?.matches.find((x) => x.id === m.id);
    if (old && sameJson(old, m)) continue;
    const at = under(`matches[${k}]`, { to: `matches[${k}].status`, on: `matches[${k}].statusOn` });
    let status: MatchStatus = 'suggested';
    let version = 1;
    if (old) {
      status = old.status;
      const row = await trx.selectFrom('assistance_match').select('row_version').where('id', '=', m.id).executeTakeFirstOrThrow();
      version = row.row_version;
    } else {
      const added = await attempt(problems, at, () =>
        addMatchIn(trx, actor, { itemId: m.itemId, offerId: m.offerId, note: m.note }, today, {
          id: m.id,
          origin: m.origin,
          score: m.score,
          reasons: m.reasons,
          statusOn: m.statusOn,
        }),
      );
      if (!added) continue;
    }
    const path = matchPath(status, m.status);
    if (!path) {
      problems.push({ field: `matches[${k}].status`, problem: `a ${status} match does not become ${m.status}` });
      continue;
    }
    for (const [n, to] of path.entries()) {
      const last = n === path.length - 1;
      const moved = await attempt(problems, at, () =>
        moveMatchIn(
          trx,
          actor,
          m.id,
          {
            to,
            on: m.statusOn,
            expectedVersion: version,
            ...(last ? { note: m.note, providerFeedback: m.providerFeedback, stateFeedback: m.stateFeedback } : {}),
          },
          today,
        ),
      );
      if (!moved) break;
      version++;
    }
  }
}

/** What the commands did not make of the record: each field or entry named, with what they made. */
function differences(given: RequestRecord, made: RequestRecord): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const lists = ['items', 'steps', 'circulation', 'responses', 'matches'] as const;
  for (const key of Object.keys(given) as (keyof RequestRecord)[]) {
    if ((lists as readonly string[]).includes(key)) continue;
    if (!sameJson(given[key], made[key]))
      problems.push({
        field: key,
        problem: `is ${JSON.stringify(given[key])}, and the steps and changes recorded make it ${JSON.stringify(made[key])}`,
      });
  }
  for (const key of lists) {
    const madeList = made[key] as { id?: string; provider?: string }[];
    (given[key] as { id?: string; provider?: string }[]).forEach((entry, k) => {
      const twin = madeList.find((x) => (entry.id ? x.id === entry.id : x.provider === entry.provider));
      if (!twin || !sameJson(twin, entry))
        problems.push({
          field: `${key}[${k}]`,
          problem: twin
            ? `differs from what its commands record (${JSON.stringify(twin).slice(0, 300)}): it changes only as the forms and the API change it`
            : 'is not what its steps record',
        });
    });
  }
  return problems;
}

/**
 * Records a new or changed request from a bundle through the write cores (the import's
 * transaction, as the system: the bundle's permissions were checked for the whole section).
 * Returns the problems, each naming its field in the record as given.
 */
export async function replayRequest(
  trx: Trx,
  actor: Actor,
  given: RequestRecord,
  before: RequestRecord | undefined,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (!(await replayContent(trx, actor, given, before, problems))) return problems;
  await replayProcedure(trx, actor, given, before, problems);
  await replayMatches(trx, actor, given, before, problems);
  const stored = (await storedRequests(trx, [given.id])).get(given.id)!;
  if (given.archived !== (stored.request.archived_at !== null))
    await attempt(
      problems,
      (field) => field,
      () => setRequestArchived(trx, actor, null, given.id, given.archived),
    );
  if (problems.length) return problems;
  return differences(given, requestRecord((await storedRequests(trx, [given.id])).get(given.id)!));
}
