import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppContext } from '../context.ts';
import type { AppEnv } from './env.ts';

/** An incoming id is kept only when it cannot forge a log line or a header: short, plain characters. */
const safeRequestId = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;

export function requestIdFrom(header: string | undefined): string {
  return header && safeRequestId.test(header) ? header : randomUUID();
}

/**
 * First on every request: the application, the request's id (a safe `X-Request-Id` it came with,
 * or a new one, sent back in the same header) and its log, whose every line carries the id.
 * With R1540_LOG_REQUESTS, one line per request with its status and duration.
 */
export function requestContext(app: AppContext) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const id = requestIdFrom(c.req.header('x-request-id'));
    const log = app.logger.child({ requestId: id });
    c.set('app', app);
    c.set('requestId', id);
    c.set('log', log);
    c.header('X-Request-Id', id);
    const start = performance.now();
    await next();
    if (app.config.logRequests) {
      log.info(
        { method: c.req.method, path: c.req.path, status: c.res.status, ms: Number((performance.now() - start).toFixed(1)) },
        'request',
      );
    }
  });
}
