import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.ts';
import { render } from '../../platform/http/render.tsx';
import { isCommitteeSide } from '../../platform/policy/policy.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { meetingFigures } from './figures.ts';
import { groupRoutes } from './group-routes.tsx';
import { Hub } from './hub-page.tsx';
import { meetingRoutes } from './meeting-routes.tsx';
import { programmeRoutes } from './programme-routes.tsx';
import { countedMeetings, meetingYears } from './queries.ts';

/** `/{lang}/committee…`: the hub "The Committee", its meetings, working groups and programmes of work. */
export function committeeWebRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const [years, meetings] = await Promise.all([meetingYears(db, viewer), countedMeetings(db)]);
    const thisYear = Number(todayIso().slice(0, 4));
    const year = years.find((y) => y < thisYear) ?? years[0] ?? thisYear;
    return render(
      c,
      { title: m.t('meetings.hub.title') },
      <Hub m={m} figures={meetingFigures(meetings, year)} committeeSide={isCommitteeSide(viewer)} />,
    );
  });
  meetingRoutes(r);
  groupRoutes(r);
  programmeRoutes(r);
  return r;
}
