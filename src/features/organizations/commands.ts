import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../platform/errors.ts';
import { type LocalizedText, locales } from '../../platform/i18n/locales.ts';
import { type Actor, recordChange } from '../../platform/audit/record.ts';
import { findOrganization, type OrganizationRow, organizationSearchText } from './queries.ts';
import { type OrganizationData, organizationKinds, referenceOrganizations } from './reference.ts';

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

/** Loads the shipped organizations that the database does not have yet. */
export async function seedOrganizations(
  trx: Transaction<DB>,
  actor: Actor,
  data: OrganizationData[] = referenceOrganizations(),
): Promise<number> {
  const existing = new Set((await trx.selectFrom('organization').select('code').execute()).map((r) => r.code));
  let added = 0;
  for (const o of data) {
    if (existing.has(o.code)) continue;
    const row = await trx
      .insertInto('organization')
      .values({
        code: o.code,
        kind: o.kind,
        acronyms: JSON.stringify(o.acronyms),
        names: JSON.stringify(o.names),
        former_names: JSON.stringify(o.formerNames ?? {}),
        website: o.website,
        named_in_seed: o.namedInSeed,
        search_text: organizationSearchText(o),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'create',
      recordType: 'organization',
      recordId: row.code,
      confidentiality: 'public',
      after: auditedOrganization(row),
    });
    added++;
  }
  return added;
}

export interface OrganizationEdit {
  kind: string;
  names: Partial<LocalizedText>;
  acronyms: Partial<LocalizedText>;
  website: string | null;
}

export function checkOrganizationEdit(edit: OrganizationEdit): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(organizationKinds as readonly string[]).includes(edit.kind))
    problems.push({ field: 'kind', problem: `must be one of ${organizationKinds.join(', ')}` });
  if (!edit.names.en?.trim()) problems.push({ field: 'names.en', problem: 'is required' });
  for (const l of locales) {
    if ((edit.names[l] ?? '').length > 300) problems.push({ field: `names.${l}`, problem: 'must be at most 300 characters' });
    if ((edit.acronyms[l] ?? '').length > 40) problems.push({ field: `acronyms.${l}`, problem: 'must be at most 40 characters' });
  }
  if (edit.website) {
    try {
      const u = new URL(edit.website);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
    } catch {
      problems.push({ field: 'website', problem: 'must be an http or https address' });
    }
  }
  return problems;
}

function compact(text: Partial<LocalizedText>): Partial<LocalizedText> {
  return Object.fromEntries(
    locales.flatMap((l) => {
      const v = text[l]?.trim();
      return v ? [[l, v]] : [];
    }),
  );
}

export async function updateOrganization(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
  expectedVersion: number,
  edit: OrganizationEdit,
): Promise<OrganizationRow> {
  const problems = checkOrganizationEdit(edit);
  if (problems.length) throw invalid(problems);
  return db.transaction().execute(async (trx) => {
    const before = await findOrganization(trx, code);
    if (!before) throw notFound(`the organization ${code}`);
    if (before.version !== expectedVersion)
      throw new AppError(
        'conflict',
        `this organization was changed by someone else since you opened it (version ${before.version}, yours ${expectedVersion}): reload to see the change`,
      );
    const names = compact(edit.names);
    const acronyms = compact(edit.acronyms);
    const after = await trx
      .updateTable('organization')
      .set({
        kind: edit.kind,
        names: JSON.stringify(names),
        acronyms: JSON.stringify(acronyms),
        website: edit.website?.trim() || null,
        search_text: organizationSearchText({
          code: before.code,
          names,
          acronyms,
          formerNames: before.former_names,
        }),
        version: before.version + 1,
        updated_at: new Date(),
      })
      .where('code', '=', before.code)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'update',
      recordType: 'organization',
      recordId: before.code,
      confidentiality: before.confidentiality,
      before: auditedOrganization(before),
      after: auditedOrganization(after),
    });
    return after;
  });
}

export async function setOrganizationArchived(db: Kysely<DB>, actor: Actor, code: string, archived: boolean): Promise<OrganizationRow> {
  return db.transaction().execute(async (trx) => {
    const before = await findOrganization(trx, code);
    if (!before) throw notFound(`the organization ${code}`);
    if ((before.archived_at !== null) === archived) return before;
    const after = await trx
      .updateTable('organization')
      .set({ archived_at: archived ? new Date() : null, version: before.version + 1, updated_at: new Date() })
      .where('code', '=', before.code)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: archived ? 'archive' : 'restore',
      recordType: 'organization',
      recordId: before.code,
      confidentiality: before.confidentiality,
      before: auditedOrganization(before),
      after: auditedOrganization(after),
    });
    return after;
  });
}
