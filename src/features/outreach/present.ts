import { type VisibleCodes, visibleCodes } from '../../platform/bundle/fields.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { visibleLinks } from './links.ts';
import type { CooperationRow, Db, EventRow } from './queries.ts';

/*
 * What a reader sees of an event or a cooperation record, whatever the door (pages, API, the
 * calendar feeds, the bundle): the record if the policy lets the reader see it (the queries
 * decide), and of the States, organizations and records it names, only those the reader may see.
 */

/** An event in the camelCase shape of the API, the bundle and its history. */
export function eventRecord(e: EventRow) {
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    group: e.event_group,
    status: e.status,
    confirmed: e.confirmed,
    listed: e.listed,
    startsOn: e.starts_on,
    endsOn: e.ends_on,
    organizerStates: e.organizer_states,
    organizerOrganizations: e.organizer_organizations,
    byCommittee: e.by_committee,
    city: e.city,
    stateIso3: e.state_iso3,
    audiences: e.audiences,
    participants: e.participants.map((p) => ({ role: p.role, mode: p.mode, expertId: p.expertId ?? null, name: p.name ?? '' })),
    links: e.links,
    source: e.source,
    confidentiality: e.confidentiality,
    archived: e.archived_at !== null,
  };
}
export type EventView = ReturnType<typeof eventRecord>;

export function cooperationRecord(c: CooperationRow) {
  return {
    id: c.id,
    organizationCode: c.organization_code,
    activity: c.activity,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    description: c.description,
    links: c.links,
    stateIso3: c.state_iso3,
    source: c.source,
    confidentiality: c.confidentiality,
    archived: c.archived_at !== null,
  };
}
export type CooperationView = ReturnType<typeof cooperationRecord>;

/** An event row as this reader may see it: codes of States and organizations it may not see left out. */
export function eventSeen(e: EventRow, seen: VisibleCodes): EventRow {
  return {
    ...e,
    organizer_states: e.organizer_states.filter((s) => seen.states.has(s)),
    organizer_organizations: e.organizer_organizations.filter((o) => seen.organizations.has(o)),
  };
}

/** The events as the reader sees them: codes and links it may not see left out. */
export async function eventsFor(db: Db, viewer: Viewer | null, rows: readonly EventRow[]): Promise<EventRow[]> {
  if (!rows.length) return [];
  const [seen, links] = await Promise.all([
    visibleCodes(db, viewer),
    visibleLinks(
      db,
      viewer,
      rows.flatMap((r) => r.links),
    ),
  ]);
  return rows.map((e) => ({ ...eventSeen(e, seen), links: e.links.filter((l) => links.has(l)) }));
}

export async function cooperationFor(db: Db, viewer: Viewer | null, rows: readonly CooperationRow[]): Promise<CooperationRow[]> {
  if (!rows.length) return [];
  const links = await visibleLinks(
    db,
    viewer,
    rows.flatMap((r) => r.links),
  );
  return rows.map((c) => ({ ...c, links: c.links.filter((l) => links.has(l)) }));
}
