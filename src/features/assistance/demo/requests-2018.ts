// The nine requests of 2018 as the review names them (S/2018/1167, ¶18–20), with Iraq's responses.
import {
  consentSaid,
  madeUpSummary,
  notCirculatedSaid,
  opening,
  received2018,
  type RequestPlan,
  rhythm,
  seedByNote,
  visitItem,
} from './plan.ts';

export function requests2018(): RequestPlan[] {
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
