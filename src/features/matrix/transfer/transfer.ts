import type { CellSource } from '../schema.ts';
import { cellValues, type TemplateData } from '../templates/template.ts';
import { type CellContent, instrumentStatuses, sourceKinds } from '../versions/cells.ts';

/*
 * Matrices as files (XLSX, CSV, JSON): the row model the three formats share, and the checks an
 * import makes of every cell before anything is written. `docs/matrix-files.md` documents the
 * layouts. A file holds one row per State × field; a cell with several sources takes one row per
 * further source (a continuation row: the same State and field, only the source columns filled).
 */

/** The most a file may weigh, whatever its format (web, API and CLI alike). */
export const maxFileBytes = 20 * 1024 * 1024;
/** The most sources one cell may have in a file. */
export const maxSourcesPerCell = 20;
/**
 * A sheet (or a CSV file) may have at most this many rows per State × field (an average of four
 * sources per cell): more rows than the template could need are refused before they are read.
 */
export const maxRowsPerCell = 4;

/** The columns of a data sheet and of a CSV file, in order; a CSV file has `template` first. */
export const columnKeys = [
  'state',
  'version',
  'field',
  'row',
  'column',
  'value',
  'source_kind',
  'citation',
  'locator',
  'url',
  'source_language',
  'info_date',
  'remarks',
  'instrument_status',
  'instrument_date',
  'rev',
] as const;
export type ColumnKey = (typeof columnKeys)[number] | 'template';

/** Columns of a row that belong to the cell, not to one of its sources: empty on a continuation row. */
const cellColumns: readonly ColumnKey[] = ['value', 'info_date', 'remarks', 'instrument_status', 'instrument_date', 'rev'];
const sourceColumns: readonly ColumnKey[] = ['source_kind', 'citation', 'locator', 'url', 'source_language'];

/** Where something is in a file: a sheet's cell, a CSV line's field, or a JSON path. */
export type Where =
  | { sheet: string; row: number; column?: string; header?: string }
  | { line: number; column?: number; header?: string }
  | { path: string }
  | { file: true };

export interface TransferProblem {
  where: Where;
  problem: string;
}

/** "sheet OP2, row 14, column F (value)", "line 15, column 6 (value)", "matrices[0].cells[3].value". */
export function describeWhere(w: Where): string {
  if ('sheet' in w) return `sheet ${w.sheet}, row ${w.row}${w.column ? `, column ${w.column}` : ''}${w.header ? ` (${w.header})` : ''}`;
  if ('line' in w) return `line ${w.line}${w.column ? `, column ${w.column}` : ''}${w.header ? ` (${w.header})` : ''}`;
  if ('path' in w) return w.path || '(the document)';
  return 'file';
}

/** The spreadsheet column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** One cell of one State's matrix, as a file carries it. */
export interface TransferCell {
  /** ISO 3166-1 alpha-3, in capitals. */
  state: string;
  /** The number of the version the file was exported from; null in a file made by hand. */
  version: number | null;
  field: string;
  value: string;
  sources: CellSource[];
  infoDate: string | null;
  remarks: string;
  instrumentStatus: string | null;
  instrumentDate: string | null;
  /** The cell's row version when it was exported (0: no cell yet); null skips the stale-save check. */
  rev: number | null;
  /** The sheet (template section) a spreadsheet row was on; null for CSV and JSON. */
  section: string | null;
  /** Where each part was read: `locate('value')`, `locate('citation', 2)` (third source). */
  locate: (part: ColumnKey | 'sources', source?: number) => Where;
}

/** A file as read, before its cells are checked against the template and the database. */
export interface ParsedFile {
  format: 'xlsx' | 'csv' | 'json';
  /** The template the file says it follows. */
  template: string | null;
  templateAt: Where;
  /** Whether the file says its data are demonstration data (per State in JSON). */
  demo: boolean;
  demoStates: ReadonlySet<string>;
  cells: TransferCell[];
  /** Problems found while reading: the import stops on them before looking at the database. */
  problems: TransferProblem[];
}

/** A value as a spreadsheet or a CSV field gives it. */
export type RawValue = string | number | null;

/** One data row of a sheet or a CSV file, its values by column. */
export interface TabularRecord {
  values: Partial<Record<ColumnKey, RawValue>>;
  section: string | null;
  at: (key: ColumnKey) => Where;
}

const text = (v: RawValue | undefined): string => (v === null || v === undefined ? '' : String(v));
const filled = (v: RawValue | undefined): boolean => text(v).trim() !== '';

function integerOf(v: RawValue | undefined, at: Where, problems: TransferProblem[], what: string): number | null {
  if (!filled(v)) return null;
  const n = typeof v === 'number' ? v : Number(text(v).trim());
  if (!Number.isInteger(n) || n < 0 || n > 1e9) {
    problems.push({ where: at, problem: `${what} must be a whole number, not "${text(v)}"` });
    return null;
  }
  return n;
}

