// The forms on a request's page: the procedure's next step, the engine's suggestions, a match added
// by hand or moved, a provider's response. Each calls one write core; a refusal shows the page again.
import type { Hono } from 'hono';
import { actorOf } from '../../../platform/audit/record.ts';
import { invalid, notFound } from '../../../platform/errors.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { type FormBody, formBody, text, texts } from '../../../platform/http/forms.ts';
import { confirmFirst } from '../../../platform/ui/record-actions.tsx';
import { authorize } from '../../../platform/http/guard.ts';
import { may, providerKeyOf } from '../../../platform/policy/policy.ts';
import { addMatch, moveMatch, suggestMatches } from '../matching/commands.ts';
import { takeStep } from '../procedure/steps.ts';
import { itemsOf, matchesOfItems } from '../queries.ts';
import { stateName } from '../labels.ts';
import { namesFor, versionOf } from '../route-support.ts';
import { loadRequest, ownState, refusedPage, stateSteps } from './detail-page.tsx';
import type { StepValues } from './request-page.tsx';
import { splitCodes } from './request-values.ts';
import { recordResponse } from './responses.ts';

/** The routes of the forms on a request's page, added to the requests' router. */
export function actionRoutes(r: Hono<AppEnv>): void {
  r.post('/:id/steps', async (c) => {
    const viewer = c.get('viewer');
    const row = await loadRequest(c);
    const body = await formBody(c);
    const action = text(body, 'action');
    const fromState = ownState(viewer, row) && stateSteps.includes(action);
    authorize(c, may(viewer, 'manage-assistance') || fromState, 'the steps of the procedure of this request');
    // Withdrawing and closing end the procedure for good: a confirmation step first.
    if (action === 'withdraw' || action === 'close') {
      const m = c.get('m');
      const name = m.t('assistance.detail.title', { state: stateName(await namesFor(c), row.state_iso3), date: m.date(row.received_on) });
      const ask = await confirmFirst(c, body, {
        title: m.t(`confirm.request.${action}.title`, { name }),
        consequence: m.t(`confirm.request.${action}`),
        button: m.t(`assistance.action.${action}`),
        cancel: `/${m.locale}/assistance/requests/${row.id}#procedure`,
      });
      if (ask) return ask;
    }
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
}
