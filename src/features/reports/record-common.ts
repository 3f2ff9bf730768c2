// What the pages of one record share (reports, plans, points of contact, visits, courses): the State, the version sent back, refusals.
import { AppError } from '../../platform/errors.ts';
import type { AppContextOf } from '../../platform/http/env.ts';
import { type FormBody, text } from '../../platform/http/forms.ts';
import { pick } from '../../platform/i18n/locales.ts';
import { can } from '../../platform/policy/policy.ts';
import { findState, type StateRow } from '../member-states/index.ts';

export { refusal, requiredVersion, type Status } from '../../platform/http/refusal.ts';
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
