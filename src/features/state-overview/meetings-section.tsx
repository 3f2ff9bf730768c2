import type { Kysely } from 'kysely';
import type { FC } from 'hono/jsx';
import type { DB } from '../../platform/db/schema.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { MeetingsConcerning, meetingsConcerning } from '../meetings/index.ts';

/** The Committee's meetings the State took part in, as far as the reader may see them (issue 14). */
export const StateMeetings: FC<{ m: Messages; db: Kysely<DB>; viewer: Viewer | null; iso3: string }> = async ({ m, db, viewer, iso3 }) => {
  const { total, views, groups } = await meetingsConcerning(db, viewer, { state: iso3 });
  return (
    <MeetingsConcerning
      m={m}
      id="overview-meetings"
      title={m.t('meetings.ofState')}
      total={total}
      views={views}
      groups={groups}
      more={`/${m.locale}/committee/meetings?state=${iso3}`}
    />
  );
};
