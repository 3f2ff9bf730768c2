import { visibleCodes } from '../../platform/bundle/fields.ts';
import { can, type Viewer } from '../../platform/policy/policy.ts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { isPublicFact, type MeetingRow, meetingResource, visibleDocuments } from './queries.ts';

/**
 * What a viewer sees of a meeting, whatever the door (its page, the list, the API, the search, the
 * bundle): the whole record, if the policy lets the viewer read it; else, for a formal meeting of
 * the Committee, the fact that it took place (its date, kind and body) and nothing of its content;
 * else nothing. The States, organizations and documents it names are those the viewer may see.
 */
export type MeetingView =
  | {
      full: true;
      meeting: MeetingRow;
      states: string[];
      organizations: string[];
      documents: { id: string; title: string; language: string }[];
    }
  | { full: false; meeting: Pick<MeetingRow, 'id' | 'held_on' | 'kind' | 'working_group_id' | 'confidentiality'> };

type Db = Kysely<DB> | Transaction<DB>;

export async function presentMeetings(db: Db, viewer: Viewer | null, rows: readonly MeetingRow[]): Promise<MeetingView[]> {
  const seen = await visibleCodes(db, viewer);
  const views: MeetingView[] = [];
  for (const m of rows) {
    if (can(viewer, 'read', meetingResource(m)))
      views.push({
        full: true,
        meeting: m,
        states: m.participant_states.filter((s) => seen.states.has(s)),
        organizations: m.participant_organizations.filter((o) => seen.organizations.has(o)),
        documents: await visibleDocuments(db, viewer, m.document_ids),
      });
    else if (isPublicFact(m))
      views.push({
        full: false,
        meeting: { id: m.id, held_on: m.held_on, kind: m.kind, working_group_id: m.working_group_id, confidentiality: m.confidentiality },
      });
  }
  return views;
}

export async function presentMeeting(db: Db, viewer: Viewer | null, row: MeetingRow): Promise<MeetingView | undefined> {
  return (await presentMeetings(db, viewer, [row]))[0];
}
