import { Hono } from 'hono';
import { AppError } from '../../platform/errors.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { render } from '../../platform/http/render.tsx';
import { SearchPage } from './pages.tsx';
import { search } from './search.ts';

export function searchWebRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', async (c) => {
    const m = c.get('m');
    const input = {
      q: c.req.query('q') ?? '',
      state: c.req.query('state'),
      kind: c.req.query('kind'),
      year: c.req.query('year'),
      language: c.req.query('language'),
      page: c.req.query('page'),
    };
    const title = input.q ? `${input.q.slice(0, 60)} — ${m.t('search.nav')}` : m.t('search.title');
    try {
      const result = await search(c.get('app').database.db, c.get('viewer'), input);
      return render(c, { title }, <SearchPage m={m} filters={result.filters} total={result.total} hits={result.hits} problems={[]} />);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'validation') throw e;
      return render(c, { title, status: 422 }, <SearchPage m={m} filters={{ q: input.q }} total={0} hits={[]} problems={e.fields} />);
    }
  });
  return r;
}
