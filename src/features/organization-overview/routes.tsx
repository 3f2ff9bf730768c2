import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { pick } from '../../platform/i18n/locales.ts';
import { can } from '../../platform/policy/policy.ts';
import { readableStates } from '../member-states/index.ts';
import { loadOrganization, OrganizationDetail, organizationResource } from '../organizations/index.ts';
import { OrganizationMeetings } from './meetings-section.tsx';
import { OrganizationOutreach } from './outreach-section.tsx';

/** An organization's page: its reference data and the Member States that belong to it. */
export function organizationOverviewRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/:code', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const o = await loadOrganization(c, c.req.param('code'));
    authorize(c, can(viewer, 'read', organizationResource(o)), 'this organization');
    if (o.code !== c.req.param('code')) return c.redirect(`/${m.locale}/organizations/${o.code}`, 301);
    const members = await readableStates(c.get('app').database.db, viewer, { organization: o.code });
    return render(
      c,
      { title: pick(o.names, m.locale) },
      <>
        <OrganizationDetail
          m={m}
          organization={o}
          members={members}
          csrfToken={c.get('csrfToken')}
          actions={{
            edit: can(viewer, 'update', organizationResource(o)),
            archive: can(viewer, o.archived_at ? 'restore' : 'archive', organizationResource(o)),
            history: can(viewer, 'read-history', organizationResource(o)),
          }}
        />
        <OrganizationMeetings m={m} db={c.get('app').database.db} viewer={viewer} code={o.code} />
        <OrganizationOutreach m={m} db={c.get('app').database.db} viewer={viewer} code={o.code} />
      </>,
    );
  });

  return r;
}
