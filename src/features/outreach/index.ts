import type { Feature } from '../../platform/feature.ts';
import { cooperationSection, eventsSection } from './bundle.ts';
import { cooperationCommand, cooperationUsage, eventsCommand, eventsUsage } from './cli.ts';
import { seedDemoOutreach } from './demo.ts';
import { cooperationResource, eventResource } from './queries.ts';
import { registerOutreachApi } from './api.ts';
import { registerCooperationApi } from './cooperation-api.ts';
import { outreachWebRoutes } from './routes.tsx';
import { searchSources } from './search.ts';

export {
  asAtPeriod,
  byAudience,
  byGroup,
  definitions as outreachDefinitions,
  type EventFact,
  type Figure as OutreachFigure,
  outreachFigures,
  yearPeriod,
} from './figures.ts';

export { OutreachConcerning } from './concerning.tsx';
export { listEvents } from './queries.ts';

const recorded = ['expert', 'secretariat', 'admin'] as const;

/** Outreach events and the calendar (S/2018/1167 ¶37–43 and its annex); the Committee's cooperation with organizations (¶29–36). */
export const outreach: Feature = {
  name: 'outreach',
  tables: [
    { name: 'outreach_event', backup: { key: 'id', textKey: false, serial: false }, bundle: 'outreach-events' },
    { name: 'organization_cooperation', backup: { key: 'id', textKey: false, serial: false }, bundle: 'organization-cooperation' },
  ],
  records: {
    'outreach-event': {
      keepers: recorded,
      resources: async (db, ids) => {
        const rows = await db
          .selectFrom('outreach_event')
          .select(['id', 'status', 'confirmed', 'confidentiality', 'state_iso3'])
          .where('id', 'in', [...ids])
          .execute();
        return new Map(rows.map((r) => [r.id, eventResource(r)]));
      },
    },
    cooperation: {
      keepers: recorded,
      resources: async (db, ids) => {
        const rows = await db
          .selectFrom('organization_cooperation')
          .select(['id', 'confidentiality', 'state_iso3'])
          .where('id', 'in', [...ids])
          .execute();
        return new Map(rows.map((r) => [r.id, cooperationResource(r)]));
      },
    },
  },
  web: [{ path: '/', routes: outreachWebRoutes }],
  api: [registerOutreachApi, registerCooperationApi],
  nav: [{ path: '/events', label: 'outreach.nav', order: 75 }],
  bundle: [eventsSection, cooperationSection],
  search: searchSources,
  cli: [
    { name: 'events', usage: eventsUsage, run: eventsCommand },
    { name: 'cooperation', usage: cooperationUsage, run: cooperationCommand },
  ],
  seed: {
    demo: async (db) => {
      const o = await seedDemoOutreach(db);
      return `created ${o.events} outreach events and ${o.cooperation} cooperation records`;
    },
  },
};
