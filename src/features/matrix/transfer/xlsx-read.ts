import { inflateEntry, ZipRefused, zipDirectory } from '../../../platform/formats/zip-read.ts';
import {
  type ColumnKey,
  cellsOfRecords,
  columnKeys,
  columnLetters,
  maxFileBytes,
  maxRowsPerCell,
  type ParsedFile,
  type RawValue,
  type TabularRecord,
  type TransferProblem,
  type Where,
} from './transfer.ts';

import { readmeSheet, zipLimits } from './transfer-xlsx.ts';

/*
 * The XLSX reader: it looks at the archive before it inflates anything (a zip bomb is refused
 * from its central directory, and an entry that inflates past what it declared is cut off),
 * refuses formulas and over-long sheets, and reads the cells of the sheets without building a
 * workbook model.
 */

/** A refusal of the whole file: nothing of it is read further. */
export class Refused extends Error {
  constructor(
    readonly where: Where,
    message: string,
  ) {
    super(message);
  }
}
const refuse = (problem: string, where: Where = { file: true }): never => {
  throw new Refused(where, problem);
};

const ns = '(?:[A-Za-z_][\\w.-]*:)?';
const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text → string: the five entities, character references, and OOXML's _xHHHH_ escapes. */
export function decodeXml(s: string): string {
  if (s.includes('&'))
    s = s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))) : entities[e]!,
    );
  if (s.includes('_x')) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return s;
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1]!.includes(':') && !m[1]!.startsWith('xml') ? m[1]!.split(':').pop()! : m[1]!;
    out[name] = decodeXml(m[2] ?? m[3] ?? '');
  }
  return out;
}

/** The text of a string item (`<si>`, `<is>`): its `<t>` runs, without phonetic guides. */
function runsText(xml: string): string {
  const body = xml.replace(new RegExp(`<${ns}rPh\\b[\\s\\S]*?</${ns}rPh>`, 'g'), '');
  let s = '';
  for (const m of body.matchAll(new RegExp(`<${ns}t(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${ns}t>)`, 'g'))) s += decodeXml(m[1] ?? '');
  return s;
}

/** `B14` → column 1 (0-based); -1 when the reference is not one. */
function columnOfRef(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 3; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  return i === 0 || i === ref.length ? -1 : col - 1;
}

interface SheetCell {
  col: number;
  value: RawValue;
}
interface SheetRow {
  row: number;
  cells: SheetCell[];
}

