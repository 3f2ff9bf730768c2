import type { Feature } from '../../platform/feature.ts';
import { registerAuditApi } from './api.ts';
import { activityWebRoutes } from './routes.tsx';

/**
 * The history of changes across every record (the platform's `audit_event`, written by each
 * change in its transaction): the experts' activity feed and `/api/v1/audit`. A record's own
 * history page is its feature's, with the platform's `recordHistory` and `HistoryList`.
 */
export const activity: Feature = {
  name: 'activity',
  records: { 'audit-event': { keepers: [] } },
  abilities: { 'read-activity': ['expert', 'secretariat', 'admin'] },
  web: [{ path: '/activity', routes: activityWebRoutes }],
  api: [registerAuditApi],
  nav: [{ path: '/activity', label: 'nav.activity', needs: 'read-activity', order: 140 }],
};
