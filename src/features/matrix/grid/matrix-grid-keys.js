// @ts-check
/**
 * Keys and clicks on the matrix grid (matrix-grid.js): the arrow keys, Home, End, Page Up and
 * Page Down move the focus (with Shift, the selection stretches), Ctrl+A selects every shown
 * cell, Enter or F2 opens the editor, and X, ?, N, Delete and Backspace type a value in place.
 */

/**
 * @import { Page } from './matrix-grid-page.js'
 * @import { Selection } from './matrix-grid-selection.js'
 * @import { Saving } from './matrix-grid-save.js'
 * @import { Editor } from './matrix-grid-editor.js'
 */

import { contentOf } from './matrix-grid-cells.js';

const PAGE = 10;
const typedValues = /** @type {Record<string, string>} */ ({ x: 'X', X: 'X', '?': '?', n: 'NA', N: 'NA', Delete: '', Backspace: '' });

export function bindKeys(
  /** @type {Page} */ { table, rtl },
  /** @type {Selection} */ grid,
  /** @type {Saving} */ { save },
  /** @type {Editor} */ editor,
) {
  /** The column that vertical moves aim for, kept across rows with fewer columns. */
  let wantC = 1;

  /** A value typed on the selection: saved at once, or, where X or ? lacks a source, through the editor. */
  function setValue(/** @type {string} */ value) {
    const cells = grid.targets();
    if (!cells.length) return;
    if ((value === 'X' || value === '?') && cells.some((td) => contentOf(td).sources.length === 0)) {
      editor.open(cells, value);
      return;
    }
    const items = cells.filter((td) => td.dataset.value !== value).map((td) => ({ td, value, content: contentOf(td) }));
    if (items.length) save(items);
  }

  table.addEventListener('keydown', (e) => {
    const cell = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (e.target).closest('th, td'));
    const at = grid.at(cell);
    if (!cell || !at) return;
    const [r, c] = at;
    const ctrl = e.ctrlKey || e.metaKey;
    const ext = e.shiftKey;
    const forward = rtl ? -1 : 1;
    /** @type {[number, number] | null} */
    let to = null;
    switch (e.key) {
      case 'ArrowDown':
        to = [r + 1, wantC];
        break;
      case 'ArrowUp':
        to = [r - 1, wantC];
        break;
      case 'ArrowRight':
        to = [r, c + forward];
        break;
      case 'ArrowLeft':
        to = [r, c - forward];
        break;
      case 'Home':
        to = ctrl ? [0, 0] : [r, 0];
        break;
      case 'End':
        to = ctrl ? [grid.rowCount() - 1, Number.MAX_SAFE_INTEGER] : [r, Number.MAX_SAFE_INTEGER];
        break;
      case 'PageDown':
        to = [r + PAGE, wantC];
        break;
      case 'PageUp':
        to = [r - PAGE, wantC];
        break;
    }
    if (to) {
      e.preventDefault();
      const vertical = e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'PageDown' || e.key === 'PageUp';
      grid.go(to[0], to[1], ext);
      if (!vertical) wantC = grid.focusedColumn();
      return;
    }
    if (ctrl && (e.key === 'a' || e.key === 'A')) {
      e.preventDefault();
      grid.selectAll();
      return;
    }
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      if (c === 0 && e.key === 'Enter') cell.querySelector('a')?.click();
      else if (grid.targets().length) editor.open(grid.targets());
      return;
    }
    if (ctrl || e.altKey) return;
    const value = typedValues[e.key];
    if (value !== undefined) {
      e.preventDefault();
      setValue(value);
    }
  });

  table.addEventListener('mousedown', (e) => {
    // Shift+click extends the selection rather than selecting text.
    if (e.shiftKey && grid.at(/** @type {HTMLElement} */ (e.target).closest('th, td'))) e.preventDefault();
  });
  table.addEventListener('click', (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    const at = grid.at(target.closest('th, td'));
    if (!at) return;
    if (target.closest('a') && !e.shiftKey) return;
    if (target.closest('a')) e.preventDefault();
    grid.go(at[0], at[1], e.shiftKey);
    wantC = grid.focusedColumn();
  });
}
