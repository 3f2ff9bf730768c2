import { readFileSync } from 'node:fs';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { messages } from '../i18n/i18n.ts';
import { defaultLocale, isLocale, locales } from '../i18n/locales.ts';
import { accountWebRoutes } from '../modules/accounts/routes.tsx';
import { apiRoutes } from './api.ts';
import { activityWebRoutes } from '../modules/audit/routes.tsx';
import { homeRoutes } from './home.tsx';
import { stateWebRoutes } from '../modules/member-states/routes.tsx';
import { matrixStateRoutes } from '../modules/matrix/matrix-routes.tsx';
import { importBodyLimit, isImportPath, matrixTransferRoutes } from '../modules/matrix/transfer-routes.tsx';
import { matrixGridRoutes } from '../modules/matrix/grid-routes.tsx';
import { matrixProposalRoutes } from '../modules/matrix/proposal-routes.tsx';
import { matrixWebRoutes } from '../modules/matrix/routes.tsx';
import { figureWebRoutes } from '../modules/matrix/figure-routes.tsx';
import { reviewWebRoutes } from '../modules/matrix/review-routes.tsx';
import { organizationWebRoutes } from '../modules/organizations/routes.tsx';
import { reportWebRoutes } from '../modules/reports/routes.tsx';
import { contactStateRoutes, contactWebRoutes } from '../modules/contacts/routes.tsx';
import { engagementWebRoutes } from '../modules/engagement/routes.tsx';
import { isDocumentUploadPath } from '../modules/documents/api.ts';
import { documentWebRoutes } from '../modules/documents/routes.tsx';
import { letterWebRoutes } from '../modules/correspondence/routes.tsx';
import { assistanceOutputRoutes } from '../modules/assistance/output-routes.tsx';
import { assistanceWebRoutes } from '../modules/assistance/routes.tsx';
import { searchWebRoutes } from '../modules/search/routes.tsx';
import { authenticate, csrfProtection } from './auth.ts';
import type { AppEnv } from './env.ts';
import { errorLocale, handleError } from './errors.tsx';

const stylesheet = readFileSync(new URL('./static/app.css', import.meta.url), 'utf8');
const gridScript = readFileSync(new URL('./static/matrix-grid.js', import.meta.url), 'utf8');

/** The web application: pages under /{locale}, the JSON API under /api/v1. */
export function createApp(app: AppContext): Hono<AppEnv> {
  // Not strict: /en and /en/ are the same page.
  const server = new Hono<AppEnv>({ strict: false });

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
  server.use('*', async (c, next) => {
    c.set('app', app);
    await next();
  });
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
  const bodyLimitDefault = limitTo(app.config.maxBodyBytes);
  // A matrix file (import) may be larger than a form: up to its own limit.
  const bodyLimitImport = limitTo(Math.max(app.config.maxBodyBytes, importBodyLimit));
  // A document upload may be as large as the document limit.
  const bodyLimitDocument = limitTo(Math.max(app.config.maxBodyBytes, app.config.maxDocumentBytes + 64 * 1024));
  server.use('*', (c, next) =>
    (isImportPath(c.req.path) ? bodyLimitImport : isDocumentUploadPath(c.req.path) ? bodyLimitDocument : bodyLimitDefault)(c, next),
  );
  if (app.config.logRequests) {
    server.use('*', async (c, next) => {
      const start = performance.now();
      await next();
      console.log(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - start).toFixed(1)}ms`);
    });
  }

  server.get('/healthz', async (c) => {
    await app.database.db.selectFrom('app_meta').select('key').limit(1).execute();
    return c.json({ status: 'ok', engine: app.database.engine });
  });
  server.get('/static/app.css', (c) =>
    c.body(stylesheet, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  );
  server.get('/static/matrix-grid.js', (c) =>
    c.body(gridScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  );
  server.get('/', (c) => c.redirect(`/${errorLocale(c)}/`, 302));

  server.use('/api/*', authenticate, csrfProtection);
  server.route('/api/v1', apiRoutes());

  const web = new Hono<AppEnv>();
  web.use('*', authenticate, csrfProtection);
  web.route('/', homeRoutes());
  web.route('/', reportWebRoutes());
  web.route('/', accountWebRoutes());
  web.route('/states', matrixStateRoutes());
  web.route('/', matrixTransferRoutes());
  web.route('/states', matrixGridRoutes());
  web.route('/states', matrixProposalRoutes());
  web.route('/states', contactStateRoutes());
  web.route('/states', stateWebRoutes());
  web.route('/organizations', organizationWebRoutes());
  web.route('/contacts', contactWebRoutes());
  web.route('/', engagementWebRoutes());
  web.route('/matrix', matrixWebRoutes());
  web.route('/matrix', figureWebRoutes());
  web.route('/matrix', reviewWebRoutes());
  web.route('/activity', activityWebRoutes());
  web.route('/documents', documentWebRoutes());
  web.route('/letters', letterWebRoutes());
  web.route('/assistance', assistanceOutputRoutes());
  web.route('/assistance', assistanceWebRoutes());
  web.route('/search', searchWebRoutes());
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
