// The pages of one report: new (from a State), detail, edit, archive and restore.
import { Hono } from 'hono';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { type FormBody, formBody, text, texts } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { pick } from '../../platform/i18n/locales.ts';
import { can } from '../../platform/policy/policy.ts';
import { actorOf } from '../../platform/audit/record.ts';
import type { StateRow } from '../member-states/index.ts';
import { archiveReport, createReport, restoreReport, updateReport } from './commands.ts';
import { kindLabel } from './pages.tsx';
import { linkedDocuments, type ReportRow, reportResource, visibleReport } from './queries.ts';
import { level, refusal, type Status, stateName, versionOf, visibleState } from './record-common.ts';
import { ReportForm, type ReportFormValues } from './record-forms.tsx';
import { ReportDetail } from './record-pages.tsx';

async function loadReport(c: AppContextOf): Promise<ReportRow> {
  const r = await visibleReport(c.get('app').database.db, c.get('viewer'), c.req.param('id') ?? '');
  if (!r) throw new AppError('not-found', 'no report has this id');
  return r;
}

function reportValues(body: FormBody): ReportFormValues {
  return {
    kind: text(body, 'kind'),
    receivedOn: text(body, 'receivedOn').trim(),
    symbol: text(body, 'symbol'),
    languages: texts(body, 'languages'),
    summary: text(body, 'summary'),
    paragraphs: texts(body, 'paragraphs'),
    weaponTypes: texts(body, 'weaponTypes'),
    confidentiality: text(body, 'confidentiality'),
    version: text(body, 'version'),
  };
}

const reportFormOf = (r: ReportRow): ReportFormValues => ({
  kind: r.kind,
  receivedOn: r.received_on,
  symbol: r.symbol,
  languages: r.languages,
  summary: r.summary,
  paragraphs: r.paragraphs,
  weaponTypes: r.weapon_types,
  confidentiality: r.confidentiality,
  version: String(r.row_version),
});

async function reportTitle(c: AppContextOf, r: ReportRow): Promise<string> {
  const m = c.get('m');
  return m.t('reports.reportTitle', { kind: kindLabel(m, r.kind), name: await stateName(c, r.state_iso3), date: m.date(r.received_on) });
}

async function reportPage(c: AppContextOf, r: ReportRow, problems: FieldProblem[] = [], status: Status = 200) {
  const m = c.get('m');
  const viewer = c.get('viewer');
  const db = c.get('app').database.db;
  return render(
    c,
    { title: await reportTitle(c, r), status },
    <ReportDetail
      m={m}
      report={r}
      stateName={await stateName(c, r.state_iso3)}
      documents={await linkedDocuments(db, viewer, 'report', r.id)}
      actions={{
        edit: can(viewer, 'update', reportResource(r)),
        archive: can(viewer, r.archived_at ? 'restore' : 'archive', reportResource(r)),
        upload: can(viewer, 'create', { type: 'document', confidentiality: 'public' }),
      }}
      problems={problems}
      csrfToken={c.get('csrfToken')}
    />,
  );
}

