import { type Expression, type ExpressionBuilder, type SqlBool, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { visibleTo } from '../../platform/db/visibility.ts';
import { AppError } from '../../platform/errors.ts';
import { can, type Resource, type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import { isUuid } from '../../platform/values/codes.ts';
import type { EventFilters } from './inputs.ts';
import type { OrganizationCooperationTable, OutreachEventTable } from './schema.ts';

export type EventRow = Selectable<OutreachEventTable>;
export type CooperationRow = Selectable<OrganizationCooperationTable>;
export type Db = Kysely<DB> | Transaction<DB>;

/** Whether an event is announced: held, or planned (or cancelled) and marked confirmed. Only announced events leave the Committee side. */
export function announced(e: Pick<EventRow, 'status' | 'confirmed'>): boolean {
  return e.status === 'held' || e.confirmed;
}

/** The event as the policy sees it: one not announced is the Committee side's, whatever its level. */
export function eventResource(e: Pick<EventRow, 'status' | 'confirmed' | 'confidentiality' | 'state_iso3'>): Resource {
  return { type: 'outreach-event', confidentiality: announced(e) ? e.confidentiality : 'committee', stateIso3: e.state_iso3 };
}

export function cooperationResource(c: Pick<CooperationRow, 'confidentiality' | 'state_iso3'>): Resource {
  return { type: 'cooperation', confidentiality: c.confidentiality, stateIso3: c.state_iso3 };
}

/** The policy (as `eventResource` says it) and the filters, as one where-clause on `outreach_event`. */
export function eventWhere(viewer: Viewer | null, f: EventFilters = {}) {
  return (eb: ExpressionBuilder<DB, 'outreach_event'>) => {
    const scope = visibilityScope(viewer);
    const parts: Expression<SqlBool>[] = [visibleTo<DB, 'outreach_event'>(scope, 'outreach_event.state_iso3')(eb)];
    if (!scope.all) parts.push(eb.or([eb('outreach_event.status', '=', 'held'), eb('outreach_event.confirmed', '=', true)]));
    if (!f.includeArchived) parts.push(eb('outreach_event.archived_at', 'is', null));
    if (f.group) parts.push(eb('outreach_event.event_group', '=', f.group));
    if (f.audience) parts.push(sql<boolean>`${f.audience} = any(outreach_event.audiences)`);
    if (f.organization) parts.push(sql<boolean>`${f.organization} = any(outreach_event.organizer_organizations)`);
    if (f.state)
      parts.push(eb.or([eb('outreach_event.state_iso3', '=', f.state), sql<boolean>`${f.state} = any(outreach_event.organizer_states)`]));
    if (f.region)
      parts.push(
        eb.exists(
          eb
            .selectFrom('member_state as ms')
            .select('ms.iso3')
            .whereRef('ms.iso3', '=', 'outreach_event.state_iso3')
            .where('ms.regional_group', '=', f.region),
        ),
      );
    if (f.from) parts.push(eb('outreach_event.ends_on', '>=', f.from));
    if (f.to) parts.push(eb('outreach_event.starts_on', '<=', f.to));
    return eb.and(parts);
  };
}

/** The events the viewer may see that match, by date (`limit` of them; all by default). */
export async function listEvents(
  db: Db,
  viewer: Viewer | null,
  f: EventFilters,
  limit = 100_000,
  order: 'asc' | 'desc' = 'asc',
): Promise<EventRow[]> {
  const rows = await db
    .selectFrom('outreach_event')
    .selectAll()
    .where(eventWhere(viewer, f))
    .orderBy('starts_on', order)
    .orderBy('ends_on', order)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.filter((e) => can(viewer, 'read', eventResource(e)));
}

/** The newest events the viewer may see, by when they were recorded (the Atom feed). */
export async function newestEvents(db: Db, viewer: Viewer | null, f: EventFilters, limit: number): Promise<EventRow[]> {
  const rows = await db
    .selectFrom('outreach_event')
    .selectAll()
    .where(eventWhere(viewer, f))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.filter((e) => can(viewer, 'read', eventResource(e)));
}

export async function findEvent(db: Db, id: string): Promise<EventRow | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('outreach_event').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An event the viewer may see, or not found: a hidden event is not even said to exist. */
export async function visibleEvent(db: Db, viewer: Viewer | null, id: string): Promise<EventRow> {
  const e = await findEvent(db, id);
  if (!e || !can(viewer, 'read', eventResource(e))) throw new AppError('not-found', `no event has the id ${id.slice(0, 40)}`);
  return e;
}

/** The years in which the viewer may see events, newest first. */
export async function eventYears(db: Db, viewer: Viewer | null): Promise<number[]> {
  const rows = await db
    .selectFrom('outreach_event')
    .select(sql<number>`distinct extract(year from starts_on)::int`.as('year'))
    .where(eventWhere(viewer))
    .execute();
  return rows.map((r) => Number(r.year)).sort((a, b) => b - a);
}

/** The regional groups of the States where the viewer's events are held (the calendar's filter). */
export async function regionsOfEvents(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('member_state').select('regional_group').distinct().orderBy('regional_group').execute();
  return rows.map((r) => r.regional_group).filter(Boolean);
}

function cooperationWhere(viewer: Viewer | null, f: { organization?: string; includeArchived?: boolean }) {
  return (eb: ExpressionBuilder<DB, 'organization_cooperation'>) => {
    const parts = [visibleTo<DB, 'organization_cooperation'>(visibilityScope(viewer), 'organization_cooperation.state_iso3')(eb)];
    if (!f.includeArchived) parts.push(eb('organization_cooperation.archived_at', 'is', null));
    if (f.organization) parts.push(eb('organization_cooperation.organization_code', '=', f.organization));
    return eb.and(parts);
  };
}

/** The cooperation records the viewer may see, by organization then date. */
export async function listCooperation(
  db: Db,
  viewer: Viewer | null,
  f: { organization?: string; includeArchived?: boolean } = {},
): Promise<CooperationRow[]> {
  const rows = await db
    .selectFrom('organization_cooperation')
    .selectAll()
    .where(cooperationWhere(viewer, f))
    .orderBy('organization_code')
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
  return rows.filter((c) => can(viewer, 'read', cooperationResource(c)));
}

export async function visibleCooperation(db: Db, viewer: Viewer | null, id: string): Promise<CooperationRow> {
  const row = isUuid(id) ? await db.selectFrom('organization_cooperation').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!row || !can(viewer, 'read', cooperationResource(row)))
    throw new AppError('not-found', `no cooperation record has the id ${id.slice(0, 40)}`);
  return row;
}
