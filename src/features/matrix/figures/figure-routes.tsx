import { isIsoDate } from '../../../platform/values/dates.ts';
import { Hono } from 'hono';
import { AppError, type FieldProblem, invalid } from '../../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../../platform/http/env.ts';
import { render } from '../../../platform/http/render.tsx';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import { pick } from '../../../platform/i18n/locales.ts';
import { can } from '../../../platform/policy/policy.ts';
import { groupName } from '../../member-states/index.ts';
import { listStates, type StateRow } from '../../member-states/index.ts';
import { listOrganizations } from '../../organizations/index.ts';
import { FigurePage, type FigureForm } from './figure-pages.tsx';
import {
  buildView,
  type FigureView,
  figureViews,
  gapsOfState,
  type Labels,
  type StateSort,
  stateSortKeys,
  tableCsv,
  type ViewInput,
  type ViewModel,
} from './figure-views.ts';
import { publishedBasisAsOf } from './figures-data.ts';
import { fieldLabeller } from '../versions/matrix-pages.tsx';
import { listTemplates, type TemplateRow } from '../templates/templates.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The same day a year earlier (28 February for 29 February). */
function yearBefore(date: string): string {
  const candidate = `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
  return isIsoDate(candidate) ? candidate : `${candidate.slice(0, 8)}28`;
}

/** The form as typed (kept to show it again) and what it means once checked. */
function readForm(c: AppContextOf): FigureForm {
  const q = (name: string) => (c.req.query(name) ?? '').trim();
  const view = (figureViews as readonly string[]).includes(q('view')) ? (q('view') as FigureView) : 'overview';
  const asOf = q('asOf') || today();
  const to = q('to') || asOf;
  return {
    view,
    asOf,
    template: q('template') || '2017',
    binWidth: q('binWidth') || '20',
    sort: q('sort') || 'name',
    dir: q('dir') === 'desc' ? 'desc' : 'asc',
    from: q('from') || (isIsoDate(to) ? yearBefore(to) : ''),
    to,
    state: q('state').toUpperCase(),
    threshold: q('threshold') || '0.5',
  };
}

interface Context {
  templates: TemplateRow[];
  states: StateRow[];
}

/** Figures are public: they rest on public templates and published matrices only. */
async function loadContext(c: AppContextOf): Promise<Context> {
  const db = c.get('app').database.db;
  const viewer = c.get('viewer');
  const [templates, states] = await Promise.all([listTemplates(db), listStates(db, {})]);
  return {
    templates: templates.filter(
      (t) => t.confidentiality === 'public' && can(viewer, 'read', { type: 'matrix-template', confidentiality: t.confidentiality }),
    ),
    states: states.filter((s) => can(viewer, 'read', { type: 'member-state', confidentiality: s.confidentiality, stateIso3: s.iso3 })),
  };
}

function check(m: Messages, form: FigureForm, ctx: Context): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const date = (field: 'asOf' | 'from' | 'to') => {
    if (!isIsoDate(form[field])) problems.push({ field, problem: m.t('figures.problem.date') });
  };
  if (form.view === 'change') {
    date('from');
    date('to');
    if (!problems.length && form.from > form.to) problems.push({ field: 'from', problem: m.t('figures.problem.fromAfterTo') });
  } else date('asOf');
  if (!ctx.templates.some((t) => t.version === form.template))
    problems.push({ field: 'template', problem: m.t('figures.problem.template') });
  if (form.view === 'distribution' && !(/^\d{1,3}$/.test(form.binWidth) && Number(form.binWidth) >= 1 && Number(form.binWidth) <= 500))
    problems.push({ field: 'binWidth', problem: m.t('figures.problem.binWidth') });
  if (form.view === 'state' && !(stateSortKeys as readonly string[]).includes(form.sort))
    problems.push({ field: 'sort', problem: m.t('figures.problem.sort') });
  if (form.view === 'gaps') {
    const t = Number(form.threshold);
    if (!/^\d*\.?\d+$/.test(form.threshold) || !(t >= 0 && t < 1))
      problems.push({ field: 'threshold', problem: m.t('figures.problem.threshold') });
    if (form.state && !ctx.states.some((s) => s.iso3 === form.state))
      problems.push({ field: 'state', problem: m.t('figures.problem.state') });
  }
  return problems;
}

interface Computed {
  model: ViewModel | null;
  demo: boolean;
}

async function compute(c: AppContextOf, form: FigureForm, ctx: Context): Promise<Computed> {
  const m = c.get('m');
  const db = c.get('app').database.db;
  const template = ctx.templates.find((t) => t.version === form.template)!;
  const fields = template.definition.fields;
  const l = m.locale;
  const organizations = await listOrganizations(db, {});
  const names = new Map(ctx.states.map((s) => [s.iso3, pick(s.names, l)]));
  const labels: Labels = {
    m,
    template,
    stateName: (iso3) => names.get(iso3) || iso3,
    groupName: (code) => groupName(code, l),
    organizationName: (code) => pick(organizations.find((o) => o.code === code)?.acronyms, l) || code,
    stateHref: (iso3) => `/${l}/states/${iso3}/matrix`,
    fieldLabel: fieldLabeller(m, [template]),
  };
  let input: ViewInput;
  let demo: boolean;
  if (form.view === 'change') {
    const [before, after] = await Promise.all([
      publishedBasisAsOf(db, form.template, form.from),
      publishedBasisAsOf(db, form.template, form.to),
    ]);
    input = { view: 'change', before: before.matrices, after: after.matrices };
    demo = before.demo || after.demo;
  } else {
    if (form.view === 'gaps' && !form.state) return { model: null, demo: false };
    const basis = await publishedBasisAsOf(db, form.template, form.asOf);
    demo = basis.demo;
    const { matrices } = basis;
    switch (form.view) {
      case 'overview':
      case 'regional-group':
      case 'organization':
        input = { view: form.view, matrices };
        break;
      case 'distribution':
        input = { view: 'distribution', matrices, binWidth: Number(form.binWidth) };
        break;
      case 'state':
        input = { view: 'state', matrices, sort: form.sort as StateSort, dir: form.dir };
        break;
      case 'gaps': {
        const state = ctx.states.find((s) => s.iso3 === form.state)!;
        const threshold = Number(form.threshold);
        input = {
          view: 'gaps',
          iso3: state.iso3,
          regionalGroup: state.regional_group,
          threshold,
          result: gapsOfState(fields, matrices, state.iso3, state.regional_group, threshold),
        };
        break;
      }
    }
  }
  return { model: buildView(labels, input), demo };
}

export function figureWebRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/figures', async (c) => {
    const m = c.get('m');
    const form = readForm(c);
    const ctx = await loadContext(c);
    const problems = check(m, form, ctx);
    const computed = problems.length ? { model: null, demo: false } : await compute(c, form, ctx);
    return render(
      c,
      { title: m.t('figures.title'), status: problems.length ? 422 : 200 },
      <FigurePage
        m={m}
        form={form}
        problems={problems}
        templates={ctx.templates.map((t) => t.version)}
        states={ctx.states.map((s) => ({ iso3: s.iso3, name: pick(s.names, m.locale) })).sort((a, b) => m.compare(a.name, b.name))}
        model={computed.model}
        demo={computed.demo}
      />,
    );
  });

  r.get('/figures.csv', async (c) => {
    const m = c.get('m');
    const form = readForm(c);
    const ctx = await loadContext(c);
    const problems = check(m, form, ctx);
    if (form.view === 'gaps' && !form.state) problems.push({ field: 'state', problem: m.t('figures.problem.state') });
    if (problems.length) throw invalid(problems);
    const { model } = await compute(c, form, ctx);
    const asked = c.req.query('table');
    const section = asked ? model!.sections.find((s) => s.id === asked) : model!.sections[0];
    if (!section) throw new AppError('not-found', `the view ${form.view} has no table ${asked}`);
    const date = form.view === 'change' ? `${form.from}_${form.to}` : form.asOf;
    const name = `r1540-figures-${section.id}${form.view === 'gaps' ? `-${form.state}` : ''}-${form.template}-${date}.csv`.replace(
      /[^A-Za-z0-9._-]/g,
      '_',
    );
    return c.body(tableCsv(section.table, c.req.query('header') === 'machine' ? 'machine' : 'labels'), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
    });
  });

  return r;
}
