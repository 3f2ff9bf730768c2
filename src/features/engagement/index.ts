import type { Feature } from '../../platform/feature.ts';
import { registerEngagementApi } from './api.ts';
import { coursesSection, visitsSection } from './bundle.ts';
import { seedDemoEngagement } from './demo.ts';
import { seedDemoEngagementSince2018 } from './demo-later.ts';
import { courseResource, visitResource } from './engagement.ts';
import { engagementWebRoutes } from './routes.tsx';
import { searchSources } from './search.ts';

export { courseResource, type CourseRow, visitResource, type VisitRow } from './engagement.ts';
export { kindKeys as visitKindKeys, purposeKeys as visitPurposeKeys } from './labels.ts';
export type { VisitKind, VisitPurpose } from './schema.ts';
export { coursesAttendedBy, visitsInvolving } from './state-summary.ts';

const recorded = ['expert', 'secretariat', 'admin'] as const;

/** Visits to States (at their invitation, round tables, peer reviews, joint visits) and points-of-contact courses. */
export const engagement: Feature = {
  name: 'engagement',
  tables: [
    { name: 'visit', backup: { key: 'id', textKey: false, serial: false }, bundle: 'visits' },
    { name: 'course', backup: { key: 'id', textKey: false, serial: false }, bundle: 'courses' },
  ],
  records: {
    visit: {
      keepers: recorded,
      resources: async (db, ids) => {
        const rows = await db
          .selectFrom('visit')
          .select(['id', 'state_iso3', 'confidentiality'])
          .where('id', 'in', [...ids])
          .execute();
        return new Map(rows.map((r) => [r.id, visitResource(r)]));
      },
    },
    course: {
      keepers: recorded,
      resources: async (db, ids) => {
        const rows = await db
          .selectFrom('course')
          .select(['id', 'confidentiality'])
          .where('id', 'in', [...ids])
          .execute();
        return new Map(rows.map((r) => [r.id, courseResource(r)]));
      },
    },
  },
  web: [{ path: '/', routes: engagementWebRoutes }],
  api: [registerEngagementApi],
  nav: [
    { path: '/visits', label: 'engagement.visitsNav', order: 70 },
    { path: '/courses', label: 'engagement.coursesNav', order: 80 },
  ],
  bundle: [visitsSection, coursesSection],
  search: searchSources,
  seed: {
    demo: async (db, { today }) => {
      const e = await seedDemoEngagement(db);
      const later = await seedDemoEngagementSince2018(db, today);
      return `created ${e.visits} visits and ${e.courses} courses (the 2018 review's), and after 2018 ${later.visits} visits and ${later.courses} courses (illustrative)`;
    },
  },
};
