import { type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool, sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { visibleTo } from '../../platform/db/visibility.ts';
import { AppError } from '../../platform/errors.ts';
import type { Confidentiality } from '../../platform/policy/levels.ts';
import { can, canSee, type Resource, type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import { isUuid } from '../../platform/values/codes.ts';
import type { CountedMeeting } from './figures.ts';
import type { MeetingFilters } from './inputs.ts';
import type { CoordinatorTable, MeetingTable, ProgrammeItemTable, ProgrammeTable, WorkingGroupTable } from './schema.ts';

export type MeetingRow = Selectable<MeetingTable>;
export type WorkingGroupRow = Selectable<WorkingGroupTable>;
export type CoordinatorRow = Selectable<CoordinatorTable>;
export type ProgrammeRow = Selectable<ProgrammeTable>;
export type ItemRow = Selectable<ProgrammeItemTable>;
type Db = Kysely<DB> | Transaction<DB>;

export const meetingResource = (m: { confidentiality: Confidentiality; state_iso3?: string | null }): Resource => ({
  type: 'meeting',
  confidentiality: m.confidentiality,
  stateIso3: m.state_iso3 ?? null,
});
export const workingGroupResource = (g: { confidentiality: Confidentiality }): Resource => ({
  type: 'working-group',
  confidentiality: g.confidentiality,
});
export const coordinatorResource = (g: { confidentiality: Confidentiality }): Resource => ({
  type: 'working-group-coordinator',
  confidentiality: g.confidentiality,
});
export const programmeResource = (p: { confidentiality: Confidentiality }): Resource => ({
  type: 'programme-of-work',
  confidentiality: p.confidentiality,
});
export const itemResource = (i: { confidentiality: Confidentiality }): Resource => ({
  type: 'programme-item',
  confidentiality: i.confidentiality,
});

/**
 * That a formal meeting of the Committee took place (its date, kind and body) is public, whatever
 * the level of its record: the list shows the fact to everyone, and the presenter nothing more.
 */
export const isPublicFact = (m: { kind: string }) => m.kind === 'formal';

/** The policy and the filters as one where-clause: the meetings the viewer may read, and the facts of the formal ones. */
function meetingWhere(viewer: Viewer | null, f: MeetingFilters & { includeArchived?: boolean }) {
  return (eb: ExpressionBuilder<DB, 'meeting'>) => {
    const parts: Expression<SqlBool>[] = [
      eb.or([visibleTo<DB, 'meeting'>(visibilityScope(viewer), 'meeting.state_iso3')(eb), eb('meeting.kind', '=', 'formal')]),
    ];
    if (!f.includeArchived) parts.push(eb('meeting.archived_at', 'is', null));
    if (f.year) {
      parts.push(eb('meeting.held_on', '>=', `${f.year}-01-01`));
      parts.push(eb('meeting.held_on', '<=', `${f.year}-12-31`));
    }
    if (f.kind) parts.push(eb('meeting.kind', '=', f.kind));
    if (f.body === 'committee') parts.push(eb('meeting.kind', 'in', ['formal', 'informal', 'briefing']));
    else if (f.body === 'council') parts.push(eb('meeting.kind', '=', 'council-briefing'));
    else if (f.body)
      parts.push(
        eb(
          'meeting.working_group_id',
          'in',
          eb.selectFrom('working_group').select('working_group.id').where('working_group.code', '=', f.body),
        ),
      );
    // A meeting's participants are part of its content: only the meetings the viewer reads are found by them.
    if (f.state || f.organization) parts.push(visibleTo<DB, 'meeting'>(visibilityScope(viewer), 'meeting.state_iso3')(eb));
    if (f.state)
      parts.push(eb.or([eb('meeting.state_iso3', '=', f.state), sql<boolean>`meeting.participant_states @> array[${f.state}]::text[]`]));
    if (f.organization) parts.push(sql<boolean>`meeting.participant_organizations @> array[${f.organization}]::text[]`);
    return eb.and(parts);
  };
}

/** A page of the meetings the viewer may read or whose fact is public, newest first, and how many there are. */
export async function listMeetings(
  db: Db,
  viewer: Viewer | null,
  f: MeetingFilters & { includeArchived?: boolean },
  page: { limit: number; offset: number } = { limit: 200, offset: 0 },
): Promise<{ total: number; rows: MeetingRow[] }> {
  const where = meetingWhere(viewer, f);
  const [count, rows] = await Promise.all([
    db
      .selectFrom('meeting')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('meeting')
      .selectAll()
      .where(where)
      .orderBy('held_on', 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

/** The years with meetings the viewer may see, newest first. */
export async function meetingYears(db: Db, viewer: Viewer | null): Promise<number[]> {
  const rows = await db
    .selectFrom('meeting')
    .select(sql<number>`distinct extract(year from held_on)::int`.as('year'))
    .where(meetingWhere(viewer, {}))
    .execute();
  return rows.map((r) => Number(r.year)).sort((a, b) => b - a);
}

export async function findMeeting(db: Db, id: string): Promise<MeetingRow | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A meeting the viewer may read, or whose fact is public; else not found (a hidden meeting is not said to exist). */
export async function visibleMeeting(db: Db, viewer: Viewer | null, id: string): Promise<MeetingRow> {
  const m = await findMeeting(db, id);
  if (!m || !(can(viewer, 'read', meetingResource(m)) || isPublicFact(m)))
    throw new AppError('not-found', `no meeting has the id ${id.slice(0, 40)}`);
  return m;
}

/** Every meeting, as the figures count them (the fact of a meeting is counted whatever its level: the figures say no more than the count). */
export async function countedMeetings(db: Db): Promise<(CountedMeeting & { id: string; organizations: string[] })[]> {
  const rows = await db
    .selectFrom('meeting')
    .select(['id', 'held_on', 'kind', 'working_group_id', 'archived_at', 'participant_organizations'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organizations: r.participant_organizations,
    heldOn: r.held_on,
    kind: r.kind,
    workingGroupId: r.working_group_id,
    archived: r.archived_at !== null,
  }));
}

// Working groups, coordinators, programmes and items are public or Committee-only (never shared with
// one State: their tables refuse the level), so the State column `visibleTo` asks for is any text
// column, never compared with a State for a level they cannot have.

/** The working groups the viewer may see, in their order (archived ones too when asked). */
export async function listWorkingGroups(db: Db, viewer: Viewer | null, includeArchived = false): Promise<WorkingGroupRow[]> {
  let q = db
    .selectFrom('working_group')
    .selectAll()
    .where(visibleTo<DB, 'working_group'>(visibilityScope(viewer), 'working_group.code'));
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return q.orderBy('position').orderBy('code').execute();
}

export async function visibleWorkingGroup(db: Db, viewer: Viewer | null, idOrCode: string): Promise<WorkingGroupRow> {
  const g = await db
    .selectFrom('working_group')
    .selectAll()
    .where(isUuid(idOrCode) ? 'id' : 'code', '=', idOrCode)
    .executeTakeFirst();
  if (!g || !can(viewer, 'read', workingGroupResource(g)))
    throw new AppError('not-found', `no working group has the id ${idOrCode.slice(0, 40)}`);
  return g;
}

/** The coordinators of these groups that the viewer may see, earliest first. */
export async function coordinatorsOf(
  db: Db,
  viewer: Viewer | null,
  groupIds: readonly string[],
  includeArchived = false,
): Promise<CoordinatorRow[]> {
  if (!groupIds.length) return [];
  let q = db
    .selectFrom('working_group_coordinator')
    .selectAll()
    .where('working_group_id', 'in', [...groupIds]);
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  const rows = await q.orderBy('started_on').orderBy('id').execute();
  return rows.filter((r) => canSee(viewer, r.confidentiality));
}

export async function visibleCoordinator(db: Db, viewer: Viewer | null, id: string): Promise<CoordinatorRow> {
  const r = isUuid(id) ? await db.selectFrom('working_group_coordinator').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!r || !can(viewer, 'read', coordinatorResource(r))) throw new AppError('not-found', `no coordinator has the id ${id.slice(0, 40)}`);
  return r;
}

/** The programmes of work the viewer may see, the latest first. */
export async function listProgrammes(db: Db, viewer: Viewer | null, includeArchived = false): Promise<ProgrammeRow[]> {
  let q = db
    .selectFrom('programme_of_work')
    .selectAll()
    .where(visibleTo<DB, 'programme_of_work'>(visibilityScope(viewer), 'symbol'));
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return q.orderBy('number', 'desc').execute();
}

export async function visibleProgramme(db: Db, viewer: Viewer | null, idOrNumber: string): Promise<ProgrammeRow> {
  const p = isUuid(idOrNumber)
    ? await db.selectFrom('programme_of_work').selectAll().where('id', '=', idOrNumber).executeTakeFirst()
    : /^\d{1,3}$/.test(idOrNumber)
      ? await db.selectFrom('programme_of_work').selectAll().where('number', '=', Number(idOrNumber)).executeTakeFirst()
      : undefined;
  if (!p || !can(viewer, 'read', programmeResource(p)))
    throw new AppError('not-found', `no programme of work is numbered ${idOrNumber.slice(0, 40)}`);
  return p;
}

/** The items of a programme the viewer may see, in order. */
export async function itemsOf(db: Db, viewer: Viewer | null, programmeId: string, includeArchived = false): Promise<ItemRow[]> {
  let q = db.selectFrom('programme_item').selectAll().where('programme_id', '=', programmeId);
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  const rows = await q.orderBy('position').orderBy('reference').execute();
  return rows.filter((r) => canSee(viewer, r.confidentiality));
}

export async function visibleItem(db: Db, viewer: Viewer | null, id: string): Promise<ItemRow> {
  const r = isUuid(id) ? await db.selectFrom('programme_item').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!r || !can(viewer, 'read', itemResource(r))) throw new AppError('not-found', `no item has the id ${id.slice(0, 40)}`);
  return r;
}

/** The items (of any programme) that name this record among those that carry them out. */
export async function itemsLinkedTo(db: Db, viewer: Viewer | null, recordType: string, recordId: string): Promise<ItemRow[]> {
  const rows = await db
    .selectFrom('programme_item')
    .selectAll()
    .where('archived_at', 'is', null)
    .where(sql<boolean>`links @> ${JSON.stringify([{ recordType, recordId }])}::jsonb`)
    .orderBy('reference')
    .execute();
  return rows.filter((r) => canSee(viewer, r.confidentiality));
}

/** The titles of documents by id, of those the viewer may see (a meeting's linked documents). */
export async function visibleDocuments(
  db: Db,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<{ id: string; title: string; language: string }[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('document')
    .select(['id', 'title', 'language', 'confidentiality', 'state_iso3'])
    .where('id', 'in', [...ids])
    .where('archived_at', 'is', null)
    .where(visibleTo<DB, 'document'>(visibilityScope(viewer), 'document.state_iso3'))
    .execute();
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
    .map((d) => ({ id: d.id, title: d.title, language: d.language }));
}

/** Dates of meetings by id (the progress of an item: when its meetings were held). */
export async function meetingDates(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return new Map();
  const rows = await db.selectFrom('meeting').select(['id', 'held_on']).where('id', 'in', valid).execute();
  return new Map(rows.map((r) => [r.id, r.held_on]));
}
