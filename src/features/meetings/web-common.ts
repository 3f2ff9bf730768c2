import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { AppContextOf } from '../../platform/http/env.ts';
import { pick } from '../../platform/i18n/locales.ts';
import { can } from '../../platform/policy/policy.ts';
import { listStates } from '../member-states/index.ts';
import { listOrganizations } from '../organizations/index.ts';
import type { Names } from './labels.ts';

/** The names of the States and organizations the viewer may see, in the reader's language. */
export async function namesFor(c: AppContextOf): Promise<Names> {
  const db = c.get('app').database.db;
  const viewer = c.get('viewer');
  const l = c.get('m').locale;
  const [states, organizations] = await Promise.all([listStates(db, {}), listOrganizations(db, {})]);
  return {
    states: new Map(
      states
        .filter((s) => can(viewer, 'read', { type: 'member-state', confidentiality: s.confidentiality, stateIso3: s.iso3 }))
        .map((s) => [s.iso3, pick(s.names, l)]),
    ),
    organizations: new Map(
      organizations
        .filter((o) => can(viewer, 'read', { type: 'organization', confidentiality: o.confidentiality }))
        .map((o) => [o.code, pick(o.acronyms, l) || pick(o.names, l) || o.code]),
    ),
  };
}

/**
 * Runs a form's write: a refused input comes back as the form with its problems (422), a change
 * someone else made first as the form with the fresh version (409); anything else goes on.
 */
export async function attempt(
  write: () => Promise<Response>,
  again: (problems: FieldProblem[], status: 409 | 422) => Promise<Response> | Response,
): Promise<Response> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation') return again(e.fields, 422);
    if (e instanceof AppError && e.code === 'conflict') return again([{ field: 'version', problem: e.message }], 409);
    throw e;
  }
}

/** The form's fields as posted, as text. */
export function textsOf(body: Record<string, unknown>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, typeof body[n] === 'string' ? (body[n] as string) : '']));
}
