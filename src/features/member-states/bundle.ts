import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { sameJson } from '../../platform/bundle/canonical.ts';
import { type BundleSection, type RecordProblem, stricter } from '../../platform/bundle/section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { locales } from '../../platform/i18n/locales.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { can, canSee } from '../../platform/policy/policy.ts';
import { recordChange } from '../../platform/audit/record.ts';
import { auditedState } from './commands.ts';
import { listStates, type StateRow, stateSearchText } from './queries.ts';
import { regionalGroups } from './reference.ts';

const name = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');
const m49Code = z.string().regex(/^[0-9]{3}$/, 'must be a three-digit M49 code');
const latestYear = () => new Date().getUTCFullYear() + 2;

/** One State in the bundle: the shape of `data/member-states.json`, plus its archive flag and confidentiality. */
export const stateRecordSchema = z.strictObject({
  iso3: z.string().regex(/^[A-Z]{3}$/, 'must be three capital letters (ISO 3166-1 alpha-3)'),
  iso2: z.string().regex(/^[A-Z]{2}$/, 'must be two capital letters (ISO 3166-1 alpha-2)'),
  m49: m49Code,
  unMemberSince: z.iso
    .date('must be a date written YYYY-MM-DD')
    .refine((d) => d >= '1945-10-24' && Date.parse(d) <= Date.now(), 'must be between 24 October 1945 and today'),
  names: z.strictObject(Object.fromEntries(locales.map((l) => [l, name])) as Record<(typeof locales)[number], typeof name>),
  regionalGroup: z.enum(regionalGroups, `must be one of ${regionalGroups.join(', ')}`),
  m49Region: m49Code.nullable(),
  m49Subregion: m49Code.nullable(),
  m49IntermediateRegion: m49Code.nullable(),
  organizations: z.array(z.string().regex(/^[A-Z0-9-]{2,20}$/, 'is not an organization code')),
  securityCouncilYears: z.array(
    z
      .number('must be a year')
      .int('must be a year')
      .refine((y) => y >= 1946 && y <= latestYear(), 'must be a year from 1946 to two years from now'),
  ),
  archived: z.boolean().default(false),
  confidentiality: z.enum(confidentialityLevels).default('public'),
});
export type StateRecord = z.output<typeof stateRecordSchema>;

/** A stored State in bundle shape. */
export function stateRecord(row: StateRow): StateRecord {
  return {
    iso3: row.iso3,
    iso2: row.iso2,
    m49: row.m49,
    unMemberSince: row.un_member_since,
    names: row.names,
    regionalGroup: row.regional_group as StateRecord['regionalGroup'],
    m49Region: row.m49_region,
    m49Subregion: row.m49_subregion,
    m49IntermediateRegion: row.m49_intermediate,
    organizations: row.organizations,
    securityCouncilYears: row.security_council_years,
    archived: row.archived_at !== null,
    confidentiality: row.confidentiality,
  };
}

/** The stored form of a record: sets sorted and without repeats, as the edit form saves them. */
function normalise(r: StateRecord): StateRecord {
  return {
    ...r,
    organizations: [...new Set(r.organizations)].sort(),
    securityCouncilYears: [...new Set(r.securityCouncilYears)].sort((a, b) => a - b),
  };
}

function columns(r: StateRecord) {
  return {
    iso2: r.iso2,
    m49: r.m49,
    un_member_since: r.unMemberSince,
    names: JSON.stringify(r.names),
    regional_group: r.regionalGroup,
    m49_region: r.m49Region,
    m49_subregion: r.m49Subregion,
    m49_intermediate: r.m49IntermediateRegion,
    organizations: r.organizations,
    security_council_years: r.securityCouncilYears,
    search_text: stateSearchText(r),
    confidentiality: r.confidentiality,
  };
}

async function storedRows(db: Kysely<DB> | Transaction<DB>, keys: readonly string[]): Promise<Map<string, StateRow>> {
  if (!keys.length) return new Map();
  const rows = await db
    .selectFrom('member_state')
    .selectAll()
    .where('iso3', 'in', [...keys])
    .execute();
  return new Map(rows.map((r) => [r.iso3, r]));
}

