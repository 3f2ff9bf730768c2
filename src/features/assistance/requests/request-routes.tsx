// `/{lang}/assistance/requests…`: the request form (new, edit), one request, and the forms on it:
// the procedure's next step, matches (suggest, add by hand, move), a provider's response, history.
import { todayIso } from '../../../platform/values/dates.ts';
import { Hono } from 'hono';
import { AppError, type FieldProblem, invalid, notFound } from '../../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../../platform/http/env.ts';
import { type FormBody, formBody, text, texts } from '../../../platform/http/forms.ts';
import { authorize } from '../../../platform/http/guard.ts';
import { render } from '../../../platform/http/render.tsx';
import { can, may, providerKeyOf, type Viewer, visibilityScope } from '../../../platform/policy/policy.ts';
import { HistoryList } from '../../../platform/ui/history.tsx';
import { recordHistory } from '../../../platform/audit/history.ts';
import { actorOf } from '../../../platform/audit/record.ts';
import { addMatch, createRequest, moveMatch, recordResponse, suggestMatches, takeStep, updateRequest } from './commands.ts';
import {
  emptyItem,
  emptyRequest,
  itemValuesFromInput,
  keptItems,
  padItems,
  RequestForm,
  type RequestFormValues,
  requestInputOf,
  requestValuesFrom,
  requestValuesOf,
  splitCodes,
} from './forms.tsx';
import { draftRequestFromGaps } from './gaps.ts';
import { type Names, stateName } from '../pages.tsx';
import { actionsFrom, overdue } from '../procedure/procedure.ts';
import { findRequest, itemsOf, listOffers, matchesOfItems, providerKey, type RequestRow, requestState } from '../queries.ts';
import { historySeenBy, requestAsSeen } from '../readers.ts';
import { RequestDetail, type Refusal, type StepValues } from './request-pages.tsx';
import { namesFor, refusal, versionOf } from '../route-support.ts';

type Status = 200 | 409 | 422;

async function loadRequest(c: AppContextOf): Promise<RequestRow> {
  const r = await findRequest(c.get('app').database.db, c.get('viewer'), c.req.param('id') ?? '');
  if (!r) throw new AppError('not-found', 'no request for assistance you may see has this id');
  return r;
}

const stateOf = (r: RequestRow) => r.state_iso3.trim();
const ownState = (viewer: Viewer | null, r: RequestRow) => viewer?.role === 'state-contact' && viewer.stateIso3 === stateOf(r);
const requestResource = (r: RequestRow) => ({
  type: 'assistance-request' as const,
  confidentiality: r.confidentiality,
  stateIso3: stateOf(r),
});

/** Who may open the request form: a point of contact for its own State, the keepers for any. */
export function mayCreateRequest(viewer: Viewer | null): boolean {
  if (viewer?.role === 'state-contact')
    return (
      !!viewer.stateIso3 &&
      can(viewer, 'create', { type: 'assistance-request', confidentiality: 'committee-and-state', stateIso3: viewer.stateIso3 })
    );
  return can(viewer, 'create', { type: 'assistance-request', confidentiality: 'committee-and-state', stateIso3: null });
}

/** The Committee side's managers change any request; the requesting State while it is only received. */
const mayEdit = (viewer: Viewer | null, r: RequestRow) =>
  may(viewer, 'manage-assistance') || (ownState(viewer, r) && r.status === 'received');

const stateSteps = ['withdraw', 'object', 'lift-objection'];

const noStep = (today: string): StepValues => ({ action: '', on: today, note: '', providers: [], providerStates: '' });

