import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../../platform/context.ts';
import type { AppEnv, AppContextOf } from '../../platform/http/env.ts';
import { clientAddress, trustedProxies } from '../accounts/index.ts';
import { counterOf } from './counter.ts';
import { countedPage, visitorKey } from './rules.ts';

/** The client's address, as the login throttle reads it (a trusted proxy's `X-Forwarded-For`); never stored. */
function addressOf(c: AppContextOf): string {
  let socket: string | undefined;
  try {
    socket = getConnInfo(c).remote.address;
  } catch {
    socket = undefined; // app.request() in tests has no socket
  }
  return clientAddress(socket, c.req.header('x-forwarded-for'), trustedProxies(c.get('app').config.trustedProxies));
}

/**
 * Counts the page once it is answered (rules.ts says what counts): nothing is awaited, the counts
 * wait in the process's buffer. A fault here is logged and the page is served all the same.
 */
export function countVisits(app: AppContext): MiddlewareHandler<AppEnv> {
  const counter = counterOf(app);
  return async (c, next) => {
    await next();
    if (c.req.method !== 'GET') return;
    try {
      const userAgent = c.req.header('user-agent');
      const page = countedPage({
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        contentType: c.res.headers.get('content-type'),
        userAgent,
        signedIn: c.get('viewer') != null,
        purpose: c.req.header('sec-purpose') ?? c.req.header('purpose'),
      });
      if (page) counter.record(page, visitorKey(addressOf(c), userAgent ?? ''));
    } catch (err) {
      c.get('log').warn({ err }, 'site visits: a page view could not be counted');
    }
  };
}
