import { FilterForm, SelectField } from '../../platform/ui/forms.tsx';
import { TableRegion } from '../../platform/ui/tables.tsx';
import type { FC } from 'hono/jsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { kindLabel, planStatusLabel, sourceLabel } from './labels.ts';
import type { PlanRow, ReportRow } from './queries.ts';
import { reportKinds } from './schema.ts';

export type StateNames = Map<string, string>;

/** A day to filter by. */
const DateField: FC<{ id: string; label: string; value: string }> = ({ id, label, value }) => (
  <div class="field">
    <label for={id}>{label}</label>
    <input id={id} name={id} type="date" value={value} />
  </div>
);

const SubNav: FC<{ m: Messages }> = ({ m }) => (
  <nav aria-label={m.t('reports.nav')} class="report-links">
    <a href={`/${m.locale}/reports`}>{m.t('reports.title')}</a> · <a href={`/${m.locale}/reports/status`}>{m.t('reports.statusLink')}</a> ·{' '}
    <a href={`/${m.locale}/action-plans`}>{m.t('reports.plansLink')}</a>
  </nav>
);

const ReportTable: FC<{ m: Messages; reports: ReportRow[]; names: StateNames; id: string; caption: string }> = ({
  m,
  reports,
  names,
  id,
  caption,
}) => (
  <TableRegion labelledBy={id}>
    <table class="list">
      <caption id={id}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{m.t('reports.state')}</th>
          <th scope="col">{m.t('reports.kind')}</th>
          <th scope="col">{m.t('reports.received')}</th>
          <th scope="col">{m.t('reports.symbol')}</th>
          <th scope="col">{m.t('reports.source')}</th>
        </tr>
      </thead>
      <tbody>
        {reports.map((r) => (
          <tr>
            <th scope="row">
              <a href={`/${m.locale}/states/${r.state_iso3}/reports`}>{names.get(r.state_iso3) ?? r.state_iso3}</a>
            </th>
            <td>
              <a href={`/${m.locale}/reports/${r.id}`}>{kindLabel(m, r.kind)}</a>
            </td>
            <td>
              <time datetime={r.received_on}>{m.date(r.received_on)}</time>
            </td>
            <td>{r.symbol}</td>
            <td>{sourceLabel(m, r.source)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </TableRegion>
);

const PlanTable: FC<{ m: Messages; plans: PlanRow[]; names: StateNames }> = ({ m, plans, names }) => (
  <TableRegion labelledBy="plans-caption">
    <table class="list">
      <caption id="plans-caption">{m.t('reports.plansTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{m.t('reports.state')}</th>
          <th scope="col">{m.t('reports.number')}</th>
          <th scope="col">{m.t('reports.status')}</th>
          <th scope="col">{m.t('reports.started')}</th>
          <th scope="col">{m.t('reports.submitted')}</th>
          <th scope="col">{m.t('reports.source')}</th>
        </tr>
      </thead>
      <tbody>
        {plans.map((p) => (
          <tr>
            <th scope="row">
              <a href={`/${m.locale}/states/${p.state_iso3}/reports`}>{names.get(p.state_iso3) ?? p.state_iso3}</a>
            </th>
            <td>
              <a href={`/${m.locale}/action-plans/${p.id}`}>{m.number(p.number)}</a>
            </td>
            <td>{planStatusLabel(m, p.status)}</td>
            <td>{p.started_on ? m.date(p.started_on) : ''}</td>
            <td>{p.submitted_on ? m.date(p.submitted_on) : ''}</td>
            <td>{sourceLabel(m, p.source)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </TableRegion>
);

export const ReportList: FC<{
  m: Messages;
  reports: ReportRow[];
  names: StateNames;
  filters: { from: string; to: string; kind: string };
  csvHref: string;
}> = ({ m, reports, names, filters, csvHref }) => (
  <>
    <SubNav m={m} />
    <FilterForm submit={m.t('reports.filter')}>
      <DateField id="from" label={m.t('reports.from')} value={filters.from} />
      <DateField id="to" label={m.t('reports.to')} value={filters.to} />
      <SelectField
        name="kind"
        label={m.t('reports.kind')}
        all={m.t('reports.allKinds')}
        value={filters.kind}
        options={reportKinds.map((k) => ({ value: k, label: kindLabel(m, k) }))}
      />
    </FilterForm>
    <p role="status" class="count">
      {m.t('reports.count', { count: m.number(reports.length) })} · <a href={csvHref}>{m.t('reports.csv')}</a>
    </p>
    {reports.length ? (
      <ReportTable m={m} reports={reports} names={names} id="reports-caption" caption={m.t('reports.title')} />
    ) : (
      <p>{m.t('reports.none')}</p>
    )}
  </>
);

export const StatusPage: FC<{
  m: Messages;
  asOf: string;
  states: number;
  reporting: number;
  nonReporting: string[];
  additional: string[];
  names: StateNames;
  csvHref: string;
}> = ({ m, asOf, states, reporting, nonReporting, additional, names, csvHref }) => (
  <>
    <SubNav m={m} />
    <FilterForm submit={m.t('reports.filter')}>
      <DateField id="asOf" label={m.t('reports.asOf')} value={asOf} />
    </FilterForm>
    <p role="status" class="count">
      {m.t('reports.statusSummary', {
        date: m.date(asOf),
        reporting: m.number(reporting),
        states: m.number(states),
        nonReporting: m.number(nonReporting.length),
      })}{' '}
      · <a href={csvHref}>{m.t('reports.csv')}</a>
    </p>
    <h2>{m.t('reports.nonReporting')}</h2>
    <ul class="report-states">
      {nonReporting.map((s) => (
        <li>
          <a href={`/${m.locale}/states/${s}/reports`}>{names.get(s) ?? s}</a>
        </li>
      ))}
    </ul>
    <h2>{m.t('reports.additional', { year: asOf.slice(0, 4) })}</h2>
    {additional.length ? (
      <ul class="report-states">
        {additional.map((s) => (
          <li>
            <a href={`/${m.locale}/states/${s}/reports`}>{names.get(s) ?? s}</a>
          </li>
        ))}
      </ul>
    ) : (
      <p>{m.t('reports.noReports')}</p>
    )}
  </>
);

export const PlansPage: FC<{
  m: Messages;
  asOf: string;
  since2007: number;
  perYear: { year: number; plans: number }[];
  plans: PlanRow[];
  names: StateNames;
  csv: { perYear: string; plans: string };
}> = ({ m, asOf, since2007, perYear, plans, names, csv }) => (
  <>
    <SubNav m={m} />
    <FilterForm submit={m.t('reports.filter')}>
      <DateField id="asOf" label={m.t('reports.asOf')} value={asOf} />
    </FilterForm>
    <p role="status" class="count">
      {m.t('reports.plansSince', { date: m.date(asOf), count: m.number(since2007) })} ·{' '}
      <a href={csv.perYear}>{m.t('reports.perYearCsv')}</a> · <a href={csv.plans}>{m.t('reports.plansCsv')}</a>
    </p>
    <TableRegion labelledBy="per-year-caption">
      <table class="list">
        <caption id="per-year-caption">{m.t('reports.perYear')}</caption>
        <thead>
          <tr>
            <th scope="col">{m.t('reports.year')}</th>
            <th scope="col">{m.t('reports.plans')}</th>
          </tr>
        </thead>
        <tbody>
          {perYear.map((y) => (
            <tr>
              <th scope="row">{y.year}</th>
              <td>{m.number(y.plans)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
    {plans.length ? <PlanTable m={m} plans={plans} names={names} /> : <p>{m.t('reports.noPlans')}</p>}
  </>
);

export const StateReportsPage: FC<{
  m: Messages;
  reports: ReportRow[];
  plans: PlanRow[];
  names: StateNames;
  /** The forms the viewer may use: a new report, a new plan. */
  record: { report: string | null; plan: string | null };
}> = ({ m, reports, plans, names, record }) => (
  <>
    <SubNav m={m} />
    {(record.report || record.plan) && (
      <p class="actions">
        {record.report && <a href={record.report}>{m.t('reports.newReport')}</a>}
        {record.report && record.plan && ' · '}
        {record.plan && <a href={record.plan}>{m.t('reports.newPlan')}</a>}
      </p>
    )}
    {reports.length ? (
      <ReportTable m={m} reports={reports} names={names} id="state-reports-caption" caption={m.t('reports.title')} />
    ) : (
      <p>{m.t('reports.noReports')}</p>
    )}
    {plans.length ? <PlanTable m={m} plans={plans} names={names} /> : <p>{m.t('reports.noPlans')}</p>}
  </>
);
