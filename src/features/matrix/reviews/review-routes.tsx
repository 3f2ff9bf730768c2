import { csvField } from '../../../platform/formats/csv.ts';
import { Hono } from 'hono';
import { AppError, type FieldProblem } from '../../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../../platform/http/env.ts';
import { type FormBody, formBody, text } from '../../../platform/http/forms.ts';
import { confirmFirst } from '../../../platform/ui/record-actions.tsx';
import { authorize } from '../../../platform/http/guard.ts';
import { render } from '../../../platform/http/render.tsx';
import { pick } from '../../../platform/i18n/locales.ts';
import { can } from '../../../platform/policy/policy.ts';
import { actorOf } from '../../../platform/audit/record.ts';
import { regionalGroups } from '../../member-states/index.ts';
import {
  filterProgress,
  type ProgressFilters,
  type ProgressSort,
  progressSorts,
  type ReviewStage,
  reviewStages,
  sortProgress,
  summarizeProgress,
} from './review.ts';
import {
  assignableExperts,
  assignExpert,
  type CycleInput,
  closeCycle,
  createCycle,
  cycleProgress,
  cycleResource,
  findCycle,
  listCycles,
  parseStateCodes,
  type ReviewCycleRow,
  updateCycle,
} from './review-data.ts';
import {
  type CycleFormValues,
  CycleList,
  holderLabel,
  overdueLabel,
  ProgressPage,
  type ProgressPageProps,
  stageLabel,
} from './review-pages.tsx';
import { listTemplates } from '../templates/templates.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only the Committee side reads cycles: asked before anything is looked up. */
function mayRead(c: AppContextOf): void {
  authorize(c, can(c.get('viewer'), 'read', cycleResource()), 'review cycles');
}

async function loadCycle(c: AppContextOf): Promise<ReviewCycleRow> {
  mayRead(c);
  const cycle = await findCycle(c.get('app').database.db, c.req.param('id') ?? '');
  if (!cycle || cycle.archived_at || !can(c.get('viewer'), 'read', cycleResource(cycle)))
    throw new AppError('not-found', 'no review cycle has this id');
  return cycle;
}

function cycleValues(body: FormBody): CycleFormValues {
  return {
    title: text(body, 'title'),
    purpose: text(body, 'purpose'),
    startsOn: text(body, 'startsOn').trim(),
    deadline: text(body, 'deadline').trim(),
    holdDays: text(body, 'holdDays').trim(),
    templateVersion: text(body, 'templateVersion').trim(),
    version: text(body, 'version').trim(),
  };
}

function cycleInput(v: CycleFormValues): CycleInput {
  const hold = v.holdDays ?? '';
  return {
    title: v.title ?? '',
    purpose: v.purpose ?? '',
    startsOn: v.startsOn ?? '',
    deadline: v.deadline ?? '',
    ...(v.templateVersion ? { templateVersion: v.templateVersion } : {}),
    ...(hold ? { holdDays: /^\d{1,6}$/.test(hold) ? Number(hold) : Number.NaN } : {}),
  };
}

const formValuesOf = (cycle: ReviewCycleRow): CycleFormValues => ({
  title: cycle.title,
  purpose: cycle.purpose,
  startsOn: cycle.starts_on,
  deadline: cycle.deadline,
  holdDays: String(cycle.hold_days),
  templateVersion: cycle.template_version,
  version: String(cycle.row_version),
});

/** The filters and order of the progress table, from the query; an unknown value is refused. */
export function progressQuery(c: AppContextOf): { filters: ProgressFilters; sort: ProgressSort; query: string } {
  const q = (name: string) => (c.req.query(name) ?? '').trim();
  const bad = (name: string, value: string) => new AppError('bad-request', `"${value}" is not a value of the filter ${name}`);
  const stage = q('stage');
  if (stage && !(reviewStages as readonly string[]).includes(stage)) throw bad('stage', stage);
  const group = q('group');
  if (group && !(regionalGroups as readonly string[]).includes(group)) throw bad('group', group);
  const expert = q('expert');
  if (expert && expert !== 'none' && !uuid.test(expert)) throw bad('expert', expert);
  const overdue = q('overdue');
  if (overdue && overdue !== '1') throw bad('overdue', overdue);
  const sort = q('sort') || 'name';
  if (!(progressSorts as readonly string[]).includes(sort)) throw bad('sort', sort);
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ stage, group, expert, overdue, sort: sort === 'name' ? '' : sort })) if (v) params.set(k, v);
  const query = params.size ? `?${params}` : '';
  return {
    filters: {
      stage: (stage || undefined) as ReviewStage | undefined,
      group: group || undefined,
      expert: expert || undefined,
      overdue: overdue === '1' || undefined,
    },
    sort: sort as ProgressSort,
    query,
  };
}

