import type { Kysely } from 'kysely';
import type { FC } from 'hono/jsx';
import type { DB } from '../../platform/db/schema.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { MeetingsConcerning, meetingsConcerning } from '../meetings/index.ts';

/** The Committee's meetings the organization took part in, as far as the reader may see them (issue 14). */
export const OrganizationMeetings: FC<{ m: Messages; db: Kysely<DB>; viewer: Viewer | null; code: string }> = async ({
  m,
  db,
  viewer,
  code,
}) => {
  const { total, views, groups } = await meetingsConcerning(db, viewer, { organization: code });
  return (
    <MeetingsConcerning
      m={m}
      id="organization-meetings"
      title={m.t('meetings.ofOrganization')}
      total={total}
      views={views}
      groups={groups}
      more={`/${m.locale}/committee/meetings?organization=${code}`}
    />
  );
};
