import { Hono } from 'hono';
import { AppError } from '../../errors.ts';
import type { AppContextOf, AppEnv } from '../../http/env.ts';
import { render } from '../../http/render.tsx';
import { pick } from '../../i18n/locales.ts';
import { can, type Viewer } from '../../policy/policy.ts';
import { findState, listStates } from '../member-states/queries.ts';
import { dateParam } from './api.ts';
import {
  planFact,
  plansVisibleTo,
  type ReportRow,
  reportFact,
  reportsVisibleTo,
  stateCodesVisibleTo,
  todayIso,
} from './commands.ts';
import { kindLabel, PlansPage, ReportList, StateReportsPage, type StateNames, StatusPage, sourceLabel } from './pages.tsx';
import { additionalInformationIn, plansPerYear, plansSince, reportingStatus } from './status.ts';

async function stateNames(c: AppContextOf, viewer: Viewer | null): Promise<StateNames> {
  const states = await listStates(c.get('app').database.db, {});
  const l = c.get('m').locale;
  return new Map(
    states
      .filter((s) => can(viewer, 'read', { type: 'member-state', confidentiality: s.confidentiality, stateIso3: s.iso3 }))
      .map((s) => [s.iso3, pick(s.names, l)]),
  );
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  // A leading =, +, - or @ would be read as a formula by spreadsheet programs.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csv(c: AppContextOf, file: string, header: string[], rows: (string | number | null)[][]) {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  c.header('Cache-Control', 'private, no-store');
  return c.body(`\uFEFF${lines.join('\r\n')}\r\n`, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${file}"`,
  });
}

function withCsv(c: AppContextOf): string {
  const url = new URL(c.req.url);
  url.searchParams.set('format', 'csv');
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
      return csv(
        c,
        `reports-${from ?? 'start'}-${to ?? 'now'}.csv`,
        [m.t('reports.state'), 'ISO3', m.t('reports.kind'), m.t('reports.received'), m.t('reports.symbol'), m.t('reports.source')],
        reports.map((x: ReportRow) => [
          names.get(x.state_iso3) ?? x.state_iso3,
          x.state_iso3,
          kindLabel(m, x.kind),
          x.received_on,
          x.symbol,
          sourceLabel(m, x.source),
        ]),
      );
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
    const db = c.get('app').database.db;
    const states = await stateCodesVisibleTo(db, viewer);
    const facts = (await reportsVisibleTo(db, viewer)).map(reportFact);
    const status = reportingStatus(states, facts, asOf);
    const names = await stateNames(c, viewer);
    if (c.req.query('format') === 'csv')
      return csv(
        c,
        `non-reporting-${asOf}.csv`,
        [m.t('reports.state'), 'ISO3', m.t('reports.asOf')],
        status.nonReporting.map((s) => [names.get(s) ?? s, s, asOf]),
      );
    return render(
      c,
      { title: m.t('reports.statusTitle') },
      <StatusPage
        m={m}
        asOf={asOf}
        states={states.length}
        reporting={status.reporting.length}
        nonReporting={status.nonReporting}
        additional={additionalInformationIn(facts, `${asOf.slice(0, 4)}-01-01`, asOf)}
        names={names}
        csvHref={withCsv(c)}
      />,
    );
  });

  r.get('/action-plans', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const asOf = dateParam('asOf', c.req.query('asOf')) ?? todayIso();
    const plans = await plansVisibleTo(c.get('app').database.db, viewer);
    const facts = plans.map(planFact);
    return render(
      c,
      { title: m.t('reports.plansTitle') },
      <PlansPage
        m={m}
        asOf={asOf}
        since2007={plansSince(facts, 2007, asOf)}
        perYear={plansPerYear(facts, 2007, Number(asOf.slice(0, 4)))}
        plans={plans}
        names={await stateNames(c, viewer)}
      />,
    );
  });

  r.get('/states/:iso3/reports', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const state = await findState(db, c.req.param('iso3'));
    if (!state || !can(viewer, 'read', { type: 'member-state', confidentiality: state.confidentiality, stateIso3: state.iso3 }))
      throw new AppError('not-found', `no Member State has the code ${c.req.param('iso3').toUpperCase()}`);
    const reports = await reportsVisibleTo(db, viewer, { stateIso3: state.iso3 });
    const plans = await plansVisibleTo(db, viewer, state.iso3);
    return render(
      c,
      { title: m.t('reports.stateTitle', { name: pick(state.names, m.locale) }) },
      <StateReportsPage m={m} reports={reports} plans={plans} names={await stateNames(c, viewer)} />,
    );
  });

  return r;
}