function sourceOf(r: TabularRecord): CellSource | null {
  if (!sourceColumns.some((k) => filled(r.values[k]))) return null;
  const s: CellSource = { kind: text(r.values.source_kind).trim() as CellSource['kind'], citation: text(r.values.citation) };
  const locator = text(r.values.locator);
  const url = text(r.values.url).trim();
  const language = text(r.values.source_language).trim();
  if (locator.trim()) s.locator = locator;
  if (url) s.url = url;
  if (language) s.language = language;
  return s;
}

/**
 * Rows of a sheet or CSV file → cells: a row that repeats the State and field of the row before
 * it, with only source columns filled, adds a source to that cell.
 */
export function cellsOfRecords(records: TabularRecord[], problems: TransferProblem[]): TransferCell[] {
  const cells: TransferCell[] = [];
  let last: { cell: TransferCell; sourceAt: ((key: ColumnKey) => Where)[] } | null = null;
  for (const r of records) {
    const state = text(r.values.state).trim().toUpperCase();
    const field = text(r.values.field).trim();
    const continues =
      last !== null &&
      last.cell.state === state &&
      last.cell.field === field &&
      last.cell.section === r.section &&
      !cellColumns.some((k) => filled(r.values[k]));
    if (continues && last) {
      const source = sourceOf(r);
      if (source) {
        last.cell.sources.push(source);
        last.sourceAt.push(r.at);
      }
      continue;
    }
    const source = sourceOf(r);
    const sourceAt = source ? [r.at] : [];
    const cell: TransferCell = {
      state,
      version: integerOf(r.values.version, r.at('version'), problems, 'the version'),
      field,
      value: text(r.values.value).trim(),
      sources: source ? [source] : [],
      infoDate: dateText(r.values.info_date),
      remarks: text(r.values.remarks),
      instrumentStatus: text(r.values.instrument_status).trim() || null,
      instrumentDate: dateText(r.values.instrument_date),
      rev: integerOf(r.values.rev, r.at('rev'), problems, 'the rev'),
      section: r.section,
      locate: (part, i = 0) => {
        if (part === 'sources') return r.at('source_kind');
        if (sourceColumns.includes(part)) return (sourceAt[i] ?? r.at)(part);
        return r.at(part);
      },
    };
    cells.push(cell);
    last = { cell, sourceAt };
  }
  return cells;
}

const dateText = (v: RawValue | undefined): string | null => text(v).trim() || null;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const languageTag = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

export interface CheckContext {
  /** The Member States the importer may see, by ISO3 code. */
  states: ReadonlySet<string>;
  /** The day after which a date is in the future (today, UTC). */
  today?: string;
}

/**
 * Every problem of the cells of a file, each with its place: an unknown State or field, a field
 * on the wrong sheet, a cell given twice, a value outside the legend, a missing source where the
 * value needs one, a source without a citation, a bad date, address or status. The same rules as
 * `checkCellChanges` (which the import also runs before writing), said where the file says it.
 */
