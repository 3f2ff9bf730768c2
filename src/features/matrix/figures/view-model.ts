import { type CsvCell, csvField } from '../../../platform/formats/csv.ts';
import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import { pick } from '../../../platform/i18n/locales.ts';
import { cellOf, gaps, type StateChange, type StateMatrix, type WeaponKey } from './figures.ts';
import { type TemplateField, weaponTypes } from '../templates/template.ts';
import type { TemplateRow } from '../templates/templates.ts';

/**
 * What the figure pages and their CSV downloads show: each view as sections, each section a
 * table (the accessible alternative and the CSV) and, where it helps, a chart of the same numbers.
 * Built from the pure figures (`figures.ts`); no database, no HTML.
 */

export const figureViews = ['overview', 'regional-group', 'organization', 'distribution', 'state', 'change', 'gaps'] as const;
export type FigureView = (typeof figureViews)[number];

export interface ChangeTotals {
  statesBefore: number;
  statesAfter: number;
  before: number;
  after: number;
  difference: number;
  /** Fields gained, over all States. */
  gained: number;
  lost: number;
}

export function changeTotals(changes: readonly StateChange[], statesBefore: number, statesAfter: number): ChangeTotals {
  const sum = (f: (c: StateChange) => number) => changes.reduce((acc, c) => acc + f(c), 0);
  return {
    statesBefore,
    statesAfter,
    before: sum((c) => c.before),
    after: sum((c) => c.after),
    difference: sum((c) => c.difference),
    gained: sum((c) => c.gained.length),
    lost: sum((c) => c.lost.length),
  };
}

export interface StateGaps {
  /** Whether the State had a published matrix: without one it has no gaps to speak of. */
  published: boolean;
  /** Other States of its regional group with a published matrix. */
  peers: number;
  gaps: { field: TemplateField; share: number; peersWithX: number }[];
}

/** The gaps of one State against the other States of its regional group (`gaps` in figures.ts). */
export function gapsOfState(
  fields: readonly TemplateField[],
  matrices: readonly StateMatrix[],
  iso3: string,
  regionalGroup: string,
  threshold: number,
): StateGaps {
  const own = matrices.find((x) => x.iso3 === iso3);
  const peers = matrices.filter((x) => x.regionalGroup === regionalGroup && x.iso3 !== iso3);
  if (!own) return { published: false, peers: peers.length, gaps: [] };
  const byCode = new Map(fields.map((f) => [f.code, f]));
  return {
    published: true,
    peers: peers.length,
    gaps: gaps(fields, own, peers, threshold).map((g) => ({
      field: byCode.get(g.code)!,
      share: g.share,
      peersWithX: peers.filter((p) => cellOf(p, g.code) === 'X').length,
    })),
  };
}

/** How a column's values read: counts and means as numbers, shares as percentages. */
export type ColumnKind = 'code' | 'text' | 'count' | 'mean' | 'share';
export type Cell = string | number | null;

export interface Column {
  /** The CSV header: stable, in English, for scripts. */
  code: string;
  /** The table header, in the reader's language. */
  label: string;
  kind: ColumnKind;
  /** In the CSV only (lists of field codes too long for the page). */
  csvOnly?: boolean;
  /** How the page shows a cell whose CSV value is a code (`OP1` → "OP 1", "第1段"). */
  show?: (cell: Cell) => string;
  /** Whether the page may sort the table by this column (per-State table). */
  sortable?: boolean;
}

export interface Row {
  cells: Cell[];
  /** A link for the row's header cell. */
  href?: string;
  /** A total or all-States row, set apart. */
  total?: boolean;
}

export interface FigureTable {
  id: string;
  caption: string;
  columns: Column[];
  rows: Row[];
  /** The column that heads each row. */
  rowHeader: number;
}

export interface ChartSpec {
  kind: 'bar' | 'grouped' | 'histogram';
  title: string;
  desc: string;
  categories: string[];
  /** Names of the series of a grouped chart. */
  series: string[];
  /** values[category][series]. */
  values: number[][];
  /** For a histogram: the bins' edges. */
  bins?: { from: number; to: number }[];
  integer: boolean;
}

export interface FigureSection {
  id: string;
  heading: string;
  table: FigureTable;
  chart?: ChartSpec;
}

export interface Fact {
  label: string;
  value: number | string;
  kind: ColumnKind;
}

export interface ViewModel {
  facts: Fact[];
  sections: FigureSection[];
  /** Nothing had been published on the date(s): the page says so instead of empty tables. */
  empty: boolean;
}

export interface Labels {
  m: Messages;
  template: Pick<TemplateRow, 'definition'>;
  stateName: (iso3: string) => string;
  groupName: (code: string) => string;
  organizationName: (code: string) => string;
  stateHref: (iso3: string) => string;
  fieldLabel: (code: string) => string;
}

export const sum = (values: readonly number[]) => values.reduce((acc, v) => acc + v, 0);
export const mean = (values: readonly number[]) => (values.length ? sum(values) / values.length : null);

export const paragraphLabel = (m: Messages, p: string) => m.t(`figures.paragraph.${p}` as MessageKey);
/** A paragraph code as the page shows it: its label; the total row's `all` as nothing. */
export const paragraphShown = (m: Messages, p: Cell) => (p === 'all' || p === null ? '' : paragraphLabel(m, String(p)));
export const weaponKeys: WeaponKey[] = [...weaponTypes, 'none'];
export const weaponLabel = (m: Messages, w: WeaponKey) =>
  w === 'none' ? m.t('figures.weaponNone') : m.t(`matrix.weapon.${w}` as MessageKey);

export function sectionName(labels: Labels, p: string): string {
  return pick(labels.template.definition.sections.find((s) => s.paragraph === p)?.labels, labels.m.locale) || p;
}

/**
 * A column of internal codes (`OP1`, `nuclear`, `african`, `all`) beside a column of their labels:
 * in the CSV, for scripts, not in the table the reader sees.
 */
export const codeOnly: Partial<Column> = { csvOnly: true };

export function col(code: string, label: string, kind: ColumnKind, extra: Partial<Column> = {}): Column {
  return { code, label, kind, ...extra };
}

/** The header row of a CSV: the reader's language (the default) or stable machine names. */
export type CsvHeader = 'labels' | 'machine';

/** A number rounded to four places; texts are the CSV writer's to neutralise. */
function csvCell(cell: Cell): CsvCell {
  return typeof cell === 'number' ? Math.round(cell * 10_000) / 10_000 : cell;
}

/**
 * UTF-8 with a byte-order mark (spreadsheets then read it as UTF-8), CRLF lines. The header row is
 * the columns' names in the reader's language, or with `header: 'machine'` their stable codes
 * (`paragraph,label,fields,x,…`, the same in every language) for scripts.
 */
export function tableCsv(table: FigureTable, header: CsvHeader = 'labels'): string {
  const lines = [
    table.columns.map((c) => csvField(header === 'machine' ? c.code : c.label)),
    ...table.rows.map((r) => r.cells.map((cell) => csvField(csvCell(cell)))),
  ];
  return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
