// The pages of one action plan: new (from a State), detail, edit, archive and restore.
import { Hono } from 'hono';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { type FormBody, formBody, text } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { pick } from '../../platform/i18n/locales.ts';
import { can } from '../../platform/policy/policy.ts';
import { actorOf } from '../../platform/audit/record.ts';
import type { StateRow } from '../member-states/index.ts';
import { archivePlan, createPlan, restorePlan, updatePlan } from './commands.ts';
import { linkedDocuments, type PlanRow, planResource, visiblePlan } from './queries.ts';
import { level, refusal, type Status, stateName, versionOf, visibleState } from './record-common.ts';
import { PlanForm, type PlanFormValues } from './record-forms.tsx';
import { PlanDetail } from './record-pages.tsx';

async function loadPlan(c: AppContextOf): Promise<PlanRow> {
  const p = await visiblePlan(c.get('app').database.db, c.get('viewer'), c.req.param('id') ?? '');
  if (!p) throw new AppError('not-found', 'no action plan has this id');
  return p;
}

function planValues(body: FormBody): PlanFormValues {
  return {
    number: text(body, 'number').trim(),
    status: text(body, 'status'),
    startedOn: text(body, 'startedOn').trim(),
    submittedOn: text(body, 'submittedOn').trim(),
    publishedOn: text(body, 'publishedOn').trim(),
    confidentiality: text(body, 'confidentiality'),
    version: text(body, 'version'),
  };
}

const planFormOf = (p: PlanRow): PlanFormValues => ({
  number: String(p.number),
  status: p.status,
  startedOn: p.started_on ?? '',
  submittedOn: p.submitted_on ?? '',
  publishedOn: p.published_on ?? '',
  confidentiality: p.confidentiality,
  version: String(p.row_version),
});

const planInput = (v: PlanFormValues) => ({
  number: /^\d{1,3}$/.test(v.number) ? Number(v.number) : Number.NaN,
  status: v.status,
  startedOn: v.startedOn || null,
  submittedOn: v.submittedOn || null,
  publishedOn: v.publishedOn || null,
  confidentiality: v.confidentiality,
});

async function planTitle(c: AppContextOf, p: PlanRow): Promise<string> {
  const m = c.get('m');
  return m.t('reports.planTitle', { number: p.number, name: await stateName(c, p.state_iso3) });
}

async function planPage(c: AppContextOf, p: PlanRow, problems: FieldProblem[] = [], status: Status = 200) {
  const m = c.get('m');
  const viewer = c.get('viewer');
  const db = c.get('app').database.db;
  return render(
    c,
    { title: await planTitle(c, p), status },
    <PlanDetail
      m={m}
      plan={p}
      stateName={await stateName(c, p.state_iso3)}
      documents={await linkedDocuments(db, viewer, 'action-plan', p.id)}
      actions={{
        edit: can(viewer, 'update', planResource(p)),
        archive: can(viewer, p.archived_at ? 'restore' : 'archive', planResource(p)),
        upload: can(viewer, 'create', { type: 'document', confidentiality: 'public' }),
      }}
      problems={problems}
      csrfToken={c.get('csrfToken')}
    />,
  );
}