export function checkImport(
  template: Pick<TemplateData, 'version' | 'sections' | 'rows' | 'fields'>,
  cells: TransferCell[],
  ctx: CheckContext,
): TransferProblem[] {
  const problems: TransferProblem[] = [];
  const add = (where: Where, problem: string) => problems.push({ where, problem });
  const rowSection = new Map(template.rows.map((r) => [r.code, r.section]));
  const sectionOf = new Map(template.fields.map((f) => [f.code, rowSection.get(f.row) ?? '']));
  const sectionCodes = new Set(template.sections.map((s) => s.code));
  const today = ctx.today ?? new Date().toISOString().slice(0, 10);
  const seen = new Map<string, TransferCell>();
  const versions = new Map<string, { version: number | null; cell: TransferCell }>();
  for (const c of cells) {
    if (!c.state) add(c.locate('state'), 'the State is missing');
    else if (!/^[A-Z]{3}$/.test(c.state) || !ctx.states.has(c.state)) add(c.locate('state'), `no Member State has the code ${c.state}`);
    else {
      const v = versions.get(c.state);
      if (!v) versions.set(c.state, { version: c.version, cell: c });
      else if (v.version !== c.version)
        add(
          c.locate('version'),
          `${c.state} is given as version ${c.version ?? '(blank)'} here and ${v.version ?? '(blank)'} at ${describeWhere(v.cell.locate('version'))}`,
        );
    }
    if (c.section !== null && !sectionCodes.has(c.section)) continue; // reported once for the sheet
    if (!c.field) {
      add(c.locate('field'), 'the field code is missing');
      continue;
    }
    const section = sectionOf.get(c.field);
    if (section === undefined) {
      add(c.locate('field'), `${c.field} is not a field of the template ${template.version}`);
      continue;
    }
    if (c.section !== null && section !== c.section) add(c.locate('field'), `${c.field} belongs on the sheet ${section}, not ${c.section}`);
    const key = `${c.state}|${c.field}`;
    const twin = seen.get(key);
    if (twin) add(c.locate('field'), `${c.state} ${c.field} is given twice (also at ${describeWhere(twin.locate('field'))})`);
    else seen.set(key, c);

    const value = c.value.toUpperCase();
    if (!(cellValues as readonly string[]).includes(value)) add(c.locate('value'), `"${c.value}" is not in the legend (X, ?, NA or blank)`);
    else c.value = value;
    if ((c.value === 'X' || c.value === '?') && c.sources.length === 0)
      add(c.locate('value'), `a value of ${c.value} needs at least one source (fill source_kind and citation)`);
    if (c.sources.length > maxSourcesPerCell)
      add(c.locate('sources', maxSourcesPerCell), `a cell may have at most ${maxSourcesPerCell} sources`);
    c.sources.forEach((s, i) => {
      if (!(sourceKinds as readonly string[]).includes(s.kind))
        add(
          c.locate('source_kind', i),
          s.kind
            ? `"${s.kind}" is not a kind of source (${sourceKinds.join(', ')})`
            : `the kind of source is missing (${sourceKinds.join(', ')})`,
        );
      if (!s.citation.trim()) add(c.locate('citation', i), 'a source needs a citation (the law, report or organization)');
      else if (s.citation.length > 1000) add(c.locate('citation', i), 'must be at most 1,000 characters');
      if (s.locator && s.locator.length > 200) add(c.locate('locator', i), 'must be at most 200 characters');
      if (s.url && (!/^https?:\/\/\S+$/.test(s.url) || s.url.length > 2000)) add(c.locate('url', i), 'must be an http or https address');
      if (s.language && !languageTag.test(s.language))
        add(c.locate('source_language', i), `"${s.language}" is not a language tag (such as fr or en)`);
    });
    for (const [part, date] of [
      ['info_date', c.infoDate],
      ['instrument_date', c.instrumentDate],
    ] as const) {
      if (date === null) continue;
      if (!isoDate.test(date) || Number.isNaN(Date.parse(date)) || new Date(date).toISOString().slice(0, 10) !== date)
        add(c.locate(part), `"${date}" is not a date written YYYY-MM-DD`);
      else if (date > today) add(c.locate(part), `${date} is in the future`);
    }
    if (c.instrumentStatus !== null && !(instrumentStatuses as readonly string[]).includes(c.instrumentStatus))
      add(c.locate('instrument_status'), `"${c.instrumentStatus}" is not a status of an instrument (${instrumentStatuses.join(', ')})`);
    if (c.remarks.length > 4000) add(c.locate('remarks'), 'must be at most 4,000 characters');
  }
  return problems;
}

/**
 * Spreadsheet formula injection (CSV): a text that a spreadsheet would read as a formula starts
 * with = + - @ (or a tab or carriage return). On export such a text, and one that already starts
 * with an apostrophe before such a character, gets one apostrophe in front; on import exactly
 * that apostrophe is taken off, and an unprefixed = + - @ is refused.
 */
export function needsPrefix(s: string): boolean {
  if (/^[=+\-@\t\r]/.test(s)) return true;
  return s.startsWith("'") && needsPrefix(s.slice(1));
}
export const escapeFormula = (s: string): string => (needsPrefix(s) ? `'${s}` : s);
/** The text a CSV field stands for, or null when it would be a formula. */
export function unescapeFormula(s: string): string | null {
  if (s.startsWith("'") && needsPrefix(s.slice(1))) return s.slice(1);
  if (/^[=+\-@]/.test(s)) return null;
  return s;
}

/** What an export holds: one version per State, on one template. */
export interface ExportMatrix {
  state: string;
  stateName: string;
  number: number;
  status: string;
  demo: boolean;
  cells: Map<string, ExportCell>;
}
export interface ExportCell extends CellContent {
  rev: number;
}
/** What an export says of itself: its template and when it was made. */
export interface ExportHead {
  template: Pick<TemplateData, 'version' | 'sections' | 'rows' | 'fields'>;
  exportedAt: Date;
}
export interface ExportData extends ExportHead {
  matrices: ExportMatrix[];
}

/** The rows of one State × field in a file: the first with the cell, one more per further source. */
export function rowsOfCell(m: ExportMatrix, field: string): Record<Exclude<ColumnKey, 'template' | 'row' | 'column'>, RawValue>[] {
  const c = m.cells.get(field);
  const sourceCols = (s: CellSource | undefined) => ({
    source_kind: s?.kind ?? null,
    citation: s?.citation ?? null,
    locator: s?.locator || null,
    url: s?.url || null,
    source_language: s?.language || null,
  });
  const first = {
    state: m.state,
    version: m.number,
    field,
    value: c?.value || null,
    ...sourceCols(c?.sources[0]),
    info_date: c?.infoDate ?? null,
    remarks: c?.remarks || null,
    instrument_status: c?.instrumentStatus ?? null,
    instrument_date: c?.instrumentDate ?? null,
    rev: c?.rev ?? 0,
  };
  const more = (c?.sources.slice(1) ?? []).map((s) => ({
    state: m.state,
    version: m.number,
    field,
    value: null,
    ...sourceCols(s),
    info_date: null,
    remarks: null,
    instrument_status: null,
    instrument_date: null,
    rev: null,
  }));
  return [first, ...more];
}
