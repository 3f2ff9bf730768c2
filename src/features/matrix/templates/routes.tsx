import { Hono } from 'hono';
import { AppError } from '../../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../../platform/http/env.ts';
import { formBody, text } from '../../../platform/http/forms.ts';
import { authorize } from '../../../platform/http/guard.ts';
import { render } from '../../../platform/http/render.tsx';
import { pick } from '../../../platform/i18n/locales.ts';
import { can, visibilityScope } from '../../../platform/policy/policy.ts';
import { HistoryList } from '../../../platform/ui/history.tsx';
import { recordHistory } from '../../../platform/audit/history.ts';
import { actorOf } from '../../../platform/audit/record.ts';
import { TemplateDetail, TemplateList } from './pages.tsx';
import { type DefinitionFormState, TemplateDefinitionEditor } from './template-edit-page.tsx';
import { updateTemplateDefinition } from './template-edit.ts';
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

  const detailPage = (c: AppContextOf, t: TemplateRow, edit: DefinitionFormState | null, status: 200 | 409 | 422 = 200) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    return render(
      c,
      { title: `${pick(t.title, m.locale)} (${t.version})`, status },
      <TemplateDetail m={m} template={t} historyLink={can(viewer, 'read-history', resource(t))}>
        {can(viewer, 'update', resource(t)) && (
          <TemplateDefinitionEditor
            m={m}
            template={t}
            state={edit ?? { text: '', rowVersion: t.row_version, problems: [], saved: false }}
            csrfToken={c.get('csrfToken')}
          />
        )}
      </TemplateDetail>,
    );
  };

  r.get('/templates/:version', async (c) => {
    const t = await loadTemplate(c, c.req.param('version'));
    return detailPage(c, t, { text: '', rowVersion: t.row_version, problems: [], saved: c.req.query('saved') === '1' });
  });

  r.post('/templates/:version/definition', async (c) => {
    const viewer = c.get('viewer');
    const t = await loadTemplate(c, c.req.param('version'));
    authorize(c, can(viewer, 'update', resource(t)), 'a change of this template');
    if (t.locked_at)
      throw new AppError(
        'conflict',
        `the template ${t.version} is fixed (a matrix uses it, or the Committee approved it) and never changes: copy it to a new version and edit the copy`,
      );
    const body = await formBody(c);
    const file = body.file;
    const upload = file instanceof File && file.size > 0 ? await file.text() : '';
    const sent = upload || text(body, 'definition');
    const rowVersion = Number(text(body, 'rowVersion'));
    const kept = { text: sent, rowVersion: Number.isInteger(rowVersion) ? rowVersion : t.row_version, saved: false };
    let parsed: unknown;
    try {
      parsed = JSON.parse(sent);
    } catch (err) {
      const problem = sent.trim()
        ? `is not valid JSON: ${(err as Error).message}`
        : 'is required: paste the JSON of the template or choose a file';
      return detailPage(c, t, { ...kept, problems: [{ field: 'definition', problem }] }, 422);
    }
    try {
      await updateTemplateDefinition(c.get('app').database.db, actorOf(viewer), t.version, parsed, kept.rowVersion);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict')) {
        const fresh = (await findTemplate(c.get('app').database.db, t.version)) ?? t;
        const problems = err.fields.length ? err.fields : [{ field: 'definition', problem: err.message }];
        return detailPage(c, fresh, { ...kept, problems }, err.code === 'validation' ? 422 : 409);
      }
      throw err;
    }
    return c.redirect(`/${c.get('m').locale}/matrix/templates/${encodeURIComponent(t.version)}?saved=1`, 303);
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
