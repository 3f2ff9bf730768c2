// The pages of one report or plan: new (from a State), detail, edit, archive and restore.
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { Kysely } from 'kysely';
import type { Writer } from '../../platform/bundle/record-section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { type FormBody, formBody } from '../../platform/http/forms.ts';
import { confirmFirst } from '../../platform/ui/record-actions.tsx';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { pick } from '../../platform/i18n/locales.ts';
import { can, type Resource, type Viewer } from '../../platform/policy/policy.ts';
import { archivePlan, archiveReport, createPlan, createReport, restorePlan, restoreReport, updatePlan, updateReport } from './commands.ts';
import { kindLabel } from './labels.ts';
import { documentsLinkedTo, type LinkedDocument } from '../documents/index.ts';
import { type PlanRow, planResource, type ReportRow, reportResource, visiblePlan, visibleReport } from './queries.ts';
import { refusal, type Status, stateName, versionOf, visibleState } from './record-common.ts';
import {
  type FormProps,
  PlanForm,
  type PlanFormValues,
  planFormOf,
  planInputOf,
  planValues,
  ReportForm,
  type ReportFormValues,
  reportFormOf,
  reportValues,
} from './record-forms.tsx';
import { type DetailProps, PlanDetail, ReportDetail } from './record-pages.tsx';

type Row = ReportRow | PlanRow;
type Db = Kysely<DB>;

/** What the pages of a report and of a plan do alike, and what each does its own way. */
interface RecordPages<R extends Row, V extends { version?: string }, I> {
  /** Its addresses: `/{lang}/reports/{id}`, `/{lang}/states/{iso3}/reports/new`. */
  path: 'reports' | 'action-plans';
  type: 'national-report' | 'action-plan';
  /** The type of a document's link to it. */
  linkType: 'report' | 'action-plan';
  noun: 'report' | 'plan';
  missing: string;
  newTitle: MessageKey;
  visible(db: Db, viewer: Viewer | null, id: string): Promise<R | undefined>;
  resource(row: R): Resource;
  title(c: AppContextOf, row: R): Promise<string>;
  blank: V;
  valuesOf(body: FormBody): V;
  formOf(row: R): V;
  inputOf(values: V): I;
  Form: FC<FormProps<V>>;
  Detail: FC<DetailProps<R>>;
  create(db: Db, by: Writer | null, input: I & { stateIso3: string }): Promise<R>;
  update(db: Db, by: Writer | null, id: string, version: number, input: I): Promise<R>;
  archive(db: Db, by: Writer | null, id: string, version: number): Promise<R>;
  restore(db: Db, by: Writer | null, id: string, version: number): Promise<R>;
}

const reportPages: RecordPages<ReportRow, ReportFormValues, Omit<ReportFormValues, 'version'>> = {
  path: 'reports',
  type: 'national-report',
  linkType: 'report',
  noun: 'report',
  missing: 'no report has this id',
  newTitle: 'reports.newReportTitle',
  visible: visibleReport,
  resource: reportResource,
  title: async (c, r) => {
    const m = c.get('m');
    return m.t('reports.reportTitle', { kind: kindLabel(m, r.kind), name: await stateName(c, r.state_iso3), date: m.date(r.received_on) });
  },
  blank: {
    kind: 'additional-information',
    receivedOn: '',
    symbol: '',
    languages: [],
    summary: '',
    paragraphs: [],
    weaponTypes: [],
    confidentiality: 'public',
  },
  valuesOf: reportValues,
  formOf: reportFormOf,
  inputOf: ({ version: _v, ...input }: ReportFormValues) => input,
  Form: ReportForm,
  Detail: ReportDetail,
  create: createReport,
  update: updateReport,
  archive: archiveReport,
  restore: restoreReport,
};

const planPages: RecordPages<PlanRow, PlanFormValues, ReturnType<typeof planInputOf>> = {
  path: 'action-plans',
  type: 'action-plan',
  linkType: 'action-plan',
  noun: 'plan',
  missing: 'no action plan has this id',
  newTitle: 'reports.newPlanTitle',
  visible: visiblePlan,
  resource: planResource,
  title: async (c, p) => c.get('m').t('reports.planTitle', { number: p.number, name: await stateName(c, p.state_iso3) }),
  blank: { number: '', status: 'drafting', startedOn: '', submittedOn: '', publishedOn: '', confidentiality: 'public' },
  valuesOf: planValues,
  formOf: planFormOf,
  inputOf: planInputOf,
  Form: PlanForm,
  Detail: PlanDetail,
  create: createPlan,
  update: updatePlan,
  archive: archivePlan,
  restore: restorePlan,
};

