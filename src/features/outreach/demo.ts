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
 * translated from the seed's Chinese text.
 */

type Row = [startsOn: string, endsOn: string, title: string, organizers: string, city: string, state: string, extra?: Partial<EventInput>];

const expert = [{ role: 'expert' as const, mode: 'in-person' as const }];
const industry = { audiences: ['officials', 'industry'] };
const chairMessage = { audiences: ['parliamentarians'], participants: [{ role: 'chair', mode: 'recorded-message' }] };

/** Organizers: ISO3 codes of States, organization codes, and "Committee". */
const annex: Record<EventInput['group'], Row[]> = {
  'visit-at-invitation': [
    [
      '2018-01-22',
      '2018-01-23',
      'National round table on the implementation of the voluntary national implementation action plan',
      'TKM OSCE UNRCPD',
      'Ashgabat',
      'TKM',
    ],
    [
      '2018-08-20',
      '2018-08-22',
      'Workshop on the implementation of strategic trade controls within the framework of resolution 1540 (2004)',
      'ZMB Committee UNODA WCO',
      'Lusaka',
      'ZMB',
    ],
    ['2018-10-09', '2018-10-10', 'National round table on the implementation of resolution 1540 (2004)', 'BHR Committee', 'Manama', 'BHR'],
    ['2018-10-17', '2018-10-19', 'Workshop to support Mali in drafting its first national report', 'MLI Committee UNODA', 'Bamako', 'MLI'],
    [
      '2018-11-15',
      '2018-11-16',
      'National round table on the implementation of the voluntary national implementation action plan',
      'PER Committee',
      'Lima',
      'PER',
    ],
    [
      '2018-12-06',
      '2018-12-07',
      'National round table on the implementation of resolution 1540 (2004)',
      'GNQ Committee UNODA',
      'Malabo',
      'GNQ',
    ],
  ],
  'joint-visit': [
    ['2018-07-11', '2018-07-13', 'Visit of the Counter-Terrorism Committee Executive Directorate to Armenia', 'ARM CTC', 'Yerevan', 'ARM'],
    ['2018-07-16', '2018-07-18', 'Visit of the Counter-Terrorism Committee Executive Directorate to Georgia', 'GEO CTC', 'Tbilisi', 'GEO'],
    [
      '2018-10-10',
      '2018-10-12',
      'Implementation of the financial measures of resolutions 1267 (1999), 1373 (2001) and 1540 (2004)',
      'ZWE',
      'Harare',
      'ZWE',
    ],
  ],
  'country-specific': [
    [
      '2018-02-26',
      '2018-02-26',
      'National round table to identify the legal and technical assistance needed to implement resolution 1540 (2004)',
      'SUR UNLIREC',
      'Paramaribo',
      'SUR',
    ],
    [
      '2018-02-28',
      '2018-02-28',
      'National round table to identify the legal and technical assistance needed to implement resolution 1540 (2004)',
      'GUY UNLIREC',
      'Georgetown',
      'GUY',
    ],
    ['2018-07-02', '2018-07-03', 'National round table on the implementation of resolution 1540 (2004)', 'KGZ OSCE', 'Issyk-Kul', 'KGZ'],
  ],
  regional: [
    [
      '2018-03-07',
      '2018-03-08',
      'Regional seminar on effective practices to strengthen strategic trade and border controls (Latin America and the Caribbean)',
      'UNLIREC',
      'Santo Domingo',
      'DOM',
    ],
    [
      '2018-04-10',
      '2018-04-17',
      'Wiesbaden process government–industry conference',
      'DEU IND Committee UNODA',
      'New Delhi',
      'IND',
      industry,
    ],
    ['2018-06-28', '2018-06-30', 'Peer review meeting (Central Asia and Belarus)', 'OSCE', 'Issyk-Kul', 'KGZ'],
    [
      '2018-08-14',
      '2018-08-17',
      'Training course for points of contact on the implementation of resolution 1540 (2004) (francophone African States)',
      'AU Committee',
      'Addis Ababa',
      'ETH',
    ],
    [
      '2018-09-04',
      '2018-09-07',
      'Training course for points of contact on the implementation of resolution 1540 (2004) (OSCE participating States)',
      'RUS OSCE Committee',
      'Rostov-on-Don',
      'RUS',
    ],
    ['2018-09-13', '2018-09-14', 'Wiesbaden process regional conference', 'DEU KOR', 'Seoul', 'KOR', industry],
    [
      '2018-11-07',
      '2018-11-08',
      'Regional conference on the implementation of resolution 1540 (2004)',
      'BOL Committee UNODA',
      'La Paz',
      'BOL',
    ],
    [
      '2018-12-13',
      '2018-12-14',
      'Meeting on drafting a model law for the implementation of resolution 1540 (2004) (African States)',
      'AU',
      'Vienna',
      'AUT',
    ],
  ],
  other: [
    [
      '2018-01-09',
      '2018-01-11',
      'Planning seminar on the implementation of strategic trade controls for weapons of mass destruction',
      'WCO',
      'Brussels',
      'BEL',
    ],
    [
      '2018-02-06',
      '2018-02-07',
      'Regional conference on preventing terrorism, the proliferation of weapons of mass destruction and its financing',
      'OAS',
      'Panama City',
      'PAN',
    ],
    ['2018-02-27', '2018-03-01', 'Twenty-fifth Asian Export Control Seminar', 'JPN CISTEC', 'Tokyo', 'JPN'],
    ['2018-03-20', '2018-03-21', 'Export control workshop (members and associate members of MERCOSUR)', 'OAS', 'Montevideo', 'URY'],
    [
      '2018-03-20',
      '2018-03-21',
      'Global workshop on the universalization of the International Convention for the Suppression of Acts of Nuclear Terrorism and of the Convention on the Physical Protection of Nuclear Material and its 2005 Amendment',
      'UNODC',
      'Vienna',
      'AUT',
    ],
    [
      '2018-04-09',
      '2018-04-10',
      'Workshop on effective inter-agency interoperability and coordinated communication in the event of a chemical or biological emergency',
      'CTITF',
      'The Hague',
      'NLD',
    ],
    [
      '2018-04-24',
      '2018-04-25',
      'Meeting on the legal and regulatory provisions of strategic trade controls (Central Asian States)',
      'OSCE',
      'Vienna',
      'AUT',
    ],
    [
      '2018-04-24',
      '2018-04-26',
      'Subregional stakeholders forum on advancing the implementation of the Chemical Weapons Convention and regional cooperation in South-East Asia',
      'OPCW',
      'Bangkok',
      'THA',
    ],
    ['2018-05-09', '2018-05-10', 'Strategic export controls: the present and the future', 'PAK', 'Islamabad', 'PAK'],
    ['2018-06-07', '2018-06-08', 'Conference on countering chemical terrorism', 'OPCW', 'The Hague', 'NLD'],
    [
      '2018-06-18',
      '2018-06-21',
      'Sixth international meeting of the national focal points of the European Union CBRN Risk Mitigation Centres of Excellence',
      'EU',
      'Brussels',
      'BEL',
    ],
    ['2018-06-19', '2018-06-21', 'Regional meeting of national authorities of African States', 'OPCW', 'Marrakech', 'MAR'],
    [
      '2018-07-10',
      '2018-07-13',
      'Implementation of the international legal instruments against maritime terrorism related to transport',
      'UNODC',
      'Dhaka',
      'BGD',
    ],
    [
      '2018-07-11',
      '2018-07-12',
      'Regional science and technology workshop for the Middle East and North Africa',
      'JOR BWC-ISU',
      'Amman',
      'JOR',
    ],
    ['2018-08-07', '2018-08-11', 'Meeting of Experts of the Biological and Toxin Weapons Convention', 'BWC-ISU', 'Geneva', 'CHE'],
    [
      '2018-08-28',
      '2018-08-31',
      'Implementation of the international legal instruments against maritime terrorism related to transport',
      'UNODC',
      'Colombo',
      'LKA',
    ],
    [
      '2018-09-17',
      '2018-09-18',
      'Regional parliamentary workshop on the universalization and implementation of the Biological and Toxin Weapons Convention and the implementation of resolution 1540 (2004) (African States)',
      'PGA',
      'Dar es Salaam',
      'TZA',
      chairMessage,
    ],
    [
      '2018-09-26',
      '2018-09-28',
      'Implementation of the Biological and Toxin Weapons Convention and of Security Council resolutions',
      'GET',
      'Freetown',
      'SLE',
    ],
    [
      '2018-09-26',
      '2018-09-28',
      'Consultation on guidance for regulatory frameworks for biosafety and biosecurity',
      'WHO',
      'Geneva',
      'CHE',
    ],
    ['2018-10-04', '2018-10-05', 'Second partner-to-partner export control governance dialogue', 'EU', 'Brussels', 'BEL'],
    [
      '2018-10-12',
      '2018-10-12',
      'Side event of the seventy-third session of the General Assembly on the tools and challenges of addressing ballistic missile proliferation',
      'SWE EU FRS',
      'New York',
      'USA',
    ],
    ['2018-10-14', '2018-10-17', 'Nuclear export control practice forum', 'ARE', 'Dubai', 'ARE'],
    [
      '2018-10-16',
      '2018-10-18',
      'Workshop on the role of legislation implementing the Chemical Weapons Convention in addressing threats by non-State actors',
      'NGA OPCW',
      'Abuja',
      'NGA',
    ],
    ['2018-10-17', '2018-10-17', '139th Assembly of the Inter-Parliamentary Union', 'IPU', 'Geneva', 'CHE', chairMessage],
    [
      '2018-10-23',
      '2018-10-24',
      'Regional workshop of the Biological and Toxin Weapons Convention for Central Asian States parties',
      'KAZ DEU BWC-ISU',
      'Almaty',
      'KAZ',
    ],
    [
      '2018-10-30',
      '2018-10-30',
      'Challenges of the governance of synthetic biology and implications for the implementation of resolution 1540 (2004)',
      'BOL SWE UNODA',
      'New York',
      'USA',
    ],
    [
      '2018-11-21',
      '2018-11-22',
      'Regional workshop of the Biological and Toxin Weapons Convention for Asian States parties on the impact of rapid advances in science and technology',
      'PHL BWC-ISU',
      'Manila',
      'PHL',
    ],
    [
      '2018-12-03',
      '2018-12-07',
      'International conference on the security of radioactive material: the way forward for prevention and detection',
      'IAEA',
      'Vienna',
      'AUT',
      { participants: [{ role: 'chair', mode: 'in-person' }, ...expert] },
    ],
    ['2018-12-04', '2018-12-07', 'Meeting of States parties to the Biological and Toxin Weapons Convention', 'BWC-ISU', 'Geneva', 'CHE'],
    [
      '2018-12-11',
      '2018-12-12',
      'Workshop for African Union member States on the universalization of the Biological and Toxin Weapons Convention',
      'BWC-ISU AU',
      'Addis Ababa',
      'ETH',
    ],
    [
      '2018-12-11',
      '2018-12-13',
      'Regional round table for South-East Asia of the European Union CBRN Risk Mitigation Centres of Excellence',
      'LAO EU',
      'Vientiane',
      'LAO',
    ],
    // ¶34(a): named by the paragraph, not listed in the annex.
    [
      '2018-06-28',
      '2018-06-29',
      'High-level conference of heads of counter-terrorism agencies of Member States',
      'UNOCT',
      'New York',
      'USA',
      { listed: false },
    ],
  ],
};

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
const cooperation2018: [string, string, string, string, string, string[]][] = [
  [
    'IAEA',
    'model-legislation',
    '2018-01-01',
    '2018-12-31',
    '¶29: encouraged to highlight the obligations of resolution 1540 (2004) in its model legislation and guidance',
    [],
  ],
  [
    'OPCW',
    'model-legislation',
    '2018-01-01',
    '2018-12-31',
    '¶29: encouraged to highlight the obligations of resolution 1540 (2004) in its model legislation and guidance',
    [],
  ],
  [
    'WOAH',
    'model-legislation',
    '2018-01-01',
    '2018-12-31',
    '¶29: encouraged to highlight the obligations of resolution 1540 (2004) in its model legislation and guidance',
    [],
  ],
  [
    'UNODC',
    'model-legislation',
    '2018-01-01',
    '2018-12-31',
    '¶29: encouraged to highlight the obligations of resolution 1540 (2004) in its model legislation and guidance',
    [],
  ],
  [
    'WHO',
    'model-legislation',
    '2018-01-01',
    '2018-12-31',
    '¶29: encouraged to highlight the obligations of resolution 1540 (2004) in its model legislation and guidance',
    [],
  ],
  [
    'OPCW',
    'joint-event',
    '2018-04-24',
    '2018-10-18',
    '¶32(a): experts took part in events organized or co-organized by the OPCW (Bangkok, The Hague, Marrakech, Abuja)',
    ['2018-04-24|OPCW', '2018-06-07', '2018-06-19', '2018-10-16'],
  ],
  [
    'BWC-ISU',
    'joint-event',
    '2018-07-11',
    '2018-11-22',
    '¶32(b): experts took part in the workshops and meetings of the BWC Implementation Support Unit (Amman, Geneva, Almaty, Manila)',
    ['2018-07-11', '2018-08-07', '2018-10-23', '2018-11-21'],
  ],
  ['WOAH', 'information-exchange', '2018-01-01', '2018-12-31', '¶32(c): exchanges with its representatives during relevant meetings', []],
  [
    'IAEA',
    'information-exchange',
    '2018-12-03',
    '2018-12-07',
    '¶32(d): the Chair and an expert took part in the international conference on the security of radioactive material',
    ['2018-12-03'],
  ],
  [
    'AU',
    'training',
    '2018-08-14',
    '2018-08-17',
    '¶33(a): the points-of-contact training course for francophone African States, Addis Ababa',
    ['2018-08-14'],
  ],
  [
    'AU',
    'model-legislation',
    '2018-12-13',
    '2018-12-14',
    '¶33(a): the meeting on drafting a model law for African States, Vienna',
    ['2018-12-13'],
  ],
  [
    'OSCE',
    'joint-event',
    '2018-01-22',
    '2018-07-03',
    '¶33(b): Ashgabat (Turkmenistan’s action plan), Vienna (strategic trade controls), Issyk-Kul (peer review and round table)',
    ['2018-01-22', '2018-04-24|OSCE', '2018-06-28|OSCE', '2018-07-02'],
  ],
  [
    'OSCE',
    'training',
    '2018-09-04',
    '2018-09-07',
    '¶33(b): the points-of-contact training course for OSCE participating States, Rostov-on-Don',
    ['2018-09-04'],
  ],
  [
    'EU',
    'joint-event',
    '2018-06-18',
    '2018-12-13',
    '¶33(c): the CBRN Centres of Excellence meetings (Brussels, Vientiane) and the partner-to-partner export control dialogue',
    ['2018-06-18', '2018-10-04', '2018-12-11|EU'],
  ],
  [
    'CICTE',
    'joint-event',
    '2018-02-06',
    '2018-03-21',
    '¶33(d): the OAS/CICTE regional conference in Panama City and the MERCOSUR export control workshop in Montevideo',
    ['2018-02-06', '2018-03-20|OAS'],
  ],
  [
    'WCO',
    'training',
    '2018-01-09',
    '2018-08-22',
    '¶33(e): the planning seminar in Brussels; expertise for the courses of Addis Ababa and the Lusaka workshop',
    ['2018-01-09', '2018-08-14', '2018-08-20'],
  ],
  [
    'WHO',
    'information-exchange',
    '2018-09-26',
    '2018-09-28',
    '¶33(f): the consultation on guidance for biosafety and biosecurity regulatory frameworks',
    ['2018-09-26|WHO'],
  ],
  [
    'CTITF',
    'joint-event',
    '2018-04-09',
    '2018-06-29',
    '¶34(a): the workshop of The Hague and the high-level conference of heads of counter-terrorism agencies',
    ['2018-04-09', '2018-06-28|UNOCT'],
  ],
  [
    'CTED',
    'joint-visit',
    '2018-07-11',
    '2018-07-18',
    '¶34(b): joint visits to Armenia and Georgia led by CTED, an expert of the 1540 Committee taking part',
    ['2018-07-11', '2018-07-16'],
  ],
  [
    '1267-MT',
    'joint-visit',
    '2018-10-10',
    '2018-10-12',
    '¶34(b): the meeting on financial measures in Harare, with the 1267 Monitoring Team',
    ['2018-10-10|ZWE'],
  ],
  [
    'UNODC',
    'joint-event',
    '2018-03-20',
    '2018-08-31',
    '¶35(a): the global workshop in Vienna and the national legislative workshops in Dhaka and Colombo (with the IMO)',
    ['2018-03-20|UNODC', '2018-07-10', '2018-08-28'],
  ],
  [
    'UNLIREC',
    'joint-event',
    '2018-02-26',
    '2018-03-08',
    '¶35(b): action-plan workshops in Paramaribo and Georgetown; the regional seminar in Santo Domingo',
    ['2018-02-26', '2018-02-28', '2018-03-07'],
  ],
  ['UNREC', 'joint-event', '2018-10-17', '2018-10-19', '¶35(b): the workshop on preparing a national report, Bamako', ['2018-10-17|MLI']],
  [
    'PGA',
    'joint-event',
    '2018-09-17',
    '2018-09-18',
    '¶36: the Chair’s message to the regional parliamentary workshop, Dar es Salaam',
    ['2018-09-17'],
  ],
  [
    'IPU',
    'information-exchange',
    '2018-10-17',
    '2018-11-27',
    '¶31, ¶36: the Chair’s message to the 139th IPU Assembly; the informal meeting of 27 November',
    ['2018-10-17|IPU'],
  ],
];

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
      for (const row of rows) {
        const input = inputOf(group, row);
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
