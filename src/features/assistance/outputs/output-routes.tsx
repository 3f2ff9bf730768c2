// /{lang}/assistance/list, /quarterly and /figures: the clearinghouse's outputs as pages, XLSX,
// DOCX and CSV. The consolidated list and the quarterly update are the Committee side's working
// documents (`isCommitteeSide`: experts, Committee members, who form the assistance working group,
// the secretariat and administrators); the figures are for everyone, counted over what the reader
// may see.
import { csvResponse } from '../../../platform/formats/csv.ts';
import { todayIso } from '../../../platform/values/dates.ts';
import { Hono } from 'hono';
import { type FieldProblem, invalid } from '../../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../../platform/http/env.ts';
import { authorize } from '../../../platform/http/guard.ts';
import { render } from '../../../platform/http/render.tsx';
import { isCommitteeSide } from '../../../platform/policy/policy.ts';
import { providerName, stateName } from '../labels.ts';
import { FiguresPage } from './figures-page.tsx';
import { ListPage } from './list-page.tsx';
import { QuarterlyPage } from './quarterly-page.tsx';
import { assistanceFigures } from './figures.ts';
import { consolidatedList } from './list.ts';
import { quarterlyUpdate, quarterOf } from './quarterly.ts';
import { consolidatedListDocx, docxMediaType, quarterlyDocx } from './outputs-docx.ts';
import { consolidatedListXlsx, xlsxMediaType } from './outputs-xlsx.ts';
import { namesFor, requestFilters, yearsUntil } from '../route-support.ts';
import { labelOf } from '../taxonomy.ts';

const firstYear = 2004;

/** A format asked for with `?format=`: one of those the page offers, or a 422 naming it. */
function formatParam<F extends string>(value: string | undefined, formats: readonly F[]): F | null {
  if (!value) return null;
  if ((formats as readonly string[]).includes(value)) return value as F;
  throw invalid([{ field: 'format', problem: `must be ${formats.join(' or ')}` }]);
}

/** `year` (a year from 2004) and, for the quarterly update, `quarter` (1–4); today's when absent. */
function periodParams(c: AppContextOf, withQuarter: boolean): { year: number; quarter: number } {
  const today = todayIso();
  const problems: FieldProblem[] = [];
  const y = c.req.query('year');
  const q = c.req.query('quarter');
  const year = y ? Number(y) : Number(today.slice(0, 4));
  if (y && (!/^\d{4}$/.test(y) || year < firstYear || year > 2199))
    problems.push({ field: 'year', problem: `must be a year from ${firstYear} (YYYY)` });
  const quarter = q ? Number(q) : quarterOf(today);
  if (withQuarter && q && !/^[1-4]$/.test(q)) problems.push({ field: 'quarter', problem: 'must be 1, 2, 3 or 4' });
  if (problems.length) throw invalid(problems);
  return { year, quarter };
}

