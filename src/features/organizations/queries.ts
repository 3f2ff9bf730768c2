import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { can, type Resource, type Viewer } from '../../platform/policy/policy.ts';
import { foldForSearch, likeContains } from '../../platform/i18n/search-text.ts';
import type { OrganizationTable } from './schema.ts';

export type OrganizationRow = Omit<Selectable<OrganizationTable>, 'search_text'>;

const organizationColumns = [
  'code',
  'kind',
  'acronyms',
  'names',
  'former_names',
  'website',
  'named_in_seed',
  'confidentiality',
  'archived_at',
  'version',
  'created_at',
  'updated_at',
] as const;

export interface OrganizationFilters {
  kind?: string | undefined;
  q?: string | undefined;
  includeArchived?: boolean;
}

export async function listOrganizations(db: Kysely<DB>, filters: OrganizationFilters): Promise<OrganizationRow[]> {
  let query = db.selectFrom('organization').select(organizationColumns);
  if (!filters.includeArchived) query = query.where('archived_at', 'is', null);
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  const q = filters.q ? foldForSearch(filters.q) : '';
  if (q) query = query.where('search_text', 'like', likeContains(q));
  return query.orderBy('code').execute();
}

export function organizationResource(o: Pick<OrganizationRow, 'confidentiality'>): Resource & { type: 'organization' } {
  return { type: 'organization', confidentiality: o.confidentiality, stateIso3: null };
}

/** The organizations matching the filters that the viewer may see: the list, the API and the bundle read through this. */
export async function readableOrganizations(
  db: Kysely<DB>,
  viewer: Viewer | null,
  filters: OrganizationFilters = { includeArchived: true },
): Promise<OrganizationRow[]> {
  return (await listOrganizations(db, filters)).filter((o) => can(viewer, 'read', organizationResource(o)));
}

export async function findOrganization(db: Kysely<DB> | Transaction<DB>, code: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organization').select(organizationColumns).where('code', '=', code.toUpperCase()).executeTakeFirst();
}

export function organizationSearchText(o: {
  code: string;
  names: Record<string, string | undefined>;
  acronyms: Record<string, string | undefined>;
  formerNames?: Record<string, string[] | undefined> | undefined;
}): string {
  const former = Object.values(o.formerNames ?? {}).flatMap((v) => v ?? []);
  return foldForSearch([o.code, ...Object.values(o.names), ...Object.values(o.acronyms), ...former].filter(Boolean).join(' | '));
}

export async function countOrganizations(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('organization')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
