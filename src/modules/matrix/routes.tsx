import { Hono } from 'hono';
import { AppError } from '../../errors.ts';
import type { AppContextOf, AppEnv } from '../../http/env.ts';
import { formBody, text } from '../../http/forms.ts';
import { authorize } from '../../http/guard.ts';
import { render } from '../../http/render.tsx';
import { pick } from '../../i18n/locales.ts';
import { can, visibilityScope } from '../../policy/policy.ts';
import { HistoryList } from '../audit/pages.tsx';
import { recordHistory } from '../audit/queries.ts';
import { actorOf } from '../audit/record.ts';
import { TemplateDetail, TemplateList } from './pages.tsx';
import { copyTemplate, findTemplate, listTemplates, type TemplateRow } from './templates.ts';

const resource = (t: Pick<TemplateRow, 'confidentiality'>) => ({
  type: 'matrix-template' as const,
  confidentiality: t.confidentiality,
});

async function loadTemplate(c: AppContextOf, version: string): Promise<TemplateRow> {
  const t = await findTemplate(c.get('app').database.db, version);
  if (!t) throw new AppError('not-found', `no matrix template has the version ${version}`);
  authorize(c, can(c.get('viewer'), 'read', resource(t)), 'this template');
  return t;
}

export function matrixWebRoutes() {
  const r = new Hono<AppEnv>();

  const listPage = async (c: AppContextOf, problems: { field: string; problem: string }[] = [], values = {}) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const templates = (await listTemplates(c.get('app').database.db)).filter((t) => can(viewer, 'read', resource(t)));
    return render(
      c,
      { title: m.t('matrix.templatesTitle'), status: problems.length ? 422 : 200 },
      <TemplateList
        m={m}
        templates={templates}
        canCopy={can(viewer, 'create', { type: 'matrix-template', confidentiality: 'public' })}
        csrfToken={c.get('csrfToken')}
        problems={problems}
        values={values}
      />,
    );
  };

  r.get('/templates', (c) => listPage(c));

  r.post('/templates', async (c) => {
    const viewer = c.get('viewer');
    authorize(c, can(viewer, 'create', { type: 'matrix-template', confidentiality: 'public' }), 'a new template version');
    const body = await formBody(c);
    const values = { from: text(body, 'from'), version: text(body, 'version').trim() };
    try {
      const created = await copyTemplate(c.get('app').database.db, actorOf(viewer), values.from, values.version);
      return c.redirect(`/${c.get('m').locale}/matrix/templates/${encodeURIComponent(created.version)}`, 303);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict'))
        return listPage(c, err.fields.length ? err.fields : [{ field: 'version', problem: err.message }], values);
      throw err;
    }
  });

  r.get('/templates/:version', async (c) => {
    const m = c.get('m');
    const t = await loadTemplate(c, c.req.param('version'));
    return render(
      c,
      { title: `${pick(t.title, m.locale)} (${t.version})` },
      <TemplateDetail m={m} template={t} historyLink={can(c.get('viewer'), 'read-history', resource(t))} />,
    );
  });

  r.get('/templates/:version/history', async (c) => {
    const m = c.get('m');
    const t = await loadTemplate(c, c.req.param('version'));
    authorize(c, can(c.get('viewer'), 'read-history', resource(t)), 'the history of this template');
    const events = await recordHistory(c.get('app').database.db, visibilityScope(c.get('viewer')), 'matrix-template', t.version);
    return render(
      c,
      { title: m.t('history.titleOf', { name: t.version }) },
      <HistoryList m={m} events={events} back={`/${m.locale}/matrix/templates/${encodeURIComponent(t.version)}`} />,
    );
  });

  return r;
}
