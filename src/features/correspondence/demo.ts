import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { type Actor, systemActor } from '../../platform/audit/record.ts';
import { insertLetter, type LetterChange, nonReportingOn } from './commands.ts';
import type { LetterRow } from './queries.ts';
import { assistanceRequests2018 } from '../assistance/index.ts';

// The letters and notes that the Committee's review of 2018 (S/2018/1167) names, as records with
// source 'seed'. Each summary quotes the seed's paragraph (Chinese text of the review) it rests on.
// The seed gives months at most: the days, and the form of the States' notes, are illustrative.

const illustrativeDay = 'The day is illustrative: the review gives the month at most.';
const quote = (paragraph: string, text: string) => `Source: S/2018/1167, annex, ¶${paragraph}: “${text}”`;

const p9Letter = '主席于 2018 年 5 月致信剩余 12 个尚未提交报告的国家，鼓励它们根据第 1540(2004)和 2325(2016)号决议向委员会提交初次报告。';
const p9Reports = '2018 年，科莫罗、几内亚比绍和东帝汶向委员会提交了初次报告。193 个会员国中共有 182 个国家现已提交报告。';
const p9Mali = '此外，委员会专家组应马里请求访问了该国，协助其起草初次国家报告。';
const p10 =
  '2018 年 8 月，主席致函所有提交报告的国家，鼓励它们提供最新信息，从而提供更准确的数据，协助委员会更有效地履行职责，包括筹备下一次第 1540(2004)号决议执行情况全面审查。';
const p11 =
  '2018 年，收到了三份此类计划。塞尔维亚提交了第二次国家自愿执行行动计划，土库曼斯坦和乌拉圭提交了初次计划，使委员会自 2007 年以来收到的国家行动计划总数达到 32 份。';
const p18 =
  '2018年，各国向委员会提交了9项新的援助请求，明显高于2017收到的3项请求。这些请求来自巴林、布隆迪、赤道几内亚、几内亚、几内亚比绍、伊拉克、马达加斯加、马里和秘鲁。巴林、赤道几内亚、几内亚、马里、马达加斯加和秘鲁的请求包括邀请委员会及其专家组来访，讨论执行措施。';
const p19 = {
  IRQ: '(a) 伊拉克的请求得到了世界海关组织(海关组织)、世界卫生组织(世卫组织)、国际刑事警察组织(刑警组织)、世界动物卫生组织、核供应国集团的回应；',
  TJK: '(b) 塔吉克斯坦的一项以往援助请求得到了世界海关组织和核供应国集团的回应；',
  TGO: '(c) 多哥的一项以往请求得到了裁军事务厅在世界海关组织支助下的回应；',
  ZMB: '(d) 赞比亚的一项以往请求得到了裁军事务厅在世界海关组织支助下的回应。',
} as const;
const p19Forward = '委员会将这些回应转达有关国家，以便其采取行动直接与提供方联系，接受其援助。';
const p20 = '应巴林、赤道几内亚、马里和秘鲁的请求，专家组访问了上述国家，协助各国政府讨论执行措施或起草一份国家自愿执行行动计划。';
const transmittal =
  '谨代表安全理事会第1540(2004)号决议所设委员会并依照安理会第1977(2011)号决议第9段,随函转递第1540(2004)号决议执行情况2018年审查报告(见附件)。';

/** Providers' responses to requests (¶19): Iraq's of 2018, and earlier requests of Tajikistan, Togo and Zambia. */
const responses = [
  { to: 'IRQ', from: 'WCO', on: '2018-06-11' },
  { to: 'IRQ', from: 'WHO', on: '2018-06-20' },
  { to: 'IRQ', from: 'INTERPOL', on: '2018-07-02' },
  { to: 'IRQ', from: 'WOAH', on: '2018-07-16' },
  { to: 'IRQ', from: 'NSG', on: '2018-08-27' },
  { to: 'TJK', from: 'WCO', on: '2018-05-14' },
  { to: 'TJK', from: 'NSG', on: '2018-06-18' },
  { to: 'TGO', from: 'UNODA', on: '2018-04-23' },
  { to: 'ZMB', from: 'UNODA', on: '2018-05-28' },
] as const;
const forwardedOn: Record<(typeof responses)[number]['to'], string> = {
  IRQ: '2018-09-24',
  TJK: '2018-07-09',
  TGO: '2018-05-21',
  ZMB: '2018-06-25',
};
const requesterName: Record<(typeof responses)[number]['to'], string> = { IRQ: 'Iraq', TJK: 'Tajikistan', TGO: 'Togo', ZMB: 'Zambia' };

