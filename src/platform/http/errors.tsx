import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, type ErrorCode } from '../errors.ts';
import { messages } from '../i18n/i18n.ts';
import { defaultLocale, isLocale, type Locale } from '../i18n/locales.ts';
import { asDatabaseError, databaseProblem } from './database-errors.ts';
import type { AppEnv } from './env.ts';
import { render } from './render.tsx';

export const statusOf: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503> = {
  'bad-request': 400,
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'too-many-requests': 429,
  unavailable: 503,
};

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** The reader's language for an error: the URL's, else the browser's, else English. */
export function errorLocale(c: Context<AppEnv>): Locale {
  const fromPath = c.req.path.split('/')[1];
  if (isLocale(fromPath)) return fromPath;
  const accept = c.req.header('accept-language') ?? '';
  for (const part of accept.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return defaultLocale;
}

function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError('payload-too-large', 'the request body is too large');
    if (err.status === 400) return new AppError('bad-request', err.message || 'the request is malformed');
    if (err.status === 404) return new AppError('not-found', err.message || 'not found');
    // The API's validator: a body sent as another type than the route reads (text for JSON, say).
    if (err.status === 415)
      return new AppError(
        'unsupported-media-type',
        'the request body is not of a type this route reads (see its content type in the OpenAPI document)',
      );
    if (err.status >= 400 && err.status < 500) return new AppError('bad-request', err.message || 'the request is malformed');
  }
  // What the database refused (an impossible date, a key taken) is the request's fault, not a 500.
  const database = asDatabaseError(err);
  return database ? databaseProblem(database) : null;
}

/** RFC 9457 problem details. */
export function problem(c: Context<AppEnv>, err: AppError | null) {
  const status = err ? statusOf[err.code] : 500;
  const code = err?.code ?? 'internal';
  const m = messages(errorLocale(c));
  const title = m.has(`error.${code}`) ? m.t(`error.${code}` as 'error.internal') : m.t('error.internal');
  if (err?.retryAfterSeconds) c.header('Retry-After', String(err.retryAfterSeconds));
  const body = {
    type: `urn:r1540:problem:${code}`,
    title,
    status,
    detail: err ? err.message : 'an unexpected error occurred; it has been logged',
    instance: c.req.path,
    // The id an operator finds the logged error by.
    ...(err ? {} : { requestId: c.get('requestId') }),
    ...(err?.fields.length ? { errors: err.fields.map((f) => ({ field: f.field, problem: f.problem })) } : {}),
  };
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json; charset=utf-8' });
}

export function errorPage(c: Context<AppEnv>, err: AppError | null) {
  const status = err ? statusOf[err.code] : 500;
  const code = err?.code ?? 'internal';
  const locale = errorLocale(c);
  if (!c.get('m') || c.get('m').locale !== locale) c.set('m', messages(locale));
  const m = c.get('m');
  if (!c.get('csrfToken')) c.set('csrfToken', '');
  if (c.get('viewer') === undefined) c.set('viewer', null);
  if (err?.retryAfterSeconds) c.header('Retry-After', String(err.retryAfterSeconds));
  const title = m.has(`error.${code}`) ? m.t(`error.${code}` as 'error.internal') : m.t('error.internal');
  return render(
    c,
    { title, status },
    <div class="error">
      <p>{m.has(`error.${code}.help`) ? m.t(`error.${code}.help` as 'error.internal.help') : m.t('error.internal.help')}</p>
      {err?.fields.length ? (
        <ul>
          {err.fields.map((f) => (
            <li>
              <code>{f.field}</code>: {f.problem}
            </li>
          ))}
        </ul>
      ) : null}
      {err ? null : <p class="error-reference">{m.t('error.internal.reference', { id: c.get('requestId') ?? '' })}</p>}
      <p>
        <a href={`/${m.locale}/`}>{m.t('error.home')}</a>
      </p>
    </div>,
  );
}

export function handleError(err: unknown, c: Context<AppEnv>) {
  const appError = toAppError(err);
  const log = c.get('log') ?? c.get('app').logger;
  const database = appError ? asDatabaseError(err) : null;
  if (!appError) log.error({ err, method: c.req.method, path: c.req.path }, 'unexpected error');
  // A refusal of the database that the feature did not check first: the request's fault, but worth a look.
  else if (database)
    log.warn(
      {
        sqlstate: database.code,
        table: database.table,
        column: database.column,
        constraint: database.constraint,
        method: c.req.method,
        path: c.req.path,
      },
      'the database refused the request',
    );
  return isApiPath(c.req.path) ? problem(c, appError) : errorPage(c, appError);
}
