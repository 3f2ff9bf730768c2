// Visits and courses after the 2018 review, up to the day the demonstration is seeded on
// (illustrative): two visits and one course a year, held when their days have passed, planned
// when they lie ahead in the year. Nothing is dated 2018 or before. Pure plans, then the insert
// helpers the 2018 set uses, once.
import type { Insertable, Kysely } from 'kysely';
import { type Actor, systemActor } from '../../platform/audit/record.ts';
import type { DB } from '../../platform/db/schema.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { insertCourse, insertVisit } from './commands.ts';
import type { CourseTable, VisitTable } from './schema.ts';

const note = 'Illustrative: made up to continue the demonstration after the 2018 review.';
const experts = 'Member(s) of the 1540 Committee’s Group of Experts';

const hosts: { state: string; place: string; kind: 'visit-at-invitation' | 'round-table'; organizations: string[] }[] = [
  { state: 'KEN', place: 'Nairobi', kind: 'visit-at-invitation', organizations: ['UNODA'] },
  { state: 'JOR', place: 'Amman', kind: 'round-table', organizations: ['OPCW'] },
  { state: 'SEN', place: 'Dakar', kind: 'visit-at-invitation', organizations: ['UNODA', 'WCO'] },
  { state: 'PRY', place: 'Asunción', kind: 'round-table', organizations: ['UNLIREC'] },
  { state: 'MNG', place: 'Ulaanbaatar', kind: 'visit-at-invitation', organizations: ['UNODA'] },
  { state: 'CMR', place: 'Yaoundé', kind: 'round-table', organizations: ['AU'] },
  { state: 'MLI', place: 'Bamako', kind: 'visit-at-invitation', organizations: ['UNODA'] },
  { state: 'LAO', place: 'Vientiane', kind: 'round-table', organizations: ['UNODA'] },
];
const courses: { title: string; place: string; hosts: string[]; region: string }[] = [
  {
    title: 'Point-of-contact training course for States of Asia and the Pacific',
    place: 'Qingdao (China)',
    hosts: ['UNODA'],
    region: 'Asia and the Pacific',
  },
  {
    title: 'Point-of-contact training course for Latin American and Caribbean States',
    place: 'Lima',
    hosts: ['UNLIREC'],
    region: 'Latin America and the Caribbean',
  },
  { title: 'Point-of-contact training course for African States', place: 'Pretoria', hosts: ['AU', 'UNODA'], region: 'Africa' },
  {
    title: 'Point-of-contact training course for OSCE participating States',
    place: 'Vienna',
    hosts: ['OSCE'],
    region: 'OSCE participating States',
  },
];

const ends = (starts: string, days: number) => new Date(Date.parse(`${starts}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Two visits a year from 2019, in April and November, those of the year of `today` planned if still ahead. */
export function laterVisits(today: string): Insertable<VisitTable>[] {
  const out: Insertable<VisitTable>[] = [];
  let k = 0;
  for (let year = 2019; year <= Number(today.slice(0, 4)); year++)
    for (const day of ['04-08', '11-04']) {
      const h = hosts[k++ % hosts.length]!;
      const starts = `${year}-${day}`;
      out.push({
        state_iso3: h.state,
        kind: h.kind,
        status: starts <= today ? 'held' : 'planned',
        starts_on: starts,
        ends_on: ends(starts, 2),
        purposes: h.kind === 'round-table' ? ['action-plan', 'gaps-and-assistance'] : ['exchange', 'gaps-and-assistance'],
        organizations_involved: h.organizations,
        who_went: experts,
        place: h.place,
        note,
        source: 'illustrative',
      });
    }
  return out;
}

/** A course a year from 2019, in September (planned if still ahead). */
export function laterCourses(today: string): Insertable<CourseTable>[] {
  const out: Insertable<CourseTable>[] = [];
  for (let year = 2019, i = 0; year <= Number(today.slice(0, 4)); year++, i++) {
    const c = courses[i % courses.length]!;
    const starts = `${year}-09-15`;
    out.push({
      title: `${c.title} (${year})`,
      status: starts <= today ? 'held' : 'planned',
      starts_on: starts,
      ends_on: ends(starts, 3),
      place: c.place,
      host_organizations: c.hosts,
      region: c.region,
      teachers: experts,
      source: 'illustrative',
    });
  }
  return out;
}

/** Records the visits and courses after 2018 up to `today` (and those planned in its year), once. */
export async function seedDemoEngagementSince2018(
  db: Kysely<DB>,
  today: string = todayIso(),
  actor: Actor = systemActor,
): Promise<{ visits: number; courses: number }> {
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('visit')
      .select('id')
      .where('source', '=', 'illustrative')
      .where('starts_on', '>', '2018-12-31')
      .executeTakeFirst();
    if (done) return { visits: 0, courses: 0 };
    const visits = laterVisits(today);
    const later = laterCourses(today);
    for (const v of visits) await insertVisit(trx, actor, v, today);
    for (const c of later) await insertCourse(trx, actor, c, today);
    return { visits: visits.length, courses: later.length };
  });
}
