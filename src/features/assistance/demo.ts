import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { type Actor, systemActor } from '../../platform/audit/record.ts';
import { assistanceRequests2018 } from './demo-2018.ts';
import { addWorkingDays, addYears } from './procedure/calendar.ts';
import type { ItemInput, OfferInput } from './requests/checks.ts';
import { insertOffer, insertRequest, recordResponseIn, takeStepIn } from './requests/commands.ts';
import type { RequestRow } from './queries.ts';
import type { AssistanceSource } from './schema.ts';

/*
 * The clearinghouse as the Committee's review of 2018 (S/2018/1167, annex, ¶18–28) describes it,
 * built through the commands so that the procedure's rules hold: the nine requests of 2018, the
 * three of 2017, the earlier requests of Tajikistan, Togo and Zambia with the responses the review
 * names, Iraq's request with its five responses, and offers from the providers the review names.
 *
 * What the review says is `source: 'seed'` (and items `illustrative: false`); what it does not say
 * (the days, the content of the requests, who consented to a published summary, to whom a request
 * other than Iraq's was circulated, the offers' details) is `source: 'illustrative'` or
 * `illustrative: true`. The days of the 2018 requests and of the responses are those of the
 * letters in `correspondence/demo.ts`, so that the two records agree. Every step is dated no later
 * than the review's data cut-off (22 December 2018, footnote 1: “2018 年审查报告载有截至 2018 年
 * 12 月 22 日收到的数据和资料”).
 */

/** The review's data cut-off: nothing of 2018 is recorded after it. */
export const demoAsAt = '2018-12-22';

type Trx = Transaction<DB>;

interface StepPlan {
  action: string;
  on: string;
  note?: string;
  providers?: string[];
}

interface ResponsePlan {
  provider: string;
  on: string;
  /** Positions (1-based) of the items answered. */
  items: number[];
  text: string;
}

interface RequestPlan {
  state: string;
  receivedOn: string;
  channel: 'note-verbale' | 'template' | 'letter';
  source: AssistanceSource;
  languages: string[];
  invitesVisit: boolean;
  consentSummary?: boolean;
  summary?: string;
  earlierAssistance?: string;
  reference?: string;
  items: ItemInput[];
  /** Steps after 'receive', in order; responses are recorded after the step they follow. */
  steps: StepPlan[];
  responses?: { after: number; list: ResponsePlan[] }[];
}

const illustrativeDay = 'The day is illustrative: the review gives the year at most.';
const notCirculatedSaid = 'Illustrative: the review does not name the providers this request was circulated to.';
const consentSaid = 'Illustrative: the review does not say which States consented to a published summary.';
const madeUpSummary = '(Illustrative summary: the review does not give the content of the request.)';

/** The usual rhythm of the procedure: authenticated two working days after receipt, acknowledged within ten, circulated six after that. */
function rhythm(receivedOn: string) {
  const authenticate = addWorkingDays(receivedOn, 2);
  const acknowledge = addWorkingDays(receivedOn, 7);
  const circulate = addWorkingDays(acknowledge, 6);
  return { authenticate, acknowledge, circulate, after: (n: number) => addWorkingDays(circulate, n) };
}

const received2018 = Object.fromEntries(assistanceRequests2018.map((r) => [r.state, r.on])) as Record<
  (typeof assistanceRequests2018)[number]['state'],
  string
>;

/** The first steps every request takes: authenticated, acknowledged by the Chair, circulated. */
function opening(receivedOn: string, providers: string[], circulationNote: string, seedNote: string): StepPlan[] {
  const r = rhythm(receivedOn);
  return [
    { action: 'authenticate', on: r.authenticate, note: seedNote },
    { action: 'acknowledge', on: r.acknowledge, note: 'The Chair’s letter of acknowledgement.' },
    { action: 'circulate', on: r.circulate, providers, note: circulationNote },
  ];
}

/** The fields of a request the review records (`seed`), received by note verbale. */
const seedByNote = (state: string, receivedOn: string) => ({ state, receivedOn, channel: 'note-verbale', source: 'seed' }) as const;

/** The visit item of a request that invited the Committee and its experts (¶18). */
const visitItem = (description: string, illustrative = false): ItemInput => ({
  description,
  areas: ['coordination', 'reporting'],
  kinds: ['visit', 'expert-advice'],
  priority: 'high',
  illustrative,
});

