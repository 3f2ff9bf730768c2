import { z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { authorize } from '../../platform/http/guard.ts';
import { problems } from '../../platform/http/api-common.ts';
import { can, type Viewer } from '../../platform/policy/policy.ts';
import { findState, type StateRow } from '../member-states/index.ts';

/* What the matrix's API routes share: the State in the path, the signed-in caller, JSON bodies. */

/** The State in an API path (`/states/{iso3}/…`), in any case; the routes look it up for the viewer. */
export const stateParams = (example = 'MLI') =>
  z.object({
    iso3: z
      .string()
      .regex(/^[A-Za-z]{3}$/)
      .openapi({ example }),
  });

export const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

/** The signed-in caller; the public is told what logging in is for. */
export function accountOf(c: AppContextOf, toDo: string): Viewer {
  const viewer = c.get('viewer');
  if (!viewer) throw new AppError('unauthenticated', `log in to ${toDo}`);
  return viewer;
}

/** Refuses the public before the body is read, so that a 422 tells it nothing. */
export const signedIn = (toDo: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    accountOf(c, toDo);
    await next();
  });

/** The State, if the viewer may see it; 404 for an unknown code. */
export async function stateFor(c: AppContextOf, iso3: string): Promise<StateRow> {
  const state = await findState(c.get('app').database.db, iso3);
  if (!state) throw new AppError('not-found', `no Member State has the code ${iso3.toUpperCase()}`);
  authorize(
    c,
    can(c.get('viewer'), 'read', { type: 'member-state', confidentiality: state.confidentiality, stateIso3: state.iso3 }),
    'this State',
  );
  return state;
}

/** The answers of a read: its content, or 401, 403, 404 (saying what it means here) and 422. */
export const readResponses = <T>(ok: T, notFound?: string) => ({
  200: ok,
  401: problems[401],
  403: problems[403],
  404: notFound ? { description: notFound, content: problems[404].content } : problems[404],
  422: problems[422],
});
