// What the clearinghouse's page routes share: names in the reader's language, list filters, CSV.
import { AppError, type FieldProblem, invalid } from '../../platform/errors.ts';
import type { AppContextOf } from '../../platform/http/env.ts';
import { type FormBody, text } from '../../platform/http/forms.ts';
import { pick } from '../../platform/i18n/locales.ts';
import { can } from '../../platform/policy/policy.ts';
import { listStates } from '../member-states/index.ts';
import { listOrganizations } from '../organizations/index.ts';
import type { Names } from './labels.ts';
import type { RequestFilters } from './queries.ts';
import { type RequestStatus, requestStatuses } from './schema.ts';

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

const firstYear = 2004;

/** Years a request may have been received in, newest first. */
export function yearsUntil(today: string): number[] {
  const last = Number(today.slice(0, 4));
  return Array.from({ length: last - firstYear + 1 }, (_, i) => last - i);
}

/** The hub's filters, checked: a malformed one is a 422 naming it. */
export function requestFilters(q: { state?: string; year?: string; status?: string }): RequestFilters {
  const problems: FieldProblem[] = [];
  const f: RequestFilters = {};
  if (q.state) {
    if (/^[A-Za-z]{3}$/.test(q.state)) f.state = q.state.toUpperCase();
    else problems.push({ field: 'state', problem: 'must be an ISO 3166 alpha-3 code' });
  }
  if (q.year) {
    if (/^\d{4}$/.test(q.year) && Number(q.year) >= firstYear && Number(q.year) <= 2199) f.year = Number(q.year);
    else problems.push({ field: 'year', problem: `must be a year from ${firstYear} (YYYY)` });
  }
  if (q.status) {
    if ((requestStatuses as readonly string[]).includes(q.status)) f.status = q.status as RequestStatus;
    else problems.push({ field: 'status', problem: `must be one of ${requestStatuses.join(', ')}` });
  }
  if (problems.length) throw invalid(problems);
  return f;
}

export function withParams(c: AppContextOf, changes: Record<string, string | null>): string {
  const url = new URL(c.req.url);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  return `${url.pathname}?${url.searchParams.toString()}`;
}

/** The row version a form sent back (-1 when it is not a number: a conflict). */
export const versionOf = (body: FormBody) => (/^\d{1,9}$/.test(text(body, 'version')) ? Number(text(body, 'version')) : -1);

/** A refused change as field problems and a status, or the error itself when it is something else. */
export function refusal(err: unknown): { problems: FieldProblem[]; status: 409 | 422 } {
  if (err instanceof AppError && err.code === 'validation') return { problems: err.fields, status: 422 };
  if (err instanceof AppError && err.code === 'conflict') return { problems: [{ field: 'version', problem: err.message }], status: 409 };
  throw err;
}
