import { Hono } from 'hono';
import { actorOf } from '../../platform/audit/record.ts';
import { recordHistory } from '../../platform/audit/history.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { type FormBody, formBody, text } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { locales } from '../../platform/i18n/locales.ts';
import { can, isCommitteeSide, type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import { HistoryList } from '../../platform/ui/history.tsx';
import { confirmFirst } from '../../platform/ui/record-actions.tsx';
import { todayIso } from '../../platform/values/dates.ts';
import { publicationsAtom } from './atom.ts';
import {
  approvePublication,
  createPublication,
  publishPublication,
  setPublicationArchived,
  type Texts,
  updatePublication,
} from './commands.ts';
import { type PublicationInput, publicationFilters } from './inputs.ts';
import { nameIn } from './labels.ts';
import { PublicationDetail, PublicationForm, type PublicationFormValues, PublicationList } from './pages.tsx';
import { listPublications, publicationResource, publicationYears, visiblePublication } from './queries.ts';
import type { PublicationKind } from './schema.ts';

const pageSize = 50;

const mayCreate = (viewer: Viewer | null) => can(viewer, 'create', { type: 'publication', confidentiality: 'committee' });

function withParams(c: AppContextOf, changes: Record<string, string | null>): string {
  const url = new URL(c.req.url);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  return `${url.pathname}?${url.searchParams.toString()}`;
}

/** The form's fields as the write core's input: a version for each language with a title or a text. */
export function inputOfForm(values: PublicationFormValues): PublicationInput {
  const texts: Record<string, { title: string; body: string }> = {};
  for (const l of locales) {
    const title = values[`title.${l}`] ?? '';
    const body = values[`body.${l}`] ?? '';
    if (title.trim() || body.trim()) texts[l] = { title, body };
  }
  return { kind: values.kind as PublicationKind, dated: values.dated ?? '', reference: values.reference ?? '', texts };
}

function valuesOfForm(body: FormBody): PublicationFormValues {
  const names = ['version', 'kind', 'dated', 'reference', ...locales.flatMap((l) => [`title.${l}`, `body.${l}`])];
  return Object.fromEntries(names.map((n) => [n, text(body, n)]));
}

function valuesOfRow(row: { kind: string; dated: string; reference: string; row_version: number }, texts: Texts): PublicationFormValues {
  const values: PublicationFormValues = { version: String(row.row_version), kind: row.kind, dated: row.dated, reference: row.reference };
  for (const [l, t] of Object.entries(texts)) {
    values[`title.${l}`] = t.title;
    values[`body.${l}`] = t.body;
  }
  return values;
}

/** `/{lang}/publications…`: the archive by kind and year, its Atom feed, a publication, the forms, the workflow, history. */
export function publicationWebRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const raw = { kind: c.req.query('kind') ?? '', year: c.req.query('year') ?? '', status: c.req.query('status') ?? '' };
    const filters = publicationFilters(raw);
    const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const [{ total, rows }, years] = await Promise.all([
      listPublications(db, viewer, filters, { limit: pageSize, offset: (page - 1) * pageSize }),
      publicationYears(db, viewer),
    ]);
    return render(
      c,
      { title: m.t('publications.title') },
      <PublicationList
        m={m}
        items={rows}
        total={total}
        filters={raw}
        years={years}
        committeeSide={isCommitteeSide(viewer)}
        mayCreate={mayCreate(viewer)}
        feedHref={`/${m.locale}/publications/feed.atom${filters.kind ? `?kind=${filters.kind}` : ''}`}
        pages={{
          previous: page > 1 ? withParams(c, { page: String(page - 1) }) : null,
          next: page * pageSize < total ? withParams(c, { page: String(page + 1) }) : null,
        }}
      />,
    );
  });

  r.get('/feed.atom', async (c) => {
    const m = c.get('m');
    const filters = publicationFilters({ kind: c.req.query('kind') ?? '' });
    // The feed is the public's, whoever asks: published publications only.
    const { rows } = await listPublications(c.get('app').database.db, null, { ...filters, status: 'published' }, { limit: 100, offset: 0 });
    const origin = new URL(c.req.url).origin;
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    return c.body(publicationsAtom(m, origin, filters.kind as PublicationKind | undefined, rows));
  });

  const formPage = (
    c: AppContextOf,
    title: string,
    action: string,
    cancel: string,
    values: PublicationFormValues,
    problems: FieldProblem[],
    status: 200 | 409 | 422,
  ) =>
    render(
      c,
      { title, status },
      <PublicationForm m={c.get('m')} action={action} cancel={cancel} values={values} problems={problems} csrfToken={c.get('csrfToken')} />,
    );

  r.get('/new', (c) => {
    const m = c.get('m');
    authorize(c, mayCreate(c.get('viewer')), 'the writing of publications');
    const values = { kind: c.req.query('kind') ?? 'press-release', dated: todayIso() };
    return formPage(c, m.t('publications.new'), `/${m.locale}/publications/new`, `/${m.locale}/publications`, values, [], 200);
  });

  r.post('/new', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    authorize(c, mayCreate(viewer), 'the writing of publications');
    const values = valuesOfForm(await formBody(c));
    try {
      const row = await createPublication(c.get('app').database.db, actorOf(viewer), inputOfForm(values));
      return c.redirect(`/${m.locale}/publications/${row.id}`, 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'validation') throw e;
      return formPage(c, m.t('publications.new'), `/${m.locale}/publications/new`, `/${m.locale}/publications`, values, e.fields, 422);
    }
  });

  r.get('/:id', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const view = await visiblePublication(c.get('app').database.db, viewer, c.req.param('id'));
    const resource = publicationResource(view.row);
    return render(
      c,
      { title: nameIn(view.texts, m.locale)?.value.title ?? m.t('publications.title') },
      <PublicationDetail
        m={m}
        view={view}
        csrfToken={c.get('csrfToken')}
        today={todayIso()}
        actions={{
          edit: can(viewer, 'update', resource),
          archive: can(viewer, view.row.archived_at ? 'restore' : 'archive', resource),
          history: can(viewer, 'read-history', resource),
          approve: can(viewer, 'approve', resource),
          publish: can(viewer, 'publish', resource),
        }}
      />,
    );
  });

  r.get('/:id/history', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const view = await visiblePublication(db, viewer, c.req.param('id'));
    authorize(c, can(viewer, 'read-history', publicationResource(view.row)), 'the history of this publication');
    const events = await recordHistory(db, visibilityScope(viewer), 'publication', view.row.id);
    const name = nameIn(view.texts, m.locale)?.value.title ?? view.row.id;
    return render(
      c,
      { title: m.t('history.titleOf', { name }) },
      <HistoryList m={m} events={events} back={`/${m.locale}/publications/${view.row.id}`} />,
    );
  });

  r.get('/:id/edit', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const view = await visiblePublication(c.get('app').database.db, viewer, c.req.param('id'));
    authorize(c, can(viewer, 'update', publicationResource(view.row)), 'the editing of this publication');
    const base = `/${m.locale}/publications/${view.row.id}`;
    return formPage(c, m.t('publications.edit'), `${base}/edit`, base, valuesOfRow(view.row, view.texts), [], 200);
  });

  r.post('/:id/edit', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const view = await visiblePublication(db, viewer, c.req.param('id'));
    authorize(c, can(viewer, 'update', publicationResource(view.row)), 'the editing of this publication');
    const base = `/${m.locale}/publications/${view.row.id}`;
    const values = valuesOfForm(await formBody(c));
    try {
      await updatePublication(db, actorOf(viewer), view.row.id, Number(values.version), inputOfForm(values));
      return c.redirect(base, 303);
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation')
        return formPage(c, m.t('publications.edit'), `${base}/edit`, base, values, e.fields, 422);
      if (e instanceof AppError && e.code === 'conflict') {
        const fresh = await visiblePublication(db, viewer, view.row.id);
        const problems = [{ field: 'version', problem: e.message }];
        return formPage(
          c,
          m.t('publications.edit'),
          `${base}/edit`,
          base,
          { ...values, version: String(fresh.row.row_version) },
          problems,
          409,
        );
      }
      throw e;
    }
  });

  for (const step of ['approve', 'publish'] as const)
    r.post(`/:id/${step}`, async (c) => {
      const m = c.get('m');
      const viewer = c.get('viewer');
      const db = c.get('app').database.db;
      const view = await visiblePublication(db, viewer, c.req.param('id'));
      authorize(c, can(viewer, step, publicationResource(view.row)), `the ${step} step of this publication`);
      const body = await formBody(c);
      const version = Number(text(body, 'version'));
      if (step === 'approve') await approvePublication(db, actorOf(viewer), view.row.id, version);
      else await publishPublication(db, actorOf(viewer), view.row.id, version, { publishedOn: text(body, 'publishedOn') });
      return c.redirect(`/${m.locale}/publications/${view.row.id}`, 303);
    });

  for (const archived of [true, false])
    r.post(`/:id/${archived ? 'archive' : 'restore'}`, async (c) => {
      const viewer = c.get('viewer');
      const db = c.get('app').database.db;
      const view = await visiblePublication(db, viewer, c.req.param('id'));
      authorize(c, can(viewer, archived ? 'archive' : 'restore', publicationResource(view.row)), 'this change');
      const body = await formBody(c);
      const m = c.get('m');
      if (archived) {
        const ask = await confirmFirst(c, body, {
          title: m.t('confirm.archive.title', { name: nameIn(view.texts, m.locale)?.value.title ?? view.row.id }),
          consequence: m.t('confirm.archive'),
          button: m.t('record.archive'),
          cancel: `/${m.locale}/publications/${view.row.id}`,
        });
        if (ask) return ask;
      }
      const version = Number(text(body, 'version'));
      await setPublicationArchived(db, actorOf(viewer), view.row.id, version, archived);
      return c.redirect(`/${c.get('m').locale}/publications/${view.row.id}`, 303);
    });

  return r;
}
