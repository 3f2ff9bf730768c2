import type { Feature } from '../../platform/feature.ts';
import { stateOverviewRoutes } from './routes.tsx';

/** The State page: a State's records from every feature, as far as the reader may see them. */
export const stateOverview: Feature = {
  name: 'state-overview',
  web: [{ path: '/states', routes: stateOverviewRoutes }],
};
