// The three requests of 2017 and the earlier ones the review names with their responses (Tajikistan,
// Togo, Zambia).
import { addWorkingDays, addYears } from '../procedure/calendar.ts';
import type { ItemInput } from '../requests/inputs.ts';
import { type StepPlan, consentSaid, illustrativeDay, madeUpSummary, opening, type RequestPlan, rhythm, seedByNote } from './plan.ts';

/**
 * ¶18 counts three requests in 2017 (“明显高于2017收到的3项请求”) without naming them. The three below are
 * illustrative: States the review shows working on their implementation with assistance in 2018
 * (Guyana and Suriname with UNLIREC, ¶27 and the annex's round tables “关于确定促进执行第1540(2004)号决议所需法律和
 * 技术援助的国家圆桌会议”; Turkmenistan with the OSCE, ¶11, ¶28), not the Committee's record of 2017.
 */
export function requests2017(): RequestPlan[] {
  const note = 'Illustrative: the review counts three requests in 2017 (¶18) but does not name them.';
  const plan = (
    state: string,
    receivedOn: string,
    languages: string[],
    provider: string,
    items: ItemInput[],
    later: StepPlan[],
    extra: Partial<RequestPlan> = {},
  ): RequestPlan => ({
    state,
    receivedOn,
    channel: 'note-verbale',
    source: 'illustrative',
    languages,
    invitesVisit: false,
    items,
    steps: [...opening(receivedOn, [provider], 'Illustrative circulation.', note), ...later],
    ...extra,
  });
  const napItem = (): ItemInput => ({
    description:
      'Help in identifying the legal and technical assistance needed and in drafting a voluntary national implementation action plan.',
    areas: ['reporting', 'coordination', 'legislation'],
    kinds: ['expert-advice'],
    illustrative: true,
  });
  return [
    plan(
      'GUY',
      '2017-05-15',
      ['en'],
      'organization:UNLIREC',
      [napItem()],
      [
        { action: 'post-summary', on: rhythm('2017-05-15').after(2), note: consentSaid },
        {
          action: 'start',
          on: '2018-02-28',
          note: 'National round table with UNLIREC, Georgetown, 28 February 2018 (S/2018/1167, annex, ¶27).',
        },
      ],
      {
        consentSummary: true,
        summary: `Guyana asks for help in identifying its assistance needs and drafting a national action plan. ${madeUpSummary}`,
      },
    ),
    plan(
      'SUR',
      '2017-09-11',
      ['en'],
      'organization:UNLIREC',
      [napItem()],
      [
        {
          action: 'start',
          on: '2018-02-26',
          note: 'National round table with UNLIREC, Paramaribo, 26 February 2018 (S/2018/1167, annex, ¶27).',
        },
      ],
    ),
    plan(
      'TKM',
      '2017-10-16',
      ['ru', 'en'],
      'organization:OSCE',
      [napItem()],
      [
        {
          action: 'start',
          on: '2018-01-22',
          note: 'OSCE meeting on Turkmenistan’s action plan in Ashgabat, January 2018 (S/2018/1167, ¶33 (b)); the day is illustrative.',
        },
        {
          action: 'deliver',
          on: '2018-09-20',
          note: 'Turkmenistan submitted its first action plan, prepared with the experts’ help (S/2018/1167, ¶11, ¶28).',
        },
      ],
    ),
  ];
}

/**
 * ¶19 (b)–(d): “(b) 塔吉克斯坦的一项以往援助请求得到了世界海关组织和核供应国集团的回应；(c) 多哥的一项以往请求得到了
 * 裁军事务厅在世界海关组织支助下的回应；(d) 赞比亚的一项以往请求得到了裁军事务厅在世界海关组织支助下的回应。”
 * The requests are the review's; their dates (before 2017), content and circulation are illustrative.
 */
export function earlierRequests(): RequestPlan[] {
  const said = (who: string, para: string) =>
    `${who} tells the Committee it is ready to consider the request. The review names the response (S/2018/1167, ¶19 ${para}); its wording and day are illustrative.`;
  const forward = 'The Committee conveyed the response to the State, so that it may contact the provider directly (S/2018/1167, ¶19).';
  const tradeItem: ItemInput = {
    description: 'Training in the enforcement of strategic trade controls at borders (customs, border guards).',
    paragraphs: ['OP3c', 'OP3d'],
    weapons: ['nuclear', 'chemical', 'biological'],
    areas: ['border-control', 'export-control'],
    kinds: ['training'],
    illustrative: true,
  };
  const opened = (receivedOn: string, providers: string[], para: string) => {
    const r = rhythm(receivedOn);
    const steps = opening(
      receivedOn,
      providers,
      `Illustrative: the review names the providers that answered (¶19 ${para}), not the circulation.`,
      `An earlier request named in S/2018/1167, ¶19 ${para}. ${illustrativeDay}`,
    );
    steps.push({
      action: 'follow-up',
      on: addWorkingDays(addYears(r.circulate, 1), 3),
      note: 'Illustrative: the follow-up letter a year after circulation.',
    });
    return steps;
  };
  return [
    {
      ...seedByNote('TJK', '2016-02-15'),
      languages: ['ru'],
      invitesVisit: false,
      reference: 'S/2018/1167 ¶19 (b)',
      items: [
        tradeItem,
        {
          description: 'Advice on national control lists and licensing for nuclear and nuclear-related dual-use items.',
          paragraphs: ['OP3d'],
          weapons: ['nuclear'],
          areas: ['export-control'],
          kinds: ['expert-advice', 'awareness'],
          illustrative: true,
        },
      ],
      steps: [
        ...opened('2016-02-15', ['organization:WCO', 'organization:NSG'], '(b)'),
        { action: 'forward', on: '2018-07-09', note: forward },
      ],
      responses: [
        {
          after: 4,
          list: [
            { provider: 'organization:WCO', on: '2018-05-14', items: [1], text: said('WCO', '(b)') },
            { provider: 'organization:NSG', on: '2018-06-18', items: [2], text: said('The NSG', '(b)') },
          ],
        },
      ],
    },
    {
      ...seedByNote('TGO', '2016-06-13'),
      languages: ['fr'],
      invitesVisit: false,
      reference: 'S/2018/1167 ¶19 (c)',
      items: [tradeItem],
      steps: [
        ...opened('2016-06-13', ['organization:UNODA', 'organization:WCO'], '(c)'),
        { action: 'forward', on: '2018-05-21', note: forward },
      ],
      responses: [
        {
          after: 4,
          list: [{ provider: 'organization:UNODA', on: '2018-04-23', items: [1], text: said('UNODA, with the support of WCO,', '(c)') }],
        },
      ],
    },
    {
      ...seedByNote('ZMB', '2016-10-10'),
      languages: ['en'],
      invitesVisit: false,
      reference: 'S/2018/1167 ¶19 (d)',
      items: [tradeItem],
      steps: [
        ...opened('2016-10-10', ['organization:UNODA', 'organization:WCO'], '(d)'),
        { action: 'forward', on: '2018-06-25', note: forward },
        {
          action: 'start',
          on: '2018-08-20',
          note: 'Workshop on strategic trade controls with UNODA and WCO in Lusaka, 20–22 August 2018 (engagement records, S/2018/1167, ¶12).',
        },
      ],
      responses: [
        {
          after: 4,
          list: [{ provider: 'organization:UNODA', on: '2018-05-28', items: [1], text: said('UNODA, with the support of WCO,', '(d)') }],
        },
      ],
    },
  ];
}
