import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { can, type Resource, type Viewer } from '../../platform/policy/policy.ts';
import { readableOrganizations } from '../organizations/index.ts';
import { foldForSearch, likeContains } from '../../platform/i18n/search-text.ts';
import type { StateNames } from '../../platform/search.ts';
import { matchRank, statesByAlias } from './aliases.ts';
import type { MemberStateTable } from './schema.ts';

export type StateRow = Omit<Selectable<MemberStateTable>, 'search_text'>;

/** Every column but the folded search text, which only the database needs. */
const stateColumns = [
  'iso3',
  'iso2',
  'm49',
  'un_member_since',
  'names',
  'regional_group',
  'm49_region',
  'm49_subregion',
  'm49_intermediate',
  'organizations',
  'security_council_years',
  'confidentiality',
  'archived_at',
  'version',
  'created_at',
  'updated_at',
] as const;

export interface StateFilters {
  group?: string | undefined;
  organization?: string | undefined;
  q?: string | undefined;
  includeArchived?: boolean;
}

/** States matching the filters; the query matches a name in any of the six languages or a code. */
export async function listStates(db: Kysely<DB>, filters: StateFilters): Promise<StateRow[]> {
  let query = db.selectFrom('member_state').select(stateColumns);
  if (!filters.includeArchived) query = query.where('archived_at', 'is', null);
  if (filters.group) query = query.where('regional_group', '=', filters.group);
  if (filters.organization) query = query.where(sql<boolean>`organizations @> array[${filters.organization}]::text[]`);
  const q = filters.q ? foldForSearch(filters.q) : '';
  if (q) {
    const aliased = statesByAlias(q);
    query = query.where((eb) =>
      aliased.length
        ? eb.or([eb('search_text', 'like', likeContains(q)), eb('iso3', 'in', aliased)])
        : eb('search_text', 'like', likeContains(q)),
    );
  }
  const rows = await query.orderBy('iso3').execute();
  // A code or a name typed in full comes first ("UK": the United Kingdom, then Ukraine).
  return q ? rows.sort((a, b) => matchRank(q, a) - matchRank(q, b)) : rows;
}

export async function findState(db: Kysely<DB> | Transaction<DB>, iso3: string): Promise<StateRow | undefined> {
  return db.selectFrom('member_state').select(stateColumns).where('iso3', '=', iso3.toUpperCase()).executeTakeFirst();
}

export function stateResource(s: Pick<StateRow, 'confidentiality' | 'iso3'>): Resource & { type: 'member-state' } {
  return { type: 'member-state', confidentiality: s.confidentiality, stateIso3: s.iso3 };
}

/** A State the viewer may see, or not found: a hidden State is not even said to exist. */
export async function stateVisibleTo(db: Kysely<DB> | Transaction<DB>, viewer: Viewer | null, iso3: string): Promise<StateRow> {
  const state = await findState(db, iso3);
  if (!state || !can(viewer, 'read', stateResource(state)))
    throw new AppError('not-found', `no Member State has the code ${iso3.toUpperCase()}`);
  return state;
}

/** The codes of the organizations the viewer may see. */
async function seenOrganizations(db: Kysely<DB>, viewer: Viewer | null): Promise<Set<string>> {
  return new Set((await readableOrganizations(db, viewer)).map((o) => o.code));
}

/** A State as the viewer sees it: its memberships do not name an organization the viewer may not see. */
function asSeen(s: StateRow, organizations: ReadonlySet<string>): StateRow {
  return s.organizations.every((o) => organizations.has(o))
    ? s
    : { ...s, organizations: s.organizations.filter((o) => organizations.has(o)) };
}

/** The States matching the filters that the viewer may see, as it sees them: the list, the API and the bundle read through this. */
export async function readableStates(
  db: Kysely<DB>,
  viewer: Viewer | null,
  filters: StateFilters = { includeArchived: true },
): Promise<StateRow[]> {
  const [states, organizations] = await Promise.all([listStates(db, filters), seenOrganizations(db, viewer)]);
  return states.filter((s) => can(viewer, 'read', stateResource(s))).map((s) => asSeen(s, organizations));
}

/** One State as the viewer sees it (whether the viewer may see it at all is the caller's to ask). */
export async function stateAsSeen(db: Kysely<DB>, viewer: Viewer | null, s: StateRow): Promise<StateRow> {
  return asSeen(s, await seenOrganizations(db, viewer));
}

/** The folded names and codes a search matches. */
export function stateSearchText(row: { iso3: string; iso2: string; names: Record<string, string> }): string {
  return foldForSearch([row.iso3, row.iso2, ...Object.values(row.names)].join(' | '));
}

export async function countStates(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('member_state')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The names of these States in the six languages, by code (for titles and search keywords). */
export async function stateNames(db: Kysely<DB>, iso3s: Iterable<string>): Promise<StateNames> {
  const list = [...new Set(iso3s)];
  if (!list.length) return {};
  const rows = await db.selectFrom('member_state').select(['iso3', 'names']).where('iso3', 'in', list).execute();
  return Object.fromEntries(rows.map((r) => [r.iso3.trim(), r.names]));
}
