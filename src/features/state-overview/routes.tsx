import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { pick } from '../../platform/i18n/locales.ts';
import { can } from '../../platform/policy/policy.ts';
import { loadState, StateDetail, stateResource } from '../member-states/index.ts';
import { listOrganizations } from '../organizations/index.ts';
import { StateMeetings } from './meetings-section.tsx';
import { StateOutreach } from './outreach-section.tsx';
import { StateOverviewSections } from './overview-page.tsx';
import { stateOverview } from './overview.ts';

/** The State page: the State's reference data and, below it, its records as far as the reader may see them. */
export function stateOverviewRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/:iso3', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const state = await loadState(c, c.req.param('iso3'));
    authorize(c, can(viewer, 'read', stateResource(state)), 'this State');
    if (state.iso3 !== c.req.param('iso3')) return c.redirect(`/${m.locale}/states/${state.iso3}`, 301);
    const db = c.get('app').database.db;
    const [organizations, overview] = await Promise.all([
      listOrganizations(db, { includeArchived: true }),
      stateOverview(db, viewer, state.iso3),
    ]);
    return render(
      c,
      { title: pick(state.names, m.locale) },
      <StateDetail
        m={m}
        state={state}
        organizations={organizations}
        csrfToken={c.get('csrfToken')}
        overview={
          <>
            <StateOverviewSections m={m} overview={overview} />
            <StateMeetings m={m} db={db} viewer={viewer} iso3={state.iso3} />
            <StateOutreach m={m} db={db} viewer={viewer} iso3={state.iso3} />
          </>
        }
        actions={{
          edit: can(viewer, 'update', stateResource(state)),
          archive: can(viewer, state.archived_at ? 'restore' : 'archive', stateResource(state)),
          history: can(viewer, 'read-history', stateResource(state)),
        }}
      />,
    );
  });

  return r;
}
