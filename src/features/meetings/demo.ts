import type { Kysely } from 'kysely';
import { systemActor } from '../../platform/audit/record.ts';
import type { DB } from '../../platform/db/schema.ts';
import { createMeeting, saveCoordinator, saveItem, saveProgramme, saveWorkingGroup } from './commands.ts';
import type { MeetingInput } from './inputs.ts';

// The Committee's meetings, working groups and programme of work of 2018, as the review S/2018/1167
// tells them (Chinese text): ¶2 (the 17th programme and the data cut-off), ¶4 (four formal and two
// informal meetings), ¶5 (the working groups, their coordinators and meetings), ¶7 and ¶35(c) (the
// joint briefing of the Security Council), ¶15, ¶16 and ¶31 (informal meetings with briefings by
// States and organizations). What the seed does not give (the dates of most meetings, the numbering
// and wording of the programme's items) is marked illustrative and said so in the record.

const chair = 'Sacha Sergio Llorentty Solíz (Plurinational State of Bolivia)';
const illustrativeDate = 'The date is illustrative: the review (¶4, ¶5) gives the number of meetings, not their dates.';
const quote = (p: string, text: string) => `Source: S/2018/1167, ¶${p}: “${text}”`;
/**
 * A coordinator as the seed names them: in Chinese (¶5), then a Latin spelling of ours in brackets,
 * transcribed from the Chinese (the review shows the Chinese in Chinese and the Latin elsewhere).
 * The record is marked illustrative (source), which its pages show.
 */
const latin = (chinese: string, guess: string) => `${chinese} (${guess})`;

const groups = [
  {
    code: 'monitoring',
    names: {
      en: 'Working Group on Monitoring and National Implementation',
      fr: 'Groupe de travail sur le suivi et l’application au niveau national',
      es: 'Grupo de Trabajo sobre Vigilancia y Aplicación Nacional',
      ru: 'Рабочая группа по мониторингу и осуществлению на национальном уровне',
      zh: '监测和国家执行情况工作组',
      ar: 'الفريق العامل المعني بالرصد والتنفيذ الوطني',
    },
    state: 'PER',
    person: latin('恩里·普列托', 'Enri Prieto'),
    dates: ['2018-03-06', '2018-06-19', '2018-10-23'],
    agenda: [['The method for the systematic review of the matrices (¶8)'], [], []],
  },
  {
    code: 'assistance',
    names: {
      en: 'Working Group on Assistance',
      fr: 'Groupe de travail sur l’assistance',
      es: 'Grupo de Trabajo sobre Asistencia',
      ru: 'Рабочая группа по вопросам помощи',
      zh: '协助问题工作组',
      ar: 'الفريق العامل المعني بالمساعدة',
    },
    state: 'FRA',
    person: latin('亚历克西娅·雅罗', 'Alexia Jarreau'),
    dates: ['2018-03-20', '2018-07-10', '2018-11-13'],
    agenda: [
      ['Quarterly update on matching (¶23)'],
      ['Quarterly update on matching (¶23)', 'Revised internal procedures for requests and offers (¶26)'],
      ['Quarterly update on matching (¶23)'],
    ],
  },
  {
    code: 'cooperation',
    names: {
      en: 'Working Group on Cooperation with International Organizations',
      fr: 'Groupe de travail sur la coopération avec les organisations internationales',
      es: 'Grupo de Trabajo sobre Cooperación con Organizaciones Internacionales',
      ru: 'Рабочая группа по сотрудничеству с международными организациями',
      zh: '同国际组织合作工作组',
      ar: 'الفريق العامل المعني بالتعاون مع المنظمات الدولية',
    },
    state: 'CIV',
    person: latin('安东宁·本杰明·比克', 'Antonin Benjamin Bicque'),
    dates: ['2018-09-18'],
    agenda: [[]],
  },
  {
    code: 'transparency',
    names: {
      en: 'Working Group on Transparency and Media Outreach',
      fr: 'Groupe de travail sur la transparence et la communication avec les médias',
      es: 'Grupo de Trabajo sobre Transparencia y Divulgación en los Medios',
      ru: 'Рабочая группа по вопросам транспарентности и работы со средствами массовой информации',
      zh: '透明度和媒体外联工作组',
      ar: 'الفريق العامل المعني بالشفافية والتواصل مع وسائط الإعلام',
    },
    state: 'USA',
    person: latin('克雷格·芬克尔斯坦和斯蒂芬·奈特', 'Craig Finkelstein and Stephen Knight'),
    dates: ['2018-10-16'],
    agenda: [[]],
  },
] as const;

