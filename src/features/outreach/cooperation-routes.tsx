import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { recordHistory } from '../../platform/audit/history.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { formBody, text } from '../../platform/http/forms.ts';
import { languageNames } from '../../platform/http/layout.tsx';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { can, type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import { HistoryList } from '../../platform/ui/history.tsx';
import { confirmFirst, RecordActions } from '../../platform/ui/record-actions.tsx';
import { sourceLabel } from '../reports/index.ts';
import { createCooperation, setCooperationArchived, updateCooperation } from './commands.ts';
import {
  CooperationForm,
  type CooperationFormValues,
  cooperationFormValues,
  cooperationInputOf,
  cooperationValuesOf,
  emptyCooperation,
} from './cooperation-form.tsx';
import { datesText, label, linkLabel, type Names, namesFor, organizationKindLabel, organizationName, stateName } from './labels.ts';
import { linkPath } from './links.ts';
import { cooperationFor, cooperationText } from './present.ts';
import { type CooperationRow, cooperationResource, listCooperation, visibleCooperation } from './queries.ts';

const mayCreate = (viewer: Viewer | null) => can(viewer, 'create', { type: 'cooperation', confidentiality: 'committee' });

const Links: FC<{ m: Messages; links: string[] }> = ({ m, links }) => (
  <ul>
    {links.map((l) => {
      const path = linkPath(l);
      return <li>{path ? <a href={`/${m.locale}${path}`}>{linkLabel(m, l)}</a> : linkLabel(m, l)}</li>;
    })}
  </ul>
);

/** A record's description in the reader's language where it is translated, else the English marked lang="en". */
const CooperationDescription: FC<{ m: Messages; c: CooperationRow }> = ({ m, c }) => {
  const t = cooperationText(c, m.locale);
  return <span lang={t.language === m.locale ? undefined : t.language}>{t.description}</span>;
};

/** The cooperation records of one organization, as a list (the cooperation page and the organization's page). */
export const CooperationList: FC<{ m: Messages; rows: CooperationRow[] }> = ({ m, rows }) => (
  <ul>
    {rows.map((c) => (
      <li>
        <a href={`/${m.locale}/cooperation/${c.id}`}>{label(m, `cooperation.activity.${c.activity}`)}</a> (
        <time datetime={c.starts_on}>{datesText(m, c)}</time>): <CooperationDescription m={m} c={c} />
      </li>
    ))}
  </ul>
);

const CooperationPage: FC<{ m: Messages; rows: CooperationRow[]; names: Names; organization: string; mayCreate: boolean }> = ({
  m,
  rows,
  names,
  organization,
  mayCreate: may,
}) => {
  const codes = [...new Set(rows.map((r) => r.organization_code))];
  return (
    <>
      <p>{m.t('outreach.cooperation.intro')}</p>
      {may && (
        <p>
          <a href={`/${m.locale}/cooperation/new`}>{m.t('outreach.cooperation.new')}</a>
        </p>
      )}
      {organization && (
        <p>
          <a href={`/${m.locale}/cooperation`}>{m.t('outreach.allOrganizations')}</a>
        </p>
      )}
      {codes.length === 0 && <p>{m.t('outreach.cooperation.none')}</p>}
      {codes.map((code) => (
        <section aria-labelledby={`cooperation-${code}`}>
          <h2 id={`cooperation-${code}`}>
            <a href={`/${m.locale}/organizations/${code}`}>{organizationName(names, code)}</a>
          </h2>
          <p>
            {m.t('outreach.cooperation.kind')}: {organizationKindLabel(m, names.kinds.get(code) ?? '')}
          </p>
          <CooperationList m={m} rows={rows.filter((r) => r.organization_code === code)} />
        </section>
      ))}
    </>
  );
};

const CooperationDetail: FC<{
  m: Messages;
  c: CooperationRow;
  names: Names;
  csrfToken: string;
  actions: { edit: boolean; archive: boolean; history: boolean };
}> = ({ m, c, names, csrfToken, actions }) => (
  <>
    {c.archived_at && (
      <p class="notice" role="status">
        {m.t('record.archived', { date: m.date(c.archived_at) })}
      </p>
    )}
    <dl class="facts">
      <dt>{m.t('outreach.organization')}</dt>
      <dd>
        <a href={`/${m.locale}/organizations/${c.organization_code}`}>{organizationName(names, c.organization_code)}</a> (
        {organizationKindLabel(m, names.kinds.get(c.organization_code) ?? '')})
      </dd>
      <dt>{m.t('outreach.cooperation.activity')}</dt>
      <dd>{label(m, `cooperation.activity.${c.activity}`)}</dd>
      <dt>{m.t('outreach.cooperation.period')}</dt>
      <dd>{datesText(m, c)}</dd>
      {c.state_iso3 && (
        <>
          <dt>{m.t('outreach.state')}</dt>
          <dd>
            <a href={`/${m.locale}/states/${c.state_iso3}`}>{stateName(names, c.state_iso3)}</a>
          </dd>
        </>
      )}
      <dt>{m.t('outreach.confidentiality')}</dt>
      <dd>{label(m, `level.${c.confidentiality}`)}</dd>
      <dt>{m.t('outreach.source')}</dt>
      <dd>{sourceLabel(m, c.source)}</dd>
    </dl>
    <h2>{m.t('outreach.description')}</h2>
    <p>
      <CooperationDescription m={m} c={c} />
    </p>
    {cooperationText(c, m.locale).language !== m.locale && (
      <p class="hint">{m.t('outreach.cooperation.notTranslated', { language: languageNames[m.locale] })}</p>
    )}
    {c.links.length > 0 && (
      <>
        <h2>{m.t('outreach.links')}</h2>
        <Links m={m} links={c.links} />
      </>
    )}
    <p>
      <a href={`/${m.locale}/cooperation?organization=${c.organization_code}`}>{m.t('outreach.cooperation.title')}</a>
    </p>
    {(actions.edit || actions.archive || actions.history) && (
      <RecordActions
        m={m}
        base={`/${m.locale}/cooperation/${c.id}`}
        archived={c.archived_at !== null}
        version={c.row_version}
        csrfToken={csrfToken}
        actions={actions}
      />
    )}
  </>
);

/** `/{lang}/cooperation…`: per organization, what the Committee did with it; a record, its forms and history. */
export function cooperationRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const organization = (c.req.query('organization') ?? '').toUpperCase().slice(0, 40);
    const [rows, names] = await Promise.all([listCooperation(db, viewer, organization ? { organization } : {}), namesFor(db, viewer, m)]);
    return render(
      c,
      { title: m.t('outreach.cooperation.title') },
      <CooperationPage
        m={m}
        rows={await cooperationFor(db, viewer, rows)}
        names={names}
        organization={organization}
        mayCreate={mayCreate(viewer)}
      />,
    );
  });

  const formPage = (
    c: AppContextOf,
    title: string,
    action: string,
    cancel: string,
    values: CooperationFormValues,
    problems: FieldProblem[],
    status: 200 | 409 | 422,
  ) =>
    render(
      c,
      { title, status },
      <CooperationForm m={c.get('m')} action={action} cancel={cancel} values={values} problems={problems} csrfToken={c.get('csrfToken')} />,
    );

  r.get('/new', (c) => {
    const m = c.get('m');
    authorize(c, mayCreate(c.get('viewer')), 'the recording of cooperation');
    return formPage(
      c,
      m.t('outreach.cooperation.new'),
      `/${m.locale}/cooperation/new`,
      `/${m.locale}/cooperation`,
      emptyCooperation,
      [],
      200,
    );
  });

  r.post('/new', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    authorize(c, mayCreate(viewer), 'the recording of cooperation');
    const values = cooperationFormValues(await formBody(c));
    try {
      const row = await createCooperation(c.get('app').database.db, viewer, cooperationInputOf(values));
      return c.redirect(`/${m.locale}/cooperation/${row.id}`, 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'validation') throw e;
      return formPage(
        c,
        m.t('outreach.cooperation.new'),
        `/${m.locale}/cooperation/new`,
        `/${m.locale}/cooperation`,
        values,
        e.fields,
        422,
      );
    }
  });

  r.get('/:id', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const row = await visibleCooperation(db, viewer, c.req.param('id'));
    const [[shown], names] = await Promise.all([cooperationFor(db, viewer, [row]), namesFor(db, viewer, m)]);
    const resource = cooperationResource(row);
    return render(
      c,
      { title: `${organizationName(names, row.organization_code)} — ${label(m, `cooperation.activity.${row.activity}`)}` },
      <CooperationDetail
        m={m}
        c={shown!}
        names={names}
        csrfToken={c.get('csrfToken')}
        actions={{
          edit: can(viewer, 'update', resource),
          archive: can(viewer, row.archived_at ? 'restore' : 'archive', resource),
          history: can(viewer, 'read-history', resource),
        }}
      />,
    );
  });

  r.get('/:id/history', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const row = await visibleCooperation(c.get('app').database.db, viewer, c.req.param('id'));
    authorize(c, can(viewer, 'read-history', cooperationResource(row)), 'the history of this record');
    const events = await recordHistory(c.get('app').database.db, visibilityScope(viewer), 'cooperation', row.id);
    return render(
      c,
      { title: m.t('history.titleOf', { name: row.organization_code }) },
      <HistoryList m={m} events={events} back={`/${m.locale}/cooperation/${row.id}`} />,
    );
  });

  r.get('/:id/edit', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const row = await visibleCooperation(c.get('app').database.db, viewer, c.req.param('id'));
    authorize(c, can(viewer, 'update', cooperationResource(row)), 'the editing of this record');
    const base = `/${m.locale}/cooperation/${row.id}`;
    return formPage(
      c,
      m.t('outreach.cooperation.editTitle', { name: row.organization_code }),
      `${base}/edit`,
      base,
      cooperationValuesOf(row),
      [],
      200,
    );
  });

  r.post('/:id/edit', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const row = await visibleCooperation(db, viewer, c.req.param('id'));
    authorize(c, can(viewer, 'update', cooperationResource(row)), 'the editing of this record');
    const base = `/${m.locale}/cooperation/${row.id}`;
    const title = m.t('outreach.cooperation.editTitle', { name: row.organization_code });
    const values = cooperationFormValues(await formBody(c));
    try {
      await updateCooperation(db, viewer, row.id, Number(values.version), cooperationInputOf(values));
      return c.redirect(base, 303);
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation') return formPage(c, title, `${base}/edit`, base, values, e.fields, 422);
      if (e instanceof AppError && e.code === 'conflict') {
        const fresh = await visibleCooperation(db, viewer, row.id);
        return formPage(
          c,
          title,
          `${base}/edit`,
          base,
          { ...values, version: String(fresh.row_version) },
          [{ field: 'version', problem: e.message }],
          409,
        );
      }
      throw e;
    }
  });

  for (const archived of [true, false])
    r.post(`/:id/${archived ? 'archive' : 'restore'}`, async (c) => {
      const viewer = c.get('viewer');
      const db = c.get('app').database.db;
      const row = await visibleCooperation(db, viewer, c.req.param('id'));
      authorize(c, can(viewer, archived ? 'archive' : 'restore', cooperationResource(row)), 'this change');
      const body = await formBody(c);
      const m = c.get('m');
      if (archived) {
        const ask = await confirmFirst(c, body, {
          title: m.t('confirm.archive.title', { name: row.organization_code }),
          consequence: m.t('confirm.archive'),
          button: m.t('record.archive'),
          cancel: `/${m.locale}/cooperation/${row.id}`,
        });
        if (ask) return ask;
      }
      await setCooperationArchived(db, viewer, row.id, Number(text(body, 'version')), archived);
      return c.redirect(`/${c.get('m').locale}/cooperation/${row.id}`, 303);
    });

  return r;
}
