import { csvResponse } from '../../platform/formats/csv.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { Hono } from 'hono';
import { AppError, type FieldProblem, invalid } from '../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { formBody, text } from '../../platform/http/forms.ts';
import { confirmFirst } from '../../platform/ui/record-actions.tsx';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { pick } from '../../platform/i18n/locales.ts';
import { can, type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import { HistoryList } from '../../platform/ui/history.tsx';
import { recordHistory } from '../../platform/audit/history.ts';
import { actorOf } from '../../platform/audit/record.ts';
import { listStates } from '../member-states/index.ts';
import { listOrganizations } from '../organizations/index.ts';
import { createLetter, setLetterArchived, updateLetter } from './commands.ts';
import { checkLetterInput, letterFilters } from './inputs.ts';
import { kindLabel, type Names, recipientsText, senderText } from './labels.ts';
import { emptyLetter, formValues, inputOf, LetterForm, type LetterFormValues, valuesOf } from './letter-form.tsx';
import { LetterDetail } from './letter-page.tsx';
import { LetterList, type ListFilters } from './list-page.tsx';
import { presentLetter, presentLetters } from './present.ts';
import {
  concernsOfLetters,
  documentsOfLetter,
  letterResource,
  letterYears,
  listLetters,
  originalOf,
  recipientsOfLetters,
  repliesTo,
  visibleLetter,
} from './queries.ts';

const pageSize = 50;

/** The names of the States and organizations the viewer may see, in the reader's language. */
export async function namesFor(c: AppContextOf): Promise<Names> {
  const db = c.get('app').database.db;
  const viewer = c.get('viewer');
  const l = c.get('m').locale;
  const [states, organizations] = await Promise.all([listStates(db, {}), listOrganizations(db, {})]);
  return {
    states: new Map(
      states
        .filter((s) => can(viewer, 'read', { type: 'member-state', confidentiality: s.confidentiality, stateIso3: s.iso3 }))
        .map((s) => [s.iso3, pick(s.names, l)]),
    ),
    organizations: new Map(
      organizations
        .filter((o) => can(viewer, 'read', { type: 'organization', confidentiality: o.confidentiality }))
        .map((o) => [o.code, pick(o.acronyms, l) || pick(o.names, l) || o.code]),
    ),
  };
}

function withParams(c: AppContextOf, changes: Record<string, string | null>): string {
  const url = new URL(c.req.url);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  return `${url.pathname}?${url.searchParams.toString()}`;
}

function mayCreate(viewer: Viewer | null): boolean {
  return can(viewer, 'create', { type: 'letter', confidentiality: 'committee' });
}

/** `/{lang}/letters…`: the list (and its CSV), a letter, the forms, archive and restore, its history. */
export function letterWebRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const raw: ListFilters = { state: c.req.query('state') ?? '', year: c.req.query('year') ?? '', kind: c.req.query('kind') ?? '' };
    const filters = letterFilters(raw);
    const names = await namesFor(c);
    if (c.req.query('format') === 'csv') {
      const { rows } = await listLetters(db, viewer, filters, { limit: 100_000, offset: 0 });
      const header = [
        m.t('letters.sentOn'),
        m.t('letters.kind'),
        m.t('letters.sender'),
        m.t('letters.recipients'),
        'ISO3',
        m.t('letters.subject'),
        m.t('letters.reference'),
        m.t('letters.state'),
        'ID',
      ];
      const lines = (await presentLetters(db, viewer, rows)).map(({ letter: l, recipients: to }) => [
        l.sent_on,
        kindLabel(m, l.kind),
        senderText(m, l, names),
        recipientsText(m, l, to, names),
        to.join(' '),
        l.subject,
        l.reference,
        l.state_iso3,
        l.id,
      ]);
      return csvResponse(c, `letters${raw.year ? `-${raw.year}` : ''}${filters.state ? `-${filters.state}` : ''}.csv`, [header, ...lines]);
    }
    const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const [{ total, rows }, years] = await Promise.all([
      listLetters(db, viewer, filters, { limit: pageSize, offset: (page - 1) * pageSize }),
      letterYears(db, viewer),
    ]);
    const letters = await presentLetters(db, viewer, rows);
    return render(
      c,
      { title: m.t('letters.title') },
      <LetterList
        m={m}
        letters={letters}
        total={total}
        names={names}
        filters={raw}
        years={years}
        csvHref={withParams(c, { format: 'csv', page: null })}
        pages={{
          previous: page > 1 ? withParams(c, { page: String(page - 1) }) : null,
          next: page * pageSize < total ? withParams(c, { page: String(page + 1) }) : null,
        }}
        mayCreate={mayCreate(viewer)}
      />,
    );
  });

  const formPage = (
    c: AppContextOf,
    title: string,
    action: string,
    cancel: string,
    values: LetterFormValues,
    problems: FieldProblem[],
    names: Names,
    status: 200 | 409 | 422,
  ) =>
    render(
      c,
      { title, status },
      <LetterForm
        m={c.get('m')}
        action={action}
        cancel={cancel}
        values={values}
        problems={problems}
        names={names}
        csrfToken={c.get('csrfToken')}
      />,
    );

  r.get('/new', async (c) => {
    const m = c.get('m');
    authorize(c, mayCreate(c.get('viewer')), 'the recording of letters');
    const inReplyTo = c.req.query('inReplyTo') ?? '';
    const values = { ...emptyLetter, sentOn: todayIso(), ...(inReplyTo ? { inReplyTo, kind: 'reply' } : {}) };
    return formPage(c, m.t('letters.new'), `/${m.locale}/letters/new`, `/${m.locale}/letters`, values, [], await namesFor(c), 200);
  });

  r.post('/new', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    authorize(c, mayCreate(viewer), 'the recording of letters');
    const values = formValues(await formBody(c));
    const parse: FieldProblem[] = [];
    const input = inputOf(values, parse);
    try {
      if (parse.length) throw invalid([...checkLetterInput(input, todayIso()), ...parse]);
      const l = await createLetter(c.get('app').database.db, actorOf(viewer), input);
      return c.redirect(`/${m.locale}/letters/${l.id}`, 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'validation') throw e;
      return formPage(c, m.t('letters.new'), `/${m.locale}/letters/new`, `/${m.locale}/letters`, values, e.fields, await namesFor(c), 422);
    }
  });

  r.get('/:id', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const l = await visibleLetter(db, viewer, c.req.param('id'));
    const [view, original, replies, documents, names] = await Promise.all([
      presentLetter(db, viewer, l),
      originalOf(db, viewer, l),
      repliesTo(db, viewer, l.id),
      documentsOfLetter(db, viewer, l.id),
      namesFor(c),
    ]);
    const resource = letterResource(l);
    return render(
      c,
      { title: l.subject },
      <LetterDetail
        m={m}
        view={view}
        names={names}
        original={original}
        replies={replies}
        documents={documents}
        csrfToken={c.get('csrfToken')}
        actions={{
          edit: can(viewer, 'update', resource),
          archive: can(viewer, l.archived_at ? 'restore' : 'archive', resource),
          history: can(viewer, 'read-history', resource),
          reply: mayCreate(viewer),
        }}
      />,
    );
  });

  r.get('/:id/history', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const l = await visibleLetter(c.get('app').database.db, viewer, c.req.param('id'));
    authorize(c, can(viewer, 'read-history', letterResource(l)), 'the history of this letter');
    const events = await recordHistory(c.get('app').database.db, visibilityScope(viewer), 'letter', l.id);
    return render(
      c,
      { title: m.t('history.titleOf', { name: l.subject }) },
      <HistoryList m={m} events={events} back={`/${m.locale}/letters/${l.id}`} />,
    );
  });

  r.get('/:id/edit', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const l = await visibleLetter(db, viewer, c.req.param('id'));
    authorize(c, can(viewer, 'update', letterResource(l)), 'the editing of this letter');
    const [recipients, concerns] = await Promise.all([recipientsOfLetters(db, [l.id]), concernsOfLetters(db, [l.id])]);
    const base = `/${m.locale}/letters/${l.id}`;
    const values = valuesOf(l, recipients.get(l.id) ?? [], concerns.get(l.id) ?? []);
    return formPage(c, m.t('letters.editTitle', { subject: l.subject }), `${base}/edit`, base, values, [], await namesFor(c), 200);
  });

  r.post('/:id/edit', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const l = await visibleLetter(db, viewer, c.req.param('id'));
    authorize(c, can(viewer, 'update', letterResource(l)), 'the editing of this letter');
    const base = `/${m.locale}/letters/${l.id}`;
    const title = m.t('letters.editTitle', { subject: l.subject });
    const values = formValues(await formBody(c));
    const parse: FieldProblem[] = [];
    const input = inputOf(values, parse);
    try {
      if (parse.length) throw invalid([...checkLetterInput(input, todayIso()), ...parse]);
      await updateLetter(db, actorOf(viewer), l.id, Number(values.version), input);
      return c.redirect(base, 303);
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation')
        return formPage(c, title, `${base}/edit`, base, values, e.fields, await namesFor(c), 422);
      if (e instanceof AppError && e.code === 'conflict') {
        const fresh = await visibleLetter(db, viewer, l.id);
        return formPage(
          c,
          title,
          `${base}/edit`,
          base,
          { ...values, version: String(fresh.row_version) },
          [{ field: 'version', problem: e.message }],
          await namesFor(c),
          409,
        );
      }
      throw e;
    }
  });

  for (const archived of [true, false]) {
    r.post(`/:id/${archived ? 'archive' : 'restore'}`, async (c) => {
      const viewer = c.get('viewer');
      const db = c.get('app').database.db;
      const l = await visibleLetter(db, viewer, c.req.param('id'));
      authorize(c, can(viewer, archived ? 'archive' : 'restore', letterResource(l)), 'this change');
      const body = await formBody(c);
      const m = c.get('m');
      if (archived) {
        const ask = await confirmFirst(c, body, {
          title: m.t('confirm.archive.title', { name: l.subject }),
          consequence: m.t('confirm.archive'),
          button: m.t('record.archive'),
          cancel: `/${m.locale}/letters/${l.id}`,
        });
        if (ask) return ask;
      }
      const version = Number(text(body, 'version'));
      await setLetterArchived(db, actorOf(viewer), l.id, version, archived);
      return c.redirect(`/${c.get('m').locale}/letters/${l.id}`, 303);
    });
  }

  return r;
}
