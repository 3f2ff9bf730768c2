import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import { type ComparableCell, diffCells } from '../versions/diff.ts';
import { cellContent } from '../versions/cells.ts';
import type { CellRow } from '../versions/matrices.ts';
import { type SectionLayout, sectionLayout } from '../versions/matrix-layout.ts';
import type { CellValue, TemplateField, TemplateRow as TemplateItem, WeaponType } from '../templates/template.ts';
import type { TemplateRow } from '../templates/templates.ts';

/* The grid of a version as the page draws it: the filters, which rows and columns they keep, and the texts of its script. */

export interface GridFilters {
  section: string | null;
  weapon: WeaponType | null;
  /** '' is a blank cell. */
  value: CellValue | null;
  changed: boolean;
}

export const noFilters: GridFilters = { section: null, weapon: null, value: null, changed: false };

/** The value filter as written in the query: `blank` for a blank cell. */
export const valueParam = (v: CellValue) => (v === '' ? 'blank' : v);

export interface GridCell {
  field: TemplateField;
  cell: CellRow | undefined;
  value: string;
  changed: boolean;
  approved: ComparableCell | null;
  /** Passes every filter but the section's. */
  match: boolean;
}

export interface GridSection {
  layout: SectionLayout;
  visible: boolean;
  /** Whether each column (of `layout.columns`) is shown. */
  columnVisible: boolean[];
  rows: { row: TemplateItem; visible: boolean; cells: (GridCell | null)[] }[];
}

export interface GridModel {
  sections: GridSection[];
  /** Cells shown: in visible rows and columns. */
  shown: number;
  /** Fields changed since the latest approved version, whatever the filters. */
  changed: number;
}

const contentOf = cellContent;

/**
 * Which rows, columns and sections the filters keep. The weapon type hides the columns of other
 * weapon types (and, in a section of one column, the rows about other weapon types); the value
 * and "changed" filters keep the rows that have at least one such cell among the shown columns.
 */
export function gridModel(
  template: Pick<TemplateRow, 'definition'>,
  cells: CellRow[],
  approvedCells: CellRow[],
  filters: GridFilters,
): GridModel {
  const byField = new Map(cells.map((c) => [c.field_code, c]));
  const approved = new Map(approvedCells.map((c) => [c.field_code, contentOf(c)]));
  const changedFields = new Set(diffCells(approved, new Map(cells.map((c) => [c.field_code, contentOf(c)]))).map((d) => d.field));
  let shown = 0;
  const sections = template.definition.sections.map((s): GridSection => {
    const layout = sectionLayout(template, s);
    const grouped = !layout.single;
    const columnVisible = layout.columns.map((c) => !filters.weapon || !grouped || c.weaponType === filters.weapon);
    const sectionKept = !filters.section || filters.section === s.code;
    const rows = layout.rows.map((row) => {
      const rowCells = layout.columns.map((c): GridCell | null => {
        const f = layout.fieldAt(row, c);
        if (!f) return null;
        const cell = byField.get(f.code);
        const value = cell?.value ?? '';
        const changed = changedFields.has(f.code);
        const match =
          (!filters.weapon || f.weaponType === filters.weapon) &&
          (filters.value === null || value === filters.value) &&
          (!filters.changed || changed);
        return { field: f, cell, value, changed, approved: approved.get(f.code) ?? null, match };
      });
      const visible = sectionKept && rowCells.some((c, i) => c !== null && columnVisible[i] && c.match);
      return { row, visible, cells: rowCells };
    });
    const visible = rows.some((r) => r.visible);
    if (visible) for (const r of rows) if (r.visible) shown += r.cells.filter((c, i) => c !== null && columnVisible[i]).length;
    return { layout, visible, columnVisible, rows };
  });
  return { sections, shown, changed: changedFields.size };
}

/** The texts the script shows, with `{count}`, `{field}`… left for it to fill in. */
export function gridMessages(m: Messages): Record<string, string> {
  const keys = {
    blank: ['matrix.blank', {}],
    hasSource: ['grid.hasSource', {}],
    changedMark: ['grid.changedMark', {}],
    statePending: ['grid.state.pending', {}],
    stateSaved: ['grid.state.saved', {}],
    stateError: ['grid.state.error', {}],
    shown: ['grid.status.shown', { count: '{count}' }],
    selected: ['grid.status.selected', { count: '{count}' }],
    changed: ['grid.status.changed', { count: '{count}' }],
    pending: ['grid.status.pending', { count: '{count}' }],
    errors: ['grid.status.errors', { count: '{count}' }],
    savedCells: ['grid.savedCells', { count: '{count}' }],
    conflict: ['grid.conflict', { name: '{name}' }],
    invalid: ['grid.invalid', { count: '{count}' }],
    failed: ['grid.failed', { count: '{count}' }],
    network: ['grid.network', {}],
    needsSource: ['grid.needsSource', { name: '{name}', count: '{count}' }],
    editOne: ['grid.editOne', { name: '{name}' }],
    editMany: ['grid.editMany', { count: '{count}' }],
    multiHelp: ['grid.multiHelp', {}],
    noneShown: ['grid.noneShown', {}],
  } as const;
  return Object.fromEntries(Object.entries(keys).map(([k, [key, values]]) => [k, m.t(key as MessageKey, values)]));
}

/** JSON for a `<script type="application/json">` data block: nothing in it can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
