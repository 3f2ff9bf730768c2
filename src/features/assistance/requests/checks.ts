// The rules of a request and a response that reach beyond the input itself: today's date, the
// Member States, the matrix templates, the request's own items and circulation. Pure where they
// can be, so that the write cores and the bundle's checks say the same.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { FieldProblem } from '../../../platform/errors.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A day recorded once it has come: not after today. */
export const futureProblem = (field: string, on: string, today: string): FieldProblem[] =>
  on > today ? [{ field, problem: `${on} is in the future` }] : [];

/** A day of the request's life: not before it was received. */
export const beforeReceived = (field: string, on: string, receivedOn: string): FieldProblem[] =>
  on < receivedOn ? [{ field, problem: `is before the request was received (${receivedOn})` }] : [];

export async function memberStateProblems(db: Db, iso3: string): Promise<FieldProblem[]> {
  const s = await db.selectFrom('member_state').select('iso3').where('iso3', '=', iso3).executeTakeFirst();
  return s ? [] : [{ field: 'stateIso3', problem: `${iso3.slice(0, 10)} is not a Member State` }];
}

/** The fields of every matrix template, which a request's items may name. */
export async function templateFields(db: Db): Promise<Set<string>> {
  const known = new Set<string>();
  for (const t of await db.selectFrom('matrix_template').select('definition').execute())
    for (const f of (t.definition as { fields?: { code: string }[] }).fields ?? []) known.add(f.code);
  return known;
}

/** The matrix field codes each item names that no template knows. */
export function unknownMatrixFields(items: readonly { matrixFields?: readonly string[] }[], known: Set<string>): FieldProblem[] {
  return items.flatMap((item, i) => {
    const unknown = (item.matrixFields ?? []).filter((c) => !known.has(c));
    return unknown.length
      ? [
          {
            field: `items[${i}].matrixFields`,
            problem: `no matrix template has the fields ${unknown.map((u) => u.slice(0, 40)).join(', ')}`,
          },
        ]
      : [];
  });
}

/** A response's items must be the request's own, and its provider one the request was circulated to. */
export function responseProblems(
  response: { provider: string; itemIds: readonly string[] },
  itemIds: ReadonlySet<string>,
  circulated: readonly string[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const foreign = response.itemIds.filter((i) => !itemIds.has(i));
  if (foreign.length)
    problems.push({ field: 'itemIds', problem: `not items of this request: ${foreign.map((f) => String(f).slice(0, 36)).join(', ')}` });
  if (!circulated.includes(response.provider))
    problems.push({ field: 'provider', problem: `the request was not circulated to ${response.provider}` });
  return problems;
}

/** The providers ('organization:WCO', 'state:FRA') that are neither an organization nor a Member State. */
export async function unknownProviders(db: Db, keys: readonly string[], field: string): Promise<FieldProblem[]> {
  const parsed = keys.map((k) => k.split(':') as [string, string]);
  const orgs = parsed.filter(([kind]) => kind === 'organization').map(([, code]) => code);
  const states = parsed.filter(([kind]) => kind === 'state').map(([, code]) => code);
  const [o, s] = await Promise.all([
    orgs.length ? db.selectFrom('organization').select('code').where('code', 'in', orgs).execute() : [],
    states.length ? db.selectFrom('member_state').select('iso3').where('iso3', 'in', states).execute() : [],
  ]);
  const known = new Set([...o.map((x) => `organization:${x.code}`), ...s.map((x) => `state:${x.iso3.trim()}`)]);
  const unknown = keys.filter((k) => !known.has(k));
  return unknown.length ? [{ field, problem: `no such organization or Member State: ${unknown.join(', ')}` }] : [];
}
