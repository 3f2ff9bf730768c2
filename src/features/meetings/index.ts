import type { Feature } from '../../platform/feature.ts';
import { coordinatorResource, itemResource, meetingResource, programmeResource, workingGroupResource } from './queries.ts';
import { registerMeetingsApi } from './api.ts';
import { meetingsCommand, meetingsUsage } from './cli.ts';
import { meetingSections } from './bundle.ts';
import { seedDemoMeetings } from './demo.ts';
import { committeeWebRoutes } from './routes.tsx';
import { searchSources } from './search.ts';

/** Experts and the secretariat keep the Committee's own records; the Committee side reads all of them. */
const keepers = ['expert', 'secretariat', 'admin'] as const;

/** Issue 14: the Committee's meetings, its working groups and their coordinators, its programmes of work (S/2018/1167 ¶2, ¶4–5, ¶7). */
export const meetings: Feature = {
  name: 'meetings',
  tables: [
    { name: 'working_group', backup: { key: 'id', textKey: false, serial: false }, bundle: 'working-groups' },
    { name: 'working_group_coordinator', backup: { key: 'id', textKey: false, serial: false }, bundle: 'working-group-coordinators' },
    { name: 'meeting', backup: { key: 'id', textKey: false, serial: false }, bundle: 'meetings' },
    { name: 'programme_of_work', backup: { key: 'id', textKey: false, serial: false }, bundle: 'programmes-of-work' },
    { name: 'programme_item', backup: { key: 'id', textKey: false, serial: false }, bundle: 'programme-items' },
  ],
  records: {
    meeting: {
      keepers,
      resources: async (db, ids) => {
        const rows = await db
          .selectFrom('meeting')
          .select(['id', 'confidentiality', 'state_iso3'])
          .where('id', 'in', [...ids])
          .execute();
        return new Map(rows.map((r) => [r.id, meetingResource(r)]));
      },
    },
    'working-group': {
      keepers,
      resources: async (db, ids) => {
        const rows = await db
          .selectFrom('working_group')
          .select(['id', 'confidentiality'])
          .where('id', 'in', [...ids])
          .execute();
        return new Map(rows.map((r) => [r.id, workingGroupResource(r)]));
      },
    },
    'working-group-coordinator': { keepers },
    'programme-of-work': {
      keepers,
      resources: async (db, ids) => {
        const rows = await db
          .selectFrom('programme_of_work')
          .select(['id', 'confidentiality'])
          .where('id', 'in', [...ids])
          .execute();
        return new Map(rows.map((r) => [r.id, programmeResource(r)]));
      },
    },
    'programme-item': {
      keepers,
      resources: async (db, ids) => {
        const rows = await db
          .selectFrom('programme_item')
          .select(['id', 'confidentiality'])
          .where('id', 'in', [...ids])
          .execute();
        return new Map(rows.map((r) => [r.id, itemResource(r)]));
      },
    },
  },
  web: [{ path: '/committee', routes: committeeWebRoutes }],
  api: [registerMeetingsApi],
  nav: [{ path: '/committee', label: 'meetings.nav', order: 85 }],
  search: searchSources,
  bundle: meetingSections,
  cli: [{ name: 'meetings', usage: meetingsUsage, run: meetingsCommand }],
  seed: {
    demo: async (db) => {
      const n = await seedDemoMeetings(db);
      return `created ${n.meetings} meetings, ${n.groups} working groups and ${n.items} items of the 17th programme of work (the 2018 review's)`;
    },
  },
};

export { coordinatorResource };
export { MeetingsConcerning, meetingsConcerning } from './concerning.tsx';
export { type CountedMeeting, meetingDefinitions, meetingFigures, workingGroupFigures } from './figures.ts';
export { coordinatorsOf, countedMeetings, listWorkingGroups, type MeetingRow, type WorkingGroupRow } from './queries.ts';
