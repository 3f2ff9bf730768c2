import { Hono } from 'hono';
import { AppError } from '../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { formBody, text, texts } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { type LocalizedText, locales, pick } from '../../platform/i18n/locales.ts';
import { can, visibilityScope } from '../../platform/policy/policy.ts';
import { recordHistory } from '../../platform/audit/history.ts';
import { actorOf } from '../../platform/audit/record.ts';
import { HistoryList } from '../../platform/ui/history.tsx';
import { confirmFirst } from '../../platform/ui/record-actions.tsx';
import { listOrganizations, readableOrganizations } from '../organizations/index.ts';
import { setStateArchived, updateState } from './commands.ts';
import { parseYears } from './inputs.ts';
import { StateEditForm, type StateFormValues, StateList } from './pages.tsx';
import { findState, readableStates, type StateRow, stateAsSeen, stateResource } from './queries.ts';

function formValuesOf(s: StateRow): StateFormValues {
  return {
    names: { ...s.names },
    unMemberSince: s.un_member_since,
    regionalGroup: s.regional_group,
    organizations: s.organizations,
    securityCouncilYears: s.security_council_years.join(', '),
    version: s.version,
  };
}

/** A State as the viewer sees it, or not found (whether the viewer may see it is the route's to ask). */
export async function loadState(c: AppContextOf, iso3: string): Promise<StateRow> {
  const db = c.get('app').database.db;
  const state = await findState(db, iso3);
  if (!state) throw new AppError('not-found', `no Member State has the code ${iso3}`);
  return stateAsSeen(db, c.get('viewer'), state);
}

export function stateWebRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/', async (c) => {
    const m = c.get('m');
    const filters = { q: c.req.query('q'), group: c.req.query('group'), organization: c.req.query('organization') };
    const db = c.get('app').database.db;
    // The organizations the reader may see: its filter offers no other.
    const [states, organizations] = await Promise.all([
      readableStates(db, c.get('viewer'), filters),
      readableOrganizations(db, c.get('viewer'), {}),
    ]);
    return render(c, { title: m.t('states.title') }, <StateList m={m} states={states} filters={filters} organizations={organizations} />);
  });

  r.get('/:iso3/history', async (c) => {
    const m = c.get('m');
    const state = await loadState(c, c.req.param('iso3'));
    authorize(c, can(c.get('viewer'), 'read-history', stateResource(state)), 'the history of this State');
    const events = await recordHistory(c.get('app').database.db, visibilityScope(c.get('viewer')), 'member-state', state.iso3);
    return render(
      c,
      { title: m.t('history.titleOf', { name: pick(state.names, m.locale) }) },
      <HistoryList m={m} events={events} back={`/${m.locale}/states/${state.iso3}`} />,
    );
  });

  const editPage = async (
    c: AppContextOf,
    state: StateRow,
    values: StateFormValues,
    problems: { field: string; problem: string }[],
    status: 200 | 409 | 422,
  ) => {
    const m = c.get('m');
    const organizations = await listOrganizations(c.get('app').database.db, {});
    return render(
      c,
      { title: m.t('states.editTitle', { name: pick(state.names, m.locale) }), status },
      <StateEditForm
        m={m}
        state={state}
        values={values}
        organizations={organizations}
        problems={problems}
        csrfToken={c.get('csrfToken')}
      />,
    );
  };

  r.get('/:iso3/edit', async (c) => {
    const state = await loadState(c, c.req.param('iso3'));
    authorize(c, can(c.get('viewer'), 'update', stateResource(state)), 'the editing of this State');
    return editPage(c, state, formValuesOf(state), [], 200);
  });

  r.post('/:iso3/edit', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const state = await loadState(c, c.req.param('iso3'));
    authorize(c, can(viewer, 'update', stateResource(state)), 'the editing of this State');
    const body = await formBody(c);
    const values: StateFormValues = {
      names: Object.fromEntries(locales.map((l) => [l, text(body, `names.${l}`)])),
      unMemberSince: text(body, 'unMemberSince'),
      regionalGroup: text(body, 'regionalGroup'),
      organizations: texts(body, 'organizations'),
      securityCouncilYears: text(body, 'securityCouncilYears'),
      version: Number(text(body, 'version')),
    };
    try {
      await updateState(c.get('app').database.db, actorOf(viewer), state.iso3, values.version, {
        names: values.names as LocalizedText,
        unMemberSince: values.unMemberSince,
        regionalGroup: values.regionalGroup,
        organizations: values.organizations,
        securityCouncilYears: parseYears(values.securityCouncilYears),
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return editPage(c, state, values, err.fields, 422);
      if (err instanceof AppError && err.code === 'conflict') {
        const fresh = await loadState(c, state.iso3);
        return editPage(c, fresh, { ...values, version: fresh.version }, [{ field: 'version', problem: err.message }], 409);
      }
      throw err;
    }
    return c.redirect(`/${m.locale}/states/${state.iso3}`, 303);
  });

  for (const archived of [true, false]) {
    r.post(`/:iso3/${archived ? 'archive' : 'restore'}`, async (c) => {
      const viewer = c.get('viewer');
      const state = await loadState(c, c.req.param('iso3'));
      authorize(c, can(viewer, archived ? 'archive' : 'restore', stateResource(state)), 'this change');
      const m = c.get('m');
      if (archived) {
        const ask = await confirmFirst(c, await formBody(c), {
          title: m.t('confirm.archive.title', { name: pick(state.names, m.locale) }),
          consequence: m.t('confirm.archive'),
          button: m.t('record.archive'),
          cancel: `/${m.locale}/states/${state.iso3}`,
        });
        if (ask) return ask;
      }
      await setStateArchived(c.get('app').database.db, actorOf(viewer), state.iso3, archived);
      return c.redirect(`/${c.get('m').locale}/states/${state.iso3}`, 303);
    });
  }

  return r;
}
