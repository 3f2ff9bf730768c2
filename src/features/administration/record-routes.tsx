// The pages of one record of administration, alike for the four kinds: new, page, edit, archive, restore, history.
import { Hono } from 'hono';
import { recordHistory } from '../../platform/audit/history.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { formBody, text } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { can, visibilityScope } from '../../platform/policy/policy.ts';
import { HistoryList } from '../../platform/ui/history.tsx';
import { confirmFirst, RecordActions } from '../../platform/ui/record-actions.tsx';
import { refusal, requiredVersion, type Status } from '../reports/index.ts';
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

  /** A record the viewer may see, or not found: a hidden record is not even said to exist. */
  const visible = async (c: AppContextOf): Promise<R> => {
    const id = c.req.param('id') ?? '';
    const row = await kind.find(db(c), id);
    if (!row || !can(c.get('viewer'), 'read', kind.resource(row)))
      throw new AppError('not-found', `no record has the id ${id.slice(0, 40)}`);
    return row;
  };

  const formPage = async (
    c: AppContextOf,
    title: string,
    action: string,
    cancel: string,
    values: FormValues,
    problems: FieldProblem[],
    status: Status,
  ) => {
    const m = c.get('m');
    return render(
      c,
      { title, status },
      <SpecForm
        m={m}
        action={action}
        cancel={cancel}
        values={values}
        problems={problems}
        csrfToken={c.get('csrfToken')}
        fields={kind.fields(m, await names(c))}
      />,
    );
  };

  const mayCreate = (c: AppContextOf) =>
    authorize(
      c,
      can(c.get('viewer'), 'create', { type: kind.type, confidentiality: 'committee', stateIso3: null }),
      'the recording of this kind of record',
    );

  r.get(`${sub}/new`, async (c) => {
    const m = c.get('m');
    mayCreate(c);
    return formPage(c, m.t(kind.newTitle), `/${m.locale}${kind.path}/new`, `/${m.locale}${kind.list}`, kind.blank, [], 200);
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
      return formPage(c, m.t(kind.newTitle), `/${m.locale}${kind.path}/new`, `/${m.locale}${kind.list}`, values, problems, status);
    }
  });

  r.get(`${sub}/:id`, async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const row = await visible(c);
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

  r.get(`${sub}/:id/history`, async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const row = await visible(c);
    authorize(c, can(viewer, 'read-history', kind.resource(row)), 'the history of this record');
    const events = await recordHistory(db(c), visibilityScope(viewer), kind.type, row.id);
    return render(
      c,
      { title: m.t('history.titleOf', { name: kind.title(m, row, await names(c)) }) },
      <HistoryList m={m} events={events} back={`/${m.locale}${kind.path}/${row.id}`} />,
    );
  });

  r.get(`${sub}/:id/edit`, async (c) => {
    const m = c.get('m');
    const row = await visible(c);
    authorize(c, can(c.get('viewer'), 'update', kind.resource(row)), 'the editing of this record');
    const base = `/${m.locale}${kind.path}/${row.id}`;
    return formPage(c, m.t(kind.editTitle), `${base}/edit`, base, kind.formOf(row), [], 200);
  });

  r.post(`${sub}/:id/edit`, async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const row = await visible(c);
    authorize(c, can(viewer, 'update', kind.resource(row)), 'the editing of this record');
    const base = `/${m.locale}${kind.path}/${row.id}`;
    const values = valuesOfBody(await formBody(c), kind.blank);
    try {
      await kind.update(db(c), viewer, row.id, requiredVersion(values.version ?? ''), kind.inputOf(values));
      return c.redirect(base, 303);
    } catch (err) {
      const { status, problems } = refusal(err);
      // After a conflict the form carries the current version: saving again overwrites knowingly.
      const fresh =
        status === 409 ? { ...values, version: String((await kind.find(db(c), row.id))?.row_version ?? values.version) } : values;
      return formPage(c, m.t(kind.editTitle), `${base}/edit`, base, fresh, problems, status);
    }
  });

  for (const archived of [true, false])
    r.post(`${sub}/:id/${archived ? 'archive' : 'restore'}`, async (c) => {
      const viewer = c.get('viewer');
      const row = await visible(c);
      authorize(c, can(viewer, archived ? 'archive' : 'restore', kind.resource(row)), 'the archiving or restoring of this record');
      const body = await formBody(c);
      if (archived) {
        const m = c.get('m');
        const ask = await confirmFirst(c, body, {
          title: m.t('confirm.archive.title', { name: kind.title(m, row, await names(c)) }),
          consequence: m.t('confirm.archive'),
          button: m.t('record.archive'),
          cancel: `/${m.locale}${kind.path}/${row.id}`,
        });
        if (ask) return ask;
      }
      const version = requiredVersion(text(body, 'version'));
      await kind.setArchived(db(c), viewer, row.id, version, archived);
      return c.redirect(`/${c.get('m').locale}${kind.path}/${row.id}`, 303);
    });

  return r;
}
