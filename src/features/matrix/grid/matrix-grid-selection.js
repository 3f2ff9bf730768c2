// @ts-check
/**
 * The grid pattern of the matrix grid (matrix-grid.js): the shown rows and cells, the one tab
 * stop that follows the focus, the rectangular selection stretched from an anchor, and the
 * status line that counts the cells shown, changed, selected, being saved and not saved.
 */

/**
 * @import { Page } from './matrix-grid-page.js'
 * @import { Cells } from './matrix-grid-cells.js'
 */

export function createSelection(/** @type {Page} */ { table, t, say, byId }, /** @type {Cells} */ { dataCells }) {
  const status = byId('grid-status');

  table.setAttribute('role', 'grid');
  table.setAttribute('aria-multiselectable', 'true');
  for (const td of dataCells()) {
    td.tabIndex = -1;
    td.setAttribute('aria-selected', 'false');
  }
  for (const th of table.querySelectorAll('tr[data-row] > th')) {
    /** @type {HTMLElement} */ (th).tabIndex = -1;
    const link = th.querySelector('a');
    if (link) link.tabIndex = -1;
  }

  /** @type {HTMLTableCellElement[][]} The shown rows, each its row header and its shown cells. */
  let rows = [];
  /** @type {Map<HTMLElement, [number, number]>} */
  let where = new Map();
  let focusR = 0;
  let focusC = 1;
  let anchor = { r: 0, c: 1 };
  let rect = { r1: 0, r2: 0, c1: 1, c2: 1 };
  /** @type {Set<HTMLTableCellElement>} */
  let selected = new Set();

  function layout() {
    rows = [];
    where = new Map();
    for (const tr of table.querySelectorAll('tbody:not([hidden]) > tr[data-row]:not([hidden])')) {
      const cells = [/** @type {HTMLTableCellElement} */ (/** @type {HTMLTableRowElement} */ (tr).cells[0])];
      for (const td of tr.querySelectorAll('td[data-field]'))
        if (!(/** @type {HTMLElement} */ (td).hidden)) cells.push(/** @type {HTMLTableCellElement} */ (td));
      rows.push(cells);
    }
    for (const [r, cells] of rows.entries()) for (const [c, cell] of cells.entries()) where.set(cell, [r, c]);
  }

  const cellAt = (/** @type {number} */ r, /** @type {number} */ c) => rows[r]?.[Math.min(c, (rows[r]?.length ?? 1) - 1)];

  /** Moves the focus (and the tab stop); with `extend`, the selection stretches from the anchor. */
  function go(/** @type {number} */ r, /** @type {number} */ c, extend = false, focus = true) {
    if (!rows.length) {
      select({ r1: 0, r2: -1, c1: 1, c2: 0 });
      return;
    }
    r = Math.max(0, Math.min(r, rows.length - 1));
    c = Math.max(0, Math.min(c, rows[r].length - 1));
    const before = cellAt(focusR, focusC);
    const cell = rows[r][c];
    if (before && before !== cell) before.tabIndex = -1;
    cell.tabIndex = 0;
    focusR = r;
    focusC = c;
    if (!extend) anchor = { r, c };
    select({ r1: Math.min(anchor.r, r), r2: Math.max(anchor.r, r), c1: Math.min(anchor.c, c), c2: Math.max(anchor.c, c) });
    if (focus) cell.focus();
    if (extend) say(t('selected', { count: selected.size }));
  }

  function select(/** @type {typeof rect} */ next) {
    rect = next;
    /** @type {Set<HTMLTableCellElement>} */
    const now = new Set();
    for (let r = rect.r1; r <= rect.r2; r++) {
      const cells = rows[r] ?? [];
      for (let c = Math.max(1, rect.c1); c <= Math.min(rect.c2, cells.length - 1); c++) now.add(cells[c]);
    }
    for (const td of selected) if (!now.has(td)) td.setAttribute('aria-selected', 'false');
    for (const td of now) td.setAttribute('aria-selected', 'true');
    selected = now;
    counts();
  }

  /** Every shown cell selected, the anchor at the first. */
  function selectAll() {
    anchor = { r: 0, c: 1 };
    select({ r1: 0, r2: rows.length - 1, c1: 1, c2: Number.MAX_SAFE_INTEGER });
    say(t('selected', { count: selected.size }));
  }

  /** The cells a typed value or the editor applies to: the selection, or the focused cell. */
  function targets() {
    const focused = cellAt(focusR, focusC);
    if (selected.size) return [...selected];
    return focused?.dataset.field ? [focused] : [];
  }

  /** After rows or cells were hidden or shown: the focus stays on its cell if still shown, else goes to the first. */
  function relayout() {
    const focused = cellAt(focusR, focusC);
    layout();
    const still = focused && where.get(focused);
    if (focused) focused.tabIndex = -1;
    if (still) [focusR, focusC] = still;
    else [focusR, focusC] = [0, 1];
    go(focusR, focusC, false, false);
  }

  /** How many data cells are shown. */
  const shownCount = () => rows.reduce((n, cells) => n + cells.length - 1, 0);

  function counts() {
    const all = dataCells();
    const set = (/** @type {string} */ name, /** @type {number} */ n, show = true) => {
      const el = /** @type {HTMLElement | null} */ (status.querySelector(`[data-count="${name}"]`));
      if (!el) return;
      el.hidden = !show;
      el.textContent = t(name, { count: n });
    };
    set('shown', shownCount());
    set('changed', all.filter((td) => td.dataset.changed === '1').length);
    set('selected', selected.size, selected.size > 1);
    const pending = all.filter((td) => td.dataset.state === 'pending').length;
    set('pending', pending, pending > 0);
    const errors = all.filter((td) => td.dataset.state === 'error').length;
    set('errors', errors, errors > 0);
  }

  return {
    layout,
    relayout,
    go,
    selectAll,
    targets,
    counts,
    shownCount,
    /** A shown cell's row and column, or undefined. */
    at: (/** @type {HTMLElement | null} */ cell) => (cell ? where.get(cell) : undefined),
    rowCount: () => rows.length,
    focusedColumn: () => focusC,
    focused: () => cellAt(focusR, focusC),
  };
}

/** @typedef {ReturnType<typeof createSelection>} Selection */
