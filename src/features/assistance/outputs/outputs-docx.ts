// The consolidated list (a landscape table, one row per request) and the quarterly update as Word
// documents in the reader's language, written by `src/output/docx.ts` (Arabic right to left).
import type { Messages } from '../../../platform/i18n/i18n.ts';
import { type Block, type DocxLanguage, writeDocx } from '../../../platform/formats/docx.ts';
import { actionLabel, channelLabel, codeList, matchStatusLabel, providerName, stateName, statusLabel } from '../labels.ts';
import {
  dateIn,
  filtersText,
  flagLine,
  itemTerms,
  itemText,
  matchText,
  quarterTitle,
  requestResponseText,
  statusSince,
  yesNo,
} from './words.ts';
import type { ConsolidatedList } from './list.ts';
import type { QuarterlyUpdate } from './quarterly.ts';
import type { Names } from '../labels.ts';

export { docxMediaType } from '../../../platform/formats/docx.ts';

const lines = (xs: string[]) => (xs.length ? xs.join('\n') : '—');

export function consolidatedListDocx(list: ConsolidatedList, m: Messages, names: Names): Promise<Buffer> {
  const rows = list.requests.map((r) => [
    [stateName(names, r.stateIso3), r.reference].filter(Boolean).join('\n'),
    `${dateIn(m, r.receivedOn, 'medium')}\n${channelLabel(m, r.channel)}`,
    lines([statusSince(m, r.status, r.statusOn), ...r.flags.map((f) => flagLine(m, f))]),
    yesNo(m, r.invitesVisit),
    lines(r.items.flatMap((i) => [itemText(m, i), itemTerms(m, i)])),
    lines(r.responses.map((x) => requestResponseText(m, names, x))),
    lines(r.items.flatMap((i) => i.matches.map((x) => m.t('assistance.out.itemMatch', { n: i.position, match: matchText(m, names, x) })))),
  ]);
  const blocks: Block[] = [
    { type: 'paragraph', runs: [m.t('assistance.out.list.intro')] },
    {
      type: 'paragraph',
      runs: [{ text: m.t('assistance.out.list.count', { requests: list.counts.requests, items: list.counts.items }), bold: true }],
    },
    rows.length
      ? {
          type: 'table',
          header: [
            m.t('assistance.out.state'),
            m.t('assistance.out.received'),
            m.t('assistance.out.status'),
            m.t('assistance.out.visit'),
            m.t('assistance.out.items'),
            m.t('assistance.out.responses'),
            m.t('assistance.out.matches'),
          ],
          widths: [2, 2, 2.4, 1.2, 6, 3, 5],
          rows,
        }
      : { type: 'paragraph', runs: [m.t('assistance.out.list.none')] },
  ];
  return writeDocx({
    title: m.t('assistance.out.list.title'),
    subtitle: `${m.t('assistance.out.asAt', { date: dateIn(m, list.today) })} · ${filtersText(m, names, list.filters)}`,
    language: m.locale as DocxLanguage,
    orientation: 'landscape',
    blocks,
    created: new Date(`${list.today}T00:00:00Z`),
  });
}

export function quarterlyDocx(u: QuarterlyUpdate, m: Messages, names: Names): Promise<Buffer> {
  const requestOf = (x: { stateIso3: string; receivedOn: string }) =>
    m.t('assistance.out.requestOf', { state: stateName(names, x.stateIso3), date: dateIn(m, x.receivedOn, 'medium') });
  const section = (title: string, header: string[], rows: string[][], widths?: number[]): Block[] => [
    { type: 'heading', level: 2, text: title },
    rows.length ? { type: 'table', header, rows, widths } : { type: 'paragraph', runs: [m.t('assistance.out.q.none')] },
  ];
  const blocks: Block[] = [
    { type: 'paragraph', runs: [m.t('assistance.out.q.intro')] },
    {
      type: 'list',
      items: [
        m.t('assistance.out.q.countRequests', { count: u.counts.requests }),
        m.t('assistance.out.q.countSteps', { count: u.counts.steps }),
        m.t('assistance.out.q.countResponses', { count: u.counts.responses }),
        m.t('assistance.out.q.countMatches', { count: u.counts.matches }),
        m.t('assistance.out.q.countOffers', { count: u.counts.offers }),
      ],
    },
    ...section(
      m.t('assistance.out.q.requests'),
      [
        m.t('assistance.out.state'),
        m.t('assistance.out.received'),
        m.t('assistance.out.status'),
        m.t('assistance.out.visit'),
        m.t('assistance.out.items'),
      ],
      u.requests.map((r) => [
        stateName(names, r.stateIso3),
        `${dateIn(m, r.receivedOn, 'medium')}\n${channelLabel(m, r.channel)}`,
        statusLabel(m, r.status),
        yesNo(m, r.invitesVisit),
        lines(r.items.map((i) => `${itemText(m, i)} — ${codeList(m, 'area', i.areas)}`)),
      ]),
      [2, 2, 2, 1.5, 6],
    ),
    ...section(
      m.t('assistance.out.q.steps'),
      [m.t('assistance.out.date'), m.t('assistance.out.request'), m.t('assistance.out.q.step'), m.t('assistance.out.status')],
      u.steps.map((s) => [dateIn(m, s.takenOn, 'medium'), requestOf(s), actionLabel(m, s.action), statusLabel(m, s.toStatus)]),
      [2, 4, 4, 3],
    ),
    ...section(
      m.t('assistance.out.q.responses'),
      [m.t('assistance.out.date'), m.t('assistance.out.request'), m.t('assistance.out.provider'), m.t('assistance.out.itemsAnswered')],
      u.responses.map((x) => [
        dateIn(m, x.respondedOn, 'medium'),
        requestOf(x),
        providerName(names, x.provider),
        m.list(x.items.map((n) => m.number(n))),
      ]),
      [2, 4, 3, 2],
    ),
    ...section(
      m.t('assistance.out.q.matches'),
      [
        m.t('assistance.out.date'),
        m.t('assistance.out.request'),
        m.t('assistance.out.item'),
        m.t('assistance.out.offer'),
        m.t('assistance.out.matchStatus'),
      ],
      u.matches.map((x) => [
        dateIn(m, x.statusOn, 'medium'),
        requestOf(x),
        m.number(x.item),
        m.t('assistance.out.offerOf', { offer: x.offerTitle, provider: providerName(names, x.provider) }),
        matchStatusLabel(m, x.status),
      ]),
      [2, 4, 1, 5, 2],
    ),
    ...section(
      m.t('assistance.out.q.offers'),
      [m.t('assistance.out.q.recordedOn'), m.t('assistance.out.offer'), m.t('assistance.out.provider'), m.t('assistance.out.terms')],
      u.offers.map((o) => [
        dateIn(m, o.recordedOn, 'medium'),
        o.title,
        providerName(names, o.provider),
        m.t('assistance.out.offerTerms', { areas: codeList(m, 'area', o.areas), kinds: codeList(m, 'kind', o.kinds) }),
      ]),
      [2, 4, 3, 5],
    ),
  ];
  return writeDocx({
    title: m.t('assistance.out.q.title'),
    subtitle: quarterTitle(m, u),
    language: m.locale as DocxLanguage,
    blocks,
    created: new Date(`${u.to}T00:00:00Z`),
  });
}