export const memberStatesSection: BundleSection<StateRecord> = {
  name: 'member-states',
  keyField: 'iso3',
  schema: stateRecordSchema,
  key: (r) => r.iso3,
  resource: (r) => ({ type: 'member-state', confidentiality: r.confidentiality, stateIso3: r.iso3 }),

  async export(db, viewer) {
    const rows = await listStates(db, { includeArchived: true });
    // A State's memberships must not name an organization the viewer may not see.
    const hidden = new Set(
      (await db.selectFrom('organization').select(['code', 'confidentiality']).execute())
        .filter((o) => !canSee(viewer, o.confidentiality))
        .map((o) => o.code),
    );
    return rows
      .filter((row) => can(viewer, 'read', { type: 'member-state', confidentiality: row.confidentiality, stateIso3: row.iso3 }))
      .map((row) => {
        const r = stateRecord(row);
        return hidden.size ? { ...r, organizations: r.organizations.filter((c) => !hidden.has(c)) } : r;
      });
  },

  async stored(db, keys) {
    const rows = await storedRows(db, keys);
    return new Map([...rows].map(([k, row]) => [k, stateRecord(row)]));
  },

  references: (r) =>
    r.organizations.map((code, i) => ({ field: `organizations[${i}]`, section: 'organizations', key: code, noun: 'organization' })),

  // iso2 and m49 are unique too: within the bundle, and against the States it does not contain.
  async check(db, records) {
    const problems: RecordProblem[] = [];
    const inBundle = new Set(records.map(({ record }) => record.iso3));
    for (const field of ['iso2', 'm49'] as const) {
      const first = new Map<string, number>();
      for (const { index, record } of records) {
        const seen = first.get(record[field]);
        if (seen === undefined) first.set(record[field], index);
        else problems.push({ index, field, problem: `${record[field]} is also the ${field} of record [${seen}]` });
      }
      const values = [...first.keys()];
      if (!values.length) continue;
      const taken = await db.selectFrom('member_state').select(['iso3', field]).where(field, 'in', values).execute();
      for (const row of taken) {
        if (inBundle.has(row.iso3)) continue;
        for (const { index, record } of records)
          if (record[field] === row[field] && record.iso3 !== row.iso3)
            problems.push({ index, field, problem: `${record[field]} is already the ${field} of ${row.iso3}` });
      }
    }
    return problems;
  },

  async import(trx, actor, records, report) {
    const rows = await storedRows(
      trx,
      records.map((r) => r.iso3),
    );
    for (const given of records) {
      const r = normalise(given);
      const before = rows.get(r.iso3);
      if (before && sameJson(stateRecord(before), r)) {
        report.add('unchanged');
        continue;
      }
      if (!before) {
        const row = await trx
          .insertInto('member_state')
          .values({ iso3: r.iso3, ...columns(r), archived_at: r.archived ? new Date() : null })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordChange(trx, actor, {
          action: 'create',
          recordType: 'member-state',
          recordId: row.iso3,
          confidentiality: row.confidentiality,
          stateIso3: row.iso3,
          after: auditedState(row),
        });
        report.add('created');
        continue;
      }
      const wasArchived = before.archived_at !== null;
      const after = await trx
        .updateTable('member_state')
        .set({
          ...columns(r),
          archived_at: wasArchived === r.archived ? before.archived_at : r.archived ? new Date() : null,
          version: before.version + 1,
          updated_at: new Date(),
        })
        .where('iso3', '=', before.iso3)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordChange(trx, actor, {
        action: 'import',
        recordType: 'member-state',
        recordId: before.iso3,
        confidentiality: stricter(before.confidentiality, after.confidentiality),
        stateIso3: before.iso3,
        before: auditedState(before),
        after: auditedState(after),
      });
      report.add('updated');
    }
  },
};