function requests2018(): RequestPlan[] {
  // ¶18: “2018年，各国向委员会提交了9项新的援助请求，明显高于2017收到的3项请求。这些请求来自巴林、布隆迪、
  // 赤道几内亚、几内亚、几内亚比绍、伊拉克、马达加斯加、马里和秘鲁。巴林、赤道几内亚、几内亚、马里、马达加斯加
  // 和秘鲁的请求包括邀请委员会及其专家组来访，讨论执行措施。”
  const seed18 = 'One of the nine new requests of 2018 (S/2018/1167, ¶18). The day is illustrative: the review gives the year only.';
  const invitation = 'Invitation to the Committee and its Group of Experts to visit and discuss implementation measures.';
  const plans: RequestPlan[] = [];
  const opening18 = (on: string, providers: string[]) => opening(on, providers, notCirculatedSaid, seed18);

  // ¶18, ¶20: Bahrain invited a visit; “应巴林、赤道几内亚、马里和秘鲁的请求，专家组访问了上述国家，协助各国政府
  // 讨论执行措施或起草一份国家自愿执行行动计划。” The round table of 9–10 October 2018 is in engagement/demo.ts.
  {
    const on = received2018.BHR;
    plans.push({
      ...seedByNote('BHR', on),
      languages: ['ar', 'en'],
      invitesVisit: true,
      reference: 'S/2018/1167 ¶18, ¶20',
      items: [
        visitItem(invitation),
        {
          description: 'Training of customs and port officials in controlling the export and trans-shipment of dual-use goods.',
          paragraphs: ['OP3c', 'OP3d'],
          weapons: ['nuclear', 'chemical', 'biological'],
          areas: ['export-control', 'border-control'],
          kinds: ['training'],
          timeframe: '2019',
          illustrative: true,
        },
      ],
      steps: [
        ...opening18(on, ['organization:WCO', 'organization:UNODC']),
        { action: 'start', on: '2018-10-09', note: 'The experts visited at the State’s invitation, 9–10 October 2018 (S/2018/1167, ¶20).' },
      ],
    });
  }

  // ¶18: Burundi's request (no invitation). ¶10 names Burundi among the States that sent additional information in 2018.
  {
    const on = received2018.BDI;
    const r = rhythm(on);
    plans.push({
      ...seedByNote('BDI', on),
      languages: ['fr'],
      invitesVisit: false,
      consentSummary: true,
      summary: `Burundi asks for a legal review of its draft legislation against the proliferation of nuclear, chemical and biological weapons, and for training in biosafety and biosecurity. ${madeUpSummary}`,
      reference: 'S/2018/1167 ¶18',
      items: [
        {
          description:
            'Review of draft legislation prohibiting non-State actors from acquiring nuclear, chemical and biological weapons and their means of delivery.',
          paragraphs: ['OP2'],
          weapons: ['nuclear', 'chemical', 'biological', 'delivery'],
          areas: ['legislation'],
          kinds: ['legal-review'],
          priority: 'high',
          illustrative: true,
        },
        {
          description: 'Training of laboratory staff in biosafety and biosecurity.',
          paragraphs: ['OP3a', 'OP3b'],
          weapons: ['biological'],
          areas: ['biosafety-biosecurity'],
          kinds: ['training'],
          illustrative: true,
        },
      ],
      steps: [
        ...opening18(on, ['organization:UNODC', 'organization:WHO', 'organization:BWC-ISU']),
        { action: 'post-summary', on: r.after(3), note: consentSaid },
      ],
    });
  }

  // ¶18: Equatorial Guinea invited a visit; ¶20: the experts visited (the round table of 6–7 December 2018).
  {
    const on = received2018.GNQ;
    plans.push({
      ...seedByNote('GNQ', on),
      languages: ['es', 'fr'],
      invitesVisit: true,
      reference: 'S/2018/1167 ¶18, ¶20',
      items: [
        visitItem(invitation),
        {
          description: 'Assistance in drafting national legislation implementing resolution 1540 (2004).',
          paragraphs: ['OP2', 'OP3d'],
          weapons: ['nuclear', 'chemical', 'biological', 'delivery'],
          areas: ['legislation'],
          kinds: ['legal-review', 'expert-advice'],
          illustrative: true,
        },
        {
          description: 'Equipment and training for detecting nuclear and radioactive material at borders.',
          paragraphs: ['OP3c'],
          weapons: ['nuclear'],
          areas: ['border-control', 'nuclear-security'],
          kinds: ['equipment', 'training'],
          illustrative: true,
        },
      ],
      steps: [
        ...opening18(on, ['organization:UNODC', 'organization:IAEA']),
        { action: 'start', on: '2018-12-06', note: 'The experts visited at the State’s invitation, 6–7 December 2018 (S/2018/1167, ¶20).' },
      ],
    });
  }

  // ¶18: Guinea invited a visit; the review does not report the visit in 2018.
  {
    const on = received2018.GIN;
    plans.push({
      ...seedByNote('GIN', on),
      languages: ['fr'],
      invitesVisit: true,
      reference: 'S/2018/1167 ¶18',
      items: [
        visitItem(invitation),
        {
          description: 'Advice on a national system for the security of toxic chemicals and their precursors.',
          paragraphs: ['OP3a', 'OP3b'],
          weapons: ['chemical'],
          areas: ['chemical-security'],
          kinds: ['expert-advice', 'training'],
          illustrative: true,
        },
      ],
      steps: opening18(on, ['organization:OPCW', 'organization:UNODC']),
    });
  }

  // ¶18: Guinea-Bissau's request (no invitation). ¶9: its first report came in 2018; ¶13: it designated its point of contact.
  {
    const on = received2018.GNB;
    const r = rhythm(on);
    plans.push({
      ...seedByNote('GNB', on),
      languages: ['pt', 'fr'],
      invitesVisit: false,
      consentSummary: true,
      summary: `Guinea-Bissau asks for help in coordinating its national implementation and preparing an action plan, and for training of border officials. ${madeUpSummary}`,
      reference: 'S/2018/1167 ¶18',
      items: [
        {
          description:
            'Advice on setting up a national coordination mechanism and preparing a voluntary national implementation action plan.',
          areas: ['coordination', 'reporting'],
          kinds: ['expert-advice'],
          illustrative: true,
        },
        {
          description: 'Training of border and customs officials in detecting trafficking in nuclear, chemical and biological material.',
          paragraphs: ['OP3c'],
          weapons: ['nuclear', 'chemical', 'biological'],
          areas: ['border-control'],
          kinds: ['training'],
          illustrative: true,
        },
      ],
      steps: [...opening18(on, ['organization:UNODA', 'organization:WCO']), { action: 'post-summary', on: r.after(2), note: consentSaid }],
    });
  }

  // ¶18, ¶19 (a): Iraq's request, answered by WCO, WHO, INTERPOL, WOAH and the NSG: “(a) 伊拉克的请求得到了世界海关组织
  // (海关组织)、世界卫生组织(世卫组织)、国际刑事警察组织(刑警组织)、世界动物卫生组织、核供应国集团的回应；” and
  // “委员会将这些回应转达有关国家，以便其采取行动直接与提供方联系，接受其援助。” The items are illustrative, chosen
  // so that each response answers the item in its provider's field.
  {
    const on = received2018.IRQ;
    const said = (org: string, item: string) =>
      `${org} tells the Committee it is ready to consider the request (${item}). The review names the response (S/2018/1167, ¶19 (a)); its wording and day are illustrative.`;
    plans.push({
      ...seedByNote('IRQ', on),
      languages: ['ar', 'en'],
      invitesVisit: false,
      reference: 'S/2018/1167 ¶18, ¶19 (a)',
      items: [
        {
          description:
            'Training of, and advice to, customs and border police in detecting and interdicting illicit trafficking in nuclear, chemical and biological material at border crossings.',
          paragraphs: ['OP3c'],
          weapons: ['nuclear', 'chemical', 'biological'],
          areas: ['border-control'],
          kinds: ['training', 'expert-advice'],
          matrixFields: [
            'OP3c.BORDER-CONTROLS.N.EN',
            'OP3c.BORDER-CONTROLS.C.EN',
            'OP3c.BORDER-CONTROLS.B.EN',
            'OP3c.ILLICIT-TRAFFICKING.C.EN',
          ],
          priority: 'high',
          illustrative: true,
        },
        {
          description: 'Strengthening biosafety and biosecurity in human and animal health laboratories.',
          paragraphs: ['OP3a', 'OP3b'],
          weapons: ['biological'],
          areas: ['biosafety-biosecurity'],
          kinds: ['expert-advice', 'training'],
          matrixFields: ['OP3b.BIOSAFETY-BIOSECURITY.B.LF', 'OP3b.BIOSAFETY-BIOSECURITY.B.EN'],
          illustrative: true,
        },
        {
          description: 'Advice on control lists and licensing for exports of nuclear and nuclear-related dual-use items.',
          paragraphs: ['OP3d'],
          weapons: ['nuclear'],
          areas: ['export-control'],
          kinds: ['expert-advice', 'awareness'],
          matrixFields: ['OP3d.CONTROL-LISTS.N.LF', 'OP3d.LICENSING.N.LF'],
          illustrative: true,
        },
      ],
      steps: [
        ...opening(
          on,
          ['organization:WCO', 'organization:WHO', 'organization:INTERPOL', 'organization:WOAH', 'organization:NSG'],
          'Circulated to the providers whose responses the review names (¶19 (a)); the day is illustrative.',
          seed18,
        ),
        {
          action: 'forward',
          on: '2018-09-24',
          note: 'The Committee conveyed the responses to Iraq, so that it may contact the providers directly (S/2018/1167, ¶19).',
        },
      ],
      responses: [
        {
          after: 3,
          list: [
            { provider: 'organization:WCO', on: '2018-06-11', items: [1], text: said('WCO', 'training of customs officers') },
            { provider: 'organization:WHO', on: '2018-06-20', items: [2], text: said('WHO', 'laboratory biosafety and biosecurity') },
            {
              provider: 'organization:INTERPOL',
              on: '2018-07-02',
              items: [1],
              text: said('INTERPOL', 'training of border police against trafficking'),
            },
            {
              provider: 'organization:WOAH',
              on: '2018-07-16',
              items: [2],
              text: said('WOAH', 'biosafety and biosecurity in animal health laboratories'),
            },
            { provider: 'organization:NSG', on: '2018-08-27', items: [3], text: said('The NSG', 'outreach on nuclear export controls') },
          ],
        },
      ],
    });
  }

  // ¶18: Madagascar invited a visit; the review does not report it in 2018.
  {
    const on = received2018.MDG;
    plans.push({
      ...seedByNote('MDG', on),
      languages: ['fr'],
      invitesVisit: true,
      reference: 'S/2018/1167 ¶18',
      items: [
        visitItem(invitation),
        {
          description: 'Assistance in drafting export and trans-shipment control legislation, with national control lists.',
          paragraphs: ['OP3d'],
          weapons: ['nuclear', 'chemical', 'biological', 'delivery'],
          areas: ['export-control', 'legislation'],
          kinds: ['legal-review', 'expert-advice'],
          illustrative: true,
        },
      ],
      steps: opening18(on, ['organization:EU', 'organization:UNODC']),
    });
  }

  // ¶18 and ¶20: Mali invited a visit; ¶9: “此外，委员会专家组应马里请求访问了该国，协助其起草初次国家报告。”
  // The visit of 17–19 October 2018 is in engagement/demo.ts.
  {
    const on = received2018.MLI;
    const r = rhythm(on);
    plans.push({
      ...seedByNote('MLI', on),
      languages: ['fr'],
      invitesVisit: true,
      consentSummary: true,
      summary: `Mali invites the Committee’s experts to help it draft its first national report, and asks for training of customs officers in detecting chemical precursors. ${madeUpSummary}`,
      reference: 'S/2018/1167 ¶9, ¶18, ¶20',
      items: [
        visitItem('Invitation to the Committee’s experts to visit and help draft the first national report (S/2018/1167, ¶9, ¶18).'),
        {
          description: 'Training of customs officers in detecting chemical weapons precursors at borders.',
          paragraphs: ['OP3c'],
          weapons: ['chemical'],
          areas: ['border-control', 'chemical-security'],
          kinds: ['training'],
          illustrative: true,
        },
      ],
      steps: [
        ...opening18(on, ['organization:WCO', 'organization:OPCW']),
        { action: 'post-summary', on: r.after(2), note: consentSaid },
        {
          action: 'start',
          on: '2018-10-17',
          note: 'The experts visited Mali, 17–19 October 2018, to help draft its first national report (S/2018/1167, ¶9, ¶20).',
        },
      ],
    });
  }

  // ¶18 and ¶20: Peru invited a visit; the experts visited (the round table of 15–16 November 2018 on its action plan).
  {
    const on = received2018.PER;
    const r = rhythm(on);
    plans.push({
      ...seedByNote('PER', on),
      languages: ['es'],
      invitesVisit: true,
      consentSummary: true,
      summary: `Peru invites the Committee’s experts to help it prepare a voluntary national implementation action plan, and asks for advice on biosafety and biosecurity. ${madeUpSummary}`,
      reference: 'S/2018/1167 ¶18, ¶20',
      items: [
        visitItem(
          'Invitation to the Committee and its experts to visit and help prepare a voluntary national implementation action plan (S/2018/1167, ¶18, ¶20).',
        ),
        {
          description: 'Advice on biosafety and biosecurity regulations for laboratories handling dangerous pathogens.',
          paragraphs: ['OP3a', 'OP3b'],
          weapons: ['biological'],
          areas: ['biosafety-biosecurity'],
          kinds: ['expert-advice'],
          illustrative: true,
        },
      ],
      steps: [
        ...opening18(on, ['organization:UNLIREC', 'organization:WHO']),
        { action: 'post-summary', on: r.after(2), note: consentSaid },
        {
          action: 'start',
          on: '2018-11-15',
          note: 'The experts visited Peru, 15–16 November 2018, on its action plan (S/2018/1167, ¶20).',
        },
      ],
    });
  }
  return plans;
}

