import { type CsvCell, csvResponse } from '../../platform/formats/csv.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { Hono } from 'hono';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { render } from '../../platform/http/render.tsx';
import { pick } from '../../platform/i18n/locales.ts';
import { sortByName } from '../../platform/i18n/names-order.ts';
import { can, type Viewer } from '../../platform/policy/policy.ts';
import { listStates, stateVisibleTo } from '../member-states/index.ts';
import { dateParam } from './api-schemas.ts';
import { PlansPage, ReportList, StateReportsPage, type StateNames, StatusPage } from './pages.tsx';
import { planCsv, reportCsv } from './present.ts';
import { planFiguresAsOf, plansVisibleTo, reportsVisibleTo, statusAsOf } from './queries.ts';
import { recordWebRoutes } from './record-routes.tsx';

async function stateNames(c: AppContextOf, viewer: Viewer | null): Promise<StateNames> {
  const states = await listStates(c.get('app').database.db, {});
  const l = c.get('m').locale;
  return new Map(
    states
      .filter((s) => can(viewer, 'read', { type: 'member-state', confidentiality: s.confidentiality, stateIso3: s.iso3 }))
      .map((s) => [s.iso3, pick(s.names, l)]),
  );
}

function csv(c: AppContextOf, file: string, header: string[], rows: CsvCell[][]) {
  return csvResponse(c, file, [header, ...rows]);
}

function withCsv(c: AppContextOf, extra: Record<string, string> = {}): string {
  const url = new URL(c.req.url);
  url.searchParams.set('format', 'csv');
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  return `${url.pathname}?${url.searchParams.toString()}`;
}

/** `/{lang}/reports…` and `/{lang}/action-plans`. */
export function reportWebRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/reports', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const filters = { from: c.req.query('from') ?? '', to: c.req.query('to') ?? '', kind: c.req.query('kind') ?? '' };
    const from = dateParam('from', filters.from);
    const to = dateParam('to', filters.to);
    const kind = filters.kind === 'first-report' || filters.kind === 'additional-information' ? filters.kind : undefined;
    const reports = await reportsVisibleTo(c.get('app').database.db, viewer, {
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(kind ? { kind } : {}),
    });
    const names = await stateNames(c, viewer);
    if (c.req.query('format') === 'csv')
      return csvResponse(c, `reports-${from ?? 'start'}-${to ?? 'now'}.csv`, reportCsv(m, reports, names));
    return render(
      c,
      { title: m.t('reports.title') },
      <ReportList m={m} reports={reports} names={names} filters={filters} csvHref={withCsv(c)} />,
    );
  });

  r.get('/reports/status', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const asOf = dateParam('asOf', c.req.query('asOf')) ?? todayIso();
    const status = await statusAsOf(c.get('app').database.db, asOf);
    const names = await stateNames(c, viewer);
    // By name in the reader's language, as the UN lists States (not by code).
    const nonReporting = sortByName(status.nonReporting, (s) => names.get(s) ?? s, m.locale);
    const additional = sortByName(status.additionalInformationInYear, (s) => names.get(s) ?? s, m.locale);
    if (c.req.query('format') === 'csv')
      return csv(
        c,
        `non-reporting-${asOf}.csv`,
        [m.t('reports.state'), 'ISO3', m.t('reports.asOf')],
        nonReporting.map((s) => [names.get(s) ?? s, s, asOf]),
      );
    return render(
      c,
      { title: m.t('reports.statusTitle') },
      <StatusPage
        m={m}
        asOf={asOf}
        states={status.states.length}
        reporting={status.reporting.length}
        nonReporting={nonReporting}
        additional={additional}
        names={names}
        csvHref={withCsv(c)}
      />,
    );
  });

  r.get('/action-plans', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const asOf = dateParam('asOf', c.req.query('asOf')) ?? todayIso();
    const db = c.get('app').database.db;
    // The figures are the same for every reader; the list of plans is what the viewer may see.
    const [plans, figures] = await Promise.all([plansVisibleTo(db, viewer), planFiguresAsOf(db, asOf)]);
    const perYear = figures.perYear;
    const names = await stateNames(c, viewer);
    if (c.req.query('format') === 'csv' && c.req.query('table') === 'plans')
      return csvResponse(c, 'action-plans.csv', planCsv(m, plans, names));
    if (c.req.query('format') === 'csv')
      return csv(
        c,
        `action-plans-per-year-${asOf}.csv`,
        [m.t('reports.year'), m.t('reports.plans')],
        perYear.map((y) => [y.year, y.plans]),
      );
    return render(
      c,
      { title: m.t('reports.plansTitle') },
      <PlansPage
        m={m}
        asOf={asOf}
        since2007={figures.since}
        perYear={perYear}
        plans={plans}
        names={names}
        csv={{ perYear: withCsv(c, { asOf }), plans: withCsv(c, { table: 'plans' }) }}
      />,
    );
  });

  r.get('/states/:iso3/reports', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const state = await stateVisibleTo(db, viewer, c.req.param('iso3'));
    const reports = await reportsVisibleTo(db, viewer, { stateIso3: state.iso3 });
    const plans = await plansVisibleTo(db, viewer, state.iso3);
    return render(
      c,
      { title: m.t('reports.stateTitle', { name: pick(state.names, m.locale) }) },
      <StateReportsPage
        m={m}
        reports={reports}
        plans={plans}
        names={await stateNames(c, viewer)}
        record={{
          report: can(viewer, 'create', { type: 'national-report', confidentiality: 'public', stateIso3: state.iso3 })
            ? `/${m.locale}/states/${state.iso3}/reports/new`
            : null,
          plan: can(viewer, 'create', { type: 'action-plan', confidentiality: 'public', stateIso3: state.iso3 })
            ? `/${m.locale}/states/${state.iso3}/action-plans/new`
            : null,
        }}
      />,
    );
  });

  // One record's pages, after `/reports/status` so that "status" is never taken for an id.
  r.route('/', recordWebRoutes());
  return r;
}
