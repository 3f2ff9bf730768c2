import { readFileSync } from 'node:fs';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { messages } from '../platform/i18n/i18n.ts';
import { defaultLocale, isLocale, locales } from '../platform/i18n/locales.ts';
import { authenticate, csrfProtection } from '../features/accounts/index.ts';
import '../features/registry.ts';
import { features } from '../platform/registry.ts';
import { apiRoutes } from './api.ts';
import { homeRoutes } from './home.tsx';
import type { AppEnv } from '../platform/http/env.ts';
import { errorLocale, handleError } from '../platform/http/errors.tsx';
import { requestContext } from '../platform/http/request-context.ts';
import { wellFormedText } from '../platform/http/well-formed.ts';

const stylesheet = readFileSync(new URL('../platform/http/static/app.css', import.meta.url), 'utf8');
const favicon = readFileSync(new URL('../platform/http/static/favicon.svg', import.meta.url), 'utf8');

/** The web application: pages under /{locale}, the JSON API under /api/v1. */
export function createApp(app: AppContext): Hono<AppEnv> {
  // Not strict: /en and /en/ are the same page.
  const server = new Hono<AppEnv>({ strict: false });

  server.use('*', requestContext(app));
  // Gzip for readers on slow connections: the State list is 30 KB, about 5 KB compressed.
  server.use('*', compress());
  server.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      referrerPolicy: 'same-origin',
      crossOriginEmbedderPolicy: false,
      // A response that sets its own header keeps it (a document file: a sandbox policy).
      overwrite: false,
    }),
  );
  const limitTo = (maxSize: number): MiddlewareHandler<AppEnv> => {
    const limit = bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError('payload-too-large', `the request body is larger than ${maxSize} bytes`);
      },
    });
    // A body cut off while it is read (a dropped upload) is the client's fault, not a server error.
    return async (c, next) => {
      let reached = false;
      try {
        return await limit(c, async () => {
          reached = true;
          await next();
        });
      } catch (e) {
        if (reached || e instanceof AppError) throw e;
        throw new AppError('bad-request', 'the request body was cut off before its end: nothing was stored');
      }
    };
  };
  // A feature may allow a larger body on some paths (a matrix file, a document upload).
  const limits = new Map<number, MiddlewareHandler<AppEnv>>();
  const limitOf = (maxSize: number) => {
    let limit = limits.get(maxSize);
    if (!limit) {
      limit = limitTo(maxSize);
      limits.set(maxSize, limit);
    }
    return limit;
  };
  server.use('*', (c, next) => {
    let maxSize = app.config.maxBodyBytes;
    for (const f of features()) {
      const larger = f.bodyLimit?.(c.req.path, app.config);
      if (larger !== undefined) {
        maxSize = larger;
        break;
      }
    }
    return limitOf(maxSize)(c, next);
  });
  // A NUL or a lone surrogate in the query or the body: refused here, naming the field.
  server.use('*', wellFormedText);

  server.get('/healthz', async (c) => {
    await app.database.db.selectFrom('app_meta').select('key').limit(1).execute();
    return c.json({ status: 'ok', engine: app.database.engine });
  });
  // The site's icon, asked for by browsers on every page: a small SVG (the brand's "1540").
  server.get('/favicon.ico', (c) => c.body(favicon, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' }));
  server.get('/static/app.css', (c) =>
    c.body(stylesheet, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  );
  for (const asset of features().flatMap((f) => f.assets ?? [])) {
    const body = readFileSync(asset.file, 'utf8');
    server.get(`/static/${asset.name}`, (c) => c.body(body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=3600' }));
  }
  server.get('/', (c) => c.redirect(`/${errorLocale(c)}/`, 302));

  server.use('/api/*', authenticate, csrfProtection);
  server.route('/api/v1', apiRoutes());

  const web = new Hono<AppEnv>();
  web.use('*', authenticate, csrfProtection);
  for (const f of features()) if (f.middleware) web.use('*', f.middleware(app));
  web.route('/', homeRoutes());
  for (const f of features()) for (const mount of f.web ?? []) web.route(mount.path, mount.routes());
  for (const locale of locales) {
    server.use(
      `/${locale}/*`,
      createMiddleware<AppEnv>(async (c, next) => {
        c.set('locale', locale);
        c.set('m', messages(locale));
        await next();
      }),
    );
    server.route(`/${locale}`, web);
  }

  server.notFound((c) => handleError(new AppError('not-found', `nothing is at ${c.req.path}`), c));
  server.onError(handleError);
  return server;
}

export { defaultLocale, isLocale };