type Trx = Transaction<DB>;

async function visitId(trx: Trx, state: string): Promise<string | undefined> {
  const v = await trx
    .selectFrom('visit')
    .select('id')
    .where('state_iso3', '=', state)
    .where('starts_on', '>=', '2018-01-01')
    .where('starts_on', '<=', '2018-12-31')
    .where('archived_at', 'is', null)
    .orderBy('starts_on')
    .executeTakeFirst();
  return v?.id;
}

async function reportId(trx: Trx, state: string): Promise<string | undefined> {
  const r = await trx
    .selectFrom('national_report')
    .select('id')
    .where('state_iso3', '=', state)
    .where('kind', '=', 'first-report')
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return r?.id;
}

async function planId(trx: Trx, state: string, number: number): Promise<{ id: string; on: string | null } | undefined> {
  const p = await trx
    .selectFrom('action_plan')
    .select(['id', 'submitted_on'])
    .where('state_iso3', '=', state)
    .where('number', '=', number)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return p && { id: p.id, on: p.submitted_on };
}

/**
 * Loads the seed's letters of 2018, once (nothing happens if there are seed letters already).
 * Call it after the reports, plans and visits: the letters name them.
 */
export async function seedDemoCorrespondence(db: Kysely<DB>, actor: Actor = systemActor): Promise<{ letters: number }> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('letter').select('id').where('source', '=', 'seed').limit(1).executeTakeFirst();
    if (existing) return { letters: 0 };
    let letters = 0;
    const add = async (l: Omit<LetterChange, 'source'>): Promise<LetterRow> => {
      letters++;
      return insertLetter(trx, actor, { ...l, source: 'seed' }, '2018-12-31');
    };
    const chair = { senderKind: 'chair' } as const;

    // ¶9: the first reports of 2018, each sent with a note verbale.
    for (const state of ['COM', 'GNB', 'TLS']) {
      const id = await reportId(trx, state);
      const on = id
        ? (await trx.selectFrom('national_report').select('received_on').where('id', '=', id).executeTakeFirstOrThrow()).received_on
        : '2018-07-10';
      await add({
        kind: 'note-verbale',
        sentOn: on,
        senderKind: 'state',
        senderState: state,
        recipientsMode: 'committee',
        subject: 'Transmittal of the first national report on the implementation of resolution 1540 (2004)',
        summary: `The State transmits its first national report to the Committee. ${illustrativeDay}\n${quote('9', p9Reports)}`,
        concerns: id ? [{ recordType: 'national-report', recordId: id }] : [],
        confidentiality: 'committee-and-state',
      });
    }

    // ¶9: the Chair's letter of May 2018 to the States that had not reported (12 as at its date).
    await add({
      ...chair,
      kind: 'letter',
      sentOn: '2018-05-15',
      recipientsMode: 'non-reporting',
      subject: 'Encouraging the submission of a first national report under resolutions 1540 (2004) and 2325 (2016)',
      summary: `The Chair wrote to the remaining States that had not yet reported, encouraging them to submit their first reports. ${illustrativeDay}\n${quote('9', p9Letter)}`,
      confidentiality: 'public',
    });

    // ¶10: the Chair's letter of August 2018 to every State that had reported.
    const sentOn = '2018-08-15';
    const members = (await trx.selectFrom('member_state').select(['iso3', 'un_member_since']).where('archived_at', 'is', null).execute())
      .filter((s) => s.un_member_since <= sentOn)
      .map((s) => s.iso3);
    const nonReporting = new Set(await nonReportingOn(trx, sentOn));
    await add({
      ...chair,
      kind: 'letter',
      sentOn,
      recipientsMode: 'list',
      recipients: members.filter((s) => !nonReporting.has(s)),
      subject: 'Encouraging reporting States to provide updated information on their implementation of resolution 1540 (2004)',
      summary: `The Chair wrote to all reporting States, encouraging them to provide updated information, in preparation for the next comprehensive review. ${illustrativeDay}\n${quote('10', p10)}`,
      confidentiality: 'public',
    });

    // ¶18, ¶20: the nine requests for assistance; six invited the Committee and its experts.
    const requests = new Map<string, LetterRow>();
    for (const r of assistanceRequests2018) {
      const visit = r.invitation ? await visitId(trx, r.state) : undefined;
      const row = await add({
        kind: 'note-verbale',
        sentOn: r.on,
        senderKind: 'state',
        senderState: r.state,
        recipientsMode: 'committee',
        subject: r.invitation
          ? 'Request for assistance, with an invitation to the Committee and its experts to visit'
          : 'Request for assistance',
        summary: `One of the nine new requests for assistance of 2018.${r.invitation ? ' The request invites the Committee and its Group of Experts to visit and discuss implementation measures.' : ''} ${illustrativeDay}\n${quote('18', p18)}${visit ? `\n${quote('20', p20)}` : ''}${r.state === 'MLI' ? `\n${quote('9', p9Mali)}` : ''}`,
        concerns: visit ? [{ recordType: 'visit', recordId: visit }] : [],
        confidentiality: 'committee-and-state',
      });
      requests.set(r.state, row);
    }

    // ¶19: providers' responses, and the Committee forwarding them to the requesting State.
    for (const r of responses) {
      const original = requests.get(r.to);
      await add({
        kind: 'reply',
        sentOn: r.on,
        senderKind: 'organization',
        senderOrganization: r.from,
        recipientsMode: 'committee',
        subject: `Response to ${original ? 'the' : 'an earlier'} request for assistance of ${requesterName[r.to]}`,
        summary: `The provider tells the Committee it is ready to consider the request.${original ? '' : ' The request dates from before 2018: it is in the clearinghouse’s records, its letter is not recorded here.'} ${illustrativeDay}\n${quote('19', p19[r.to])}`,
        inReplyTo: original?.id ?? null,
        confidentiality: 'committee',
      });
    }
    for (const state of ['IRQ', 'TJK', 'TGO', 'ZMB'] as const) {
      const providers = responses.filter((r) => r.to === state).map((r) => r.from);
      await add({
        ...chair,
        kind: 'letter',
        sentOn: forwardedOn[state],
        recipientsMode: 'state',
        recipients: [state],
        subject: 'Responses of assistance providers to your request',
        summary: `The Committee conveys the responses of ${providers.join(', ')}, so that the State may contact the providers directly. ${illustrativeDay}\n${quote('19', `${p19[state]} ${p19Forward}`)}`,
        inReplyTo: requests.get(state)?.id ?? null,
        confidentiality: 'committee-and-state',
      });
    }

    // ¶11: the three plans of 2018, each sent with a note verbale.
    for (const [state, number] of [
      ['SRB', 2],
      ['TKM', 1],
      ['URY', 1],
    ] as const) {
      const plan = await planId(trx, state, number);
      await add({
        kind: 'note-verbale',
        sentOn: plan?.on ?? '2018-11-05',
        senderKind: 'state',
        senderState: state,
        recipientsMode: 'committee',
        subject: `Transmittal of the ${number === 2 ? 'second' : 'first'} voluntary national implementation action plan`,
        summary: `The State transmits its ${number === 2 ? 'second' : 'first'} voluntary national implementation action plan. ${illustrativeDay}\n${quote('11', p11)}`,
        concerns: plan ? [{ recordType: 'action-plan', recordId: plan.id }] : [],
        confidentiality: 'committee-and-state',
      });
    }

    // The review itself, sent by the Chair to the President of the Security Council.
    await add({
      ...chair,
      kind: 'letter',
      sentOn: '2018-12-28',
      reference: 'S/2018/1167',
      recipientsMode: 'other',
      recipientOther: 'The President of the Security Council',
      subject:
        'Letter dated 28 December 2018 from the Chair of the Committee established pursuant to resolution 1540 (2004) addressed to the President of the Security Council',
      summary: `The Chair transmits the Committee’s review of the implementation of resolution 1540 (2004) for 2018, under paragraph 9 of resolution 1977 (2011).\nSource: S/2018/1167: “${transmittal}”`,
      confidentiality: 'public',
    });
    return { letters };
  });
}
