import type { Feature } from '../../platform/feature.ts';
import { organizationOverviewRoutes } from './routes.tsx';

/** An organization's page: its reference data and its members, from the features that keep them. */
export const organizationOverview: Feature = {
  name: 'organization-overview',
  web: [{ path: '/organizations', routes: organizationOverviewRoutes }],
};
