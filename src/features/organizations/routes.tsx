import { Hono } from 'hono';
import { AppError } from '../../platform/errors.ts';
import type { AppEnv, AppContextOf } from '../../platform/http/env.ts';
import { formBody, text } from '../../platform/http/forms.ts';
import { confirmFirst } from '../../platform/ui/record-actions.tsx';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { locales, pick } from '../../platform/i18n/locales.ts';
import { can, visibilityScope } from '../../platform/policy/policy.ts';
import { HistoryList } from '../../platform/ui/history.tsx';
import { recordHistory } from '../../platform/audit/history.ts';
import { actorOf } from '../../platform/audit/record.ts';
import { setOrganizationArchived, updateOrganization } from './commands.ts';
import { present } from './inputs.ts';
import { OrganizationEditForm, type OrganizationFormValues, OrganizationList } from './pages.tsx';
import { findOrganization, type OrganizationRow, organizationResource, readableOrganizations } from './queries.ts';

export async function loadOrganization(c: AppContextOf, code: string): Promise<OrganizationRow> {
  const o = await findOrganization(c.get('app').database.db, code);
  if (!o) throw new AppError('not-found', `no organization has the code ${code}`);
  return o;
}

function valuesOf(o: OrganizationRow): OrganizationFormValues {
  return {
    kind: o.kind,
    names: { ...o.names },
    acronyms: { ...o.acronyms },
    website: o.website ?? '',
    version: o.version,
  };
}

export function organizationWebRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/', async (c) => {
    const m = c.get('m');
    const filters = { q: c.req.query('q'), kind: c.req.query('kind') };
    const visible = await readableOrganizations(c.get('app').database.db, c.get('viewer'), filters);
    return render(c, { title: m.t('organizations.title') }, <OrganizationList m={m} organizations={visible} filters={filters} />);
  });

  r.get('/:code/history', async (c) => {
    const m = c.get('m');
    const o = await loadOrganization(c, c.req.param('code'));
    authorize(c, can(c.get('viewer'), 'read-history', organizationResource(o)), 'the history of this organization');
    const events = await recordHistory(c.get('app').database.db, visibilityScope(c.get('viewer')), 'organization', o.code);
    return render(
      c,
      { title: m.t('history.titleOf', { name: pick(o.names, m.locale) }) },
      <HistoryList m={m} events={events} back={`/${m.locale}/organizations/${o.code}`} />,
    );
  });

  const editPage = (
    c: AppContextOf,
    o: OrganizationRow,
    values: OrganizationFormValues,
    problems: { field: string; problem: string }[],
    status: 200 | 409 | 422,
  ) => {
    const m = c.get('m');
    return render(
      c,
      { title: m.t('organizations.editTitle', { name: pick(o.names, m.locale) }), status },
      <OrganizationEditForm m={m} organization={o} values={values} problems={problems} csrfToken={c.get('csrfToken')} />,
    );
  };

  r.get('/:code/edit', async (c) => {
    const o = await loadOrganization(c, c.req.param('code'));
    authorize(c, can(c.get('viewer'), 'update', organizationResource(o)), 'the editing of this organization');
    return editPage(c, o, valuesOf(o), [], 200);
  });

  r.post('/:code/edit', async (c) => {
    const viewer = c.get('viewer');
    const o = await loadOrganization(c, c.req.param('code'));
    authorize(c, can(viewer, 'update', organizationResource(o)), 'the editing of this organization');
    const body = await formBody(c);
    const values: OrganizationFormValues = {
      kind: text(body, 'kind'),
      names: Object.fromEntries(locales.map((l) => [l, text(body, `names.${l}`)])),
      acronyms: Object.fromEntries(locales.map((l) => [l, text(body, `acronyms.${l}`)])),
      website: text(body, 'website'),
      version: Number(text(body, 'version')),
    };
    try {
      const trimmed = (byLocale: Record<string, string>) =>
        present<string>(Object.fromEntries(locales.map((l) => [l, byLocale[l]?.trim() ?? ''])));
      await updateOrganization(c.get('app').database.db, actorOf(viewer), o.code, values.version, {
        kind: values.kind,
        names: trimmed(values.names),
        acronyms: trimmed(values.acronyms),
        website: values.website.trim() || null,
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return editPage(c, o, values, err.fields, 422);
      if (err instanceof AppError && err.code === 'conflict') {
        const fresh = await loadOrganization(c, o.code);
        return editPage(c, fresh, { ...values, version: fresh.version }, [{ field: 'version', problem: err.message }], 409);
      }
      throw err;
    }
    return c.redirect(`/${c.get('m').locale}/organizations/${o.code}`, 303);
  });

  for (const archived of [true, false]) {
    r.post(`/:code/${archived ? 'archive' : 'restore'}`, async (c) => {
      const viewer = c.get('viewer');
      const o = await loadOrganization(c, c.req.param('code'));
      authorize(c, can(viewer, archived ? 'archive' : 'restore', organizationResource(o)), 'this change');
      const m = c.get('m');
      if (archived) {
        const ask = await confirmFirst(c, await formBody(c), {
          title: m.t('confirm.archive.title', { name: pick(o.names, m.locale) }),
          consequence: m.t('confirm.archive'),
          button: m.t('record.archive'),
          cancel: `/${m.locale}/organizations/${o.code}`,
        });
        if (ask) return ask;
      }
      await setOrganizationArchived(c.get('app').database.db, actorOf(viewer), o.code, archived);
      return c.redirect(`/${c.get('m').locale}/organizations/${o.code}`, 303);
    });
  }
  return r;
}
