import type { Feature } from '../../platform/feature.ts';
import { registerSiteVisitApi } from './api.ts';
import { counterOf } from './counter.ts';
import { seedVisitHistory } from './demo.ts';
import { countVisits } from './middleware.ts';
import { siteVisitWebRoutes } from './routes.tsx';

export type { SiteVisitCountTable } from './schema.ts';
export { percentChange, periodYearBefore, visitFigures } from './figures.ts';
export { type VisitReport, visitDefinitions, visitReport } from './report.ts';

/** Writes the counts an application's counter holds now (tests; the shutdown does it too). */
export function flushSiteVisits(app: Parameters<typeof counterOf>[0]): Promise<void> {
  return counterOf(app).flush();
}

const ephemeral = 'the day’s salt and its visitors’ salted hashes are deleted once the day is over: never carried';

/**
 * Visits to the public pages (¶45 of the 2018 review), counted by the site itself without cookies,
 * third-party scripts or stored addresses; the figures of any period for the Committee side (page,
 * CSV, `/api/v1/site-visits`) and for the annual review (`visitReport`).
 */
export const siteVisits: Feature = {
  name: 'site-visits',
  tables: [
    {
      name: 'site_visit_count',
      backup: { key: 'id', textKey: false, serial: true },
      bundle: {
        excluded:
          'the counts describe the traffic of this installation’s own website, not the Committee’s records: an installation that imports a bundle counts its own visitors',
      },
    },
    { name: 'site_visit_salt', backup: { excluded: ephemeral }, bundle: { excluded: ephemeral } },
    { name: 'site_visitor', backup: { excluded: ephemeral }, bundle: { excluded: ephemeral } },
  ],
  abilities: { 'read-site-visits': ['expert', 'committee', 'secretariat', 'admin'] },
  web: [{ path: '/site-visits', routes: siteVisitWebRoutes }],
  api: [registerSiteVisitApi],
  nav: [{ path: '/site-visits', label: 'siteVisits.nav', needs: 'read-site-visits', order: 145 }],
  middleware: countVisits,
  shutdown: (app) => counterOf(app).stop(),
  seed: { demo: async (db, options) => seedVisitHistory(db, options.today) },
};