/**
 * ¶18 counts three requests in 2017 (“明显高于2017收到的3项请求”) without naming them. The three below are
 * illustrative: States the review shows working on their implementation with assistance in 2018
 * (Guyana and Suriname with UNLIREC, ¶27 and the annex's round tables “关于确定促进执行第1540(2004)号决议所需法律和
 * 技术援助的国家圆桌会议”; Turkmenistan with the OSCE, ¶11, ¶28), not the Committee's record of 2017.
 */
function requests2017(): RequestPlan[] {
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
function earlierRequests(): RequestPlan[] {
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

type OfferPlan = OfferInput & { source: AssistanceSource };
const everyWeapon = ['nuclear', 'chemical', 'biological', 'delivery'];
const sixLanguages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

/**
 * Offers from the providers the review names. `seed` where the review names the provider giving or
 * answering assistance (¶15, ¶19, ¶27, ¶28); `illustrative` where it names the provider only as a
 * partner (¶29–¶33) or not at all (the United States, whose EXBS programme is public). In every
 * offer the areas, kinds, languages and regions are illustrative, from the provider's public
 * mandate; programme names are the providers' own, and no address is given where not certain.
 */
function offers(): OfferPlan[] {
  const seedNote = (para: string) =>
    `The review names this provider (S/2018/1167, ${para}); the offer's details are illustrative, from its public mandate.`;
  const partnerNote = (para: string) =>
    `Illustrative offer: the review names this organization as a partner of the Committee (S/2018/1167, ${para}), not its offer.`;
  return [
    // ¶19 (a)–(d): WCO answered the requests of Iraq and Tajikistan, and supported UNODA's responses to Togo and Zambia.
    {
      provider: 'organization:WCO',
      title: 'Strategic trade control enforcement training for customs administrations',
      description: `Training of customs officers in identifying, inspecting and interdicting strategic goods at borders. ${seedNote('¶19')}`,
      paragraphs: ['OP3c', 'OP3d'],
      weapons: everyWeapon,
      areas: ['border-control', 'export-control'],
      kinds: ['training', 'expert-advice', 'awareness'],
      languages: ['en', 'fr', 'es', 'ar', 'ru'],
      programmes: [{ name: 'Strategic Trade Control Enforcement (STCE) Project', url: '' }],
      source: 'seed',
    },
    // ¶19 (a); ¶29: WHO among the organizations whose model legislation and guidelines the Committee encourages.
    {
      provider: 'organization:WHO',
      title: 'Laboratory biosafety and biosecurity, and the core capacities of the International Health Regulations',
      description: `Advice and training on laboratory biosafety and biosecurity and on detecting and responding to biological events. ${seedNote('¶19 (a), ¶29')}`,
      paragraphs: ['OP3a', 'OP3b'],
      weapons: ['biological'],
      areas: ['biosafety-biosecurity'],
      kinds: ['expert-advice', 'training'],
      languages: sixLanguages,
      programmes: [
        { name: 'International Health Regulations (2005)', url: '' },
        { name: 'Joint External Evaluation (JEE)', url: '' },
      ],
      source: 'seed',
    },
    // ¶19 (a); ¶31: INTERPOL at the informal meeting of 27 November 2018.
    {
      provider: 'organization:INTERPOL',
      title: 'Preventing CBRNE terrorism: training for police and border agencies',
      description: `Training and operational support for law enforcement against trafficking in chemical, biological, radiological and nuclear material. ${seedNote('¶19 (a), ¶31')}`,
      paragraphs: ['OP3c'],
      weapons: ['nuclear', 'chemical', 'biological'],
      areas: ['border-control'],
      kinds: ['training', 'expert-advice'],
      languages: ['en', 'fr', 'es', 'ar'],
      programmes: [
        { name: 'Bioterrorism Prevention Unit', url: '' },
        { name: 'Radiological and Nuclear Terrorism Prevention Unit', url: '' },
        { name: 'Chemical and Explosives Terrorism Prevention Unit', url: '' },
      ],
      source: 'seed',
    },
    // ¶19 (a); ¶29, ¶32 (c).
    {
      provider: 'organization:WOAH',
      title: 'Veterinary services and biological threat reduction',
      description: `Support to veterinary services and animal health laboratories in biosafety, biosecurity and the early detection of animal disease outbreaks. ${seedNote('¶19 (a), ¶32 (c)')}`,
      paragraphs: ['OP3a', 'OP3b'],
      weapons: ['biological'],
      areas: ['biosafety-biosecurity'],
      kinds: ['expert-advice', 'training'],
      languages: ['en', 'fr', 'es'],
      programmes: [
        { name: 'PVS Pathway (Performance of Veterinary Services)', url: '' },
        { name: 'Biological Threat Reduction Strategy', url: '' },
      ],
      source: 'seed',
    },
    // ¶19 (a), (b): the NSG answered the requests of Iraq and Tajikistan.
    {
      provider: 'organization:NSG',
      title: 'Outreach on nuclear export controls',
      description: `Briefings and exchanges on the NSG Guidelines, control lists and licensing practice for nuclear and nuclear-related dual-use items. ${seedNote('¶19 (a), (b)')}`,
      paragraphs: ['OP3d'],
      weapons: ['nuclear'],
      areas: ['export-control'],
      kinds: ['awareness', 'expert-advice'],
      languages: ['en'],
      programmes: [{ name: 'NSG Guidelines (INFCIRC/254)', url: '' }],
      source: 'seed',
    },
    // ¶19 (c), (d): UNODA answered the requests of Togo and Zambia with the support of WCO.
    {
      provider: 'organization:UNODA',
      title: 'National and regional support to the implementation of resolution 1540 (2004)',
      description: `Workshops, legislative assistance and support to national action plans, with partner organizations. ${seedNote('¶19 (c), (d)')}`,
      paragraphs: ['OP1', 'OP2', 'OP3d'],
      weapons: everyWeapon,
      areas: ['coordination', 'reporting', 'legislation', 'export-control'],
      kinds: ['expert-advice', 'training', 'awareness'],
      languages: sixLanguages,
      programmes: [{ name: 'UN Trust Fund for Global and Regional Disarmament Activities', url: '' }],
      source: 'seed',
    },
    // ¶27: “联合国和平、裁军与发展拉丁美洲和加勒比区域中心继续支持拉丁美洲和加勒比各国加强执行第 1540(2004)号决议。”
    {
      provider: 'organization:UNLIREC',
      title: 'Assistance to Latin American and Caribbean States in implementing resolution 1540 (2004)',
      description: `National round tables, legislative assistance and help with voluntary national implementation action plans. ${seedNote('¶27')}`,
      paragraphs: ['OP2', 'OP3c', 'OP3d'],
      weapons: everyWeapon,
      areas: ['reporting', 'coordination', 'legislation', 'export-control', 'border-control'],
      kinds: ['expert-advice', 'legal-review', 'training'],
      regions: ['latin-american-caribbean'],
      languages: ['es', 'en', 'fr'],
      source: 'seed',
    },
    // ¶28: “专家组与欧安组织支助了土库曼斯坦加强执行第 1540(2004)号决议的工作”; ¶33 (b).
    {
      provider: 'organization:OSCE',
      title: 'Support to OSCE participating States in implementing resolution 1540 (2004)',
      description: `National round tables, help with action plans and regional workshops on strategic trade controls. ${seedNote('¶28, ¶33 (b)')}`,
      paragraphs: ['OP3d'],
      weapons: everyWeapon,
      areas: ['coordination', 'reporting', 'export-control', 'legislation'],
      kinds: ['expert-advice', 'training'],
      regions: ['eastern-european', 'western-european-other', 'asia-pacific'],
      languages: ['en', 'ru'],
      source: 'seed',
    },
    // ¶15: the peer review between Kyrgyzstan and Tajikistan “白俄罗斯支助的”.
    {
      provider: 'state:BLR',
      title: 'Support to peer reviews and experience sharing on resolution 1540 (2004)',
      description: `Hosting and supporting peer reviews between States. ${seedNote('¶15')}`,
      areas: ['coordination', 'reporting'],
      kinds: ['expert-advice'],
      regions: ['eastern-european', 'asia-pacific'],
      languages: ['ru'],
      source: 'seed',
    },
    // ¶29, ¶31, ¶32 (d): the IAEA.
    {
      provider: 'organization:IAEA',
      title: 'Nuclear security: advisory services, training and equipment',
      description: `Nuclear security plans, physical protection advisory missions, detection equipment and training, legislative assistance. ${partnerNote('¶29, ¶31, ¶32 (d)')}`,
      paragraphs: ['OP3a', 'OP3b', 'OP3c'],
      weapons: ['nuclear'],
      areas: ['nuclear-security', 'accounting-protection', 'border-control', 'legislation'],
      kinds: ['expert-advice', 'training', 'equipment', 'legal-review'],
      languages: sixLanguages,
      programmes: [
        { name: 'Integrated Nuclear Security Support Plan (INSSP)', url: '' },
        { name: 'International Physical Protection Advisory Service (IPPAS)', url: '' },
      ],
      source: 'illustrative',
    },
    // ¶29, ¶32 (a): the OPCW.
    {
      provider: 'organization:OPCW',
      title: 'Implementing the Chemical Weapons Convention: legislation, chemical security and transfers',
      description: `Legislative assistance, training of national authorities and customs, and chemical safety and security management. ${partnerNote('¶29, ¶32 (a)')}`,
      paragraphs: ['OP2', 'OP3a', 'OP3b', 'OP3d'],
      weapons: ['chemical'],
      areas: ['legislation', 'chemical-security', 'export-control'],
      kinds: ['legal-review', 'training', 'expert-advice'],
      languages: sixLanguages,
      programmes: [{ name: 'Programme to Strengthen Cooperation with Africa on the Chemical Weapons Convention', url: '' }],
      source: 'illustrative',
    },
    // ¶29: UNODC.
    {
      provider: 'organization:UNODC',
      title: 'Legislative assistance against CBRN terrorism',
      description: `Review of national legislation against terrorism involving nuclear, chemical and biological weapons, and training of criminal justice officials. ${partnerNote('¶29')}`,
      paragraphs: ['OP2', 'OP3c'],
      weapons: everyWeapon,
      areas: ['legislation', 'border-control'],
      kinds: ['legal-review', 'training'],
      languages: sixLanguages,
      programmes: [
        { name: 'Global Programme on Strengthening the Legal Regime against Terrorism', url: '' },
        { name: 'Container Control Programme (with WCO)', url: '' },
      ],
      source: 'illustrative',
    },
    // ¶32 (b): the BWC Implementation Support Unit.
    {
      provider: 'organization:BWC-ISU',
      title: 'Assistance under the Biological Weapons Convention',
      description: `Putting States in touch with assistance for national implementation of the Convention, biosafety and biosecurity. ${partnerNote('¶32 (b)')}`,
      paragraphs: ['OP2', 'OP3a', 'OP3b'],
      weapons: ['biological'],
      areas: ['biosafety-biosecurity', 'legislation'],
      kinds: ['expert-advice', 'awareness'],
      languages: ['en', 'fr', 'es', 'ru'],
      programmes: [{ name: 'BWC Cooperation and Assistance Database', url: '' }],
      source: 'illustrative',
    },
    // ¶33 (c): the EU CBRN Risk Mitigation Centres of Excellence.
    {
      provider: 'organization:EU-CBRN-COE',
      title: 'CBRN risk mitigation: regional projects, training and equipment',
      description: `Regional projects on CBRN risk mitigation, border control and national CBRN action plans. ${partnerNote('¶33 (c)')}`,
      paragraphs: ['OP3a', 'OP3b', 'OP3c'],
      weapons: ['nuclear', 'chemical', 'biological'],
      areas: ['nuclear-security', 'chemical-security', 'biosafety-biosecurity', 'border-control', 'coordination'],
      kinds: ['training', 'equipment', 'expert-advice'],
      regions: ['african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean'],
      languages: ['en', 'fr', 'ar', 'ru', 'es'],
      programmes: [{ name: 'EU CBRN Risk Mitigation Centres of Excellence Initiative', url: '' }],
      source: 'illustrative',
    },
    // ¶33 (c): the second EU partner-to-partner dialogue on export control governance.
    {
      provider: 'organization:EU',
      title: 'Dual-use export control cooperation',
      description: `Partner-to-partner cooperation on dual-use export control laws, licensing, enforcement and industry outreach. ${partnerNote('¶33 (c)')}`,
      paragraphs: ['OP3d'],
      weapons: everyWeapon,
      areas: ['export-control', 'legislation', 'industry-outreach'],
      kinds: ['expert-advice', 'training', 'legal-review'],
      languages: ['en', 'fr', 'es', 'ru', 'ar'],
      programmes: [{ name: 'EU P2P Export Control Programme', url: '' }],
      source: 'illustrative',
    },
    // ¶33 (d): the OAS Inter-American Committee against Terrorism.
    {
      provider: 'organization:CICTE',
      title: 'Resolution 1540 (2004) in the Americas: legislation, export controls and financing of proliferation',
      description: `Regional and national workshops for member States of the OAS. ${partnerNote('¶33 (d)')}`,
      paragraphs: ['OP2', 'OP3d'],
      weapons: everyWeapon,
      areas: ['legislation', 'export-control', 'financing'],
      kinds: ['training', 'expert-advice'],
      regions: ['latin-american-caribbean'],
      languages: ['es', 'en'],
      source: 'illustrative',
    },
    // ¶14, ¶33 (a): the African Union (the point-of-contact course in Addis Ababa; the meeting on a model law).
    {
      provider: 'organization:AU',
      title: 'Support to African States: points of contact and model legislation',
      description: `Training of points of contact and work on model legislation for implementing resolution 1540 (2004) in Africa. ${partnerNote('¶14, ¶33 (a)')}`,
      paragraphs: ['OP2'],
      weapons: everyWeapon,
      areas: ['legislation', 'reporting', 'coordination'],
      kinds: ['training', 'legal-review'],
      regions: ['african'],
      languages: ['en', 'fr', 'ar', 'pt'],
      source: 'illustrative',
    },
    // Not in the review: a State's offer, so that the demonstration has one (the programme is public).
    {
      provider: 'state:USA',
      title: 'Export control and related border security',
      description:
        'Legal and regulatory review, licensing, enforcement training, detection equipment and industry outreach. Illustrative offer: the review says States offered assistance (¶19, ¶21) without naming them.',
      paragraphs: ['OP3c', 'OP3d'],
      weapons: everyWeapon,
      areas: ['export-control', 'border-control', 'legislation', 'industry-outreach'],
      kinds: ['training', 'equipment', 'legal-review'],
      languages: ['en', 'es', 'fr', 'ru', 'ar'],
      programmes: [{ name: 'Export Control and Related Border Security (EXBS) Program', url: '' }],
      source: 'illustrative',
    },
  ];
}

async function currentVersion(trx: Trx, id: string): Promise<number> {
  return (await trx.selectFrom('assistance_request').select('row_version').where('id', '=', id).executeTakeFirstOrThrow()).row_version;
}

/**
 * Loads the demonstration clearinghouse, once: nothing happens if there are demonstration
 * requests or offers already. One transaction; each record through the commands, as the system.
 */
export async function seedDemoAssistance(
  db: Kysely<DB>,
  actor: Actor = systemActor,
): Promise<{ requests: number; offers: number; responses: number }> {
  return db.transaction().execute(async (trx) => {
    const [request, offer] = await Promise.all([
      trx.selectFrom('assistance_request').select('id').where('source', 'in', ['seed', 'illustrative']).limit(1).executeTakeFirst(),
      trx.selectFrom('assistance_offer').select('id').where('source', 'in', ['seed', 'illustrative']).limit(1).executeTakeFirst(),
    ]);
    if (request || offer) return { requests: 0, offers: 0, responses: 0 };
    let offerCount = 0;
    for (const { source, ...o } of offers()) {
      await insertOffer(trx, actor, null, o, source);
      offerCount++;
    }
    const plans = [...earlierRequests(), ...requests2017(), ...requests2018()];
    let responseCount = 0;
    for (const plan of plans) {
      const row: RequestRow = await insertRequest(
        trx,
        actor,
        {
          stateIso3: plan.state,
          receivedOn: plan.receivedOn,
          channel: plan.channel,
          reference: plan.reference,
          languages: plan.languages,
          invitesVisit: plan.invitesVisit,
          consentSummary: plan.consentSummary ?? false,
          summary: plan.summary,
          earlierAssistance: plan.earlierAssistance,
          items: plan.items,
          source: plan.source,
        },
        demoAsAt,
      );
      const items = await trx
        .selectFrom('assistance_request_item')
        .select(['id', 'position'])
        .where('request_id', '=', row.id)
        .orderBy('position')
        .execute();
      const itemAt = (position: number) => items.find((i) => i.position === position)!.id;
      for (const [index, step] of plan.steps.entries()) {
        await takeStepIn(trx, actor, null, row.id, { ...step, expectedVersion: await currentVersion(trx, row.id) }, demoAsAt);
        for (const group of plan.responses ?? []) {
          if (group.after !== index + 1) continue;
          for (const r of group.list) {
            await recordResponseIn(
              trx,
              actor,
              null,
              row.id,
              { provider: r.provider, respondedOn: r.on, itemIds: r.items.map(itemAt), text: r.text },
              demoAsAt,
              'seed',
            );
            responseCount++;
          }
        }
      }
    }
    return { requests: plans.length, offers: offerCount, responses: responseCount };
  });
}
