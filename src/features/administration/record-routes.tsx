// The pages of one record of administration, alike for the four kinds: new and page here; edit, archive, restore and history the platform's (recordPages).
import { Hono } from 'hono';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { formBody, text } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { can } from '../../platform/policy/policy.ts';
import { RecordActions } from '../../platform/ui/record-actions.tsx';
import { type RecordForm, type RecordKind, recordPages, visibleRecord } from '../../platform/ui/record-pages.tsx';
import { refusal } from '../reports/index.ts';
import { type FormValues, SpecForm } from './forms.tsx';
import type { PageKind } from './kinds.tsx';
import { loadNames } from './names.ts';

type Kept = { id: string; row_version: number; archived_at: Date | null };

/** The form's values from the body sent: the fields of `blank`, by name. */
const valuesOfBody = (body: Record<string, unknown>, blank: FormValues): FormValues =>
  Object.fromEntries(Object.keys(blank).map((k) => [k, text(body as never, k)]));

/**
 * The routes of a kind, relative to where the kind's router is mounted (`sub`: '' for the
 * appointments at /committee/people, '/donors' for the donors under /committee/trust-fund).
 */
export function recordRoutes<R extends Kept>(kind: PageKind<R>, sub: string) {
  const r = new Hono<AppEnv>();
  const db = (c: AppContextOf) => c.get('app').database.db;
  const names = (c: AppContextOf) => loadNames(db(c), c.get('viewer'), c.get('m'), kind.fund);

  const formPage = async (c: AppContextOf, p: RecordForm<FormValues>) => {
    const m = c.get('m');
    return render(
      c,
      { title: p.title, status: p.status },
      <SpecForm
        m={m}
        action={p.action}
        cancel={p.cancel}
        values={p.values}
        problems={p.problems}
        csrfToken={c.get('csrfToken')}
        fields={kind.fields(m, await names(c))}
      />,
    );
  };

  const shared: RecordKind<R, FormValues> = {
    path: kind.path,
    type: kind.type,
    noun: 'record',
    find: kind.find,
    resource: kind.resource,
    title: async (c, row) => kind.title(c.get('m'), row, await names(c)),
    editTitle: (c) => c.get('m').t(kind.editTitle),
    formOf: (_c, row) => kind.formOf(row),
    valuesOf: (body) => valuesOfBody(body, kind.blank),
    inputOf: kind.inputOf,
    form: formPage,
    update: kind.update,
    setArchived: kind.setArchived,
    history: true,
    restore: true,
  };

  const newForm = (c: AppContextOf) => {
    const m = c.get('m');
    return { title: m.t(kind.newTitle), action: `/${m.locale}${kind.path}/new`, cancel: `/${m.locale}${kind.list}` };
  };

  const mayCreate = (c: AppContextOf) =>
    authorize(
      c,
      can(c.get('viewer'), 'create', { type: kind.type, confidentiality: 'committee', stateIso3: null }),
      'the recording of this kind of record',
    );

  r.get(`${sub}/new`, async (c) => {
    mayCreate(c);
    return formPage(c, { ...newForm(c), values: kind.blank, problems: [], status: 200 });
  });

  r.post(`${sub}/new`, async (c) => {
    const m = c.get('m');
    mayCreate(c);
    const values = valuesOfBody(await formBody(c), kind.blank);
    try {
      const made = await kind.create(db(c), c.get('viewer'), kind.inputOf(values));
      return c.redirect(`/${m.locale}${kind.path}/${made.id}`, 303);
    } catch (err) {
      const { status, problems } = refusal(err);
      return formPage(c, { ...newForm(c), values, problems, status });
    }
  });

  r.get(`${sub}/:id`, async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const row = await visibleRecord(shared, c);
    const n = await names(c);
    const resource = kind.resource(row);
    const archived = row.archived_at !== null;
    const actions = {
      history: can(viewer, 'read-history', resource),
      edit: can(viewer, 'update', resource),
      archive: can(viewer, archived ? 'restore' : 'archive', resource),
    };
    return render(
      c,
      { title: kind.title(m, row, n) },
      <>
        {archived && (
          <p class="notice" role="status">
            {m.t('record.archived', { date: m.date(row.archived_at!) })}
          </p>
        )}
        <dl class="facts">
          {kind.facts(m, row, n).map(([label, value]) => (
            <>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </>
          ))}
        </dl>
        {(actions.history || actions.edit || actions.archive) && (
          <RecordActions
            m={m}
            base={`/${m.locale}${kind.path}/${row.id}`}
            archived={archived}
            version={row.row_version}
            csrfToken={c.get('csrfToken')}
            actions={actions}
          />
        )}
        <p>
          <a href={`/${m.locale}${kind.list}`}>
            {m.t(kind.list === '/committee/people' ? 'administration.peopleTitle' : 'administration.trustFundTitle')}
          </a>
        </p>
      </>,
    );
  });

  r.route('/', recordPages(shared, sub));
  return r;
}