/** `/{lang}/states/{iso3}/action-plans/new`, `/{lang}/action-plans/{id}` and its edit, archive and restore. */
export function planRecordRoutes() {
  const r = new Hono<AppEnv>();

  const newPlanPage = async (c: AppContextOf, state: StateRow, values: PlanFormValues, problems: FieldProblem[], status: Status) => {
    const m = c.get('m');
    return render(
      c,
      { title: m.t('reports.newPlanTitle', { name: pick(state.names, m.locale) }), status },
      <PlanForm
        m={m}
        action={`/${m.locale}/states/${state.iso3}/action-plans/new`}
        cancel={`/${m.locale}/states/${state.iso3}/reports`}
        values={values}
        problems={problems}
        csrfToken={c.get('csrfToken')}
      />,
    );
  };

  r.get('/states/:iso3/action-plans/new', async (c) => {
    const state = await visibleState(c);
    authorize(
      c,
      can(c.get('viewer'), 'create', { type: 'action-plan', confidentiality: 'public', stateIso3: state.iso3 }),
      'the recording of plans',
    );
    const values: PlanFormValues = {
      number: '',
      status: 'drafting',
      startedOn: '',
      submittedOn: '',
      publishedOn: '',
      confidentiality: 'public',
    };
    return newPlanPage(c, state, values, [], 200);
  });

  r.post('/states/:iso3/action-plans/new', async (c) => {
    const viewer = c.get('viewer');
    const state = await visibleState(c);
    const { version: _none, ...values } = planValues(await formBody(c));
    authorize(
      c,
      can(viewer, 'create', { type: 'action-plan', confidentiality: level(values.confidentiality), stateIso3: state.iso3 }),
      'the recording of plans',
    );
    try {
      const made = await createPlan(c.get('app').database.db, actorOf(viewer), { ...planInput(values), stateIso3: state.iso3 });
      return c.redirect(`/${c.get('m').locale}/action-plans/${made.id}`, 303);
    } catch (err) {
      const { problems, status } = refusal(err);
      return newPlanPage(c, state, values, problems, status);
    }
  });

  r.get('/action-plans/:id', async (c) => planPage(c, await loadPlan(c)));

  const editPlanPage = async (c: AppContextOf, row: PlanRow, values: PlanFormValues, problems: FieldProblem[], status: Status) => {
    const m = c.get('m');
    return render(
      c,
      { title: m.t('reports.editTitle', { title: await planTitle(c, row) }), status },
      <PlanForm
        m={m}
        action={`/${m.locale}/action-plans/${row.id}/edit`}
        cancel={`/${m.locale}/action-plans/${row.id}`}
        values={values}
        problems={problems}
        csrfToken={c.get('csrfToken')}
      />,
    );
  };

  r.get('/action-plans/:id/edit', async (c) => {
    const row = await loadPlan(c);
    authorize(c, can(c.get('viewer'), 'update', planResource(row)), 'the editing of this plan');
    return editPlanPage(c, row, planFormOf(row), [], 200);
  });

  r.post('/action-plans/:id/edit', async (c) => {
    const viewer = c.get('viewer');
    const row = await loadPlan(c);
    authorize(c, can(viewer, 'update', planResource(row)), 'the editing of this plan');
    const body = await formBody(c);
    const values = planValues(body);
    authorize(c, can(viewer, 'update', { ...planResource(row), confidentiality: level(values.confidentiality) }), 'this change');
    try {
      await updatePlan(c.get('app').database.db, actorOf(viewer), row.id, versionOf(body), planInput(values));
    } catch (err) {
      const { problems, status } = refusal(err);
      if (status === 422) return editPlanPage(c, row, values, problems, status);
      const fresh = (await visiblePlan(c.get('app').database.db, viewer, row.id)) ?? row;
      return editPlanPage(c, fresh, { ...values, version: String(fresh.row_version) }, problems, status);
    }
    return c.redirect(`/${c.get('m').locale}/action-plans/${row.id}`, 303);
  });

  for (const archive of [true, false]) {
    r.post(`/action-plans/:id/${archive ? 'archive' : 'restore'}`, async (c) => {
      const viewer = c.get('viewer');
      const row = await loadPlan(c);
      authorize(c, can(viewer, archive ? 'archive' : 'restore', planResource(row)), 'this change');
      const version = versionOf(await formBody(c));
      try {
        await (archive ? archivePlan : restorePlan)(c.get('app').database.db, actorOf(viewer), row.id, version);
      } catch (err) {
        const { problems, status } = refusal(err);
        return planPage(c, (await visiblePlan(c.get('app').database.db, viewer, row.id)) ?? row, problems, status);
      }
      return c.redirect(`/${c.get('m').locale}/action-plans/${row.id}`, 303);
    });
  }

  return r;
}