async function detailPage(c: AppContextOf, r: RequestRow, refused: Refusal | null = null, status: Status = 200, stepValues?: StepValues) {
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
async function refusedPage(c: AppContextOf, r: RequestRow, form: Refusal['form'], err: unknown, stepValues?: StepValues) {
  const { problems, status } = refusal(err);
  const fresh = (await findRequest(c.get('app').database.db, c.get('viewer'), r.id)) ?? r;
  return detailPage(c, fresh, { form, problems }, status, stepValues);
}

export function requestRoutes() {
  const r = new Hono<AppEnv>();

  const formPage = (
    c: AppContextOf,
    title: string,
    action: string,
    cancel: string,
    values: RequestFormValues,
    problems: FieldProblem[],
    names: Names,
    status: Status,
    submitLabel: string,
  ) => {
    const viewer = c.get('viewer');
    return render(
      c,
      { title, status },
      <RequestForm
        m={c.get('m')}
        action={action}
        cancel={cancel}
        values={values}
        problems={problems}
        names={names}
        fixedState={viewer?.role === 'state-contact' ? viewer.stateIso3 : null}
        submitLabel={submitLabel}
        csrfToken={c.get('csrfToken')}
      />,
    );
  };

  /** The form sent back: "Add another item" or a refusal; items as the command saw them. */
  const withAddedItem = (values: RequestFormValues) => ({ ...values, items: [...values.items, emptyItem()] });
  const afterRefusal = (values: RequestFormValues) => {
    const kept = keptItems(values);
    const removed = values.items.filter((i) => i.id && i.remove);
    return { ...values, items: padItems([...kept, ...removed]) };
  };

  r.get('/new', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    authorize(c, mayCreateRequest(viewer), 'the recording of requests for assistance');
    const poc = viewer?.role === 'state-contact';
    let values = emptyRequest({
      receivedOn: todayIso(),
      channel: poc ? 'online-form' : 'note-verbale',
      stateIso3: poc ? (viewer.stateIso3 ?? '') : '',
    });
    // A draft from the State's matrix gaps (gaps.ts), to edit before it is submitted.
    if (c.req.query('draft') === 'gaps') {
      const iso3 = poc ? (viewer.stateIso3 ?? '') : (c.req.query('state') ?? '');
      const draft = await draftRequestFromGaps(c.get('app').database.db, viewer, iso3, todayIso(), m.locale);
      values = { ...values, stateIso3: draft.stateIso3, channel: draft.channel, items: padItems(draft.items.map(itemValuesFromInput)) };
    }
    const base = `/${m.locale}/assistance`;
    return formPage(
      c,
      m.t('assistance.form.newTitle'),
      `${base}/requests/new`,
      base,
      values,
      [],
      await namesFor(c),
      200,
      m.t('assistance.form.submit'),
    );
  });

  r.post('/new', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    authorize(c, mayCreateRequest(viewer), 'the recording of requests for assistance');
    const body = await formBody(c);
    const values = requestValuesOf(body);
    if (viewer?.role === 'state-contact') values.stateIso3 = viewer.stateIso3 ?? '';
    const base = `/${m.locale}/assistance`;
    const page = async (v: RequestFormValues, problems: FieldProblem[], status: Status) =>
      formPage(
        c,
        m.t('assistance.form.newTitle'),
        `${base}/requests/new`,
        base,
        v,
        problems,
        await namesFor(c),
        status,
        m.t('assistance.form.submit'),
      );
    if (text(body, 'add') === 'item') return page(withAddedItem(values), [], 200);
    try {
      const row = await createRequest(c.get('app').database.db, actorOf(viewer), viewer, requestInputOf(values));
      return c.redirect(`${base}/requests/${row.id}`, 303);
    } catch (err) {
      const { problems, status } = refusal(err);
      return page(afterRefusal(values), problems, status);
    }
  });

  r.get('/:id', async (c) => detailPage(c, await loadRequest(c)));

  r.get('/:id/history', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const row = await loadRequest(c);
    authorize(c, can(viewer, 'read-history', requestResource(row)), 'the history of this request');
    const [events, { reader, seen }] = await Promise.all([
      recordHistory(db, visibilityScope(viewer), 'assistance-request', row.id),
      requestAsSeen(db, viewer, row),
    ]);
    const names = await namesFor(c);
    const title = m.t('assistance.detail.title', { state: stateName(names, row.state_iso3), date: m.date(row.received_on) });
    return render(
      c,
      { title: m.t('history.titleOf', { name: title }) },
      <HistoryList m={m} events={historySeenBy(reader, events, seen)} back={`/${m.locale}/assistance/requests/${row.id}`} />,
    );
  });

  const editPage = async (c: AppContextOf, row: RequestRow, values: RequestFormValues, problems: FieldProblem[], status: Status) => {
    const m = c.get('m');
    const names = await namesFor(c);
    const base = `/${m.locale}/assistance/requests/${row.id}`;
    const title = m.t('assistance.form.editTitle', { state: stateName(names, row.state_iso3), date: m.date(row.received_on) });
    return formPage(c, title, `${base}/edit`, base, values, problems, names, status, m.t('form.save'));
  };

  r.get('/:id/edit', async (c) => {
    const row = await loadRequest(c);
    authorize(c, mayEdit(c.get('viewer'), row), 'the editing of this request');
    const values = requestValuesFrom(row, await itemsOf(c.get('app').database.db, [row.id]));
    return editPage(c, row, { ...values, items: padItems(values.items) }, [], 200);
  });

  r.post('/:id/edit', async (c) => {
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const row = await loadRequest(c);
    authorize(c, mayEdit(viewer, row), 'the editing of this request');
    const body = await formBody(c);
    const values = requestValuesOf(body);
    if (ownState(viewer, row)) values.stateIso3 = stateOf(row);
    if (text(body, 'add') === 'item') return editPage(c, row, withAddedItem(values), [], 200);
    try {
      await updateRequest(db, actorOf(viewer), viewer as Viewer, row.id, versionOf(body), requestInputOf(values));
      return c.redirect(`/${c.get('m').locale}/assistance/requests/${row.id}`, 303);
    } catch (err) {
      const { problems, status } = refusal(err);
      const fresh = (await findRequest(db, viewer, row.id)) ?? row;
      // After a conflict the form carries the version now stored: sent again, it overwrites knowingly.
      return editPage(
        c,
        fresh,
        { ...afterRefusal(values), version: status === 409 ? String(fresh.row_version) : values.version },
        problems,
        status,
      );
    }
  });

  r.post('/:id/steps', async (c) => {
    const viewer = c.get('viewer');
    const row = await loadRequest(c);
    const body = await formBody(c);
    const action = text(body, 'action');
    const fromState = ownState(viewer, row) && stateSteps.includes(action);
    authorize(c, may(viewer, 'manage-assistance') || fromState, 'the steps of the procedure of this request');
    const values: StepValues = {
      action,
      on: text(body, 'on').trim(),
      note: text(body, 'note'),
      providers: texts(body, 'providers'),
      providerStates: text(body, 'providerStates'),
    };
    const providers = [...values.providers, ...splitCodes(values.providerStates).map((s) => `state:${s.toUpperCase()}`)];
    try {
      await takeStep(c.get('app').database.db, actorOf(viewer), viewer, row.id, {
        action,
        on: values.on,
        note: values.note,
        providers: action === 'circulate' ? providers : [],
        expectedVersion: versionOf(body),
      });
      return c.redirect(`/${c.get('m').locale}/assistance/requests/${row.id}#procedure`, 303);
    } catch (err) {
      return refusedPage(c, row, fromState && !may(viewer, 'manage-assistance') ? 'state-step' : 'step', err, values);
    }
  });

  r.post('/:id/suggest', async (c) => {
    const viewer = c.get('viewer');
    const row = await loadRequest(c);
    authorize(c, may(viewer, 'manage-assistance'), 'the matching of this request');
    try {
      await suggestMatches(c.get('app').database.db, actorOf(viewer), row.id);
    } catch (err) {
      return refusedPage(c, row, 'suggest', err);
    }
    return c.redirect(`/${c.get('m').locale}/assistance/requests/${row.id}#items-heading`, 303);
  });

  r.post('/:id/matches', async (c) => {
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const row = await loadRequest(c);
    authorize(c, may(viewer, 'manage-assistance'), 'the matching of this request');
    const body = await formBody(c);
    const itemId = text(body, 'itemId');
    try {
      const items = await itemsOf(db, [row.id]);
      if (!items.some((i) => i.id === itemId)) throw invalid([{ field: 'itemId', problem: 'is not an item of this request' }]);
      const match = await addMatch(db, actorOf(viewer), { itemId, offerId: text(body, 'offerId'), note: text(body, 'note') });
      return c.redirect(`/${c.get('m').locale}/assistance/requests/${row.id}#match-${match.id}`, 303);
    } catch (err) {
      return refusedPage(c, row, 'add-match', err);
    }
  });

  r.post('/:id/matches/:matchId', async (c) => {
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const row = await loadRequest(c);
    authorize(c, may(viewer, 'manage-assistance'), 'the matching of this request');
    const matchId = c.req.param('matchId');
    const items = await itemsOf(db, [row.id]);
    const matches = await matchesOfItems(
      db,
      items.map((i) => i.id),
    );
    if (!matches.some((x) => x.id === matchId)) throw notFound('the match');
    const body = await formBody(c);
    const optional = (b: FormBody, name: string) => (b[name] === undefined ? undefined : text(b, name));
    try {
      await moveMatch(db, actorOf(viewer), matchId, {
        to: text(body, 'to'),
        on: text(body, 'on').trim() || undefined,
        note: optional(body, 'note'),
        providerFeedback: optional(body, 'providerFeedback'),
        stateFeedback: optional(body, 'stateFeedback'),
        expectedVersion: versionOf(body),
      });
      return c.redirect(`/${c.get('m').locale}/assistance/requests/${row.id}#match-${matchId}`, 303);
    } catch (err) {
      return refusedPage(c, row, `match:${matchId}`, err);
    }
  });

  r.post('/:id/responses', async (c) => {
    const viewer = c.get('viewer');
    const row = await loadRequest(c);
    const own = providerKeyOf(viewer);
    authorize(c, !!own || may(viewer, 'manage-assistance'), 'the recording of responses');
    const body = await formBody(c);
    try {
      await recordResponse(c.get('app').database.db, actorOf(viewer), viewer, row.id, {
        provider: own ? undefined : text(body, 'provider'),
        respondedOn: text(body, 'respondedOn').trim(),
        itemIds: texts(body, 'itemIds'),
        text: text(body, 'text'),
      });
      return c.redirect(`/${c.get('m').locale}/assistance/requests/${row.id}#responses`, 303);
    } catch (err) {
      return refusedPage(c, row, 'response', err);
    }
  });

  return r;
}
