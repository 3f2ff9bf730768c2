import type { Kysely, Transaction } from 'kysely';
import { type VisibleCodes, visibleCodes } from '../../platform/bundle/fields.ts';
import type { DB } from '../../platform/db/schema.ts';
import { can, isCommitteeSide, type RecordType, storedResources, type Viewer } from '../../platform/policy/policy.ts';
import type { DocumentLink, linkTypes } from './inputs.ts';

export type { DocumentRecord } from './present.ts';

/*
 * A document's links as a reader sees them, whatever the door (the document's page, the API, the
 * bundle): a link names a record, and a reader sees only the links to records it may see.
 */

type Db = Kysely<DB> | Transaction<DB>;

export const linkKey = (l: DocumentLink) => `${l.recordType}:${l.recordId}`;

/** Links once each, in a stable order: they are a set. */
export function sortedLinks<L extends DocumentLink>(links: readonly L[]): L[] {
  const byKey = new Map(links.map((l) => [linkKey(l), l]));
  return [...byKey.keys()].sort().map((k) => byKey.get(k) as L);
}

/** The record type of each kind of link to another feature's records. */
const linkedRecordTypes: Record<string, RecordType> = {
  report: 'national-report',
  'action-plan': 'action-plan',
  'point-of-contact': 'point-of-contact',
  visit: 'visit',
  course: 'course',
};

/** The section each kind of link names, when the bundle carries that kind of record. */
export const linkSections: Partial<Record<(typeof linkTypes)[number], { section: string; noun: string }>> = {
  'member-state': { section: 'member-states', noun: 'Member State' },
  organization: { section: 'organizations', noun: 'organization' },
  report: { section: 'national-reports', noun: 'national report' },
  'action-plan': { section: 'action-plans', noun: 'action plan' },
  'point-of-contact': { section: 'points-of-contact', noun: 'point of contact' },
  visit: { section: 'visits', noun: 'visit' },
  course: { section: 'courses', noun: 'course' },
};

/** A document's links as the viewer may see them: pages and the API name no record it may not see. */
export async function visibleDocumentLinks(db: Db, viewer: Viewer | null, links: readonly DocumentLink[]): Promise<DocumentLink[]> {
  // The Committee side sees every record, and so every link.
  if (!links.length || isCommitteeSide(viewer)) return [...links];
  const allowed = await visibleLinks(db, viewer, await visibleCodes(db, viewer), links);
  return links.filter((l) => allowed.has(linkKey(l)));
}

/** The links (`type:id`) whose record the viewer may see. */
export async function visibleLinks(
  db: Db,
  viewer: Viewer | null,
  seen: VisibleCodes,
  links: readonly DocumentLink[],
): Promise<Set<string>> {
  const ids = (type: string) => [...new Set(links.filter((l) => l.recordType === type).map((l) => l.recordId))];
  const out = new Set<string>();
  const keep = (type: string, id: string) => out.add(`${type}:${id}`);
  for (const l of links) {
    if (l.recordType === 'member-state' && seen.states.has(l.recordId)) keep(l.recordType, l.recordId);
    else if (l.recordType === 'organization' && seen.organizations.has(l.recordId)) keep(l.recordType, l.recordId);
    else if (!linkSections[l.recordType as keyof typeof linkSections] && isCommitteeSide(viewer)) keep(l.recordType, l.recordId);
  }
  const uuids = (type: string) => ids(type).filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id));
  // The records of other features, as the policy sees them: seen when their State is seen (if
  // they concern one) and the policy lets the viewer read them.
  for (const [linkType, recordType] of Object.entries(linkedRecordTypes)) {
    const resources = await storedResources(db, recordType, uuids(linkType));
    for (const [id, r] of resources) if ((!r.stateIso3 || seen.states.has(r.stateIso3)) && can(viewer, 'read', r)) keep(linkType, id);
  }
  return out;
}