/** The routes of one kind of record. */
function recordRoutes<R extends Row, V extends { version?: string }, I>(kind: RecordPages<R, V, I>) {
  const r = new Hono<AppEnv>();
  const { path, noun } = kind;

  const load = async (c: AppContextOf): Promise<R> => {
    const row = await kind.visible(c.get('app').database.db, c.get('viewer'), c.req.param('id') ?? '');
    if (!row) throw new AppError('not-found', kind.missing);
    return row;
  };

  const recordPage = async (c: AppContextOf, row: R, problems: FieldProblem[] = [], status: Status = 200) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const documents: LinkedDocument[] = await documentsLinkedTo(c.get('app').database.db, viewer, kind.linkType, row.id);
    return render(
      c,
      { title: await kind.title(c, row), status },
      <kind.Detail
        m={m}
        record={row}
        stateName={await stateName(c, row.state_iso3)}
        documents={documents}
        actions={{
          edit: can(viewer, 'update', kind.resource(row)),
          archive: can(viewer, row.archived_at ? 'restore' : 'archive', kind.resource(row)),
          upload: can(viewer, 'create', { type: 'document', confidentiality: 'public' }),
        }}
        problems={problems}
        csrfToken={c.get('csrfToken')}
      />,
    );
  };

  const formPage = (c: AppContextOf, title: string, action: string, cancel: string, values: V, problems: FieldProblem[], status: Status) =>
    render(
      c,
      { title, status },
      <kind.Form m={c.get('m')} action={action} cancel={cancel} values={values} problems={problems} csrfToken={c.get('csrfToken')} />,
    );

  const newPage = (
    c: AppContextOf,
    state: { iso3: string; names: Record<string, string> },
    values: V,
    problems: FieldProblem[],
    status: Status,
  ) => {
    const m = c.get('m');
    const base = `/${m.locale}/states/${state.iso3}`;
    return formPage(
      c,
      m.t(kind.newTitle, { name: pick(state.names, m.locale) }),
      `${base}/${path}/new`,
      `${base}/reports`,
      values,
      problems,
      status,
    );
  };

  const editPage = async (c: AppContextOf, row: R, values: V, problems: FieldProblem[], status: Status) => {
    const m = c.get('m');
    const base = `/${m.locale}/${path}/${row.id}`;
    return formPage(c, m.t('reports.editTitle', { title: await kind.title(c, row) }), `${base}/edit`, base, values, problems, status);
  };

  const mayCreate = (c: AppContextOf, iso3: string) =>
    authorize(
      c,
      can(c.get('viewer'), 'create', { type: kind.type, confidentiality: 'public', stateIso3: iso3 }),
      `the recording of ${noun}s`,
    );

  r.get(`/states/:iso3/${path}/new`, async (c) => {
    const state = await visibleState(c);
    mayCreate(c, state.iso3);
    return newPage(c, state, kind.blank, [], 200);
  });

  r.post(`/states/:iso3/${path}/new`, async (c) => {
    const state = await visibleState(c);
    mayCreate(c, state.iso3);
    const { version: _none, ...values } = kind.valuesOf(await formBody(c));
    try {
      const made = await kind.create(c.get('app').database.db, c.get('viewer'), { ...kind.inputOf(values as V), stateIso3: state.iso3 });
      return c.redirect(`/${c.get('m').locale}/${path}/${made.id}`, 303);
    } catch (err) {
      const { problems, status } = refusal(err);
      return newPage(c, state, values as V, problems, status);
    }
  });

  r.get(`/${path}/:id`, async (c) => recordPage(c, await load(c)));

  r.get(`/${path}/:id/edit`, async (c) => {
    const row = await load(c);
    authorize(c, can(c.get('viewer'), 'update', kind.resource(row)), `the editing of this ${noun}`);
    return editPage(c, row, kind.formOf(row), [], 200);
  });

  r.post(`/${path}/:id/edit`, async (c) => {
    const viewer = c.get('viewer');
    const row = await load(c);
    authorize(c, can(viewer, 'update', kind.resource(row)), `the editing of this ${noun}`);
    const body = await formBody(c);
    const values = kind.valuesOf(body);
    try {
      await kind.update(c.get('app').database.db, viewer, row.id, versionOf(body), kind.inputOf(values));
    } catch (err) {
      const { problems, status } = refusal(err);
      // After a stale save the form keeps what was typed, against the version saved meanwhile.
      if (status === 422) return editPage(c, row, values, problems, status);
      const fresh = (await kind.visible(c.get('app').database.db, viewer, row.id)) ?? row;
      return editPage(c, fresh, { ...values, version: String(fresh.row_version) }, problems, status);
    }
    return c.redirect(`/${c.get('m').locale}/${path}/${row.id}`, 303);
  });

  for (const to of ['archive', 'restore'] as const) {
    r.post(`/${path}/:id/${to}`, async (c) => {
      const viewer = c.get('viewer');
      const row = await load(c);
      authorize(c, can(viewer, to, kind.resource(row)), 'this change');
      const body = await formBody(c);
      const m = c.get('m');
      if (to === 'archive') {
        const ask = await confirmFirst(c, body, {
          title: m.t('confirm.archive.title', { name: await kind.title(c, row) }),
          consequence: m.t('confirm.archive'),
          button: m.t('record.archive'),
          cancel: `/${m.locale}/${path}/${row.id}`,
        });
        if (ask) return ask;
      }
      const version = versionOf(body);
      try {
        await kind[to](c.get('app').database.db, viewer, row.id, version);
      } catch (err) {
        const { problems, status } = refusal(err);
        return recordPage(c, (await kind.visible(c.get('app').database.db, viewer, row.id)) ?? row, problems, status);
      }
      return c.redirect(`/${c.get('m').locale}/${path}/${row.id}`, 303);
    });
  }

  return r;
}

/** `/{lang}/states/{iso3}/reports/new`, `/{lang}/reports/{id}` and its edit, archive and restore; the same for action plans. */
export function recordWebRoutes() {
  const r = new Hono<AppEnv>();
  r.route('/', recordRoutes(reportPages));
  r.route('/', recordRoutes(planPages));
  return r;
}
