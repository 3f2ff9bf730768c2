import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { ZipReadOptions } from '../../../platform/formats/zip-read.ts';
import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import { pick } from '../../../platform/i18n/locales.ts';
import { columnLabel } from '../templates/pages.tsx';
import { cellValues } from '../templates/template.ts';
import { instrumentStatuses, sourceKinds } from '../versions/cells.ts';
import { type ColumnKey, columnKeys, columnLetters, type ExportData, type RawValue, rowsOfCell } from './transfer.ts';

/*
 * XLSX: written with exceljs (here); read by the small reader of `xlsx-read.ts`, which looks at the archive before it
 * inflates anything (a zip bomb is refused from its central directory, and an entry that inflates
 * past what it declared is cut off), refuses formulas and over-long sheets, and reads the cells of
 * the sheets without building a workbook model (the 193 matrices, some 70,000 rows, in well under a
 * second, where exceljs takes several).
 */

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const readmeSheet = 'README';
export const formatName = 'r1540-matrix';

/** The archive limits of a matrix workbook, and how its refusals name it. */
export const zipLimits: ZipReadOptions = {
  maxEntries: 100,
  maxUncompressedBytes: 160 * 1024 * 1024,
  ratioCheckedAbove: 1024 * 1024,
  maxRatio: 200,
  notThis: 'this file is not an XLSX workbook',
  such: 'a matrix workbook',
  encrypted: 'encrypted workbooks are not accepted',
};

const widths: Record<(typeof columnKeys)[number], number> = {
  state: 7,
  version: 8,
  field: 24,
  row: 40,
  column: 28,
  value: 7,
  source_kind: 16,
  citation: 40,
  locator: 14,
  url: 30,
  source_language: 9,
  info_date: 12,
  remarks: 40,
  instrument_status: 14,
  instrument_date: 12,
  rev: 6,
};

/** What each column holds, in the exporter's language (the README sheet lists them). */
export const columnHelpKey = (k: ColumnKey) => `transfer.col.${k}` as MessageKey;

/** The workbook of an export: a README sheet, then one sheet per template section. */
export async function writeXlsx(data: ExportData, m: Messages): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  // exceljs takes half a second to load: only when a workbook is asked for.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  wb.creator = 'r1540';
  wb.created = data.exportedAt;
  const rtl = m.dir === 'rtl';
  const { template } = data;
  const demo = data.matrices.some((x) => x.demo);

  const readme = wb.addWorksheet(readmeSheet, { views: [{ rightToLeft: rtl }] });
  readme.columns = [{ width: 18 }, { width: 40 }, { width: 24 }, { width: 30 }, { width: 8 }];
  const bold = { font: { bold: true } };
  const title = readme.addRow([m.t('transfer.readme.title')]);
  title.font = { bold: true, size: 14 };
  title.commit();
  readme.addRow([m.t('matrix.disclaimer')]).commit();
  if (demo) readme.addRow([m.t('matrix.demoData')]).commit();
  readme.addRow([]).commit();
  const facts: [string, RawValue, string][] = [
    ['format', formatName, m.t('transfer.readme.format')],
    ['format_version', 1, ''],
    ['template', template.version, m.t('transfer.readme.template')],
    ['exported_at', data.exportedAt.toISOString(), m.dateTime(data.exportedAt)],
    ['language', m.locale, m.t('transfer.readme.language')],
    ['demo', demo ? 'yes' : 'no', demo ? m.t('matrix.demoData') : ''],
    ['states', data.matrices.length, m.t('transfer.readme.states')],
  ];
  for (const f of facts) readme.addRow(f).commit();
  readme.addRow([]).commit();
  const statesHead = readme.addRow(['state', 'name', 'version', 'status', 'demo']);
  statesHead.font = bold.font;
  statesHead.commit();
  for (const x of data.matrices)
    readme
      .addRow([x.state, x.stateName, x.number, `${x.status}: ${m.t(`matrix.status.${x.status}` as MessageKey)}`, x.demo ? 'yes' : 'no'])
      .commit();
  readme.addRow([]).commit();
  const legendHead = readme.addRow(['value', m.t('matrix.legendTitle')]);
  legendHead.font = bold.font;
  legendHead.commit();
  for (const v of cellValues) readme.addRow([v || '(blank)', m.t(`matrix.legend.${v || 'blank'}` as MessageKey)]).commit();
  readme.addRow([]).commit();
  const colsHead = readme.addRow(['column', m.t('transfer.readme.columns')]);
  colsHead.font = bold.font;
  colsHead.commit();
  for (const k of columnKeys) readme.addRow([k, m.t(columnHelpKey(k))]).commit();
  readme.addRow([]).commit();
  readme.addRow(['source_kind', sourceKinds.join(', ')]).commit();
  readme.addRow(['instrument_status', instrumentStatuses.join(', ')]).commit();
  readme.addRow([m.t('transfer.readme.more')]).commit();
  readme.commit();

  const rowsByCode = new Map(template.rows.map((r) => [r.code, r]));
  for (const section of template.sections) {
    const fields = template.fields.filter((f) => rowsByCode.get(f.row)?.section === section.code);
    const ws = wb.addWorksheet(section.code, { views: [{ state: 'frozen', ySplit: 1, rightToLeft: rtl }] });
    ws.columns = columnKeys.map((k) => ({ key: k, width: widths[k] }));
    const head = ws.addRow([...columnKeys]);
    head.font = bold.font;
    head.commit();
    let n = 1;
    for (const x of data.matrices)
      for (const f of fields) {
        const rowLabel = pick(rowsByCode.get(f.row)?.labels, m.locale) || f.row;
        const colLabel = columnLabel(m, f);
        for (const r of rowsOfCell(x, f.code)) {
          ws.addRow(columnKeys.map((k) => (k === 'row' ? rowLabel : k === 'column' ? colLabel : r[k]))).commit();
          n++;
        }
      }
    if (n > 1) {
      const at = (k: (typeof columnKeys)[number]) => `${columnLetters(columnKeys.indexOf(k))}2:${columnLetters(columnKeys.indexOf(k))}${n}`;
      const list = (items: readonly string[], error: string) => ({
        type: 'list' as const,
        allowBlank: true,
        formulae: [`"${items.join(',')}"`],
        showErrorMessage: true,
        error,
      });
      // The streaming writer keeps data validations, though its type does not say so.
      const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
      validations.add(at('value'), list(['X', '?', 'NA'], m.t('transfer.validation.value')));
      validations.add(at('source_kind'), list(sourceKinds, m.t('transfer.validation.sourceKind')));
      validations.add(at('instrument_status'), list(instrumentStatuses, m.t('transfer.validation.instrumentStatus')));
    }
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
