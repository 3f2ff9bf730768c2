import type { Messages } from '../../../platform/i18n/i18n.ts';
import { pick } from '../../../platform/i18n/locales.ts';
import { columnLabel } from '../templates/pages.tsx';
import {
  type ColumnKey,
  cellsOfRecords,
  columnKeys,
  type ExportData,
  escapeFormula,
  maxFileBytes,
  maxRowsPerCell,
  type ParsedFile,
  type RawValue,
  rowsOfCell,
  type TabularRecord,
  type Where,
  unescapeFormula,
} from './transfer.ts';

/*
 * CSV: UTF-8 with a byte order mark, RFC 4180 (fields with a comma, quote or line break quoted,
 * quotes doubled, lines ended by CRLF), the columns of a data sheet with `template` first, one row
 * per State × field (and one per further source). Texts that a spreadsheet would take for a formula
 * are prefixed with an apostrophe (see `escapeFormula`).
 */

export const csvType = 'text/csv; charset=utf-8';
export const csvColumns: readonly ColumnKey[] = ['template', ...columnKeys];

function field(v: RawValue): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : escapeFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function writeCsv(data: ExportData, m: Messages): Buffer {
  const { template } = data;
  const rowsByCode = new Map(template.rows.map((r) => [r.code, r]));
  const lines: string[] = [csvColumns.join(',')];
  for (const section of template.sections) {
    const fields = template.fields.filter((f) => rowsByCode.get(f.row)?.section === section.code);
    for (const x of data.matrices)
      for (const f of fields) {
        const rowLabel = pick(rowsByCode.get(f.row)?.labels, m.locale) || f.row;
        const colLabel = columnLabel(m, f);
        for (const r of rowsOfCell(x, f.code))
          lines.push(
            csvColumns
              .map((k) => field(k === 'template' ? template.version : k === 'row' ? rowLabel : k === 'column' ? colLabel : r[k]))
              .join(','),
          );
      }
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

/** Columns read as labels only: never refused, never used. */
const labelColumns: readonly ColumnKey[] = ['row', 'column'];

export interface CsvReadOptions {
  /** How many fields the largest template has, and how many Member States there are: the row limit. */
  fieldCount: number;
  stateCount: number;
}

/**
 * Reads a CSV file (comma- or, as a spreadsheet saves it in some languages, semicolon-separated).
 * Problems of the file (not UTF-8, a broken quote, a formula, an unknown column, a line with
 * fewer or more fields than the header) are reported with their line and column.
 */
export function readCsv(buf: Buffer, options: CsvReadOptions): ParsedFile {
  const parsed: ParsedFile = {
    format: 'csv',
    template: null,
    templateAt: { line: 2 },
    demo: false,
    demoStates: new Set(),
    cells: [],
    problems: [],
  };
  const problem = (where: Where, p: string) => parsed.problems.push({ where, problem: p });
  if (buf.length > maxFileBytes) {
    problem({ file: true }, `the file is larger than ${maxFileBytes / 1024 / 1024} MB`);
    return parsed;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    problem({ file: true }, 'the file is not UTF-8 text: save it as “CSV UTF-8”');
    return parsed;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) {
    problem({ file: true }, 'the file is not a CSV text (it holds NUL characters)');
    return parsed;
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const maxRecords = 1 + options.stateCount * options.fieldCount * maxRowsPerCell;

  const records: { line: number; fields: string[] }[] = [];
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        const open = line;
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            problem({ line: open, column: fields.length + 1 }, 'a quoted field is never closed');
            return parsed;
          }
          const chunk = text.slice(i, q);
          for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
          value += chunk;
          i = q + 1;
          if (text[i] === '"') {
            value += '"';
            i++;
          } else break;
        }
        if (i < text.length && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
          problem({ line, column: fields.length + 1 }, 'a quoted field is followed by text: double the quotes inside it ("")');
          return parsed;
        }
      } else {
        let j = i;
        while (j < text.length && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
        value = text.slice(i, j);
        if (value.includes('"')) {
          problem({ line, column: fields.length + 1 }, 'a field with a quote must be quoted ("…"), its quotes doubled');
          return parsed;
        }
        i = j;
      }
      fields.push(value);
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    if (fields.length === 1 && fields[0] === '') continue;
    records.push({ line: start, fields });
    if (records.length > maxRecords) {
      problem({ line: start }, `the file has more than ${maxRecords} rows, more than the template could need`);
      return parsed;
    }
  }
  const [head, ...data] = records;
  if (!head) {
    problem({ file: true }, 'the file is empty');
    return parsed;
  }
  const index = new Map<ColumnKey, number>();
  head.fields.forEach((name, col) => {
    const key = name.trim().toLowerCase() as ColumnKey;
    const where: Where = { line: head.line, column: col + 1 };
    if (!(csvColumns as readonly string[]).includes(key))
      problem(where, `"${name}" is not a column of a matrix file (${csvColumns.join(', ')})`);
    else if (index.has(key)) problem(where, `the column ${key} is given twice`);
    else index.set(key, col);
  });
  for (const required of ['template', 'state', 'field', 'value'] as const)
    if (!index.has(required)) problem({ line: head.line }, `the header line has no ${required} column`);
  if (parsed.problems.length) return parsed;

  const tabular: TabularRecord[] = [];
  for (const r of data) {
    const at = (key: ColumnKey): Where => {
      const col = index.get(key);
      return { line: r.line, column: col === undefined ? undefined : col + 1, header: key };
    };
    // A line with fewer fields than the header is a file cut short (or a hand-made line gone
    // wrong), not a blank: it is refused, never read as empty fields. A blank says so with every
    // field there and the value empty.
    if (r.fields.length !== head.fields.length) {
      const short = r.fields.length < head.fields.length;
      problem(
        { line: r.line, column: Math.min(r.fields.length, head.fields.length) + 1 },
        short
          ? `the line has ${r.fields.length} field${r.fields.length === 1 ? '' : 's'}; the header has ${head.fields.length}: a line cut short is not read (to make a cell blank, give every field and leave value empty)`
          : `the line has ${r.fields.length} fields; the header has ${head.fields.length}`,
      );
      continue;
    }
    const values: Partial<Record<ColumnKey, RawValue>> = {};
    for (const [key, col] of index) {
      const raw = r.fields[col]!;
      if (labelColumns.includes(key)) continue;
      const value = unescapeFormula(raw);
      if (value === null) {
        problem(
          at(key),
          `"${raw.slice(0, 20)}" starts with ${raw[0]}: formulas are not accepted (a text starting so is written with an apostrophe first: '${raw.slice(0, 10)})`,
        );
        continue;
      }
      values[key] = value;
    }
    const template = String(values.template ?? '').trim();
    if (parsed.template === null) {
      parsed.template = template;
      parsed.templateAt = at('template');
    } else if (template !== parsed.template)
      problem(
        at('template'),
        `the template is ${template || '(blank)'} here, ${parsed.template} on line ${'line' in parsed.templateAt ? parsed.templateAt.line : 2}: a file follows one template`,
      );
    tabular.push({ values, section: null, at });
  }
  if (parsed.problems.length) return parsed;
  if (!data.length) {
    problem({ line: 2 }, 'the file has no rows after its header');
    return parsed;
  }
  parsed.cells = cellsOfRecords(tabular, parsed.problems);
  return parsed;
}
