import type { Kysely } from 'kysely';
import type { FC } from 'hono/jsx';
import type { DB } from '../../platform/db/schema.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { bodyLabel, kindLabel } from './labels.ts';
import { type MeetingView, presentMeetings } from './present.ts';
import { listMeetings, listWorkingGroups, type WorkingGroupRow } from './queries.ts';

/**
 * The meetings a State or an organization took part in, for its page: only the records the viewer
 * may read (who took part is part of a record's content, never shown with a meeting's public fact).
 */
export async function meetingsConcerning(
  db: Kysely<DB>,
  viewer: Viewer | null,
  of: { state: string } | { organization: string },
  limit = 20,
): Promise<{ total: number; views: MeetingView[]; groups: WorkingGroupRow[] }> {
  const [{ total, rows }, groups] = await Promise.all([
    listMeetings(db, viewer, of, { limit, offset: 0 }),
    listWorkingGroups(db, viewer, true),
  ]);
  return { total, views: (await presentMeetings(db, viewer, rows)).filter((v) => v.full), groups };
}

/** A section listing those meetings, newest first; nothing when there are none. */
export const MeetingsConcerning: FC<{
  m: Messages;
  id: string;
  title: string;
  total: number;
  views: MeetingView[];
  groups: WorkingGroupRow[];
  more: string;
}> = ({ m, id, title, total, views, groups, more }) => {
  if (!views.length) return null;
  const byId = new Map(groups.map((g) => [g.id, g]));
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul>
        {views.map((v) => (
          <li>
            <time datetime={v.meeting.held_on}>{m.date(v.meeting.held_on, 'medium')}</time> ·{' '}
            <a href={`/${m.locale}/committee/meetings/${v.meeting.id}`}>{v.full ? v.meeting.title : kindLabel(m, v.meeting.kind)}</a> (
            {bodyLabel(m, v.meeting.kind, v.meeting.working_group_id, byId)})
          </li>
        ))}
      </ul>
      {total > views.length && (
        <p>
          <a href={more}>{m.t('meetings.count', { count: total })}</a>
        </p>
      )}
    </section>
  );
};
