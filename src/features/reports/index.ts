import type { Feature } from '../../platform/feature.ts';
import { registerReportsApi } from './api.ts';
import { actionPlansSection, nationalReportsSection } from './bundle.ts';
import { reportsCommand, reportsUsage } from './cli.ts';
import { seedDemoReports } from './demo.ts';
import { seedDemoReportsSince2018 } from './demo-later.ts';
import { planResource, reportResource } from './queries.ts';
import { reportWebRoutes } from './routes.tsx';
import { searchSources } from './search.ts';

export { searchRows } from './search.ts';

export {
  choice,
  day,
  type DayRules,
  dayProblem,
  level,
  oneOf,
  requiredDay,
  resolutionAdopted,
  subsetOf,
  text,
  tidyList,
} from './inputs.ts';
export { inputOfValues, splitCodes, valuesOfBody, valuesOfRecord } from './form-values.ts';
export { kindLabel, planStatusLabel, sourceLabel } from './labels.ts';
export { refusal, requiredVersion, type Status } from './record-common.ts';
export { type FormProps, RecordForm } from './record-forms.tsx';
export {
  firstReportOn,
  planResource,
  type PlanRow,
  plansVisibleTo,
  reportResource,
  type ReportRow,
  reportsVisibleTo,
  statusAsOf,
} from './queries.ts';
export { type ReportFact, reportingStatus } from './status.ts';
export { type KeptRecordColumns, type ReportSource, reportSources } from './schema.ts';

const recorded = ['expert', 'secretariat', 'admin'] as const;

/** National reports and additional information, voluntary national action plans, the reporting status as at a date. */
export const reports: Feature = {
  name: 'reports',
  tables: [
    { name: 'national_report', backup: { key: 'id', textKey: false, serial: false }, bundle: 'national-reports' },
    { name: 'action_plan', backup: { key: 'id', textKey: false, serial: false }, bundle: 'action-plans' },
  ],
  // Recorded by the experts and the secretariat.
  records: {
    'national-report': {
      keepers: recorded,
      resources: async (db, ids) => {
        const rows = await db
          .selectFrom('national_report')
          .select(['id', 'state_iso3', 'confidentiality'])
          .where('id', 'in', [...ids])
          .execute();
        return new Map(rows.map((r) => [r.id, reportResource(r)]));
      },
    },
    'action-plan': {
      keepers: recorded,
      resources: async (db, ids) => {
        const rows = await db
          .selectFrom('action_plan')
          .select(['id', 'state_iso3', 'confidentiality'])
          .where('id', 'in', [...ids])
          .execute();
        return new Map(rows.map((r) => [r.id, planResource(r)]));
      },
    },
  },
  web: [{ path: '/', routes: reportWebRoutes }],
  api: [registerReportsApi],
  nav: [{ path: '/reports', label: 'reports.nav', order: 30 }],
  bundle: [nationalReportsSection, actionPlansSection],
  search: searchSources,
  seed: {
    demo: async (db, { today }) => {
      const r = await seedDemoReports(db);
      const later = await seedDemoReportsSince2018(db, today);
      return `created ${r.reports} national reports and ${r.plans} action plans (the 2018 review's, and illustrative ones), and after 2018 ${later.reports} reports and ${later.plans} plans (illustrative)`;
    },
  },
  cli: [{ name: 'reports', usage: reportsUsage, run: reportsCommand }],
};
