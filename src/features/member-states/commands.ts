import type { Kysely, Transaction } from 'kysely';
import { type Actor, recordChange } from '../../platform/audit/record.ts';
import { changesSome } from '../../platform/bundle/record-section.ts';
import { stricter } from '../../platform/bundle/section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import type { Confidentiality } from '../../platform/policy/levels.ts';
import { parseInput } from '../../platform/values/input.ts';
import { type StateEdit, stateEditInput } from './inputs.ts';
import { type StateRow, stateSearchText } from './queries.ts';
import { referenceStates, type StateData } from './reference.ts';

/*
 * The write core of Member States: the shipped reference data, the secretariat's edits, the bundle
 * and archiving all write a State here, in a transaction with its audit event.
 */

type Trx = Transaction<DB>;

/** Everything kept of a State: what the reference data, an edit or a bundle give. */
export interface StateValues extends StateData {
  confidentiality: Confidentiality;
  archived: boolean;
}

/** What the history keeps of a State. */
export function auditedState(row: StateRow) {
  const { archived: _archived, confidentiality: _confidentiality, ...kept } = valuesOf(row);
  return { ...kept, archivedAt: row.archived_at, version: row.version };
}

/** What is kept of a stored State, to change some of it. */
export function valuesOf(row: StateRow): StateValues {
  return {
    iso3: row.iso3,
    iso2: row.iso2,
    m49: row.m49,
    unMemberSince: row.un_member_since,
    names: row.names,
    regionalGroup: row.regional_group as StateValues['regionalGroup'],
    m49Region: row.m49_region,
    m49Subregion: row.m49_subregion,
    m49IntermediateRegion: row.m49_intermediate,
    organizations: row.organizations,
    securityCouncilYears: row.security_council_years,
    archived: row.archived_at !== null,
    confidentiality: row.confidentiality,
  };
}

function columns(v: StateValues) {
  return {
    iso2: v.iso2,
    m49: v.m49,
    un_member_since: v.unMemberSince,
    names: JSON.stringify(v.names),
    regional_group: v.regionalGroup,
    m49_region: v.m49Region,
    m49_subregion: v.m49Subregion,
    m49_intermediate: v.m49IntermediateRegion,
    organizations: [...new Set(v.organizations)].sort(),
    security_council_years: [...new Set(v.securityCouncilYears)].sort((a, b) => a - b),
    search_text: stateSearchText(v),
    confidentiality: v.confidentiality,
  };
}

/** Records a new State. */
export async function insertState(trx: Trx, actor: Actor, v: StateValues): Promise<StateRow> {
  const row = await trx
    .insertInto('member_state')
    .values({ iso3: v.iso3, ...columns(v), archived_at: v.archived ? new Date() : null })
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
  return row;
}

/** Changes a stored State (never its code): an edit, a bundle, archiving; seen by those who could see it before and after. */
export async function reviseState(
  trx: Trx,
  actor: Actor,
  before: StateRow,
  v: StateValues,
  action: 'update' | 'import' | 'archive' | 'restore',
): Promise<StateRow> {
  const set = {
    ...columns({ ...v, iso3: before.iso3 }),
    ...((before.archived_at !== null) === v.archived ? {} : { archived_at: v.archived ? new Date() : null }),
  };
  // A change that changes nothing writes nothing: no new version, no audit event. The search text
  // is made from the rest (in whatever order the stored names come back), so it does not count.
  const after = await trx
    .updateTable('member_state')
    .set({ ...set, version: before.version + 1, updated_at: new Date() })
    .where('iso3', '=', before.iso3)
    .where(changesSome({ ...set, search_text: undefined }))
    .returningAll()
    .executeTakeFirst();
  if (!after) return before;
  await recordChange(trx, actor, {
    action,
    recordType: 'member-state',
    recordId: before.iso3,
    confidentiality: stricter(before.confidentiality, after.confidentiality),
    stateIso3: before.iso3,
    before: auditedState(before),
    after: auditedState(after),
  });
  return after;
}

/** Loads the shipped States that the database does not have yet; edits made since are kept. */
export async function seedStates(trx: Trx, actor: Actor, data: StateData[] = referenceStates()): Promise<number> {
  const existing = new Set((await trx.selectFrom('member_state').select('iso3').execute()).map((r) => r.iso3));
  const added = data.filter((s) => !existing.has(s.iso3));
  for (const s of added) await insertState(trx, actor, { ...s, confidentiality: 'public', archived: false });
  return added.length;
}

/** The stored State, locked for a change, if it is the version the editor saw. */
async function lockState(trx: Trx, iso3: string, expectedVersion?: number): Promise<StateRow> {
  const before = await trx.selectFrom('member_state').selectAll().where('iso3', '=', iso3.toUpperCase()).forUpdate().executeTakeFirst();
  if (!before) throw notFound(`the State ${iso3}`);
  if (expectedVersion !== undefined && before.version !== expectedVersion)
    throw new AppError(
      'conflict',
      `this State was changed by someone else since you opened it (version ${before.version}, yours ${expectedVersion}): reload to see the change`,
    );
  return before;
}

/** Saves the secretariat's edit made on `expectedVersion`; a save over someone else's newer change is refused. */
export async function updateState(
  db: Kysely<DB>,
  actor: Actor,
  iso3: string,
  expectedVersion: number,
  given: StateEdit,
): Promise<StateRow> {
  const edit = parseInput(stateEditInput, given);
  return db.transaction().execute(async (trx) => {
    const before = await lockState(trx, iso3, expectedVersion);
    // A rule across records: the organizations named exist.
    const known = new Set(
      edit.organizations.length
        ? (await trx.selectFrom('organization').select('code').where('code', 'in', edit.organizations).execute()).map((r) => r.code)
        : [],
    );
    const unknown = edit.organizations.filter((code) => !known.has(code));
    if (unknown.length) throw invalid(unknown.map((code) => ({ field: 'organizations', problem: `no organization has the code ${code}` })));
    return reviseState(trx, actor, before, { ...valuesOf(before), ...edit }, 'update');
  });
}

/** Archived States leave the lists but keep their page and history; restoring brings them back. */
export async function setStateArchived(db: Kysely<DB>, actor: Actor, iso3: string, archived: boolean): Promise<StateRow> {
  return db.transaction().execute(async (trx) => {
    const before = await lockState(trx, iso3);
    if ((before.archived_at !== null) === archived) return before;
    return reviseState(trx, actor, before, { ...valuesOf(before), archived }, archived ? 'archive' : 'restore');
  });
}
