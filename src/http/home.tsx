import { Hono } from 'hono';
import { countStates } from '../modules/member-states/queries.ts';
import { countOrganizations } from '../modules/organizations/queries.ts';
import type { AppEnv } from './env.ts';
import { visibleSections } from './navigation.ts';
import { render } from './render.tsx';

export function homeRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', async (c) => {
    const m = c.get('m');
    const db = c.get('app').database.db;
    const [states, organizations] = await Promise.all([countStates(db), countOrganizations(db)]);
    const counts: Record<string, number> = { '/states': states, '/organizations': organizations };
    return render(
      c,
      { title: m.t('home.title'), lead: <p class="lead">{m.t('home.lead')}</p> },
      <ul class="cards">
        {visibleSections(c.get('viewer')).map((s) => (
          <li>
            <a href={`/${m.locale}${s.path}`}>
              <span class="card-title">{m.t(s.label)}</span>
              {counts[s.path] !== undefined && <span class="card-count">{m.number(counts[s.path] ?? 0)}</span>}
            </a>
          </li>
        ))}
      </ul>,
    );
  });
  return r;
}