const p5 =
  '委员会的工作得到了以下工作组的协助：由恩里·普列托(秘鲁)协调的监测和国家执行情况工作组，举行了三次非正式会议；由亚历克西娅·雅罗(法国)协调的协助问题工作组，举行了三次非正式会议；由安东宁·本杰明·比克(科特迪瓦)协调的同国际组织合作工作组，举行了一次非正式会议；由克雷格·芬克尔斯坦和斯蒂芬·奈特(美利坚合众国)协调的透明度和媒体外联工作组，举行了一次非正式会议。';
const p4 = '委员会在 2018 年举行了四次正式会议和两次非正式会议。';

/** The meetings of 2018 that the review names by date, and those it counts. */
function committeeMeetings(): MeetingInput[] {
  const formal = ['2018-02-27', '2018-05-29', '2018-09-25', '2018-12-18'].map(
    (heldOn, i): MeetingInput => ({
      heldOn,
      kind: 'formal',
      title: `Formal meeting of the Committee (${i + 1} of 4 in 2018)`,
      chair,
      outcome: `${illustrativeDate}\n${quote('4', p4)}`,
      source: 'illustrative',
    }),
  );
  const informal = ['2018-04-17', '2018-09-11'].map(
    (heldOn, i): MeetingInput => ({
      heldOn,
      kind: 'informal',
      title: `Informal meeting of the Committee (${i + 1} of 2 in 2018)`,
      chair,
      outcome: `${illustrativeDate}\n${quote('4', p4)}`,
      source: 'illustrative',
    }),
  );
  return [
    ...formal,
    ...informal,
    {
      heldOn: '2018-05-16',
      kind: 'briefing',
      title: 'Briefing by a delegation of the German Federal Office for Economic Affairs and Export Control (BAFA)',
      chair,
      participantStates: ['DEU'],
      agenda: [
        'Outcome of the last global Wiesbaden conference',
        'National experience of export controls, including intangible transfers of technology',
      ],
      outcome: quote('16', '5 月 16 日，德国出口管制局代表团参加了一次非正式会议，并向委员会通报了上次全球威斯巴登会议的成果。'),
      source: 'seed',
    },
    {
      heldOn: '2018-06-07',
      kind: 'briefing',
      title: 'Briefing by Chile and Colombia on their peer reviews of 2017',
      chair,
      participantStates: ['CHL', 'COL'],
      participantOrganizations: ['OAS'],
      participantsOther: 'Representatives of other States of Latin America and the Caribbean',
      outcome: quote(
        '15',
        '6 月 7 日，智利和哥伦比亚代表团参加了一次非正式会议，向委员会通报了 2017 年分别在上述国家举行的关于第 1540(2004)号决议执行工作的同行审议会议情况。',
      ),
      source: 'seed',
    },
    {
      heldOn: '2018-10-03',
      kind: 'council-briefing',
      title: 'Joint briefing of the Security Council with the 1267/1989/2253 and 1373 Committees',
      chair,
      participantOrganizations: ['1267-C', 'CTC'],
      participantsOther:
        'The Chairs of the Committees established pursuant to resolutions 1267 (1999), 1989 (2011) and 2253 (2015), and 1373 (2001)',
      outcome: quote('7', '委员会根据第十七个工作方案，在 2018 年 10 月 3 日与……委员会的联席会议中向安全理事会通报了其活动。'),
      confidentiality: 'public',
      source: 'seed',
    },
    {
      heldOn: '2018-11-27',
      kind: 'briefing',
      title: 'Informal meeting with international and regional organizations',
      chair,
      participantOrganizations: ['IPU', 'IAEA', 'OAS', 'EU', 'INTERPOL'],
      agenda: ['Sharing of information and experience in support of the implementation of resolution 1540 (2004)'],
      outcome: quote(
        '31',
        '11 月 27 日，各国议会联盟(议联)、原子能机构、美洲组织、欧洲联盟和国际刑警组织参加了一次非正式会议，以便与委员会分享信息和经验。',
      ),
      source: 'seed',
    },
  ];
}