/** The rows of a sheet with their non-empty cells; formulas and error values are problems. */
function readSheet(xml: string, sheet: string, strings: string[], maxRows: number, problems: TransferProblem[]): SheetRow[] {
  const rows: SheetRow[] = [];
  const rowRe = new RegExp(`<${ns}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${ns}row>)`, 'g');
  const cellRe = new RegExp(`<${ns}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${ns}c>)`, 'g');
  const formulaRe = new RegExp(`<${ns}f\\b`);
  const valueRe = new RegExp(`<${ns}v(?:\\s[^>]*)?>([\\s\\S]*?)</${ns}v>`);
  const inlineRe = new RegExp(`<${ns}is\\b[^>]*>([\\s\\S]*?)</${ns}is>`);
  let rowNumber = 0;
  let formulas = 0;
  // Only the attributes r (the place) and t (the type) matter; read without a general parser.
  const refAttr = /(?:^|\s)r\s*=\s*["']([^"']*)["']/;
  const typeAttr = /(?:^|\s)t\s*=\s*["']([^"']*)["']/;
  for (let rm = rowRe.exec(xml); rm !== null; rm = rowRe.exec(xml)) {
    const rowRef = refAttr.exec(rm[1] ?? '')?.[1];
    rowNumber = rowRef ? Number(rowRef) : rowNumber + 1;
    if (!rm[2]) continue;
    const cells: SheetCell[] = [];
    let col = -1;
    const rowXml = rm[2];
    cellRe.lastIndex = 0;
    for (let cm = cellRe.exec(rowXml); cm !== null; cm = cellRe.exec(rowXml)) {
      const attrs = cm[1] ?? '';
      const cellRef = refAttr.exec(attrs)?.[1];
      const refCol = cellRef ? columnOfRef(cellRef) : -1;
      col = refCol >= 0 ? refCol : col + 1;
      const body = cm[2];
      if (!body) continue;
      if (formulaRe.test(body)) {
        if (formulas++ < 50)
          problems.push({
            where: { sheet, row: rowNumber, column: columnLetters(col) },
            problem: `the cell ${sheet}!${columnLetters(col)}${rowNumber} holds a formula: formulas are not accepted`,
          });
        continue;
      }
      const type = typeAttr.exec(attrs)?.[1] ?? 'n';
      let value: RawValue = null;
      if (type === 'inlineStr') {
        const is = inlineRe.exec(body);
        value = is ? runsText(is[1]!) : '';
      } else {
        const v = valueRe.exec(body);
        if (!v) continue;
        const raw = decodeXml(v[1]!);
        if (type === 's') {
          const s = strings[Number(raw)];
          if (s === undefined) {
            problems.push({
              where: { sheet, row: rowNumber, column: columnLetters(col) },
              problem: `the cell ${sheet}!${columnLetters(col)}${rowNumber} names a shared string that does not exist`,
            });
            continue;
          }
          value = s;
        } else if (type === 'str' || type === 'd') value = raw;
        else if (type === 'b') value = raw === '1' ? 'TRUE' : 'FALSE';
        else if (type === 'e') {
          problems.push({
            where: { sheet, row: rowNumber, column: columnLetters(col) },
            problem: `the cell ${sheet}!${columnLetters(col)}${rowNumber} holds the error value ${raw}`,
          });
          continue;
        } else {
          const n = Number(raw);
          if (!Number.isFinite(n)) {
            problems.push({
              where: { sheet, row: rowNumber, column: columnLetters(col) },
              problem: `the cell ${sheet}!${columnLetters(col)}${rowNumber} holds a number that is not one`,
            });
            continue;
          }
          value = n;
        }
      }
      if (value === '' || value === null) continue;
      cells.push({ col, value });
    }
    if (!cells.length) continue;
    rows.push({ row: rowNumber, cells });
    if (rows.length > maxRows)
      refuse(`the sheet ${sheet} has more than ${maxRows} rows, more than the template could need`, { sheet, row: rowNumber });
  }
  return rows;
}

