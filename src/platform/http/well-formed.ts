import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { AppError, type FieldProblem, invalid } from '../errors.ts';
import { textProblem, textProblems } from '../values/text.ts';
import type { AppEnv } from './env.ts';

/*
 * Text that cannot be stored (a NUL character, a lone surrogate) is refused once, here, for every
 * page and API route: a 422 naming the query parameter or the field, before any feature reads it.
 * The body is read through the size limit, and what is read is kept for the route (Hono caches
 * it): a JSON body as text, a form as its fields and files. A body that does not parse is left to
 * the route, which refuses it as it always did.
 */

const jsonType = /^application\/([\w.-]+\+)?json$/;
const formTypes = new Set(['multipart/form-data', 'application/x-www-form-urlencoded']);

function queryProblems(queries: Record<string, string[]>): FieldProblem[] {
  const found: FieldProblem[] = [];
  for (const [name, values] of Object.entries(queries)) {
    const nameProblem = textProblem(name);
    if (nameProblem) {
      found.push({ field: '(query)', problem: `has a parameter whose name ${nameProblem}` });
      continue;
    }
    for (const value of values) {
      const problem = textProblem(value);
      if (problem) found.push({ field: name, problem });
    }
  }
  return found;
}

type FormValue = string | File | (string | File)[];

function formProblems(form: Record<string, FormValue>): FieldProblem[] {
  const found: FieldProblem[] = [];
  for (const [name, value] of Object.entries(form)) {
    const nameProblem = textProblem(name);
    if (nameProblem) {
      found.push({ field: '(form)', problem: `has a field whose name ${nameProblem}` });
      continue;
    }
    for (const v of [value].flat()) {
      const problem = typeof v === 'string' ? textProblem(v) : textProblem(v.name) && `has a file name that ${textProblem(v.name)}`;
      if (problem) found.push({ field: name, problem });
    }
  }
  return found;
}

async function bodyProblems(c: Context<AppEnv>): Promise<FieldProblem[]> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (jsonType.test(mediaType)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await c.req.text());
    } catch (e) {
      // Too large is said now; a body that does not parse is the route's to refuse.
      if (e instanceof AppError) throw e;
      return [];
    }
    return textProblems(parsed);
  }
  if (formTypes.has(mediaType)) {
    let form: Record<string, FormValue>;
    try {
      form = (await c.req.parseBody({ all: true })) as Record<string, FormValue>;
    } catch (e) {
      if (e instanceof AppError) throw e;
      return [];
    }
    return formProblems(form);
  }
  return [];
}

/** Refuses a request whose query or body carries a text that cannot be stored. */
export const wellFormedText = createMiddleware<AppEnv>(async (c, next) => {
  const found = queryProblems(c.req.queries());
  if (!found.length && c.req.method !== 'GET' && c.req.method !== 'HEAD') found.push(...(await bodyProblems(c)));
  if (found.length) throw invalid(found);
  await next();
});