/** Seeds the 2018 meetings, working groups, coordinators and the 17th programme of work; nothing if already there. */
export async function seedDemoMeetings(db: Kysely<DB>): Promise<{ meetings: number; groups: number; items: number }> {
  const done = await db.selectFrom('working_group').select('id').executeTakeFirst();
  if (done) return { meetings: 0, groups: 0, items: 0 };
  return db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    let meetings = 0;
    for (const [i, g] of groups.entries()) {
      const row = await saveWorkingGroup(trx, systemActor, { code: g.code, names: g.names, position: i + 1, source: 'seed' });
      await saveCoordinator(trx, systemActor, row.id, {
        state: g.state,
        person: g.person,
        startedOn: '2018-01-01',
        endedOn: '2018-12-31',
        // The seed gives the State and the name in Chinese; the period (the year 2018) and the Latin spelling are illustrative.
        source: 'illustrative',
      });
      for (const [n, heldOn] of g.dates.entries()) {
        const m = await createMeeting(trx, systemActor, {
          heldOn,
          kind: 'working-group',
          workingGroup: g.code,
          title: `${g.names.en}: informal meeting (${n + 1} of ${g.dates.length} in 2018)`,
          chair: g.person,
          agenda: [...(g.agenda[n] ?? [])],
          outcome: `${illustrativeDate}\n${quote('5', p5)}`,
          source: 'illustrative',
        });
        ids.set(`${g.code}-${n}`, m.id);
        meetings++;
      }
    }
    for (const input of committeeMeetings()) {
      const m = await createMeeting(trx, systemActor, input);
      ids.set(input.heldOn, m.id);
      meetings++;
    }
    const programme = await saveProgramme(trx, systemActor, {
      number: 17,
      symbol: 'S/2018/340',
      startedOn: '2018-02-01',
      endedOn: '2019-01-31',
      reviewCutoffOn: '2018-12-22',
      source: 'seed',
    });
    // Records of the other features that carry out the programme: the letters to the
    // non-reporting States and the visits and courses of 2018 (their demonstration data).
    const [letters, visits, courses] = await Promise.all([
      trx
        .selectFrom('letter')
        .select('id')
        .where('sent_on', '>=', '2018-05-01')
        .where('sent_on', '<=', '2018-05-31')
        .where('recipients_mode', '=', 'non-reporting')
        .execute(),
      trx
        .selectFrom('visit')
        .select('id')
        .where('state_iso3', '=', 'MLI')
        .where('starts_on', '>=', '2018-01-01')
        .where('starts_on', '<=', '2018-12-31')
        .execute(),
      trx.selectFrom('course').select('id').where('starts_on', '>=', '2018-01-01').where('starts_on', '<=', '2018-12-31').execute(),
    ]);
    const link = (recordType: string, list: { id: string }[]) => list.map((r) => ({ recordType, recordId: r.id }));
    const meeting = (...keys: string[]) => keys.flatMap((k) => (ids.get(k) ? [{ recordType: 'meeting', recordId: ids.get(k)! }] : []));
    const items = [
      {
        area: 'monitoring',
        title: 'Brief the Security Council on the Committee’s activities, jointly with the 1267 and 1373 Committees (¶7)',
        status: 'done',
        links: meeting('2018-10-03'),
      },
      {
        area: 'monitoring',
        title: 'Universal reporting: encourage the States that have not reported to submit their first reports (¶9)',
        status: 'in-progress',
        links: [...link('letter', letters), ...link('visit', visits)],
      },
      {
        area: 'monitoring',
        title: 'Convert the matrices to the new format and agree a method for their systematic review (¶8)',
        status: 'done',
        links: meeting('monitoring-0'),
      },
      {
        area: 'monitoring',
        title: 'Expand the network of points of contact and hold regional training courses (¶14)',
        status: 'done',
        links: link('course', courses),
      },
      {
        area: 'monitoring',
        title: 'Share experience through peer reviews and briefings by States (¶15, ¶16)',
        status: 'in-progress',
        links: meeting('2018-05-16', '2018-06-07'),
      },
      {
        area: 'assistance',
        title: 'Develop the procedures for matching requests and offers of assistance and revise the internal procedures (¶24, ¶26)',
        status: 'in-progress',
        links: meeting('assistance-0', 'assistance-1', 'assistance-2'),
      },
      {
        area: 'cooperation',
        title: 'Engage international, regional and subregional organizations in a regular dialogue (¶31)',
        status: 'in-progress',
        links: meeting('2018-11-27', 'cooperation-0'),
      },
      {
        area: 'transparency',
        title: 'Transparency and media outreach: the website and the Chair’s messages (¶43–46)',
        status: 'in-progress',
        links: meeting('transparency-0'),
      },
    ];
    for (const [i, item] of items.entries())
      await saveItem(trx, systemActor, programme.id, { reference: String(i + 1), position: i + 1, source: 'illustrative', ...item });
    return { meetings, groups: groups.length, items: items.length };
  });
}
