import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { type Actor, systemActor } from '../../platform/audit/record.ts';
import { addContact, type ContactInput } from './commands.ts';

/** The five States that designated a point of contact in 2018 (S/2018/1167 ¶13); the dates are illustrative. */
export const contacts2018: readonly { iso3: string; designatedOn: string }[] = [
  { iso3: 'BHR', designatedOn: '2018-03-12' },
  { iso3: 'GIN', designatedOn: '2018-05-07' },
  { iso3: 'GNB', designatedOn: '2018-06-18' },
  { iso3: 'KWT', designatedOn: '2018-09-24' },
  { iso3: 'TLS', designatedOn: '2018-11-05' },
];

/** States with a point of contact as at 31 December 2018, according to the seed. */
export const contactStatesAt2018 = 106;

function demoContact(
  iso3: string,
  location: ContactInput['location'],
  designatedOn: string,
  extra: Partial<ContactInput> = {},
): ContactInput {
  const where = location === 'capital' ? 'capital' : 'New York mission';
  return {
    location,
    name: `Demo contact ${iso3} (${where}), made up`,
    title: 'Demonstration: not a real person',
    institution: `Demo institution of ${iso3} (made up)`,
    email: `demo.contact.${iso3.toLowerCase()}@example.org`,
    phone: '+00 000 000 0000',
    languages: ['en'],
    designatedOn,
    lastConfirmedOn: designatedOn,
    ...extra,
  };
}

/** A stable, spread-out order of the States, so that the illustrative designations look unplanned. */
function spread(iso3: string): number {
  let h = 7;
  for (const ch of iso3) h = (h * 31 + ch.charCodeAt(0)) % 100_003;
  return h;
}

/**
 * The points of contact of the seed: the five 2018 designations (source `seed`), and illustrative
 * earlier designations (source `illustrative`) so that exactly 106 States have one as at
 * 31 December 2018. Made-up names and addresses. Runs once: a second call finds the rows and
 * adds nothing.
 */
export async function seedDemoContacts(db: Kysely<DB>, actor: Actor = systemActor): Promise<number> {
  const existing = await db.selectFrom('point_of_contact').select('id').where('source', 'in', ['seed', 'illustrative']).executeTakeFirst();
  if (existing) return 0;
  const states = (await db.selectFrom('member_state').select('iso3').orderBy('iso3').execute()).map((s) => s.iso3);
  const known = new Set(states);
  const recent = contacts2018.filter((c) => known.has(c.iso3));
  const taken = new Set(recent.map((c) => c.iso3));
  // Mali first: the demo point of contact speaks for it.
  const others = states.filter((s) => !taken.has(s) && s !== 'MLI').sort((a, b) => spread(a) - spread(b) || a.localeCompare(b));
  const earlier = [...(known.has('MLI') ? ['MLI'] : []), ...others].slice(0, Math.max(0, contactStatesAt2018 - recent.length));
  return db.transaction().execute(async (trx) => {
    let added = 0;
    for (const c of recent) {
      await addContact(trx, actor, c.iso3, { ...demoContact(c.iso3, 'capital', c.designatedOn), source: 'seed' });
      added++;
    }
    for (const [i, iso3] of earlier.entries()) {
      const year = 2005 + (i % 13);
      const month = String(1 + ((i * 5) % 12)).padStart(2, '0');
      const designatedOn = `${year}-${month}-15`;
      // Every seventh State had an earlier point of contact, replaced: a history of designations.
      if (i % 7 === 3) {
        await addContact(trx, actor, iso3, {
          ...demoContact(iso3, 'capital', `${year - 1}-${month}-01`, {
            name: `Demo former contact ${iso3}, made up`,
            endedOn: designatedOn,
          }),
          source: 'illustrative',
        });
        added++;
      }
      // Some confirmed their details recently, others long ago (the reminder list).
      const lastConfirmedOn = i % 3 === 0 ? '2018-10-01' : designatedOn;
      await addContact(trx, actor, iso3, { ...demoContact(iso3, 'capital', designatedOn, { lastConfirmedOn }), source: 'illustrative' });
      added++;
      if (i % 4 === 1) {
        await addContact(trx, actor, iso3, {
          ...demoContact(iso3, 'new-york-mission', designatedOn, { lastConfirmedOn }),
          source: 'illustrative',
        });
        added++;
      }
    }
    return added;
  });
}
