import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { csvHeader, csvResponse } from '../../platform/formats/csv.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { authorize } from '../../platform/http/guard.ts';
import { languageNames } from '../../platform/http/layout.tsx';
import { render } from '../../platform/http/render.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { isLocale } from '../../platform/i18n/locales.ts';
import { may } from '../../platform/policy/policy.ts';
import { ListTable } from '../../platform/ui/tables.tsx';
import { parseInput } from '../../platform/values/input.ts';
import type { Share } from './figures.ts';
import { seedPeriod } from './history.ts';
import { periodInput, type VisitReport, visitReport } from './report.ts';

function changeText(m: Messages, percent: number | null): string {
  if (percent === null) return m.t('siteVisits.noBefore');
  if (percent === 0) return m.t('siteVisits.same');
  return m.t(percent > 0 ? 'siteVisits.more' : 'siteVisits.fewer', { percent: m.number(Math.abs(percent)) });
}

const sectionLabel = (m: Messages, key: string) => (key === '' ? m.t('siteVisits.home') : key);
const languageLabel = (key: string) => (isLocale(key) ? languageNames[key] : key);

const Shares: FC<{ m: Messages; id: string; caption: string; heading: string; rows: Share[]; label: (key: string) => string }> = ({
  m,
  id,
  caption,
  heading,
  rows,
  label,
}) => (
  <>
    <h2 id={`${id}-heading`}>{caption}</h2>
    <ListTable id={id} caption={caption} columns={[heading, m.t('siteVisits.visits'), m.t('siteVisits.views')]}>
      {rows.map((r) => (
        <tr>
          <th scope="row">{label(r.key)}</th>
          <td class="num">{m.number(r.visits)}</td>
          <td class="num">{m.number(r.views)}</td>
        </tr>
      ))}
    </ListTable>
  </>
);

const ReportPage: FC<{ m: Messages; report: VisitReport; csvHref: string }> = ({ m, report: r, csvHref }) => {
  const range = (from: string, to: string) => m.t('siteVisits.range', { from: m.date(from), to: m.date(to) });
  return (
    <>
      <form method="get" class="filters">
        <div class="field">
          <label for="from">{m.t('siteVisits.from')}</label>
          <input id="from" name="from" type="date" value={r.from} required />
        </div>
        <div class="field">
          <label for="to">{m.t('siteVisits.to')}</label>
          <input id="to" name="to" type="date" value={r.to} required />
        </div>
        <button type="submit">{m.t('siteVisits.show')}</button>
      </form>
      <p>
        <a href={`?from=${seedPeriod.from}&to=${seedPeriod.to}`}>{m.t('siteVisits.seedPeriod')}</a> ·{' '}
        <a href={csvHref}>{m.t('siteVisits.csv')}</a>
      </p>
      {r.illustrative && <p class="notice">{m.t('siteVisits.illustrative')}</p>}
      <ListTable
        id="site-visits-totals"
        caption={m.t('siteVisits.title')}
        columns={[m.t('siteVisits.period'), m.t('siteVisits.visits'), m.t('siteVisits.views')]}
      >
        <tr>
          <th scope="row">{range(r.from, r.to)}</th>
          <td class="num">{m.number(r.visits)}</td>
          <td class="num">{m.number(r.views)}</td>
        </tr>
        <tr>
          <th scope="row">
            {m.t('siteVisits.yearBefore')} ({range(r.yearBefore.from, r.yearBefore.to)})
          </th>
          <td class="num">{m.number(r.yearBefore.visits)}</td>
          <td class="num">{m.number(r.yearBefore.views)}</td>
        </tr>
        <tr>
          <th scope="row">{m.t('siteVisits.change')}</th>
          <td>{changeText(m, r.change.visits)}</td>
          <td>{changeText(m, r.change.views)}</td>
        </tr>
      </ListTable>
      {r.views === 0 ? (
        <p>{m.t('siteVisits.none')}</p>
      ) : (
        <>
          <Shares
            m={m}
            id="site-visits-sections"
            caption={m.t('siteVisits.bySection')}
            heading={m.t('siteVisits.section')}
            rows={r.bySection}
            label={(k) => sectionLabel(m, k)}
          />
          <Shares
            m={m}
            id="site-visits-languages"
            caption={m.t('siteVisits.byLanguage')}
            heading={m.t('siteVisits.language')}
            rows={r.byLanguage}
            label={languageLabel}
          />
          <Shares
            m={m}
            id="site-visits-pages"
            caption={m.t('siteVisits.topPages')}
            heading={m.t('siteVisits.page')}
            rows={r.topPages}
            label={(k) => k}
          />
        </>
      )}
      <p class="hint">{m.t('siteVisits.definitions')}</p>
    </>
  );
};

/** `/{lang}/site-visits`: the figures of a period (a GET form), and the same as CSV (`?format=csv`). */
export function siteVisitWebRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', async (c) => {
    const m = c.get('m');
    authorize(c, may(c.get('viewer'), 'read-site-visits'), 'the website visits');
    const period = parseInput(periodInput, { from: c.req.query('from') || undefined, to: c.req.query('to') || undefined });
    const csv = c.req.query('format') === 'csv';
    const report = await visitReport(c.get('app').database.db, period, csv ? 1000 : 20);
    if (csv) {
      const header = csvHeader(
        c,
        [
          m.t('siteVisits.csvGroup'),
          m.t('siteVisits.csvItem'),
          m.t('siteVisits.visits'),
          m.t('siteVisits.views'),
          m.t('siteVisits.csvPercent'),
        ],
        ['group', 'item', 'visits', 'page_views', 'change_percent'],
      );
      const shares = (group: string, rows: Share[], label: (k: string) => string) =>
        rows.map((s) => [group, label(s.key), s.visits, s.views, null]);
      return csvResponse(c, `site-visits-${report.from}-${report.to}.csv`, [
        header,
        [m.t('siteVisits.thisPeriod'), `${report.from}/${report.to}`, report.visits, report.views, null],
        [
          m.t('siteVisits.yearBefore'),
          `${report.yearBefore.from}/${report.yearBefore.to}`,
          report.yearBefore.visits,
          report.yearBefore.views,
          null,
        ],
        [m.t('siteVisits.change'), '', null, null, report.change.visits],
        ...shares(m.t('siteVisits.section'), report.bySection, (k) => sectionLabel(m, k)),
        ...shares(m.t('siteVisits.language'), report.byLanguage, languageLabel),
        ...shares(m.t('siteVisits.page'), report.topPages, (k) => k),
      ]);
    }
    const params = new URLSearchParams({ from: report.from, to: report.to, format: 'csv' });
    return render(c, { title: m.t('siteVisits.title') }, <ReportPage m={m} report={report} csvHref={`?${params}`} />);
  });
  return r;
}
