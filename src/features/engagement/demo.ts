import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { type Actor, systemActor } from '../../platform/audit/record.ts';
import { insertCourse, insertVisit } from './commands.ts';
import type { CourseTable, VisitTable } from './schema.ts';

const committee = 'Member(s) of the 1540 Committee’s Group of Experts';

/** The engagement the Committee's 2018 review names (S/2018/1167 ¶12, ¶14–17, ¶29 and its annex). */
export const visits2018: readonly Insertable<VisitTable>[] = [
  {
    state_iso3: 'SUR',
    kind: 'round-table',
    starts_on: '2018-02-26',
    ends_on: '2018-02-26',
    purposes: ['action-plan', 'gaps-and-assistance'],
    organizations_involved: ['UNLIREC'],
    who_went: committee,
    place: 'Paramaribo',
    source: 'seed',
  },
  {
    state_iso3: 'GUY',
    kind: 'round-table',
    starts_on: '2018-02-28',
    ends_on: '2018-02-28',
    purposes: ['action-plan', 'gaps-and-assistance'],
    organizations_involved: ['UNLIREC'],
    who_went: committee,
    place: 'Georgetown',
    source: 'seed',
  },
  {
    state_iso3: 'ZMB',
    kind: 'visit-at-invitation',
    starts_on: '2018-08-20',
    ends_on: '2018-08-22',
    purposes: ['exchange', 'gaps-and-assistance'],
    organizations_involved: ['UNODA', 'WCO'],
    who_went: committee,
    place: 'Lusaka',
    note: 'Workshop on strategic trade controls',
    source: 'seed',
  },
  {
    state_iso3: 'BHR',
    kind: 'round-table',
    starts_on: '2018-10-09',
    ends_on: '2018-10-10',
    purposes: ['exchange'],
    who_went: committee,
    place: 'Manama',
    source: 'seed',
  },
  {
    state_iso3: 'MLI',
    kind: 'visit-at-invitation',
    starts_on: '2018-10-17',
    ends_on: '2018-10-19',
    purposes: ['first-report'],
    organizations_involved: ['UNODA'],
    who_went: committee,
    place: 'Bamako',
    note: 'Workshop on drafting the first national report',
    source: 'seed',
  },
  {
    state_iso3: 'PER',
    kind: 'round-table',
    starts_on: '2018-11-15',
    ends_on: '2018-11-16',
    purposes: ['action-plan'],
    who_went: committee,
    place: 'Lima',
    source: 'seed',
  },
  {
    state_iso3: 'GNQ',
    kind: 'round-table',
    starts_on: '2018-12-06',
    ends_on: '2018-12-07',
    purposes: ['exchange', 'gaps-and-assistance'],
    organizations_involved: ['UNODA'],
    who_went: committee,
    place: 'Malabo',
    source: 'seed',
  },
  {
    state_iso3: 'KGZ',
    kind: 'peer-review',
    starts_on: '2018-06-28',
    ends_on: '2018-06-30',
    purposes: ['exchange'],
    states_involved: ['KGZ', 'TJK', 'BLR'],
    organizations_involved: ['OSCE'],
    who_went: committee,
    partner: 'Belarus',
    place: 'Issyk-Kul',
    note: 'Peer review between Kyrgyzstan and Tajikistan, supported by Belarus',
    source: 'seed',
  },
  {
    state_iso3: 'CHL',
    kind: 'peer-review',
    starts_on: '2017-01-01',
    ends_on: null,
    purposes: ['exchange'],
    states_involved: ['CHL', 'COL'],
    note: 'Peer review between Chile and Colombia held in 2017 (the date within the year is illustrative); briefed to the Committee on 7 June 2018',
    source: 'seed',
  },
  {
    state_iso3: 'ARM',
    kind: 'joint-visit',
    starts_on: '2018-07-11',
    ends_on: '2018-07-13',
    purposes: ['exchange'],
    who_went: 'An expert of the 1540 Committee',
    partner: 'CTED',
    place: 'Yerevan',
    note: 'A visit led by CTED',
    source: 'seed',
  },
  {
    state_iso3: 'GEO',
    kind: 'joint-visit',
    starts_on: '2018-07-16',
    ends_on: '2018-07-18',
    purposes: ['exchange'],
    who_went: 'An expert of the 1540 Committee',
    partner: 'CTED',
    place: 'Tbilisi',
    note: 'A visit led by CTED',
    source: 'seed',
  },
];

/** The visits at a State's invitation in 2018 (¶12): Mali and six others. */
export const invitedStates2018 = ['MLI', 'BHR', 'GNQ', 'GUY', 'PER', 'SUR', 'ZMB'] as const;

export const courses2018: readonly Insertable<CourseTable>[] = [
  {
    title: 'Point-of-contact training course for francophone African States',
    starts_on: '2018-08-14',
    ends_on: '2018-08-17',
    place: 'Addis Ababa',
    host_organizations: ['AU'],
    region: 'Francophone Africa',
    teachers: 'Experts of the 1540 Committee’s Group of Experts; the WCO contributed expertise',
    teaching_organizations: ['WCO'],
    source: 'seed',
  },
  {
    title: 'Point-of-contact training course for OSCE participating States',
    starts_on: '2018-09-04',
    ends_on: '2018-09-07',
    place: 'Rostov-on-Don (Russian Federation)',
    host_organizations: ['OSCE', 'UNODA'],
    region: 'OSCE participating States',
    teachers: 'Experts of the 1540 Committee’s Group of Experts',
    source: 'seed',
  },
];

/** The seed's 2018 visits, peer reviews, joint visits and courses, once. */
export async function seedDemoEngagement(db: Kysely<DB>, actor: Actor = systemActor): Promise<{ visits: number; courses: number }> {
  const existing = await db.selectFrom('visit').select('id').where('source', '=', 'seed').executeTakeFirst();
  if (existing) return { visits: 0, courses: 0 };
  const known = new Set((await db.selectFrom('member_state').select('iso3').execute()).map((s) => s.iso3));
  return db.transaction().execute(async (trx) => {
    let visits = 0;
    for (const v of visits2018) {
      if (!known.has(v.state_iso3)) continue;
      await insertVisit(trx, actor, v);
      visits++;
    }
    for (const c of courses2018) await insertCourse(trx, actor, c);
    return { visits, courses: courses2018.length };
  });
}
