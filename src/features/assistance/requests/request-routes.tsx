// `/{lang}/assistance/requests…`: the request form (new, edit), one request, its history, and the
// forms on it (action-routes.tsx).
import { Hono } from 'hono';
import { recordHistory } from '../../../platform/audit/history.ts';
import { actorOf } from '../../../platform/audit/record.ts';
import type { FieldProblem } from '../../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../../platform/http/env.ts';
import { formBody, text } from '../../../platform/http/forms.ts';
import { authorize } from '../../../platform/http/guard.ts';
import { render } from '../../../platform/http/render.tsx';
import { can, type Viewer, visibilityScope } from '../../../platform/policy/policy.ts';
import { HistoryList } from '../../../platform/ui/history.tsx';
import { todayIso } from '../../../platform/values/dates.ts';
import { type Names, stateName } from '../labels.ts';
import { findRequest, itemsOf, type RequestRow } from '../queries.ts';
import { historySeenBy, requestAsSeen } from '../readers.ts';
import { namesFor, refusal, versionOf } from '../route-support.ts';
import { actionRoutes } from './action-routes.tsx';
import { createRequest, updateRequest } from './commands.ts';
import { detailPage, loadRequest, mayEdit, ownState, requestResource, type Status, stateOf } from './detail-page.tsx';
import { draftRequestFromGaps } from './gaps.ts';
import { RequestForm } from './request-form.tsx';
import {
  emptyItem,
  emptyRequest,
  itemValuesFromInput,
  keptItems,
  padItems,
  type RequestFormValues,
  requestInputOf,
  requestValuesFrom,
  requestValuesOf,
} from './request-values.ts';

/** Who may open the request form: a point of contact for its own State, the keepers for any. */
export function mayCreateRequest(viewer: Viewer | null): boolean {
  if (viewer?.role === 'state-contact')
    return (
      !!viewer.stateIso3 &&
      can(viewer, 'create', { type: 'assistance-request', confidentiality: 'committee-and-state', stateIso3: viewer.stateIso3 })
    );
  return can(viewer, 'create', { type: 'assistance-request', confidentiality: 'committee-and-state', stateIso3: null });
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

  actionRoutes(r);
  return r;
}
