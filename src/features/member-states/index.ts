import type { Feature } from '../../platform/feature.ts';
import { registerStateApi } from './api.ts';
import { memberStatesSection } from './bundle.ts';
import { seedStates } from './commands.ts';
import { countStates } from './queries.ts';
import { stateWebRoutes } from './routes.tsx';
import { searchSources } from './search.ts';

export { groupData, groupName } from './labels.ts';
export { isMemberOn, memberOnSql, type Membership, membersAsAt, memberStatesAsAt, memberships } from './membership.ts';
export { regionalGroups } from './reference.ts';

export { StateDetail } from './pages.tsx';
export { findState, listStates, readableStates, type StateRow, stateNames, stateResource, stateVisibleTo } from './queries.ts';
export { loadState } from './routes.tsx';

/** The 193 Member States: reference data in six languages, kept by the secretariat. */
export const memberStates: Feature = {
  name: 'member-states',
  tables: [{ name: 'member_state', backup: { key: 'iso3', textKey: true, serial: false }, bundle: 'member-states' }],
  records: { 'member-state': { keepers: ['secretariat', 'admin'] } },
  web: [{ path: '/states', routes: stateWebRoutes }],
  api: [registerStateApi],
  nav: [{ path: '/states', label: 'nav.states', order: 10, count: countStates }],
  bundle: [memberStatesSection],
  search: searchSources,
  seed: { reference: async (trx, actor) => `${await seedStates(trx, actor)} Member States` },
};
