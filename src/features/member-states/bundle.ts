import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { sameJson } from '../../platform/bundle/canonical.ts';
import type { BundleSection, RecordProblem } from '../../platform/bundle/section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { iso3 } from '../../platform/values/codes.ts';
import { insertState, reviseState, type StateValues, valuesOf } from './commands.ts';
import { asSets, stateEditFields } from './inputs.ts';
import { readableStates, type StateRow } from './queries.ts';

const m49Code = z.string().regex(/^[0-9]{3}$/, 'must be a three-digit M49 code');

/** One State in the bundle: the shape of `data/member-states.json`, plus its archive flag and confidentiality. */
export const stateRecordSchema = z.strictObject({
  iso3,
  iso2: z.string().regex(/^[A-Z]{2}$/, 'must be two capital letters (ISO 3166-1 alpha-2)'),
  m49: m49Code,
  ...stateEditFields,
  m49Region: m49Code.nullable(),
  m49Subregion: m49Code.nullable(),
  m49IntermediateRegion: m49Code.nullable(),
  archived: z.boolean().default(false),
  confidentiality: z.enum(confidentialityLevels).default('public'),
});
export type StateRecord = z.output<typeof stateRecordSchema>;

/** A stored State in bundle shape. */
export function stateRecord(row: StateRow): StateRecord {
  return valuesOf(row);
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

  // As the viewer sees them: a State's memberships do not name an organization the viewer may not see.
  async export(db, viewer) {
    return (await readableStates(db, viewer)).map(stateRecord);
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
      const r = asSets(given);
      const before = rows.get(r.iso3);
      if (before && sameJson(stateRecord(before), r)) report.add('unchanged');
      else {
        const values: StateValues = r;
        if (before) await reviseState(trx, actor, before, values, 'import');
        else await insertState(trx, actor, values);
        report.add(before ? 'updated' : 'created');
      }
    }
  },
};
