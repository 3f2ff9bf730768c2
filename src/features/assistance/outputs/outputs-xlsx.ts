// The consolidated list as a workbook: one row per item, the request's columns repeated on each of
// its items' rows (so that a filter on any column keeps whole rows), the header frozen, an
// autofilter over every column, dates as dates, labels in the reader's language.
import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import { channelLabel, codeList, priorityLabel, stateName, statusLabel } from '../labels.ts';
import { flagLine, matchText, responseText, yesNo } from './words.ts';
import type { Names } from '../labels.ts';
import type { ConsolidatedList } from './list.ts';

export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Cell = string | number | Date | null;

const columns: { key: MessageKey; width: number; date?: boolean; wrap?: boolean }[] = [
  { key: 'assistance.out.reference', width: 24, wrap: true }, // a reference runs to "S/2018/1167 ¶18, ¶20" and longer
  { key: 'assistance.out.state', width: 22 },
  { key: 'assistance.out.iso3', width: 7 },
  { key: 'assistance.out.received', width: 12, date: true },
  { key: 'assistance.out.channel', width: 18 },
  { key: 'assistance.out.status', width: 20 },
  { key: 'assistance.out.statusOn', width: 12, date: true },
  { key: 'assistance.out.visit', width: 10 },
  { key: 'assistance.out.flags', width: 28, wrap: true },
  { key: 'assistance.out.itemNo', width: 7 },
  { key: 'assistance.out.need', width: 50, wrap: true },
  { key: 'assistance.out.illustrative', width: 10 },
  { key: 'assistance.out.paragraphs', width: 22, wrap: true },
  { key: 'assistance.out.areas', width: 30, wrap: true },
  { key: 'assistance.out.weapons', width: 22, wrap: true },
  { key: 'assistance.out.kind', width: 20, wrap: true },
  { key: 'assistance.out.priority', width: 10 },
  { key: 'assistance.out.timeframe', width: 16 },
  { key: 'assistance.out.responses', width: 30, wrap: true },
  { key: 'assistance.out.matches', width: 50, wrap: true },
  { key: 'assistance.out.requestId', width: 38 },
];

/** An ISO date as the spreadsheet's date of that day (UTC midnight: no time zone shifts it). */
const day = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\. */
const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Requests';

export async function consolidatedListXlsx(list: ConsolidatedList, m: Messages, names: Names): Promise<Buffer> {
  // exceljs takes half a second to load: only when a workbook is asked for.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'r1540';
  wb.title = m.t('assistance.out.list.title');
  wb.created = new Date(`${list.today}T00:00:00Z`);
  const ws = wb.addWorksheet(sheetName(m.t('assistance.out.list.sheet')), {
    views: [{ state: 'frozen', ySplit: 1, rightToLeft: m.dir === 'rtl' }],
  });
  ws.columns = columns.map((c) => ({
    width: c.width,
    style: c.date
      ? { numFmt: 'yyyy-mm-dd' }
      : c.wrap
        ? { alignment: { wrapText: true, vertical: 'top' } }
        : { alignment: { vertical: 'top' } },
  }));
  const head = ws.addRow(columns.map((c) => m.t(c.key)));
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };

  for (const r of list.requests) {
    const request: Cell[] = [
      r.reference,
      stateName(names, r.stateIso3),
      r.stateIso3,
      day(r.receivedOn),
      channelLabel(m, r.channel),
      statusLabel(m, r.status),
      day(r.statusOn),
      yesNo(m, r.invitesVisit),
      r.flags.map((f) => flagLine(m, f)).join('\n'),
    ];
    const items = r.items.length ? r.items : [null];
    for (const i of items) {
      const item: Cell[] = i
        ? [
            i.position,
            i.description,
            yesNo(m, i.illustrative),
            codeList(m, 'paragraph', i.paragraphs),
            codeList(m, 'area', i.areas),
            codeList(m, 'weapon', i.weapons),
            codeList(m, 'kind', i.kinds),
            priorityLabel(m, i.priority),
            i.timeframe,
            i.responses.map((x) => responseText(m, names, x)).join('\n'),
            i.matches.map((x) => matchText(m, names, x)).join('\n'),
          ]
        : [null, null, null, null, null, null, null, null, null, null, null];
      ws.addRow([...request, ...item, r.id]);
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
