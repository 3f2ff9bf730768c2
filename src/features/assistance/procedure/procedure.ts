import type { FieldProblem } from '../../../platform/errors.ts';
import { addWorkingDays, addYears } from './calendar.ts';
import type { MatchStatus, RequestStatus } from '../schema.ts';

/**
 * The Committee's procedure for a request, as pure rules: which action may be taken from which
 * status, what status it leads to, and which deadlines a request has passed. The seed (¶18–28)
 * describes it: a request is received, authenticated, acknowledged by the Chair's letter,
 * circulated to potential providers after five working days unless the State objects, its summary
 * posted if the State consented, providers' responses forwarded to the State, assistance under
 * way, delivered, closed; or withdrawn at any point before it is closed.
 */

export const requestActions = [
  'authenticate',
  'acknowledge',
  'object',
  'lift-objection',
  'circulate',
  'post-summary',
  'follow-up',
  'forward',
  'start',
  'deliver',
  'close',
  'withdraw',
] as const;
export type RequestAction = (typeof requestActions)[number];

/** Days the procedure counts, in working days of UN Headquarters. */
export const deadlines = {
  /** The Chair's acknowledgement is due this many working days after the request is received. */
  acknowledgeWithin: 10,
  /** Circulation to providers waits this many working days after the acknowledgement. */
  circulateAfter: 5,
  /** Without news this many years after circulation, the follow-up letter is due. */
  followUpAfterYears: 1,
} as const;

/** What the rules look at of a request. */
export interface RequestState {
  status: RequestStatus;
  statusOn: string;
  receivedOn: string;
  consentSummary: boolean;
  summary: string;
  objectedOn: string | null;
  summaryPostedOn: string | null;
  followUpOn: string | null;
  /** The date of the acknowledgement step, if any. */
  acknowledgedOn: string | null;
  /** The date the request was first circulated, if it was. */
  circulatedOn: string | null;
  /** The date of the latest step or response (the latest news). */
  lastNewsOn: string;
  /** Responses not yet forwarded to the State. */
  unforwardedResponses: number;
}

const open: readonly RequestStatus[] = ['received', 'authenticated', 'acknowledged', 'circulated', 'forwarded', 'under-way', 'delivered'];
const from: Record<RequestAction, readonly RequestStatus[]> = {
  authenticate: ['received'],
  acknowledge: ['authenticated'],
  object: ['received', 'authenticated', 'acknowledged'],
  'lift-objection': ['received', 'authenticated', 'acknowledged'],
  circulate: ['acknowledged', 'circulated', 'forwarded', 'under-way'],
  'post-summary': ['acknowledged', 'circulated', 'forwarded', 'under-way', 'delivered', 'closed'],
  'follow-up': ['circulated', 'forwarded', 'under-way'],
  forward: ['circulated', 'forwarded', 'under-way'],
  start: ['circulated', 'forwarded'],
  deliver: ['under-way'],
  close: ['delivered'],
  withdraw: open,
};

/** The actions the procedure allows from a status (before the checks that need dates and content). */
export function actionsFrom(status: RequestStatus): RequestAction[] {
  return requestActions.filter((a) => from[a].includes(status));
}

/** The earliest date a request may be circulated: five working days after its acknowledgement. */
export function earliestCirculation(acknowledgedOn: string): string {
  return addWorkingDays(acknowledgedOn, deadlines.circulateAfter);
}

/** The status an action leads to from the present one. */
function target(action: RequestAction, status: RequestStatus): RequestStatus {
  switch (action) {
    case 'authenticate':
      return 'authenticated';
    case 'acknowledge':
      return 'acknowledged';
    case 'circulate':
      return status === 'acknowledged' ? 'circulated' : status;
    case 'forward':
      return status === 'under-way' ? 'under-way' : 'forwarded';
    case 'start':
      return 'under-way';
    case 'deliver':
      return 'delivered';
    case 'close':
      return 'closed';
    case 'withdraw':
      return 'withdrawn';
    default:
      return status;
  }
}

/**
 * Whether `action` may be taken on `on` (an ISO date) and the status it leads to; otherwise the
 * problems, each naming the field ('action', 'on', 'providers', 'summary').
 */
