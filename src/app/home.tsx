import { Hono } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { visibleSections } from '../platform/http/navigation.ts';
import { render } from '../platform/http/render.tsx';

export function homeRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', async (c) => {
    const m = c.get('m');
    const db = c.get('app').database.db;
    const shown = visibleSections(c.get('viewer'));
    const counts = await Promise.all(shown.map((s) => s.count?.(db)));
    return render(
      c,
      { title: m.t('home.title'), lead: <p class="lead">{m.t('home.lead')}</p> },
      <ul class="cards">
        {shown.map((s, i) => (
          <li>
            <a href={`/${m.locale}${s.path}`}>
              <span class="card-title">{m.t(s.label)}</span>
              {counts[i] !== undefined && <span class="card-count">{m.number(counts[i] ?? 0)}</span>}
            </a>
          </li>
        ))}
      </ul>,
    );
  });
  return r;
}
