// One request's page for its reader (its records through the presenters of `readers.ts`), and the
// same page again after a refused form on it, with the request as it now is.
import type { Viewer } from '../../../platform/policy/policy.ts';
import { todayIso } from '../../../platform/values/dates.ts';
import { AppError } from '../../../platform/errors.ts';
import type { AppContextOf } from '../../../platform/http/env.ts';
import { render } from '../../../platform/http/render.tsx';
import { can, may, providerKeyOf } from '../../../platform/policy/policy.ts';
import { stateName } from '../labels.ts';
import { actionsFrom, overdue } from '../procedure/procedure.ts';
import { findRequest, listOffers, providerKey, type RequestRow } from '../queries.ts';
import { requestState } from '../procedure/state.ts';
import { requestAsSeen } from '../readers.ts';
import { namesFor, refusal } from '../route-support.ts';
import { RequestDetail, type Refusal, type StepValues } from './request-page.tsx';

export type Status = 200 | 409 | 422;

export async function loadRequest(c: AppContextOf): Promise<RequestRow> {
  const r = await findRequest(c.get('app').database.db, c.get('viewer'), c.req.param('id') ?? '');
  if (!r) throw new AppError('not-found', 'no request for assistance you may see has this id');
  return r;
}

export const stateOf = (r: RequestRow) => r.state_iso3.trim();
export const ownState = (viewer: Viewer | null, r: RequestRow) => viewer?.role === 'state-contact' && viewer.stateIso3 === stateOf(r);
export const requestResource = (r: RequestRow) => ({
  type: 'assistance-request' as const,
  confidentiality: r.confidentiality,
  stateIso3: stateOf(r),
});

/** The Committee side's managers change any request; the requesting State while it is only received. */
export const mayEdit = (viewer: Viewer | null, r: RequestRow) =>
  may(viewer, 'manage-assistance') || (ownState(viewer, r) && r.status === 'received');

export const stateSteps = ['withdraw', 'object', 'lift-objection'];

const noStep = (today: string): StepValues => ({ action: '', on: today, note: '', providers: [], providerStates: '' });

export async function detailPage(
  c: AppContextOf,
  r: RequestRow,
  refused: Refusal | null = null,
  status: Status = 200,
  stepValues?: StepValues,
) {
  const m = c.get('m');
  const viewer = c.get('viewer');
  const db = c.get('app').database.db;
  const today = todayIso();
  const [{ reader, seen }, names] = await Promise.all([requestAsSeen(db, viewer, r), namesFor(c)]);
  const { items, steps, circulation, responses, matches } = seen;
  const committee = reader.audience === 'committee';
  const manageable = may(viewer, 'manage-assistance');
  const circulated = circulation.map((x) => providerKey(x.provider_kind, x.provider_code.trim()));
  const ownKey = providerKeyOf(viewer);
  const open = !['withdrawn', 'closed'].includes(r.status);
  const own = ownState(viewer, r);
  const respond =
    open && ownKey && circulated.includes(ownKey)
      ? { providers: [ownKey], fixed: true }
      : open && manageable && circulated.length
        ? { providers: circulated, fixed: false }
        : null;
  return render(
    c,
    { title: m.t('assistance.detail.title', { state: stateName(names, r.state_iso3), date: m.date(r.received_on) }), status },
    <RequestDetail
      m={m}
      r={seen.request}
      names={names}
      items={items}
      steps={steps}
      flags={committee ? overdue(await requestState(db, r), today) : null}
      circulation={circulation}
      responses={responses}
      matches={matches}
      showContact={reader.audience !== 'provider'}
      manage={manageable ? { actions: actionsFrom(r.status), offers: await listOffers(db, viewer) } : null}
      stateActions={
        own
          ? actionsFrom(r.status).filter(
              (a) => a === 'withdraw' || (a === 'object' && !r.objected_on) || (a === 'lift-objection' && !!r.objected_on),
            )
          : []
      }
      respond={respond}
      edit={mayEdit(viewer, r)}
      history={can(viewer, 'read-history', requestResource(r))}
      today={today}
      refusal={refused}
      stepValues={stepValues ?? noStep(today)}
      csrfToken={c.get('csrfToken')}
    />,
  );
}

/** After a refused form: the page again, with the request as it now is. */
export async function refusedPage(c: AppContextOf, r: RequestRow, form: Refusal['form'], err: unknown, stepValues?: StepValues) {
  const { problems, status } = refusal(err);
  const fresh = (await findRequest(c.get('app').database.db, c.get('viewer'), r.id)) ?? r;
  return detailPage(c, fresh, { form, problems }, status, stepValues);
}
