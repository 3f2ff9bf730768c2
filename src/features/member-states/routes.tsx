import { Hono } from 'hono';
import { AppError, invalid } from '../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { formBody, text, texts } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { type LocalizedText, locales, pick } from '../../platform/i18n/locales.ts';
import { can, visibilityScope } from '../../platform/policy/policy.ts';
import { recordHistory } from '../../platform/audit/history.ts';
import { actorOf } from '../../platform/audit/record.ts';
import { HistoryList } from '../../platform/ui/history.tsx';
import { listOrganizations } from '../organizations/index.ts';
import { type StateEdit, setStateArchived, updateState } from './commands.ts';
import { StateEditForm, type StateFormValues, StateList } from './pages.tsx';
import { findState, listStates, type StateRow, stateResource } from './queries.ts';

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

/** Years typed as "2004, 2005 2018": each must be a whole number. */
function parseYears(raw: string): number[] | null {
  const parts = raw.split(/[\s,;،，、；]+/).filter(Boolean);
  const years = parts.map(Number);
  return years.every((y) => Number.isInteger(y)) ? years : null;
}

export async function loadState(c: AppContextOf, iso3: string): Promise<StateRow> {
  const state = await findState(c.get('app').database.db, iso3);
  if (!state) throw new AppError('not-found', `no Member State has the code ${iso3}`);
  return state;
}

export function stateWebRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/', async (c) => {
    const m = c.get('m');
    const filters = { q: c.req.query('q'), group: c.req.query('group'), organization: c.req.query('organization') };
    const db = c.get('app').database.db;
    const [states, organizations] = await Promise.all([listStates(db, filters), listOrganizations(db, {})]);
    const visible = states.filter((s) => can(c.get('viewer'), 'read', stateResource(s)));
    return render(c, { title: m.t('states.title') }, <StateList m={m} states={visible} filters={filters} organizations={organizations} />);
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
    const years = parseYears(values.securityCouncilYears);
    try {
      if (!years) throw invalid([{ field: 'securityCouncilYears', problem: 'must be years separated by commas' }]);
      const edit: StateEdit = {
        names: values.names as LocalizedText,
        unMemberSince: values.unMemberSince,
        regionalGroup: values.regionalGroup,
        organizations: values.organizations,
        securityCouncilYears: years,
      };
      await updateState(c.get('app').database.db, actorOf(viewer), state.iso3, values.version, edit);
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
      await setStateArchived(c.get('app').database.db, actorOf(viewer), state.iso3, archived);
      return c.redirect(`/${c.get('m').locale}/states/${state.iso3}`, 303);
    });
  }

  return r;
}