const download = (c: AppContextOf, body: Buffer, type: string, file: string) => {
  c.header('Cache-Control', 'private, no-store');
  return c.body(new Uint8Array(body), 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${file}"` });
};

const committeeOnly = (c: AppContextOf, what: string) => authorize(c, isCommitteeSide(c.get('viewer')), what);

export function assistanceOutputRoutes() {
  const r = new Hono<AppEnv>();

  const list = async (c: AppContextOf, fixed?: 'xlsx' | 'docx') => {
    committeeOnly(c, 'the consolidated list of requests for assistance');
    const format = fixed ?? formatParam(c.req.query('format'), ['xlsx', 'docx'] as const);
    const m = c.get('m');
    const raw = { state: c.req.query('state') ?? '', year: c.req.query('year') ?? '', status: c.req.query('status') ?? '' };
    const filters = requestFilters(raw);
    const db = c.get('app').database.db;
    const [data, names] = await Promise.all([consolidatedList(db, c.get('viewer'), filters), namesFor(c)]);
    const file = `assistance-requests${filters.year ? `-${filters.year}` : ''}${filters.state ? `-${filters.state}` : ''}-${m.locale}`;
    if (format === 'xlsx') return download(c, await consolidatedListXlsx(data, m, names), xlsxMediaType, `${file}.xlsx`);
    if (format === 'docx') return download(c, await consolidatedListDocx(data, m, names), docxMediaType, `${file}.docx`);
    const here = new URL(c.req.url);
    const at = (ext: string) => `/${m.locale}/assistance/list.${ext}${here.search}`;
    return render(
      c,
      { title: m.t('assistance.out.list.title') },
      <ListPage m={m} list={data} names={names} filters={raw} years={yearsUntil(todayIso())} xlsxHref={at('xlsx')} docxHref={at('docx')} />,
    );
  };
  r.get('/list', (c) => list(c));
  r.get('/list.xlsx', (c) => list(c, 'xlsx'));
  r.get('/list.docx', (c) => list(c, 'docx'));

  const quarterly = async (c: AppContextOf, fixed?: 'docx') => {
    committeeOnly(c, 'the quarterly update of the clearinghouse');
    const format = fixed ?? formatParam(c.req.query('format'), ['docx'] as const);
    const m = c.get('m');
    const { year, quarter } = periodParams(c, true);
    const db = c.get('app').database.db;
    const [u, names] = await Promise.all([quarterlyUpdate(db, c.get('viewer'), year, quarter), namesFor(c)]);
    if (format === 'docx')
      return download(c, await quarterlyDocx(u, m, names), docxMediaType, `assistance-${year}-q${quarter}-${m.locale}.docx`);
    return render(
      c,
      { title: m.t('assistance.out.q.title') },
      <QuarterlyPage
        m={m}
        u={u}
        names={names}
        years={yearsUntil(todayIso())}
        docxHref={`/${m.locale}/assistance/quarterly.docx?year=${year}&quarter=${quarter}`}
      />,
    );
  };
  r.get('/quarterly', (c) => quarterly(c));
  r.get('/quarterly.docx', (c) => quarterly(c, 'docx'));

  const figures = async (c: AppContextOf, fixed?: 'csv') => {
    const format = fixed ?? formatParam(c.req.query('format'), ['csv'] as const);
    const m = c.get('m');
    const viewer = c.get('viewer');
    const { year } = periodParams(c, false);
    const db = c.get('app').database.db;
    const [f, names] = await Promise.all([assistanceFigures(db, viewer, year), namesFor(c)]);
    if (format === 'csv') {
      const seesItems = f.basis !== 'summaries';
      const y = f.year;
      return csvResponse(c, `assistance-figures-${y}.csv`, [
        ['year', 'measure', 'code', 'name', 'value'],
        [y, 'basis', f.basis, '', ''],
        [f.previousYear, 'new-requests', '', '', f.newRequestsPreviousYear],
        [y, 'new-requests', '', '', f.newRequests],
        ...(seesItems ? [[y, 'visit-invitations', '', '', f.visitInvitations]] : []),
        ...f.states.flatMap((s) => [
          [y, 'requests-by-state', s.iso3, stateName(names, s.iso3), s.requests],
          ...(seesItems ? [[y, 'items-by-state', s.iso3, stateName(names, s.iso3), s.items]] : []),
        ]),
        ...f.areas.flatMap((a) => [
          [y, 'requests-by-area', a.area, labelOf('area', a.area, m.locale), a.requests],
          ...(seesItems ? [[y, 'items-by-area', a.area, labelOf('area', a.area, m.locale), a.items]] : []),
        ]),
        ...(seesItems
          ? [
              [y, 'responses', '', '', f.responses],
              [y, 'matches-delivered', '', '', f.matchesDelivered],
              ...f.providers.flatMap((p) => [
                [y, 'responses-by-provider', p.provider, providerName(names, p.provider), p.responses],
                [y, 'items-answered-by-provider', p.provider, providerName(names, p.provider), p.itemsAnswered],
                [y, 'delivered-by-provider', p.provider, providerName(names, p.provider), p.delivered],
              ]),
            ]
          : []),
      ]);
    }
    return render(
      c,
      { title: m.t('assistance.out.figures.title') },
      <FiguresPage
        m={m}
        f={f}
        names={names}
        years={yearsUntil(todayIso())}
        csvHref={`/${m.locale}/assistance/figures.csv?year=${year}`}
        committee={isCommitteeSide(viewer)}
      />,
    );
  };
  r.get('/figures', (c) => figures(c));
  r.get('/figures.csv', (c) => figures(c, 'csv'));

  return r;
}
