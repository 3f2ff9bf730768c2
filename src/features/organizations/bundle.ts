import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { sameJson } from '../../platform/bundle/canonical.ts';
import { type BundleSection, stricter } from '../../platform/bundle/section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { type Locale, locales } from '../../platform/i18n/locales.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { can } from '../../platform/policy/policy.ts';
import { recordChange } from '../../platform/audit/record.ts';
import { auditedOrganization } from './commands.ts';
import { listOrganizations, type OrganizationRow, organizationSearchText } from './queries.ts';
import { organizationKinds } from './reference.ts';

function perLocale<T extends z.ZodType>(value: T) {
  return z.strictObject(Object.fromEntries(locales.map((l) => [l, value.optional()])) as Record<Locale, z.ZodOptional<T>>);
}

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty: leave the language out instead').max(max, `must be at most ${max} characters`);

/** One organization in the bundle: the shape of `data/organizations.json`, plus its archive flag and confidentiality. */
export const organizationRecordSchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9-]{2,20}$/, 'must be 2 to 20 capital letters, digits or hyphens'),
  kind: z.enum(organizationKinds, `must be one of ${organizationKinds.join(', ')}`),
  acronyms: perLocale(text(40)),
  names: perLocale(text(300)).refine((n) => n.en !== undefined, { message: 'is required', path: ['en'] }),
  formerNames: perLocale(z.array(text(300))).default({}),
  website: z
    .string()
    .refine((w) => URL.canParse(w) && ['http:', 'https:'].includes(new URL(w).protocol), 'must be an http or https address')
    .nullable(),
  namedInSeed: z.boolean().default(false),
  archived: z.boolean().default(false),
  confidentiality: z.enum(confidentialityLevels).default('public'),
});
export type OrganizationRecord = z.output<typeof organizationRecordSchema>;

/** Leaves out the languages without a value, as the database keeps them. */
function present<T>(byLocale: Partial<Record<Locale, T>>): Partial<Record<Locale, T>> {
  return Object.fromEntries(locales.flatMap((l) => (byLocale[l] === undefined ? [] : [[l, byLocale[l]]])));
}

/** A stored organization in bundle shape. */
export function organizationRecord(row: OrganizationRow): OrganizationRecord {
  return {
    code: row.code,
    kind: row.kind as OrganizationRecord['kind'],
    acronyms: present(row.acronyms),
    names: present(row.names),
    formerNames: present(row.former_names),
    website: row.website,
    namedInSeed: row.named_in_seed,
    archived: row.archived_at !== null,
    confidentiality: row.confidentiality,
  };
}

function normalise(r: OrganizationRecord): OrganizationRecord {
  return {
    ...r,
    acronyms: present(r.acronyms),
    names: present(r.names),
    formerNames: Object.fromEntries(locales.flatMap((l) => (r.formerNames[l]?.length ? [[l, [...new Set(r.formerNames[l])]]] : []))),
  };
}

function columns(r: OrganizationRecord) {
  return {
    kind: r.kind,
    acronyms: JSON.stringify(r.acronyms),
    names: JSON.stringify(r.names),
    former_names: JSON.stringify(r.formerNames),
    website: r.website,
    named_in_seed: r.namedInSeed,
    search_text: organizationSearchText(r),
    confidentiality: r.confidentiality,
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
    const rows = await listOrganizations(db, { includeArchived: true });
    return rows
      .filter((row) => can(viewer, 'read', { type: 'organization', confidentiality: row.confidentiality }))
      .map(organizationRecord);
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
      const r = normalise(given);
      const before = rows.get(r.code);
      if (before && sameJson(organizationRecord(before), r)) {
        report.add('unchanged');
        continue;
      }
      if (!before) {
        const row = await trx
          .insertInto('organization')
          .values({ code: r.code, ...columns(r), archived_at: r.archived ? new Date() : null })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordChange(trx, actor, {
          action: 'create',
          recordType: 'organization',
          recordId: row.code,
          confidentiality: row.confidentiality,
          after: auditedOrganization(row),
        });
        report.add('created');
        continue;
      }
      const wasArchived = before.archived_at !== null;
      const after = await trx
        .updateTable('organization')
        .set({
          ...columns(r),
          archived_at: wasArchived === r.archived ? before.archived_at : r.archived ? new Date() : null,
          version: before.version + 1,
          updated_at: new Date(),
        })
        .where('code', '=', before.code)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordChange(trx, actor, {
        action: 'import',
        recordType: 'organization',
        recordId: before.code,
        confidentiality: stricter(before.confidentiality, after.confidentiality),
        before: auditedOrganization(before),
        after: auditedOrganization(after),
      });
      report.add('updated');
    }
  },
};