export function transition(
  state: RequestState,
  action: string,
  on: string,
  today: string,
  extra: { providers?: number } = {},
): { ok: true; to: RequestStatus } | { ok: false; problems: FieldProblem[] } {
  if (!(requestActions as readonly string[]).includes(action))
    return {
      ok: false,
      problems: [{ field: 'action', problem: `"${action.slice(0, 40)}" is not an action of the procedure (${requestActions.join(', ')})` }],
    };
  const a = action as RequestAction;
  const problems: FieldProblem[] = [];
  if (!from[a].includes(state.status))
    problems.push({
      field: 'action',
      problem: `a request that is ${state.status} cannot be given "${a}"; allowed: ${actionsFrom(state.status).join(', ') || 'nothing (the procedure has ended)'}`,
    });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || Number.isNaN(Date.parse(`${on}T00:00:00Z`)))
    problems.push({ field: 'on', problem: 'must be a date (YYYY-MM-DD)' });
  else {
    if (on > today) problems.push({ field: 'on', problem: `${on} is in the future: a step is recorded once taken` });
    if (on < state.statusOn) problems.push({ field: 'on', problem: `${on} is before the last step (${state.statusOn})` });
  }
  if (problems.length) return { ok: false, problems };
  switch (a) {
    case 'object':
      if (state.objectedOn) problems.push({ field: 'action', problem: `the State already objected on ${state.objectedOn}` });
      break;
    case 'lift-objection':
      if (!state.objectedOn) problems.push({ field: 'action', problem: 'the State has not objected to circulation' });
      break;
    case 'circulate': {
      if (state.objectedOn) problems.push({ field: 'action', problem: `the State objected to circulation on ${state.objectedOn}` });
      if (state.status === 'acknowledged' && state.acknowledgedOn) {
        const earliest = earliestCirculation(state.acknowledgedOn);
        if (on < earliest)
          problems.push({
            field: 'on',
            problem: `circulation waits five working days after the acknowledgement (${state.acknowledgedOn}): not before ${earliest}`,
          });
      }
      if (!extra.providers) problems.push({ field: 'providers', problem: 'name at least one provider to circulate the request to' });
      break;
    }
    case 'post-summary':
      if (!state.consentSummary) problems.push({ field: 'action', problem: 'the State has not consented to a published summary' });
      else if (!state.summary.trim()) problems.push({ field: 'summary', problem: 'write the summary before posting it' });
      if (state.summaryPostedOn) problems.push({ field: 'action', problem: `the summary was posted on ${state.summaryPostedOn}` });
      break;
    case 'forward':
      if (!state.unforwardedResponses) problems.push({ field: 'action', problem: 'there is no provider response to forward' });
      break;
    case 'follow-up':
      if (state.followUpOn) problems.push({ field: 'action', problem: `the follow-up letter was sent on ${state.followUpOn}` });
      break;
    default:
      break;
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, to: target(a, state.status) };
}

export type Flag =
  | { code: 'acknowledgement-overdue'; dueOn: string }
  | { code: 'circulation-due'; dueOn: string }
  | { code: 'follow-up-due'; dueOn: string };

/** The deadlines a request has passed as at `today`: what the Committee side should act on. */
export function overdue(state: RequestState, today: string): Flag[] {
  const flags: Flag[] = [];
  if (state.status === 'received' || state.status === 'authenticated') {
    const dueOn = addWorkingDays(state.receivedOn, deadlines.acknowledgeWithin);
    if (today > dueOn) flags.push({ code: 'acknowledgement-overdue', dueOn });
  }
  if (state.status === 'acknowledged' && !state.objectedOn && state.acknowledgedOn) {
    const dueOn = earliestCirculation(state.acknowledgedOn);
    if (today >= dueOn) flags.push({ code: 'circulation-due', dueOn });
  }
  if ((state.status === 'circulated' || state.status === 'forwarded') && state.circulatedOn && !state.followUpOn) {
    // The later of the circulation and the last news (ISO dates sort as text).
    const since = [state.lastNewsOn, state.circulatedOn].sort().at(-1)!;
    const dueOn = addYears(since, deadlines.followUpAfterYears);
    if (today >= dueOn) flags.push({ code: 'follow-up-due', dueOn });
  }
  return flags;
}

/** The statuses a match may move to from each status. */
const matchMoves: Record<MatchStatus, readonly MatchStatus[]> = {
  suggested: ['proposed', 'set-aside', 'accepted'],
  'set-aside': ['suggested', 'proposed'],
  proposed: ['accepted', 'declined', 'set-aside'],
  accepted: ['under-way', 'declined'],
  'under-way': ['delivered', 'declined'],
  delivered: [],
  declined: ['proposed'],
};

export function matchMovesFrom(status: MatchStatus): readonly MatchStatus[] {
  return matchMoves[status];
}

export function canMoveMatch(fromStatus: MatchStatus, to: string): boolean {
  return (matchMoves[fromStatus] as readonly string[]).includes(to);
}
