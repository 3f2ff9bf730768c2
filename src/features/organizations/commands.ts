import type { Kysely, Transaction } from 'kysely';
import { type Actor, recordChange } from '../../platform/audit/record.ts';
import { changesSome } from '../../platform/bundle/record-section.ts';
import { stricter } from '../../platform/bundle/section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Locale, LocalizedText } from '../../platform/i18n/locales.ts';
import type { Confidentiality } from '../../platform/policy/levels.ts';
import { parseInput } from '../../platform/values/input.ts';
import { type OrganizationEdit, organizationEditInput, present } from './inputs.ts';
import { type OrganizationRow, organizationSearchText } from './queries.ts';
import { type OrganizationData, referenceOrganizations } from './reference.ts';

/*
 * The write core of organizations: the shipped reference data, the secretariat's edits, the bundle
 * and archiving all write an organization here, in a transaction with its audit event.
 */

type Trx = Transaction<DB>;

/** Everything kept of an organization but its code: what the reference data, an edit or a bundle give. */
export interface OrganizationValues extends Omit<OrganizationData, 'code' | 'formerNames'> {
  formerNames: Partial<Record<Locale, string[]>>;
  confidentiality: Confidentiality;
  archived: boolean;
}

export function auditedOrganization(row: OrganizationRow) {
  return {
    code: row.code,
    kind: row.kind,
    acronyms: row.acronyms,
    names: row.names,
    formerNames: row.former_names,
    website: row.website,
    namedInSeed: row.named_in_seed,
    archivedAt: row.archived_at,
    version: row.version,
  };
}

function columns(code: string, v: OrganizationValues) {
  return {
    kind: v.kind,
    acronyms: JSON.stringify(v.acronyms),
    names: JSON.stringify(v.names),
    former_names: JSON.stringify(v.formerNames),
    website: v.website,
    named_in_seed: v.namedInSeed,
    search_text: organizationSearchText({ code, ...v }),
    confidentiality: v.confidentiality,
  };
}

/** Records a new organization. */
export async function insertOrganization(trx: Trx, actor: Actor, code: string, v: OrganizationValues): Promise<OrganizationRow> {
  const row = await trx
    .insertInto('organization')
    .values({ code, ...columns(code, v), archived_at: v.archived ? new Date() : null })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordChange(trx, actor, {
    action: 'create',
    recordType: 'organization',
    recordId: row.code,
    confidentiality: row.confidentiality,
    after: auditedOrganization(row),
  });
  return row;
}

/** Changes a stored organization: an edit (`update`) or a bundle (`import`); seen by those who could see it before and after. */
export async function reviseOrganization(
  trx: Trx,
  actor: Actor,
  before: OrganizationRow,
  v: OrganizationValues,
  action: 'update' | 'import' | 'archive' | 'restore',
): Promise<OrganizationRow> {
  const set = {
    ...columns(before.code, v),
    ...((before.archived_at !== null) === v.archived ? {} : { archived_at: v.archived ? new Date() : null }),
  };
  // A change that changes nothing writes nothing: no new version, no audit event. The search text
  // is made from the rest (in whatever order the stored names come back), so it does not count.
  const after = await trx
    .updateTable('organization')
    .set({ ...set, version: before.version + 1, updated_at: new Date() })
    .where('code', '=', before.code)
    .where(changesSome({ ...set, search_text: undefined }))
    .returningAll()
    .executeTakeFirst();
  if (!after) return before;
  await recordChange(trx, actor, {
    action,
    recordType: 'organization',
    recordId: before.code,
    confidentiality: stricter(before.confidentiality, after.confidentiality),
    before: auditedOrganization(before),
    after: auditedOrganization(after),
  });
  return after;
}

/** What is kept of a stored organization, to change some of it. */
export function valuesOf(row: OrganizationRow): OrganizationValues {
  return {
    kind: row.kind as OrganizationValues['kind'],
    acronyms: present(row.acronyms),
    names: present(row.names),
    formerNames: present(row.former_names),
    website: row.website,
    namedInSeed: row.named_in_seed,
    confidentiality: row.confidentiality,
    archived: row.archived_at !== null,
  };
}

/**
 * Loads the shipped organizations that the database does not have yet, and gives the stored ones
 * the names and acronyms in the languages they lack (what is stored, perhaps edited, is kept).
 * Runs on a first start and on `r1540 seed`, which is how an existing installation gets new names.
 */
export async function seedOrganizations(trx: Trx, actor: Actor, data: OrganizationData[] = referenceOrganizations()): Promise<number> {
  const stored = new Map((await trx.selectFrom('organization').selectAll().forUpdate().execute()).map((r) => [r.code, r]));
  let added = 0;
  for (const { code, formerNames, ...o } of data) {
    const before = stored.get(code);
    if (!before) {
      await insertOrganization(trx, actor, code, { ...o, formerNames: formerNames ?? {}, confidentiality: 'public', archived: false });
      added++;
      continue;
    }
    const names = { ...o.names, ...present(before.names) } as Partial<LocalizedText>;
    const acronyms = { ...o.acronyms, ...present(before.acronyms) } as Partial<LocalizedText>;
    const lacks = (given: object, kept: object) => Object.keys(given).length > Object.keys(kept).length;
    if (lacks(names, present(before.names)) || lacks(acronyms, present(before.acronyms)))
      await reviseOrganization(trx, actor, before, { ...valuesOf(before), names, acronyms }, 'update');
  }
  return added;
}

/** The stored organization, locked for a change, if it is the version the editor saw. */
async function lockOrganization(trx: Trx, code: string, expectedVersion?: number): Promise<OrganizationRow> {
  const before = await trx.selectFrom('organization').selectAll().where('code', '=', code.toUpperCase()).forUpdate().executeTakeFirst();
  if (!before) throw notFound(`the organization ${code}`);
  if (expectedVersion !== undefined && before.version !== expectedVersion)
    throw new AppError(
      'conflict',
      `this organization was changed by someone else since you opened it (version ${before.version}, yours ${expectedVersion}): reload to see the change`,
    );
  return before;
}

/** Saves the secretariat's edit made on `expectedVersion`. */
export async function updateOrganization(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
  expectedVersion: number,
  given: OrganizationEdit,
): Promise<OrganizationRow> {
  const edit = parseInput(organizationEditInput, given);
  return db.transaction().execute(async (trx) => {
    const before = await lockOrganization(trx, code, expectedVersion);
    const names = present(edit.names) as Partial<LocalizedText>;
    return reviseOrganization(trx, actor, before, { ...valuesOf(before), ...edit, names, acronyms: present(edit.acronyms) }, 'update');
  });
}

/** Archived organizations leave the lists but keep their page and history; restoring brings them back. */
export async function setOrganizationArchived(db: Kysely<DB>, actor: Actor, code: string, archived: boolean): Promise<OrganizationRow> {
  return db.transaction().execute(async (trx) => {
    const before = await lockOrganization(trx, code);
    if ((before.archived_at !== null) === archived) return before;
    return reviseOrganization(trx, actor, before, { ...valuesOf(before), archived }, archived ? 'archive' : 'restore');
  });
}
