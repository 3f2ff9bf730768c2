import { sql } from 'kysely';
import { canSee, can, isCommitteeSide, storedResources, type Viewer } from '../../platform/policy/policy.ts';
import type { Confidentiality } from '../../platform/policy/levels.ts';
import { requestVisible } from '../assistance/index.ts';
import { type Db, eventWhere } from './queries.ts';

/*
 * The records an event or a cooperation record is linked to ("visit:<id>"): whether they exist
 * (the write core refuses a link to nothing), and which of them a reader may see (a public event
 * may concern a restricted visit: the link is then left out for the public).
 */

type LinkTable = 'visit' | 'course' | 'document' | 'assistance_request' | 'assistance_response' | 'outreach_event';
const tables: Record<string, LinkTable | undefined> = {
  visit: 'visit',
  course: 'course',
  document: 'document',
  'assistance-request': 'assistance_request',
  'assistance-response': 'assistance_response',
  event: 'outreach_event',
};

export const splitLink = (link: string): { type: string; id: string } => {
  const at = link.indexOf(':');
  return { type: link.slice(0, at), id: link.slice(at + 1) };
};

function byType(links: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const l of links) {
    const { type, id } = splitLink(l);
    out.set(type, [...(out.get(type) ?? []), id]);
  }
  return out;
}

/** The links that name no stored record. A meeting is asked of the meetings feature (the policy's stored resources). */
export async function missingLinks(db: Db, links: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const [type, ids] of byType(links)) {
    const table = tables[type];
    const found = table
      ? new Set((await db.selectFrom(table).select('id').where('id', 'in', ids).execute()).map((r) => r.id))
      : new Set((await storedResources(db, type, ids)).keys());
    for (const id of ids) if (!found.has(id)) missing.push(`${type}:${id}`);
  }
  return missing;
}

const seenBy = (viewer: Viewer | null, rows: { id: string; confidentiality: Confidentiality; state_iso3: string | null }[]) =>
  rows.filter((r) => canSee(viewer, r.confidentiality, r.state_iso3)).map((r) => r.id);

/** Of the links given, those the viewer may see. */
export async function visibleLinks(db: Db, viewer: Viewer | null, links: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const [type, ids] of byType(links)) {
    let seen: string[] = [];
    if (type === 'visit' || type === 'document')
      seen = seenBy(viewer, await db.selectFrom(type).select(['id', 'confidentiality', 'state_iso3']).where('id', 'in', ids).execute());
    else if (type === 'course')
      seen = seenBy(
        viewer,
        await db
          .selectFrom('course')
          .select(['id', 'confidentiality', sql<null>`null`.as('state_iso3')])
          .where('id', 'in', ids)
          .execute(),
      );
    else if (type === 'assistance-request')
      seen = (await db.selectFrom('assistance_request').select('id').where('id', 'in', ids).where(requestVisible(viewer)).execute()).map(
        (r) => r.id,
      );
    else if (type === 'assistance-response')
      // A provider's response is the Committee side's: it forwards it to the State.
      seen = isCommitteeSide(viewer) ? ids : [];
    else if (type === 'event')
      seen = (
        await db
          .selectFrom('outreach_event')
          .select('id')
          .where('id', 'in', ids)
          .where(eventWhere(viewer, { includeArchived: true }))
          .execute()
      ).map((r) => r.id);
    else seen = [...(await storedResources(db, type, ids))].filter(([, r]) => can(viewer, 'read', r)).map(([id]) => id);
    for (const id of seen) out.add(`${type}:${id}`);
  }
  return out;
}

/** Where a link leads on the site, if it has a page. */
export function linkPath(link: string): string | null {
  const { type, id } = splitLink(link);
  const paths: Record<string, string> = {
    visit: `/visits/${id}`,
    course: `/courses/${id}`,
    document: `/documents/${id}`,
    'assistance-request': `/assistance/requests/${id}`,
    meeting: `/meetings/${id}`,
    event: `/events/${id}`,
  };
  return paths[type] ?? null;
}
