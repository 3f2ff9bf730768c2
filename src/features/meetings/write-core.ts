import type { Transaction } from 'kysely';
import { type KeptKind, type KeptRow, type KeptTable, lockKept } from '../../platform/bundle/record-section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { type FieldProblem, notFound } from '../../platform/errors.ts';

/*
 * The write core of meetings, working groups, coordinators, programmes and their items: every door
 * (the forms, the API, the bundle, the demonstration data) records, changes and archives them
 * here, in one transaction with the row version, the checks that need the database (the States,
 * organizations, groups, documents and records named; a coordinator's period against the group's
 * others) and the audit event.
 */

export type Trx = Transaction<DB>;
const strip = <R extends { created_at: Date; updated_at: Date }>(r: R) => ({ ...r, created_at: undefined, updated_at: undefined });

export const kinds = {
  meeting: { table: 'meeting', noun: 'meeting', recordType: 'meeting', audited: strip },
  workingGroup: { table: 'working_group', noun: 'working group', recordType: 'working-group', audited: strip },
  coordinator: { table: 'working_group_coordinator', noun: 'coordinator', recordType: 'working-group-coordinator', audited: strip },
  programme: { table: 'programme_of_work', noun: 'programme of work', recordType: 'programme-of-work', audited: strip },
  item: { table: 'programme_item', noun: 'item', recordType: 'programme-item', audited: strip },
} as const satisfies Record<string, KeptKind<KeptTable>>;

/** Codes that name no Member State or no known organization, reported on their field. */
export async function unknownCodes(
  trx: Trx,
  field: string,
  values: readonly string[],
  of: 'states' | 'organizations',
): Promise<FieldProblem[]> {
  if (!values.length) return [];
  const known = new Set(
    of === 'states'
      ? (
          await trx
            .selectFrom('member_state')
            .select('iso3')
            .where('iso3', 'in', [...values])
            .execute()
        ).map((s) => s.iso3.trim())
      : (
          await trx
            .selectFrom('organization')
            .select('code')
            .where('code', 'in', [...values])
            .execute()
        ).map((o) => o.code),
  );
  const unknown = values.filter((v) => !known.has(v));
  if (!unknown.length) return [];
  return [
    {
      field,
      problem:
        of === 'states'
          ? `${unknown.join(', ')}: not a Member State (give ISO 3166 codes such as MLI)`
          : `${unknown.join(', ')}: not a known organization (give codes such as IAEA)`,
    },
  ];
}

export function archiveChange(before: { archived_at: Date | null }, archived: boolean | undefined) {
  if (archived === undefined || (before.archived_at !== null) === archived) return {};
  return { archived_at: archived ? new Date() : null };
}

/** The row locked for a change at the version the editor saw; a bundle (version `null`) takes the stored one. */
export async function locked<T extends KeptTable>(trx: Trx, kind: KeptKind<T>, id: string, version: number | null): Promise<KeptRow<T>> {
  const row = (await trx
    .selectFrom(kind.table as KeptTable)
    .select('row_version')
    .where('id', '=', /^[0-9a-f-]{36}$/i.test(id) ? id : '00000000-0000-0000-0000-000000000000')
    .executeTakeFirst()) as { row_version: number } | undefined;
  if (!row) throw notFound(`the ${kind.noun}`);
  return lockKept(trx, kind, id, version ?? row.row_version);
}
