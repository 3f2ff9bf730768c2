import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../platform/errors.ts';
import { viewerFromApiToken, viewerFromSession } from './sessions.ts';
import { newSecret } from './tokens.ts';
import type { AppEnv } from '../../platform/http/env.ts';

export const sessionCookie = 'r1540_session';
export const csrfCookie = 'r1540_csrf';

/** Recognises the viewer from `Authorization: Bearer …` or the session cookie. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const app = c.get('app');
  const db = app.database.db;
  const header = c.req.header('authorization');
  c.set('viewer', null);
  c.set('via', null);
  c.set('sessionToken', null);
  if (header) {
    const [scheme, token] = header.split(/\s+/, 2);
    if (scheme?.toLowerCase() !== 'bearer' || !token)
      throw new AppError('unauthenticated', 'the Authorization header must be "Bearer <token>"');
    const viewer = await viewerFromApiToken(db, token);
    if (!viewer) throw new AppError('unauthenticated', 'the API token is not valid, has expired or was revoked');
    c.set('viewer', viewer);
    c.set('via', 'token');
  } else {
    const token = getCookie(c, sessionCookie);
    if (token) {
      const viewer = await viewerFromSession(db, token, app.config.sessionDays);
      if (viewer) {
        c.set('viewer', viewer);
        c.set('via', 'session');
        c.set('sessionToken', token);
      }
    }
  }
  await next();
});

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: a random token in a cookie that a form must echo in `_csrf` (or a script in the
 * `X-CSRF-Token` header), and a foreign Origin is refused. Requests with an API token carry no
 * cookie, so they need neither.
 */
export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  let token = getCookie(c, csrfCookie);
  if (!token || token.length < 32) {
    token = newSecret();
    setCookie(c, csrfCookie, token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: c.get('app').config.secureCookies,
    });
  }
  c.set('csrfToken', token);
  if (!safeMethods.has(c.req.method) && c.get('via') !== 'token') {
    const origin = c.req.header('origin');
    if (origin && origin !== 'null' && new URL(c.req.url).origin !== origin)
      throw new AppError('csrf', 'the request came from another site');
    let sent = c.req.header('x-csrf-token');
    if (!sent) {
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
        const body = await c.req.parseBody();
        sent = typeof body._csrf === 'string' ? body._csrf : undefined;
      }
    }
    if (!sent || sent !== getCookie(c, csrfCookie))
      throw new AppError('csrf', 'the form has expired or did not come from this site: reload the page and try again');
  }
  await next();
});
