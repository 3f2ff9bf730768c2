import { Hono } from 'hono';
import { listActivity } from '../../platform/audit/history.ts';
import { actorOf } from '../../platform/audit/record.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { type FormBody, formBody, text } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { locales } from '../../platform/i18n/locales.ts';
import { can, type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import { HistoryList } from '../../platform/ui/history.tsx';
import { createFaqGroup, createFaqQuestion, reviseFaqGroup, reviseFaqQuestion } from './faq-commands.ts';
import { FaqGroupForm, FaqManage, FaqPage, FaqQuestionForm } from './faq-pages.tsx';
import type { FaqGroupInput, FaqQuestionInput } from './inputs.ts';
import { nameIn } from './labels.ts';
import { faqGroup, faqInOrder, faqQuestion } from './queries.ts';

const mayEdit = (viewer: Viewer | null) => can(viewer, 'update', { type: 'faq-question', confidentiality: 'public' });
const mayReadHistory = (viewer: Viewer | null) => can(viewer, 'read-history', { type: 'faq-question', confidentiality: 'public' });

function groupInput(v: Record<string, string>): FaqGroupInput {
  const titles: Record<string, string> = {};
  for (const l of locales) if (v[`title.${l}`]?.trim()) titles[l] = v[`title.${l}`]!;
  return { position: v.position as unknown as number, titles };
}

function questionInput(v: Record<string, string>): FaqQuestionInput {
  const texts: Record<string, { question: string; answer: string }> = {};
  for (const l of locales) {
    const question = v[`question.${l}`] ?? '';
    const answer = v[`answer.${l}`] ?? '';
    if (question.trim() || answer.trim()) texts[l] = { question, answer };
  }
  return { groupId: v.groupId ?? '', position: v.position as unknown as number, texts };
}

const fields = (prefixes: string[]) => [
  'version',
  'position',
  'groupId',
  'archived',
  ...locales.flatMap((l) => prefixes.map((p) => `${p}.${l}`)),
];
const valuesOf = (body: FormBody, prefixes: string[]) => Object.fromEntries(fields(prefixes).map((n) => [n, text(body, n)]));

/** `/{lang}/faq…`: the public FAQ, its history, and the secretariat's pages to keep it. */
export function faqWebRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/', async (c) => {
    const m = c.get('m');
    const faq = await faqInOrder(c.get('app').database.db);
    return render(
      c,
      { title: m.t('publications.faq.title') },
      <FaqPage m={m} faq={faq} manage={mayEdit(c.get('viewer'))} history={mayReadHistory(c.get('viewer'))} />,
    );
  });

  r.get('/history', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    authorize(c, mayReadHistory(viewer), 'the history of the FAQ');
    const db = c.get('app').database.db;
    const scope = visibilityScope(viewer);
    const [groups, questions] = await Promise.all([
      listActivity(db, scope, { recordType: 'faq-group', limit: 500 }),
      listActivity(db, scope, { recordType: 'faq-question', limit: 500 }),
    ]);
    const events = [...groups.events, ...questions.events].sort((a, b) => (a.id < b.id ? 1 : -1));
    return render(c, { title: m.t('publications.faq.history') }, <HistoryList m={m} events={events} back={`/${m.locale}/faq`} />);
  });

  r.get('/manage', async (c) => {
    const m = c.get('m');
    authorize(c, mayEdit(c.get('viewer')), 'the editing of the FAQ');
    const faq = await faqInOrder(c.get('app').database.db, true);
    return render(c, { title: m.t('publications.faq.manage') }, <FaqManage m={m} faq={faq} />);
  });

  const groupPage = (
    c: AppContextOf,
    action: string,
    values: Record<string, string>,
    problems: FieldProblem[],
    status: 200 | 409 | 422,
    archived?: boolean,
  ) =>
    render(
      c,
      { title: c.get('m').t(values.version ? 'publications.faq.editGroup' : 'publications.faq.newGroup'), status },
      <FaqGroupForm
        m={c.get('m')}
        action={action}
        values={values}
        problems={problems}
        csrfToken={c.get('csrfToken')}
        {...(archived === undefined ? {} : { archive: { archived } })}
      />,
    );

  const questionPage = async (
    c: AppContextOf,
    action: string,
    values: Record<string, string>,
    problems: FieldProblem[],
    status: 200 | 409 | 422,
    archived?: boolean,
  ) => {
    const m = c.get('m');
    const faq = await faqInOrder(c.get('app').database.db, true);
    const groups = faq.map(({ group }) => ({ id: group.id, label: `${group.position}. ${nameIn(group.titles, m.locale)?.value ?? ''}` }));
    return render(
      c,
      { title: m.t(values.version ? 'publications.faq.editQuestion' : 'publications.faq.newQuestion'), status },
      <FaqQuestionForm
        m={m}
        action={action}
        values={values}
        groups={groups}
        problems={problems}
        csrfToken={c.get('csrfToken')}
        {...(archived === undefined ? {} : { archive: { archived } })}
      />,
    );
  };

  /** Saves a form, or sends it back with its problems (422) or the newer version (409). */
  const save = async (
    c: AppContextOf,
    write: () => Promise<unknown>,
    again: (problems: FieldProblem[], status: 409 | 422) => Response | Promise<Response>,
  ) => {
    try {
      await write();
      return c.redirect(`/${c.get('m').locale}/faq/manage`, 303);
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation') return again(e.fields, 422);
      if (e instanceof AppError && e.code === 'conflict') return again([{ field: 'version', problem: e.message }], 409);
      throw e;
    }
  };

  r.get('/groups/new', (c) => {
    authorize(c, mayEdit(c.get('viewer')), 'the editing of the FAQ');
    return groupPage(c, `/${c.get('m').locale}/faq/groups/new`, {}, [], 200);
  });
  r.post('/groups/new', async (c) => {
    const viewer = c.get('viewer');
    authorize(c, mayEdit(viewer), 'the editing of the FAQ');
    const v = valuesOf(await formBody(c), ['title']);
    const action = `/${c.get('m').locale}/faq/groups/new`;
    return save(
      c,
      () => createFaqGroup(c.get('app').database.db, actorOf(viewer), groupInput(v)),
      (p, s) => groupPage(c, action, v, p, s),
    );
  });
  r.get('/groups/:id/edit', async (c) => {
    authorize(c, mayEdit(c.get('viewer')), 'the editing of the FAQ');
    const g = await faqGroup(c.get('app').database.db, c.req.param('id'));
    const values: Record<string, string> = { version: String(g.row_version), position: String(g.position) };
    for (const [l, t] of Object.entries(g.titles)) values[`title.${l}`] = t;
    return groupPage(c, `/${c.get('m').locale}/faq/groups/${g.id}/edit`, values, [], 200, g.archived_at !== null);
  });
  r.post('/groups/:id/edit', async (c) => {
    const viewer = c.get('viewer');
    authorize(c, mayEdit(viewer), 'the editing of the FAQ');
    const db = c.get('app').database.db;
    const g = await faqGroup(db, c.req.param('id'));
    const v = valuesOf(await formBody(c), ['title']);
    const archived = v.archived === 'yes';
    const action = `/${c.get('m').locale}/faq/groups/${g.id}/edit`;
    return save(
      c,
      () => db.transaction().execute((trx) => reviseFaqGroup(trx, actorOf(viewer), g.id, Number(v.version), groupInput(v), { archived })),
      (p, s) => groupPage(c, action, v, p, s, archived),
    );
  });

  r.get('/questions/new', async (c) => {
    authorize(c, mayEdit(c.get('viewer')), 'the editing of the FAQ');
    return questionPage(c, `/${c.get('m').locale}/faq/questions/new`, { groupId: c.req.query('group') ?? '' }, [], 200);
  });
  r.post('/questions/new', async (c) => {
    const viewer = c.get('viewer');
    authorize(c, mayEdit(viewer), 'the editing of the FAQ');
    const v = valuesOf(await formBody(c), ['question', 'answer']);
    const action = `/${c.get('m').locale}/faq/questions/new`;
    return save(
      c,
      () => createFaqQuestion(c.get('app').database.db, actorOf(viewer), questionInput(v)),
      (p, s) => questionPage(c, action, v, p, s),
    );
  });
  r.get('/questions/:id/edit', async (c) => {
    authorize(c, mayEdit(c.get('viewer')), 'the editing of the FAQ');
    const q = await faqQuestion(c.get('app').database.db, c.req.param('id'));
    const values: Record<string, string> = { version: String(q.row_version), position: String(q.position), groupId: q.group_id };
    for (const [l, t] of Object.entries(q.texts)) {
      values[`question.${l}`] = t.question;
      values[`answer.${l}`] = t.answer;
    }
    return questionPage(c, `/${c.get('m').locale}/faq/questions/${q.id}/edit`, values, [], 200, q.archived_at !== null);
  });
  r.post('/questions/:id/edit', async (c) => {
    const viewer = c.get('viewer');
    authorize(c, mayEdit(viewer), 'the editing of the FAQ');
    const db = c.get('app').database.db;
    const q = await faqQuestion(db, c.req.param('id'));
    const v = valuesOf(await formBody(c), ['question', 'answer']);
    const archived = v.archived === 'yes';
    const action = `/${c.get('m').locale}/faq/questions/${q.id}/edit`;
    return save(
      c,
      () =>
        db.transaction().execute((trx) => reviseFaqQuestion(trx, actorOf(viewer), q.id, Number(v.version), questionInput(v), { archived })),
      (p, s) => questionPage(c, action, v, p, s, archived),
    );
  });

  return r;
}
