import { type VisibleCodes, visibleCodes } from '../../platform/bundle/fields.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { visibleLinks } from './links.ts';
import type { CooperationRow, Db, EventRow } from './queries.ts';
import type { TranslationLanguage } from './schema.ts';

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
    translations: e.translations,
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

/**
 * An event's title, description and city as a reader of `locale` reads them: its translation into
 * that language where it has one, else its own (English) text, with the language it is in (the
 * page marks it `lang`, and says the translation is missing: it is never filled in).
 */
export function eventText(e: Pick<EventRow, 'title' | 'description' | 'city' | 'translations'>, locale: string) {
  const t = locale === 'en' ? undefined : e.translations?.[locale as TranslationLanguage];
  return t
    ? { title: t.title, description: t.description, city: t.city || e.city, language: locale }
    : { title: e.title, description: e.description, city: e.city, language: 'en' };
}

/** A cooperation record's description in the reader's language where it is translated, else its English, with the language it is in. */
export function cooperationText(c: Pick<CooperationRow, 'description' | 'translations'>, locale: string) {
  const t = locale === 'en' ? undefined : c.translations?.[locale as TranslationLanguage];
  return t ? { description: t.description, language: locale } : { description: c.description, language: 'en' };
}

/** An event row with its text in the reader's language (see eventText), for the pages and feeds. */
export function eventIn<T extends Pick<EventRow, 'title' | 'description' | 'city' | 'translations'>>(
  e: T,
  locale: string,
): T & { language: string } {
  const t = eventText(e, locale);
  return { ...e, title: t.title, description: t.description, city: t.city, language: t.language };
}

export function cooperationRecord(c: CooperationRow) {
  return {
    id: c.id,
    organizationCode: c.organization_code,
    activity: c.activity,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    description: c.description,
    translations: c.translations,
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
