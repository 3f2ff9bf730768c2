import type { Kysely } from 'kysely';
import { type Actor, systemActor } from '../../platform/audit/record.ts';
import type { DB } from '../../platform/db/schema.ts';
import { createAppointment, createContribution, createDonor, createGrant } from './commands.ts';

/*
 * The administration the Committee's 2018 review names (S/2018/1167 ¶48–49, and the Chair who
 * signed its covering letter). What the seed does not give (the days of appointments, the years
 * of the earlier contributions, the vice-chairs, the experts appointed before 2018) is marked
 * illustrative, or said so in the record's note.
 */

const dayIllustrative = 'S/2018/1167 ¶49 gives the year of the appointment; the day is illustrative.';

export const appointments2018 = [
  {
    role: 'chair',
    // In two scripts, as the records keep such names: the Chinese as ¶4 of the seed writes it.
    personName: '萨查·塞尔吉奥·略伦蒂·索利斯 (Sacha Sergio Llorentty Solíz)',
    stateIso3: 'BOL',
    startsOn: '2017-01-01',
    endsOn: '2018-12-31',
    note: 'Chair who signed the covering letter of S/2018/1167 (28 December 2018); the first and last days of the period are illustrative.',
    source: 'seed',
  },
  { role: 'vice-chair', personName: '', stateIso3: 'NLD', startsOn: '2018-01-01', endsOn: '2018-12-31', source: 'illustrative' },
  { role: 'vice-chair', personName: '', stateIso3: 'POL', startsOn: '2018-01-01', endsOn: '2018-12-31', source: 'illustrative' },
  ...(
    [
      ['Edith Valles', 'ARG'],
      ['Hongliu Zhang', 'CHN'],
      ['Kiwako Tanaka', 'JPN'],
      ['Michiel Combrink', 'ZAF'],
      ['Scott Spence', 'USA'],
      ['Jonathan Brewer', 'GBR'],
    ] as const
  ).map(([personName, stateIso3]) => ({
    role: 'expert',
    personName,
    stateIso3,
    startsOn: '2018-03-01',
    endsOn: null,
    note: dayIllustrative,
    source: 'seed',
  })),
  {
    role: 'coordinator',
    personName: 'Raphael Prenat',
    stateIso3: 'FRA',
    startsOn: '2018-03-01',
    endsOn: null,
    note: dayIllustrative,
    source: 'seed',
  },
  { role: 'expert', personName: 'Illustrative expert A', stateIso3: 'BRA', startsOn: '2015-06-01', endsOn: null, source: 'illustrative' },
  { role: 'expert', personName: 'Illustrative expert B', stateIso3: 'EGY', startsOn: '2016-09-01', endsOn: null, source: 'illustrative' },
  {
    role: 'expert',
    personName: 'Illustrative expert C',
    stateIso3: 'RUS',
    startsOn: '2014-04-01',
    endsOn: '2017-12-31',
    source: 'illustrative',
  },
] as const;

/** The donors whose earlier grants were used in 2018, and Kazakhstan's new contribution (¶48). */
const earlierDonors = [
  ['state', 'DEU'],
  ['state', 'NOR'],
  ['state', 'KOR'],
  ['state', 'ESP'],
  ['state', 'SWE'],
  ['state', 'USA'],
  ['organization', 'EU'],
] as const;

export async function seedDemoAdministration(
  db: Kysely<DB>,
  actor: Actor = systemActor,
): Promise<{ appointments: number; donors: number; grants: number }> {
  const existing = await db.selectFrom('appointment').select('id').where('source', '=', 'seed').executeTakeFirst();
  if (existing) return { appointments: 0, donors: 0, grants: 0 };
  return db.transaction().execute(async (trx) => {
    for (const a of appointments2018) await createAppointment(trx, actor, a);
    let grants = 0;
    const grantsOf: Record<string, string> = {};
    for (const [kind, code] of earlierDonors) {
      const donor = await createDonor(trx, actor, {
        donorKind: kind,
        ...(kind === 'state' ? { stateIso3: code } : { organizationCode: code }),
        note: 'Named in S/2018/1167 ¶48: grants of earlier years used in 2018.',
        source: 'seed',
      });
      const contribution = await createContribution(trx, actor, {
        donorId: donor.id,
        year: 2017,
        note: '“Earlier years” in the seed: the year is illustrative.',
        source: 'illustrative',
      });
      const grant = await createGrant(trx, actor, {
        contributionId: contribution.id,
        usedInYear: 2018,
        purpose: 'Support of the Committee’s activities in 2018 (S/2018/1167 ¶48)',
        source: 'seed',
      });
      grantsOf[code] = contribution.id;
      void grant;
      grants++;
    }
    const kazakhstan = await createDonor(trx, actor, {
      donorKind: 'state',
      stateIso3: 'KAZ',
      note: 'New contribution in 2018 (¶48).',
      source: 'seed',
    });
    await createContribution(trx, actor, { donorId: kazakhstan.id, year: 2018, source: 'seed' });
    // An illustrative grant whose activities link the 2018 courses for points of contact (engagement's records), when they are there.
    const courses = await trx
      .selectFrom('course')
      .select(['id', 'title'])
      .where('starts_on', 'in', ['2018-08-14', '2018-09-04'])
      .orderBy('starts_on')
      .execute();
    await createGrant(trx, actor, {
      contributionId: grantsOf.EU,
      usedInYear: 2018,
      purpose: 'Regional training courses for points of contact',
      activities: [
        ...courses.map((c) => ({ description: c.title, recordType: 'course', recordId: c.id })),
        { description: 'Travel of experts to outreach events (illustrative)' },
      ],
      source: 'illustrative',
    });
    grants++;
    return { appointments: appointments2018.length, donors: earlierDonors.length + 1, grants };
  });
}
