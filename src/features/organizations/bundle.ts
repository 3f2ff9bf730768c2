import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { sameJson } from '../../platform/bundle/canonical.ts';
import type { BundleSection } from '../../platform/bundle/section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { locales } from '../../platform/i18n/locales.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { insertOrganization, type OrganizationValues, reviseOrganization, valuesOf } from './commands.ts';
import { organizationEditFields, perLocale, present } from './inputs.ts';
import { type OrganizationRow, readableOrganizations } from './queries.ts';

const text = z.string().trim().min(1, 'must not be empty: leave the language out instead').max(300, 'must be at most 300 characters');

/** One organization in the bundle: the shape of `data/organizations.json`, plus its archive flag and confidentiality. */
export const organizationRecordSchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9-]{2,20}$/, 'must be 2 to 20 capital letters, digits or hyphens'),
  ...organizationEditFields,
  formerNames: perLocale(z.array(text)).default({}),
  namedInSeed: z.boolean().default(false),
  archived: z.boolean().default(false),
  confidentiality: z.enum(confidentialityLevels).default('public'),
});
export type OrganizationRecord = z.output<typeof organizationRecordSchema>;

/** A stored organization in bundle shape. */
export function organizationRecord(row: OrganizationRow): OrganizationRecord {
  const { archived, confidentiality, ...v } = valuesOf(row);
  return { code: row.code, ...v, archived, confidentiality };
}

/** The record as it will be stored: languages without a value left out, former names once each. */
function normalise(r: OrganizationRecord): OrganizationRecord {
  return {
    ...r,
    acronyms: present(r.acronyms),
    names: present(r.names),
    formerNames: Object.fromEntries(locales.flatMap((l) => (r.formerNames[l]?.length ? [[l, [...new Set(r.formerNames[l])]]] : []))),
  };
}

async function storedRows(db: Kysely<DB> | Transaction<DB>, keys: readonly string[]): Promise<Map<string, OrganizationRow>> {
  if (!keys.length) return new Map();
  const rows = await db
    .selectFrom('organization')
    .selectAll()
    .where('code', 'in', [...keys])
    .execute();
  return new Map(rows.map((r) => [r.code, r]));
}

export const organizationsSection: BundleSection<OrganizationRecord> = {
  name: 'organizations',
  keyField: 'code',
  schema: organizationRecordSchema,
  key: (r) => r.code,
  resource: (r) => ({ type: 'organization', confidentiality: r.confidentiality }),

  async export(db, viewer) {
    return (await readableOrganizations(db, viewer)).map(organizationRecord);
  },

  async stored(db, keys) {
    const rows = await storedRows(db, keys);
    return new Map([...rows].map(([k, row]) => [k, organizationRecord(row)]));
  },

  async import(trx, actor, records, report) {
    const rows = await storedRows(
      trx,
      records.map((r) => r.code),
    );
    for (const given of records) {
      const { code, ...values } = normalise(given);
      const before = rows.get(code);
      if (before && sameJson(organizationRecord(before), { code, ...values })) report.add('unchanged');
      else {
        if (before) await reviseOrganization(trx, actor, before, values as OrganizationValues, 'import');
        else await insertOrganization(trx, actor, code, values as OrganizationValues);
        report.add(before ? 'updated' : 'created');
      }
    }
  },
};
