/**
 * The access-policy test's rows (route × role → expected status): their shape and the helpers that
 * several features' `access.rows.ts` share. Used only by tests (test/support/access-policy.ts).
 */
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Confidentiality } from '../policy/levels.ts';

export const who = ['public', 'poc', 'provider', 'expert', 'committee', 'secretariat', 'admin'] as const;
export type Who = (typeof who)[number];
export type Account = Exclude<Who, 'public'>;

export type Expect = Record<Who, number>;

/** The expected statuses, in the order public, poc (MLI), provider (IAEA), expert, committee, secretariat, admin. */
export function s(
  pub: number,
  poc: number,
  provider: number,
  expert: number,
  committee: number,
  secretariat: number,
  admin: number,
): Expect {
  return { public: pub, poc, provider, expert, committee, secretariat, admin };
}
export const all = (status: number): Expect => s(status, status, status, status, status, status, status);

export interface Ctx {
  /** The test's database, for rows that read a record's current version. */
  db: Kysely<DB>;
  userId: Record<Account, string>;
  /** A second API token of each account, revoked by a row. */
  spareTokenId: Record<Account, string>;
  /** An account that rows disable and enable again; and one of its tokens (nobody else may revoke it). */
  victimId: string;
  victimTokenId: string;
}

export interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** The route as registered, with /{lang} for the language prefix. */
  route: string;
  /** The concrete path requested (for a function: per role). */
  path: string | ((ctx: Ctx, w: Who) => string);
  /** A form body for POSTs (the CSRF token is added). */
  body?: (ctx: Ctx, w: Who) => Record<string, string> | Promise<Record<string, string>>;
  /** A JSON body for API rows. */
  json?: (ctx: Ctx, w: Who) => unknown;
  /** Run on a session opened for this row only (logging out would end the shared one). */
  fresh?: boolean;
  /** An API row asked with the session cookie instead of a bearer token. */
  viaSession?: boolean;
  /** Records whose confidentiality is changed for this row only. */
  restrict?: { table: 'member_state' | 'organization'; key: string; confidentiality: Confidentiality }[];
  /** A further check of the response of a role (it may keep what later rows need in `ctx`). */
  check?: (res: Response, w: Who, ctx: Ctx) => Promise<void>;
  expect: Expect;
  note?: string;
}

export const uuid0 = '00000000-0000-4000-8000-000000000000';

export const committeeSide: Who[] = ['expert', 'committee', 'secretariat', 'admin'];

/** A check: the response is CSV. */
export const csv = async (res: Response) => assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
