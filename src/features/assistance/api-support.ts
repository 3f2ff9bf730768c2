// What the clearinghouse's API routes share: their tag, parameters, answers and refusals, the
// language of the texts they write, and the records the caller may see (or 404, never 403, so
// that a request's existence does not leak).
import { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { ProblemSchema, problems } from '../../platform/http/api-common.ts';
import type { AppContextOf } from '../../platform/http/env.ts';
import { authorize } from '../../platform/http/guard.ts';
import { messages } from '../../platform/i18n/i18n.ts';
import { locales } from '../../platform/i18n/locales.ts';
import { may } from '../../platform/policy/policy.ts';
import { findOffer, findRequest, type OfferRow, type RequestRow } from './queries.ts';

export const tags = ['Assistance'];
export const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
export const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });

export const lang = z
  .enum(locales)
  .optional()
  .openapi({ description: 'The language of `explanation` and of the flags’ text (English by default)' });
export const idParams = z.object({ id: z.string().max(40).openapi({ example: '0b7d3f7e-5c1a-4f5e-9a55-6a8f0d1c2b3a' }) });
export const version = z.number().int().min(1).openapi({ description: 'The `rowVersion` of the record as it was read', example: 1 });

const refusals = (what: string) => ({
  401: problems[401],
  403: problem('The account may not do this'),
  404: problem(`No ${what} with this id that the caller may see`),
  409: problem('Changed by someone else since it was read (a stale `rowVersion`): read it again'),
  422: problem('Not valid; each problem names its field'),
});
export const changeResponses = <S extends z.ZodType>(what: string, schema: S) => ({
  200: { description: `The ${what} as it is now`, content: json(schema) },
  ...refusals(what),
});
export const createdResponses = <S extends z.ZodType>(what: string, schema: S) => ({
  201: { description: `The new ${what}`, content: json(schema) },
  ...refusals(what),
});

export const messagesFor = (l?: string) =>
  messages(l && (locales as readonly string[]).includes(l) ? (l as (typeof locales)[number]) : 'en');
export const db = (c: AppContextOf): Kysely<DB> => c.get('app').database.db;

/** A request the caller may see. */
export async function visibleRequest(c: AppContextOf, id: string): Promise<RequestRow> {
  const row = await findRequest(db(c), c.get('viewer'), id);
  if (!row) throw new AppError('not-found', 'no request for assistance with this id');
  return row;
}

/** A request the caller may see and, signed in, may try to change (the write core says whether it may). */
export async function changeableRequest(c: AppContextOf, id: string, what: string) {
  const viewer = c.get('viewer');
  const r = await visibleRequest(c, id);
  authorize(c, viewer !== null, what);
  return { viewer, r };
}

/** An offer the caller may see. */
export async function visibleOffer(c: AppContextOf, id: string): Promise<OfferRow> {
  const row = await findOffer(db(c), c.get('viewer'), id);
  if (!row) throw new AppError('not-found', 'no offer with this id');
  return row;
}

/** The changes only the experts and the secretariat make (matches, suggestions). */
export function mustManage(c: AppContextOf, what: string): void {
  authorize(c, may(c.get('viewer'), 'manage-assistance'), what);
}
