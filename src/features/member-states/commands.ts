import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../platform/errors.ts';
import { type LocalizedText, locales } from '../../platform/i18n/locales.ts';
import { type Actor, recordChange } from '../../platform/audit/record.ts';
import { findState, type StateRow, stateSearchText } from './queries.ts';
import { type StateData, referenceStates, regionalGroups } from './reference.ts';

/** What the history keeps of a State. */
export function auditedState(row: StateRow) {
  return {
    iso3: row.iso3,
    iso2: row.iso2,
    m49: row.m49,
    unMemberSince: row.un_member_since,
    names: row.names,
    regionalGroup: row.regional_group,
    m49Region: row.m49_region,
    m49Subregion: row.m49_subregion,
    m49IntermediateRegion: row.m49_intermediate,
    organizations: row.organizations,
    securityCouncilYears: row.security_council_years,
    archivedAt: row.archived_at,
    version: row.version,
  };
}

function rowValues(s: StateData) {
  return {
    iso3: s.iso3,
    iso2: s.iso2,
    m49: s.m49,
    un_member_since: s.unMemberSince,
    names: JSON.stringify(s.names),
    regional_group: s.regionalGroup,
    m49_region: s.m49Region,
    m49_subregion: s.m49Subregion,
    m49_intermediate: s.m49IntermediateRegion,
    organizations: [...s.organizations].sort(),
    security_council_years: [...s.securityCouncilYears].sort((a, b) => a - b),
    search_text: stateSearchText(s),
  };
}

/** Loads the shipped States that the database does not have yet; edits made since are kept. */
export async function seedStates(trx: Transaction<DB>, actor: Actor, data: StateData[] = referenceStates()): Promise<number> {
  const existing = new Set((await trx.selectFrom('member_state').select('iso3').execute()).map((r) => r.iso3));
  let added = 0;
  for (const s of data) {
    if (existing.has(s.iso3)) continue;
    const row = await trx.insertInto('member_state').values(rowValues(s)).returningAll().executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'create',
      recordType: 'member-state',
      recordId: row.iso3,
      confidentiality: 'public',
      stateIso3: row.iso3,
      after: auditedState(row),
    });
    added++;
  }
  return added;
}

export interface StateEdit {
  names: LocalizedText;
  unMemberSince: string;
  regionalGroup: string;
  organizations: string[];
  securityCouncilYears: number[];
}

export async function checkStateEdit(db: Kysely<DB> | Transaction<DB>, edit: StateEdit): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  for (const l of locales) {
    const v = edit.names[l];
    if (typeof v !== 'string' || !v.trim()) problems.push({ field: `names.${l}`, problem: 'is required' });
    else if (v.length > 200) problems.push({ field: `names.${l}`, problem: 'must be at most 200 characters' });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(edit.unMemberSince) || Number.isNaN(Date.parse(edit.unMemberSince)))
    problems.push({ field: 'unMemberSince', problem: 'must be a date written YYYY-MM-DD' });
  else if (edit.unMemberSince < '1945-10-24' || Date.parse(edit.unMemberSince) > Date.now())
    problems.push({ field: 'unMemberSince', problem: 'must be between 24 October 1945 and today' });
  if (!(regionalGroups as readonly string[]).includes(edit.regionalGroup))
    problems.push({ field: 'regionalGroup', problem: `must be one of ${regionalGroups.join(', ')}` });
  const thisYear = new Date().getUTCFullYear();
  for (const y of edit.securityCouncilYears) {
    if (!Number.isInteger(y) || y < 1946 || y > thisYear + 2)
      problems.push({ field: 'securityCouncilYears', problem: `${y} is not a year from 1946 to ${thisYear + 2}` });
  }
  if (edit.organizations.length) {
    const known = new Set(
      (await db.selectFrom('organization').select('code').where('code', 'in', edit.organizations).execute()).map((r) => r.code),
    );
    for (const code of edit.organizations)
      if (!known.has(code)) problems.push({ field: 'organizations', problem: `no organization has the code ${code}` });
  }
  return problems;
}

/** Saves an edit made on `expectedVersion`; a save over someone else's newer change is refused. */
export async function updateState(db: Kysely<DB>, actor: Actor, iso3: string, expectedVersion: number, edit: StateEdit): Promise<StateRow> {
  return db.transaction().execute(async (trx) => {
    const before = await findState(trx, iso3);
    if (!before) throw notFound(`the State ${iso3}`);
    const problems = await checkStateEdit(trx, edit);
    if (problems.length) throw invalid(problems);
    if (before.version !== expectedVersion)
      throw new AppError(
        'conflict',
        `this State was changed by someone else since you opened it (version ${before.version}, yours ${expectedVersion}): reload to see the change`,
      );
    const names = Object.fromEntries(locales.map((l) => [l, edit.names[l].trim()])) as LocalizedText;
    const after = await trx
      .updateTable('member_state')
      .set({
        names: JSON.stringify(names),
        un_member_since: edit.unMemberSince,
        regional_group: edit.regionalGroup,
        organizations: [...new Set(edit.organizations)].sort(),
        security_council_years: [...new Set(edit.securityCouncilYears)].sort((a, b) => a - b),
        search_text: stateSearchText({ iso3: before.iso3, iso2: before.iso2, names }),
        version: before.version + 1,
        updated_at: new Date(),
      })
      .where('iso3', '=', before.iso3)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'update',
      recordType: 'member-state',
      recordId: before.iso3,
      confidentiality: before.confidentiality,
      stateIso3: before.iso3,
      before: auditedState(before),
      after: auditedState(after),
    });
    return after;
  });
}

/** Archived States leave the lists but keep their page and history; restoring brings them back. */
export async function setStateArchived(db: Kysely<DB>, actor: Actor, iso3: string, archived: boolean): Promise<StateRow> {
  return db.transaction().execute(async (trx) => {
    const before = await findState(trx, iso3);
    if (!before) throw notFound(`the State ${iso3}`);
    if ((before.archived_at !== null) === archived) return before;
    const after = await trx
      .updateTable('member_state')
      .set({ archived_at: archived ? new Date() : null, version: before.version + 1, updated_at: new Date() })
      .where('iso3', '=', before.iso3)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: archived ? 'archive' : 'restore',
      recordType: 'member-state',
      recordId: before.iso3,
      confidentiality: before.confidentiality,
      stateIso3: before.iso3,
      before: auditedState(before),
      after: auditedState(after),
    });
    return after;
  });
}
