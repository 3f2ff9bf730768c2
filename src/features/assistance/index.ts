import type { Feature } from '../../platform/feature.ts';
import { providerKeyOf } from '../../platform/policy/policy.ts';
import { registerAssistanceApi } from './api.ts';
import { assistanceOffersSection, assistanceRequestsSection } from './bundle.ts';
import { assistanceCommand, assistanceUsage } from './cli.ts';
import { seedDemoAssistance, seedDemoAssistanceSince2018 } from './demo.ts';
import { registerAssistanceOutputsApi } from './outputs/api-outputs.ts';
import { assistanceOutputRoutes } from './outputs/output-routes.tsx';
import { registerAssistanceGapsApi } from './requests/api-gaps.ts';
import { assistanceWebRoutes } from './routes.tsx';
import { searchSources } from './search.ts';

export { requestVisible } from './queries.ts';

export { assistanceRequests2018 } from './demo-2018.ts';

const keepers = ['expert', 'secretariat', 'admin'] as const;

/**
 * The assistance clearinghouse: States' requests with their items through the Committee's
 * procedure, providers' offers and responses, matching, and the consolidated outputs.
 */
export const assistance: Feature = {
  name: 'assistance',
  tables: [
    { name: 'assistance_request', backup: { key: 'id', textKey: false, serial: false }, bundle: 'assistance-requests' },
    { name: 'assistance_request_item', backup: { key: 'id', textKey: false, serial: false }, bundle: 'assistance-requests' },
    { name: 'assistance_step', backup: { key: 'id', textKey: false, serial: false }, bundle: 'assistance-requests' },
    { name: 'assistance_offer', backup: { key: 'id', textKey: false, serial: false }, bundle: 'assistance-offers' },
    { name: 'assistance_circulation', backup: { key: 'id', textKey: false, serial: false }, bundle: 'assistance-requests' },
    { name: 'assistance_response', backup: { key: 'id', textKey: false, serial: false }, bundle: 'assistance-requests' },
    { name: 'assistance_match', backup: { key: 'id', textKey: false, serial: false }, bundle: 'assistance-requests' },
    {
      name: 'assistance_weights',
      backup: { key: 'id', textKey: false, serial: false },
      bundle: { excluded: "the matching engine's weights are this installation's settings, set by its experts, not records" },
    },
  ],
  records: {
    // A State's point of contact submits requests for assistance for its own State.
    'assistance-request': {
      keepers,
      decide: (viewer, action, resource) =>
        action === 'create' && viewer?.role === 'state-contact'
          ? !!resource.stateIso3 && viewer.stateIso3 === resource.stateIso3
          : undefined,
    },
    // A provider keeps its own offers.
    'assistance-offer': {
      keepers,
      decide: (viewer, action, resource) =>
        ['create', 'update', 'archive', 'restore'].includes(action) && viewer?.role === 'provider'
          ? !!resource.providerKey && providerKeyOf(viewer) === resource.providerKey
          : undefined,
    },
  },
  abilities: {
    // The clearinghouse's procedure and matching: the experts and the secretariat.
    'manage-assistance': ['expert', 'secretariat', 'admin'],
    'set-matching-weights': ['expert', 'admin'],
  },
  web: [
    { path: '/assistance', routes: assistanceOutputRoutes },
    { path: '/assistance', routes: assistanceWebRoutes },
  ],
  api: [registerAssistanceApi, registerAssistanceGapsApi, registerAssistanceOutputsApi],
  nav: [{ path: '/assistance', label: 'assistance.nav', order: 50 }],
  // Offers before the requests whose matches name them.
  bundle: [assistanceOffersSection, assistanceRequestsSection],
  search: searchSources,
  seed: {
    demo: async (db, { today }) => {
      const a = await seedDemoAssistance(db);
      const b = await seedDemoAssistanceSince2018(db, today);
      return `created ${a.requests} requests for assistance, ${a.offers} offers and ${a.responses} responses (the 2018 review's), and after 2018 up to ${today ?? 'today'} ${b.requests} requests, ${b.offers} offers, ${b.responses} responses and ${b.matches} matches (illustrative)`;
    },
  },
  cli: [{ name: 'assistance', usage: assistanceUsage, run: assistanceCommand }],
};