/** Where each sheet's XML is, by sheet name, in workbook order. */
function sheetParts(read: (name: string) => string | null): {
  sheets: { name: string; path: string }[];
  strings: string | null;
  date1904: boolean;
} {
  const rels = (path: string) => {
    const slash = path.lastIndexOf('/');
    const relsPath = `${path.slice(0, slash + 1)}_rels/${path.slice(slash + 1)}.rels`;
    const xml = read(relsPath) ?? '';
    const base = path.slice(0, slash + 1);
    const out: { id: string; type: string; target: string }[] = [];
    for (const m of xml.matchAll(new RegExp(`<${ns}Relationship\\b([^>]*)/?>`, 'g'))) {
      const a = attributes(m[1]!);
      if (a.TargetMode === 'External' || !a.Target) continue;
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : normalisePath(base + a.Target);
      out.push({ id: a.Id ?? '', type: a.Type ?? '', target });
    }
    return out;
  };
  const office = rels('').find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = office?.target ?? 'xl/workbook.xml';
  const workbook = read(workbookPath) ?? refuse('this file is not an XLSX workbook (it has no workbook part)');
  const wbRels = rels(workbookPath);
  const byId = new Map(wbRels.map((r) => [r.id, r]));
  const sheets: { name: string; path: string }[] = [];
  for (const m of workbook.matchAll(new RegExp(`<${ns}sheet\\b([^>]*)/?>`, 'g'))) {
    const a = attributes(m[1]!);
    const rel = byId.get(a.id ?? '');
    if (!rel) continue;
    if (!rel.type.endsWith('/worksheet'))
      refuse(`the sheet ${a.name} is not a worksheet (a chart or macro sheet?)`, { path: a.name ?? '' });
    sheets.push({ name: a.name ?? '', path: rel.target });
  }
  const strings = wbRels.find((r) => r.type.endsWith('/sharedStrings'))?.target ?? null;
  const date1904 = /date1904\s*=\s*["'](1|true)["']/.test(workbook);
  return { sheets, strings, date1904 };
}

function normalisePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

export interface XlsxReadOptions {
  /** A template's sections, with how many fields each has: the sheets a workbook may have. */
  sectionsOf: (template: string) => ReadonlyMap<string, number> | undefined;
  /** How many Member States there are: a sheet may not have more rows than they could need. */
  stateCount: number;
}

/**
 * Reads a matrix workbook. Problems of the archive or the workbook (not a workbook, a zip bomb,
 * a formula, too many rows) end the reading; problems of cells are left to `checkImport`.
 */
export function readXlsx(buf: Buffer, options: XlsxReadOptions): ParsedFile {
  const parsed: ParsedFile = {
    format: 'xlsx',
    template: null,
    templateAt: { sheet: readmeSheet, row: 1 },
    demo: false,
    demoStates: new Set(),
    cells: [],
    problems: [],
  };
  try {
    readInto(buf, options, parsed);
  } catch (err) {
    if (!(err instanceof Refused || err instanceof ZipRefused)) throw err;
    parsed.problems.push({ where: err.where, problem: err.message });
  }
  return parsed;
}

function readInto(buf: Buffer, options: XlsxReadOptions, parsed: ParsedFile): void {
  if (buf.length > maxFileBytes) refuse(`the file is larger than ${maxFileBytes / 1024 / 1024} MB`);
  const entries = new Map(zipDirectory(buf, zipLimits).map((e) => [e.name, e]));
  const read = (name: string): string | null => {
    const e = entries.get(name);
    if (!e) return null;
    const xml = inflateEntry(buf, e).toString('utf8');
    if (/<!DOCTYPE/i.test(xml.slice(0, 4096)) || /<!ENTITY/i.test(xml))
      refuse(`the part ${name} declares a DTD or entities, which are not accepted`, { path: name });
    return xml;
  };
  // A part whose XML stops before its closing tag was cut short (by a tool that failed while
  // writing it): its last rows would be lost, and a cell's further sources with them, so the
  // workbook is refused rather than read in part.
  const whole = (name: string, root: string, what: string): string => {
    const xml = read(name) ?? refuse(`the workbook is damaged: ${what} has no part ${name}`, { path: name });
    if (!new RegExp(`</${ns}${root}>\\s*$`).test(xml.slice(-200)))
      refuse(`the workbook is damaged: ${what} is cut short (its XML does not end)`, { path: name });
    return xml;
  };
  if (!entries.has('[Content_Types].xml')) refuse('this file is not an XLSX workbook (it is a zip archive without a workbook)');
  const { sheets, strings: stringsPath, date1904 } = sheetParts(read);
  const strings: string[] = [];
  const sst = stringsPath ? whole(stringsPath, 'sst', 'the shared strings') : null;
  if (sst)
    for (const m of sst.matchAll(new RegExp(`<${ns}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${ns}si>)`, 'g')))
      strings.push(m[1] ? runsText(m[1]) : '');

  const readme = sheets.find((s) => s.name === readmeSheet);
  if (!readme) refuse(`the workbook has no ${readmeSheet} sheet: it names the template the file follows`, { path: readmeSheet });
  const readmeRows = readSheet(whole(readme!.path, 'worksheet', `the sheet ${readmeSheet}`), readmeSheet, strings, 2000, parsed.problems);
  let inStates = false;
  for (const r of readmeRows) {
    const a = r.cells.find((c) => c.col === 0)?.value;
    const b = r.cells.find((c) => c.col === 1)?.value;
    const e = r.cells.find((c) => c.col === 4)?.value;
    if (a === 'template') {
      parsed.template = b === null || b === undefined ? null : String(b).trim();
      parsed.templateAt = { sheet: readmeSheet, row: r.row, column: 'B', header: 'template' };
    }
    if (a === 'demo')
      parsed.demo =
        String(b ?? '')
          .trim()
          .toLowerCase() === 'yes';
    if (a === 'state' && b === 'name') inStates = true;
    else if (inStates && typeof a === 'string' && /^[A-Z]{3}$/.test(a)) {
      if (String(e ?? '').toLowerCase() === 'yes') (parsed.demoStates as Set<string>).add(a);
    } else inStates = false;
  }
  if (parsed.template === null)
    refuse(`the ${readmeSheet} sheet does not name the template (a row "template" with the version in column B)`, {
      sheet: readmeSheet,
      row: 1,
    });
  const sections = options.sectionsOf(parsed.template!);
  if (!sections) refuse(`no matrix template has the version ${parsed.template}`, parsed.templateAt);
  if (parsed.problems.length) return;

  const records: TabularRecord[] = [];
  for (const s of sheets) {
    if (s.name === readmeSheet) continue;
    const fieldCount = sections!.get(s.name);
    if (fieldCount === undefined) {
      parsed.problems.push({
        where: { sheet: s.name, row: 1 },
        problem: `the sheet ${s.name} is not a section of the template ${parsed.template}`,
      });
      continue;
    }
    const maxRows = 1 + options.stateCount * fieldCount * maxRowsPerCell;
    const rows = readSheet(whole(s.path, 'worksheet', `the sheet ${s.name}`), s.name, strings, maxRows, parsed.problems);
    if (!rows.length) continue;
    const [head, ...data] = rows;
    const index = new Map<ColumnKey, number>();
    const headerOf = new Map<number, ColumnKey>();
    for (const c of head!.cells) {
      const key = String(c.value).trim().toLowerCase() as ColumnKey;
      const where: Where = { sheet: s.name, row: head!.row, column: columnLetters(c.col) };
      if (!(columnKeys as readonly string[]).includes(key))
        parsed.problems.push({ where, problem: `"${c.value}" is not a column of a matrix sheet (${columnKeys.join(', ')})` });
      else if (index.has(key)) parsed.problems.push({ where, problem: `the column ${key} is given twice` });
      else {
        index.set(key, c.col);
        headerOf.set(c.col, key);
      }
    }
    for (const required of ['state', 'field', 'value'] as const)
      if (!index.has(required))
        parsed.problems.push({ where: { sheet: s.name, row: head!.row }, problem: `the header row has no ${required} column` });
    if (parsed.problems.length) continue;
    for (const r of data) {
      const values: Partial<Record<ColumnKey, RawValue>> = {};
      for (const c of r.cells) {
        const key = headerOf.get(c.col);
        if (!key) {
          parsed.problems.push({
            where: { sheet: s.name, row: r.row, column: columnLetters(c.col) },
            problem: 'this cell is outside the columns of the header row',
          });
          continue;
        }
        values[key] =
          (key === 'info_date' || key === 'instrument_date') && typeof c.value === 'number' ? serialDay(c.value, date1904) : c.value;
      }
      const sheet = s.name;
      const row = r.row;
      records.push({
        values,
        section: sheet,
        at: (key) => {
          const col = index.get(key as ColumnKey);
          return { sheet, row, column: col === undefined ? undefined : columnLetters(col), header: key };
        },
      });
    }
  }
  if (parsed.problems.length) return;
  parsed.cells = cellsOfRecords(records, parsed.problems);
}

/** Excel's day number (a date typed into a cell) → YYYY-MM-DD. */
export function serialDay(n: number, date1904 = false): string {
  // Day 1 is 1900-01-01; Excel counts a 29 February 1900 that never was (day 60).
  const days = date1904 ? n + 1462 : n < 60 ? n + 1 : n;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(days) * 86400000).toISOString().slice(0, 10);
}
