import type { Feature } from '../../platform/feature.ts';
import { registerOrganizationApi } from './api.ts';
import { organizationsSection } from './bundle.ts';
import { seedOrganizations } from './commands.ts';
import { countOrganizations } from './queries.ts';

export { Localized } from './localized.tsx';
export { OrganizationDetail } from './pages.tsx';
export { organizationCode } from './inputs.ts';
export { organizationKinds } from './reference.ts';
export { listOrganizations, type OrganizationRow, organizationResource, readableOrganizations } from './queries.ts';
export { loadOrganization } from './routes.tsx';
import { organizationWebRoutes } from './routes.tsx';
import { searchSources } from './search.ts';

/** The organizations the Committee works with: reference data, kept by the secretariat. */
export const organizations: Feature = {
  name: 'organizations',
  tables: [{ name: 'organization', backup: { key: 'code', textKey: true, serial: false }, bundle: 'organizations' }],
  records: { organization: { keepers: ['secretariat', 'admin'] } },
  web: [{ path: '/organizations', routes: organizationWebRoutes }],
  api: [registerOrganizationApi],
  nav: [{ path: '/organizations', label: 'nav.organizations', order: 20, count: countOrganizations }],
  bundle: [organizationsSection],
  search: searchSources,
  seed: {
    reference: async (trx, actor) => `${await seedOrganizations(trx, actor)} organizations`,
  },
};
