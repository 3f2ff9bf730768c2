// What the pages of one record share (reports, plans, points of contact, visits, courses): the State, the version sent back, refusals.
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { AppContextOf } from '../../platform/http/env.ts';
import { type FormBody, text } from '../../platform/http/forms.ts';
import { pick } from '../../platform/i18n/locales.ts';
import { can } from '../../platform/policy/policy.ts';
import { findState, type StateRow } from '../member-states/index.ts';

export type Status = 200 | 409 | 422;
/** A State the viewer may see, or 404. */
export async function visibleState(c: AppContextOf): Promise<StateRow> {
  const iso3 = c.req.param('iso3') ?? '';
  const state = await findState(c.get('app').database.db, iso3);
  if (!state || !can(c.get('viewer'), 'read', { type: 'member-state', confidentiality: state.confidentiality, stateIso3: state.iso3 }))
    throw new AppError('not-found', `no Member State has the code ${iso3.toUpperCase().slice(0, 10)}`);
  return state;
}

export async function stateName(c: AppContextOf, iso3: string): Promise<string> {
  const state = await findState(c.get('app').database.db, iso3);
  return state ? pick(state.names, c.get('m').locale) : iso3;
}

/** The row version a form was made on; a mangled one is no version (the write core refuses it as stale). */
export const versionOf = (body: FormBody) => (/^\d{1,9}$/.test(text(body, 'version')) ? Number(text(body, 'version')) : -1);

/** The row version a form was made on; a missing or mangled one is a problem of the field `version`. */
export function requiredVersion(value: string): number {
  if (!/^\d{1,9}$/.test(value))
    throw new AppError('validation', 'version: is missing', { fields: [{ field: 'version', problem: 'is missing: reload the form' }] });
  return Number(value);
}

/** A refused change as field problems and a status, or the error itself when it is something else. */
export function refusal(err: unknown): { problems: FieldProblem[]; status: Status } {
  if (err instanceof AppError && err.code === 'validation') return { problems: err.fields, status: 422 };
  // A conflict names its fields when a value is another record's (a symbol taken); else the record moved on (its version).
  if (err instanceof AppError && err.code === 'conflict')
    return { problems: err.fields.length ? err.fields : [{ field: 'version', problem: err.message }], status: 409 };
  throw err;
}
