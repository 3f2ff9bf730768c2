import type { Kysely } from 'kysely';
import { systemActor } from '../../platform/audit/record.ts';
import type { DB } from '../../platform/db/schema.ts';
import { createCooperation, createEvent, type EventInput } from './commands.ts';

/*
 * The outreach of the Committee's 2018 review (S/2018/1167): every row of its annex, in its group,
 * with its organizers and place, and the events its paragraphs name that the annex leaves out
 * (¶34(a): the high-level conference of heads of counter-terrorism agencies; ¶14: the course agreed
 * with the African Union for March 2019, whose dates the seed does not give: illustrative). The
 * Committee's cooperation with organizations (¶29–36), linked to these events. Titles in English,
 * translated from the seed's Chinese text, and in Chinese as the seed gives them (demo-chinese.ts).
 */

import { cooperation2018 } from './demo-cooperation.ts';
import { annexChinese } from './demo-chinese.ts';
import { annex, expert, type Row } from './demo-data.ts';

function inputOf(group: EventInput['group'], [startsOn, endsOn, title, organizers, city, state, extra]: Row): EventInput {
  const parts = organizers.split(' ');
  return {
    title,
    group,
    startsOn,
    endsOn,
    city,
    stateIso3: state,
    // Split by the reference data in seedDemoOutreach: a token is a State's ISO3 code or an organization's code.
    organizerStates: parts.filter((p) => p !== 'Committee'),
    organizerOrganizations: parts.filter((p) => p !== 'Committee'),
    byCommittee: parts.includes('Committee'),
    audiences: ['officials'],
    participants: expert,
    status: 'held',
    source: 'seed',
    confidentiality: 'public',
    ...extra,
  };
}

/** The seed's cooperation with organizations (¶29–36): organization, activity, dates, what, and the titles of the events it is linked to (by start date). */

/** Records the seed's events and cooperation through the write cores, once. */
export async function seedDemoOutreach(db: Kysely<DB>): Promise<{ events: number; cooperation: number }> {
  if (await db.selectFrom('outreach_event').select('id').where('source', '=', 'seed').limit(1).executeTakeFirst())
    return { events: 0, cooperation: 0 };
  return db.transaction().execute(async (trx) => {
    const [visits, courses, states, organizations] = await Promise.all([
      trx.selectFrom('visit').select(['id', 'state_iso3', 'starts_on']).execute(),
      trx.selectFrom('course').select(['id', 'starts_on']).execute(),
      trx.selectFrom('member_state').select('iso3').execute(),
      trx.selectFrom('organization').select('code').execute(),
    ]);
    const knownStates = new Set(states.map((s) => s.iso3));
    const knownOrganizations = new Set(organizations.map((o) => o.code));
    const made: { id: string; startsOn: string; keys: string[] }[] = [];
    for (const [group, rows] of Object.entries(annex) as [EventInput['group'], Row[]][])
      for (const [index, row] of rows.entries()) {
        const input = inputOf(group, row);
        const [title, city] = annexChinese[group]?.[index] ?? [];
        if (title) input.translations = { zh: { title, city } };
        // A test database may hold only some of the reference data: what it lacks is left out.
        input.organizerStates = input.organizerStates?.filter((s) => knownStates.has(s) && !knownOrganizations.has(s));
        input.organizerOrganizations = input.organizerOrganizations?.filter((o) => knownOrganizations.has(o));
        if (input.stateIso3 && !knownStates.has(input.stateIso3)) input.stateIso3 = null;
        const visit = visits.find((v) => v.state_iso3 === input.stateIso3 && v.starts_on === input.startsOn);
        const course = courses.find((c) => c.starts_on === input.startsOn && group === 'regional');
        input.links = [...(visit ? [`visit:${visit.id}`] : []), ...(course ? [`course:${course.id}`] : [])];
        const e = await createEvent(trx, systemActor, input);
        made.push({
          id: e.id,
          startsOn: input.startsOn,
          keys: [...(input.organizerStates ?? []), ...(input.organizerOrganizations ?? [])],
        });
      }
    // ¶14: the next course agreed with the African Union, for March 2019 (its days are not in the seed).
    await createEvent(trx, systemActor, {
      title: 'Training course for points of contact of African States',
      group: 'regional',
      status: 'planned',
      confirmed: true,
      startsOn: '2019-03-12',
      endsOn: '2019-03-15',
      organizerOrganizations: knownOrganizations.has('AU') ? ['AU'] : [],
      byCommittee: true,
      audiences: ['officials'],
      participants: expert,
      source: 'illustrative',
    });
    let cooperation = 0;
    for (const [code, activity, startsOn, endsOn, description, events] of cooperation2018) {
      if (!knownOrganizations.has(code)) continue;
      const links = events.flatMap((key) => {
        const [day, by] = key.split('|');
        const e = made.find((m) => m.startsOn === day && (!by || m.keys.includes(by)));
        return e ? [`event:${e.id}`] : [];
      });
      await createCooperation(trx, systemActor, { organizationCode: code, activity, startsOn, endsOn, description, links, source: 'seed' });
      cooperation++;
    }
    return { events: made.length + 1, cooperation };
  });
}