/** `/{lang}/states/{iso3}/reports/new`, `/{lang}/reports/{id}` and its edit, archive and restore. */
export function reportRecordRoutes() {
  const r = new Hono<AppEnv>();

  const newReportPage = async (c: AppContextOf, state: StateRow, values: ReportFormValues, problems: FieldProblem[], status: Status) => {
    const m = c.get('m');
    return render(
      c,
      { title: m.t('reports.newReportTitle', { name: pick(state.names, m.locale) }), status },
      <ReportForm
        m={m}
        action={`/${m.locale}/states/${state.iso3}/reports/new`}
        cancel={`/${m.locale}/states/${state.iso3}/reports`}
        values={values}
        problems={problems}
        csrfToken={c.get('csrfToken')}
      />,
    );
  };

  r.get('/states/:iso3/reports/new', async (c) => {
    const state = await visibleState(c);
    authorize(
      c,
      can(c.get('viewer'), 'create', { type: 'national-report', confidentiality: 'public', stateIso3: state.iso3 }),
      'the recording of reports',
    );
    const values: ReportFormValues = {
      kind: 'additional-information',
      receivedOn: '',
      symbol: '',
      languages: [],
      summary: '',
      paragraphs: [],
      weaponTypes: [],
      confidentiality: 'public',
    };
    return newReportPage(c, state, values, [], 200);
  });

  r.post('/states/:iso3/reports/new', async (c) => {
    const viewer = c.get('viewer');
    const state = await visibleState(c);
    const { version: _none, ...values } = reportValues(await formBody(c));
    authorize(
      c,
      can(viewer, 'create', { type: 'national-report', confidentiality: level(values.confidentiality), stateIso3: state.iso3 }),
      'the recording of reports',
    );
    try {
      const made = await createReport(c.get('app').database.db, actorOf(viewer), { ...values, stateIso3: state.iso3 });
      return c.redirect(`/${c.get('m').locale}/reports/${made.id}`, 303);
    } catch (err) {
      const { problems, status } = refusal(err);
      return newReportPage(c, state, values, problems, status);
    }
  });

  r.get('/reports/:id', async (c) => reportPage(c, await loadReport(c)));

  const editReportPage = async (c: AppContextOf, row: ReportRow, values: ReportFormValues, problems: FieldProblem[], status: Status) => {
    const m = c.get('m');
    return render(
      c,
      { title: m.t('reports.editTitle', { title: await reportTitle(c, row) }), status },
      <ReportForm
        m={m}
        action={`/${m.locale}/reports/${row.id}/edit`}
        cancel={`/${m.locale}/reports/${row.id}`}
        values={values}
        problems={problems}
        csrfToken={c.get('csrfToken')}
      />,
    );
  };

  r.get('/reports/:id/edit', async (c) => {
    const row = await loadReport(c);
    authorize(c, can(c.get('viewer'), 'update', reportResource(row)), 'the editing of this report');
    return editReportPage(c, row, reportFormOf(row), [], 200);
  });

  r.post('/reports/:id/edit', async (c) => {
    const viewer = c.get('viewer');
    const row = await loadReport(c);
    authorize(c, can(viewer, 'update', reportResource(row)), 'the editing of this report');
    const body = await formBody(c);
    const values = reportValues(body);
    authorize(c, can(viewer, 'update', { ...reportResource(row), confidentiality: level(values.confidentiality) }), 'this change');
    try {
      const { version: _v, ...input } = values;
      await updateReport(c.get('app').database.db, actorOf(viewer), row.id, versionOf(body), input);
    } catch (err) {
      const { problems, status } = refusal(err);
      // After a stale save the form keeps what was typed, against the version saved meanwhile.
      if (status === 422) return editReportPage(c, row, values, problems, status);
      const fresh = (await visibleReport(c.get('app').database.db, viewer, row.id)) ?? row;
      return editReportPage(c, fresh, { ...values, version: String(fresh.row_version) }, problems, status);
    }
    return c.redirect(`/${c.get('m').locale}/reports/${row.id}`, 303);
  });

  for (const archive of [true, false]) {
    r.post(`/reports/:id/${archive ? 'archive' : 'restore'}`, async (c) => {
      const viewer = c.get('viewer');
      const row = await loadReport(c);
      authorize(c, can(viewer, archive ? 'archive' : 'restore', reportResource(row)), 'this change');
      const version = versionOf(await formBody(c));
      try {
        await (archive ? archiveReport : restoreReport)(c.get('app').database.db, actorOf(viewer), row.id, version);
      } catch (err) {
        const { problems, status } = refusal(err);
        return reportPage(c, (await visibleReport(c.get('app').database.db, viewer, row.id)) ?? row, problems, status);
      }
      return c.redirect(`/${c.get('m').locale}/reports/${row.id}`, 303);
    });
  }

  return r;
}
