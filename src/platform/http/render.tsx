import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { AppContextOf } from './env.ts';
import { Layout } from './layout.tsx';

export interface RenderOptions {
  title: string;
  status?: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  lead?: Child;
  /**
   * Where the language switcher (and the menu) lead, as a path with its language (`/en/states/MLI`)
   * and query, when the address answered is no page to switch to (a POST's: a GET there is a 404).
   */
  page?: string;
}

/** The path after the language prefix: `/en/states/MLI` gives `/states/MLI`. */
export function pathAfterLocale(path: string): string {
  const rest = path.replace(/^\/[a-z]{2}(?=\/|$)/, '');
  return rest || '/';
}

/** Renders a page in the site layout, in the reader's language. */
export function render(c: AppContextOf, options: RenderOptions, content: Child) {
  const url = options.page ? new URL(options.page, c.req.url) : new URL(c.req.url);
  const viewer = c.get('viewer');
  if (viewer) c.header('Cache-Control', 'private, no-store');
  return c.html(
    <>
      {raw('<!doctype html>')}
      <Layout
        m={c.get('m')}
        viewer={viewer}
        demo={c.get('app').demo}
        demoWarning={c.get('app').demoWarning}
        title={options.title}
        path={pathAfterLocale(url.pathname)}
        search={url.search}
        csrfToken={c.get('csrfToken')}
        lead={options.lead}
      >
        {content}
      </Layout>
    </>,
    options.status ?? 200,
  );
}