export function reviewWebRoutes() {
  const r = new Hono<AppEnv>();

  const templatesOf = async (c: AppContextOf) =>
    (await listTemplates(c.get('app').database.db)).filter((t) => !t.archived_at).map((t) => t.version);

  const listPage = async (c: AppContextOf, problems: FieldProblem[] = [], values: CycleFormValues = {}) => {
    const m = c.get('m');
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const now = new Date();
    const cycles = (await listCycles(db)).filter((x) => can(viewer, 'read', cycleResource(x)));
    const items = [];
    for (const cycle of cycles) {
      const summary = summarizeProgress((await cycleProgress(db, cycle, now)).progress);
      items.push({ cycle, finished: summary.finished, total: summary.total });
    }
    const templates = await templatesOf(c);
    return render(
      c,
      { title: m.t('review.title'), status: problems.length ? 422 : 200 },
      <CycleList
        m={m}
        items={items}
        canCreate={can(viewer, 'create', cycleResource())}
        templates={templates}
        csrfToken={c.get('csrfToken')}
        problems={problems}
        values={{ templateVersion: templates[templates.length - 1], ...values }}
      />,
    );
  };

  r.get('/reviews', (c) => {
    mayRead(c);
    return listPage(c);
  });

  r.post('/reviews', async (c) => {
    const viewer = c.get('viewer');
    mayRead(c);
    authorize(c, can(viewer, 'create', cycleResource()), 'a new review cycle');
    const values = cycleValues(await formBody(c));
    try {
      const created = await createCycle(c.get('app').database.db, actorOf(viewer), viewer, cycleInput(values));
      return c.redirect(`/${c.get('m').locale}/matrix/reviews/${created.id}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return listPage(c, err.fields, values);
      throw err;
    }
  });

  const progressPage = async (
    c: AppContextOf,
    cycle: ReviewCycleRow,
    forms: Partial<Pick<ProgressPageProps, 'assign' | 'edit'>> = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const m = c.get('m');
    const db = c.get('app').database.db;
    const { filters, sort, query } = progressQuery(c);
    const [{ states, progress }, experts, templates] = await Promise.all([
      cycleProgress(db, cycle, new Date()),
      assignableExperts(db),
      templatesOf(c),
    ]);
    // The table in the reader's alphabetical order of names, then sorted as asked.
    const names = new Map(states.map((s) => [s.iso3, pick(s.names, m.locale)]));
    const byName = [...progress].sort((a, b) => m.compare(names.get(a.iso3) ?? a.iso3, names.get(b.iso3) ?? b.iso3));
    const done = c.req.query('done');
    return render(
      c,
      { title: cycle.title, status },
      <ProgressPage
        m={m}
        cycle={cycle}
        states={states}
        summary={summarizeProgress(progress)}
        rows={sortProgress(filterProgress(byName, filters), sort)}
        filters={filters}
        sort={sort}
        query={query}
        experts={experts}
        templates={templates}
        canChange={can(c.get('viewer'), 'update', cycleResource(cycle))}
        csrfToken={c.get('csrfToken')}
        notice={done === 'assigned' || done === 'saved' || done === 'closed' ? done : null}
        assign={forms.assign ?? { values: {}, problems: [] }}
        edit={forms.edit ?? { values: formValuesOf(cycle), problems: [] }}
      />,
    );
  };

  r.get('/reviews/:id', async (c) => progressPage(c, await loadCycle(c)));

  r.post('/reviews/:id', async (c) => {
    const viewer = c.get('viewer');
    const cycle = await loadCycle(c);
    authorize(c, can(viewer, 'update', cycleResource(cycle)), 'a change of this review cycle');
    const values = cycleValues(await formBody(c));
    const version = /^\d{1,9}$/.test(values.version ?? '') ? Number(values.version) : -1;
    try {
      await updateCycle(c.get('app').database.db, actorOf(viewer), viewer!, cycle.id, version, cycleInput(values));
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation' || (err.code === 'conflict' && err.fields.length))) {
        const fresh = (await findCycle(c.get('app').database.db, cycle.id)) ?? cycle;
        // After a stale save the form keeps what was typed, against the version saved meanwhile.
        const kept = { ...values, version: err.code === 'conflict' ? String(fresh.row_version) : values.version };
        return progressPage(c, fresh, { edit: { values: kept, problems: err.fields } }, err.code === 'conflict' ? 409 : 422);
      }
      throw err;
    }
    return c.redirect(`/${c.get('m').locale}/matrix/reviews/${cycle.id}?done=saved`, 303);
  });

  r.post('/reviews/:id/assignments', async (c) => {
    const viewer = c.get('viewer');
    const cycle = await loadCycle(c);
    authorize(c, can(viewer, 'update', cycleResource(cycle)), 'the assignments of this review cycle');
    const body = await formBody(c);
    const values = { states: text(body, 'states'), expert: text(body, 'expert').trim(), note: text(body, 'note') };
    try {
      await assignExpert(c.get('app').database.db, actorOf(viewer), viewer, cycle.id, {
        states: parseStateCodes(values.states),
        expertId: values.expert || null,
        note: values.note,
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation')
        return progressPage(c, cycle, { assign: { values, problems: err.fields } }, 422);
      throw err;
    }
    return c.redirect(`/${c.get('m').locale}/matrix/reviews/${cycle.id}?done=assigned#assign-h`, 303);
  });

  r.post('/reviews/:id/close', async (c) => {
    const viewer = c.get('viewer');
    const cycle = await loadCycle(c);
    authorize(c, can(viewer, 'update', cycleResource(cycle)), 'closing this review cycle');
    const body = await formBody(c);
    const m = c.get('m');
    const ask = await confirmFirst(c, body, {
      title: m.t('confirm.close.title', { name: cycle.title }),
      consequence: m.t('confirm.close'),
      button: m.t('review.closeTitle'),
      cancel: `/${m.locale}/matrix/reviews/${cycle.id}`,
    });
    if (ask) return ask;
    const version = text(body, 'version');
    await closeCycle(c.get('app').database.db, actorOf(viewer), viewer!, cycle.id, /^\d{1,9}$/.test(version) ? Number(version) : undefined);
    return c.redirect(`/${c.get('m').locale}/matrix/reviews/${cycle.id}?done=closed`, 303);
  });

  r.get('/reviews/:id/progress.csv', async (c) => {
    const m = c.get('m');
    const cycle = await loadCycle(c);
    const { filters, sort } = progressQuery(c);
    const { states, progress } = await cycleProgress(c.get('app').database.db, cycle, new Date());
    const names = new Map(states.map((s) => [s.iso3, pick(s.names, m.locale)]));
    const rows = sortProgress(filterProgress(progress, filters), sort);
    const header = [
      'iso3',
      'state',
      'regional_group',
      'stage',
      'stage_label',
      'version',
      'holder',
      'holder_label',
      'last_moved',
      'days_since',
      'overdue',
      'overdue_label',
      'expert',
      'note',
    ];
    const lines = [header.join(',')];
    for (const p of rows)
      lines.push(
        [
          p.iso3,
          names.get(p.iso3) ?? p.iso3,
          p.regionalGroup,
          p.stage,
          stageLabel(m, p.stage),
          p.version,
          p.holder,
          holderLabel(m, p),
          p.lastMoved?.toISOString() ?? null,
          p.daysSince,
          p.overdue,
          overdueLabel(m, p),
          p.expertName,
          p.note,
        ]
          .map(csvField)
          .join(','),
      );
    const file = `review-${cycle.starts_on}-${cycle.id.slice(0, 8)}.csv`;
    c.header('Cache-Control', 'private, no-store');
    // A byte-order mark, so that spreadsheet programs read the names as UTF-8.
    return c.body(`\uFEFF${lines.join('\r\n')}\r\n`, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file}"`,
    });
  });

  return r;
}
