// Points of contact after the 2018 review, up to the day the demonstration is seeded on
// (illustrative): two States designate one each year from 2019, and the contacts in office are
// confirmed within the last year, but for a few whose confirmation fell due in the last weeks, so
// that the reminder list shows a few plausible items, not every contact unconfirmed since 2005.
// Nothing is dated 2018 or before: the figures as at 31 December 2018 stay the seed's.
import type { Kysely } from 'kysely';
import { type Actor, systemActor } from '../../platform/audit/record.ts';
import type { DB } from '../../platform/db/schema.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { addContact, confirmContact } from './commands.ts';

/** States that designate a point of contact after 2018, two a year in turn (those without one in the demonstration's 2018). */
const newcomers = [
  'BEN',
  'DJI',
  'GMB',
  'MRT',
  'STP',
  'TCD',
  'CAF',
  'SOM',
  'SSD',
  'GNQ',
  'COM',
  'HTI',
  'AFG',
  'AGO',
  'CPV',
  'ERI',
  'GAB',
  'LBR',
  'NRU',
  'TUV',
];

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The designations from 2019 up to `today`: on 15 April and 15 October, a State each, in turn. */
export function laterDesignations(today: string): { iso3: string; designatedOn: string }[] {
  const out: { iso3: string; designatedOn: string }[] = [];
  let k = 0;
  for (let year = 2019; year <= Number(today.slice(0, 4)); year++)
    for (const day of ['04-15', '10-15']) {
      const iso3 = newcomers[k++ % newcomers.length]!;
      if (`${year}-${day}` <= today && k <= newcomers.length) out.push({ iso3, designatedOn: `${year}-${day}` });
    }
  return out;
}

/**
 * The day the n-th contact in office (in the order of their States) was last confirmed: within the
 * last eleven months, but every 30th between 380 and 420 days ago (its confirmation fell due
 * two to eight weeks ago). Never before the designation, nor in 2018 or before.
 */
export function confirmedOn(n: number, today: string, designatedOn: string): string | null {
  const back = n % 30 === 7 ? 380 + (n % 41) : 5 + ((n * 37) % 330);
  const on = addDays(today, -back);
  return on > designatedOn && on > '2018-12-31' ? on : null;
}

/** Records the designations and confirmations after 2018 up to `today`, once (nothing if a later designation is there). */
export async function seedDemoContactsSince2018(
  db: Kysely<DB>,
  today: string = todayIso(),
  actor: Actor = systemActor,
): Promise<{ designated: number; confirmed: number }> {
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('point_of_contact')
      .select('id')
      .where('source', '=', 'illustrative')
      .where('designated_on', '>', '2018-12-31')
      .executeTakeFirst();
    if (done) return { designated: 0, confirmed: 0 };
    const known = new Set((await trx.selectFrom('member_state').select('iso3').execute()).map((s) => s.iso3));
    // A State that has a point of contact already (the illustrative earlier ones are spread by a hash) is left out.
    const have = new Set(
      (await trx.selectFrom('point_of_contact').select('state_iso3').distinct().execute()).map((r) => r.state_iso3.trim()),
    );
    const designations = laterDesignations(today).filter((d) => known.has(d.iso3) && !have.has(d.iso3));
    for (const d of designations)
      await addContact(
        trx,
        actor,
        d.iso3,
        {
          location: 'capital',
          name: `Demo contact ${d.iso3} (capital), made up`,
          title: 'Demonstration: not a real person',
          institution: `Demo institution of ${d.iso3} (made up)`,
          email: `demo.contact.${d.iso3.toLowerCase()}@example.org`,
          phone: '+00 000 000 0000',
          languages: ['en'],
          designatedOn: d.designatedOn,
          lastConfirmedOn: d.designatedOn,
          source: 'illustrative',
        },
        today,
      );
    const inOffice = await trx
      .selectFrom('point_of_contact')
      .select(['id', 'row_version', 'designated_on', 'last_confirmed_on'])
      .where('ended_on', 'is', null)
      .where('archived_at', 'is', null)
      .where('source', 'in', ['seed', 'illustrative'])
      .orderBy('state_iso3')
      .orderBy('designated_on')
      .execute();
    let confirmed = 0;
    for (const [n, c] of inOffice.entries()) {
      const on = confirmedOn(n, today, c.last_confirmed_on ?? c.designated_on);
      if (!on) continue;
      await confirmContact(trx, actor, c.id, c.row_version, on, today);
      confirmed++;
    }
    return { designated: designations.length, confirmed };
  });
}
