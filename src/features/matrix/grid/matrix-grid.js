// @ts-check
/**
 * The experts' fast grid of a State's 1540 Matrix (src/features/matrix/grid/grid-page.tsx).
 *
 * A plain browser module, no build step. The page works without it (a filter form and a link
 * from each row to the section form); with it, the table becomes an ARIA grid: one tab stop,
 * arrow keys and the like move the focus, a rectangular selection, values typed in place,
 * an editor panel for the source, changes saved at once through
 * `PATCH /api/v1/states/{iso3}/matrix/cells` with each cell's row version, and the filters
 * applied as they change.
 *
 * This is the entry module, the one the page loads. The others sit beside it, each served
 * under /static/ with its own name (the `assets` of src/features/matrix/index.ts), so that the
 * relative imports below resolve both here and there:
 *
 * - matrix-grid-page.js: the page around the grid (messages, the live region, the alert box);
 * - matrix-grid-cells.js: what a cell holds and how it is drawn;
 * - matrix-grid-selection.js: the grid pattern, the focus, the selection and the counts;
 * - matrix-grid-save.js: saving changes through the cells API, one save after the other;
 * - matrix-grid-editor.js: the editor panel for a value, its source and remarks;
 * - matrix-grid-keys.js: keys and clicks on the grid, values typed in place;
 * - matrix-grid-filters.js: the filters, applied as they change.
 */

import { createCells } from './matrix-grid-cells.js';
import { createEditor } from './matrix-grid-editor.js';
import { bindFilters } from './matrix-grid-filters.js';
import { bindKeys } from './matrix-grid-keys.js';
import { createPage } from './matrix-grid-page.js';
import { createSaving } from './matrix-grid-save.js';
import { createSelection } from './matrix-grid-selection.js';

const table = /** @type {HTMLTableElement | null} */ (document.getElementById('grid'));
if (table) start(table);

/** @param {HTMLTableElement} table */
function start(table) {
  const page = createPage(table);
  const cells = createCells(page);
  const grid = createSelection(page, cells);
  const saving = createSaving(page, cells, grid);
  const editor = createEditor(page, cells, grid, saving);
  bindKeys(page, grid, saving, editor);
  bindFilters(page, grid);
  grid.layout();
  grid.go(0, 1, false, false);
}
