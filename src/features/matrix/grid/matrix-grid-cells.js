// @ts-check
/**
 * The cells of the matrix grid (matrix-grid.js): what each holds (in its `data-` attributes:
 * the stored value, content and row version, and the latest approved version's), how it is
 * drawn, and its state while being saved.
 */

/** @import { Page } from './matrix-grid-page.js' */

/**
 * @typedef {{ kind: string, citation: string, locator?: string, url?: string, language?: string }} Source
 * @typedef {{ remarks: string, sources: Source[], infoDate: string | null, instrumentStatus: string | null, instrumentDate: string | null }} Content
 * @typedef {{ value: string } & Content} Comparable
 * @typedef {{ td: HTMLTableCellElement, value: string, content: Content }} Item
 */

/** @returns {Content} */
export const blankContent = () => ({ remarks: '', sources: [], infoDate: null, instrumentStatus: null, instrumentDate: null });

/** @returns {Content} */
export function contentOf(/** @type {HTMLElement} */ td) {
  return td.dataset.cell ? { ...blankContent(), ...JSON.parse(td.dataset.cell) } : blankContent();
}

/** JSON with the keys of objects sorted, as stored sources come back in another key order. */
export const canonical = (/** @type {unknown} */ v) =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );

/** Whether a cell differs from the latest approved version (a missing cell there is a blank one). */
function differs(/** @type {HTMLElement} */ td, /** @type {string} */ value, /** @type {Content} */ c) {
  /** @type {Comparable} */
  const a = td.dataset.approved
    ? JSON.parse(td.dataset.approved)
    : { value: '', remarks: '', sources: [], infoDate: null, instrumentStatus: null, instrumentDate: null };
  return (
    a.value !== value ||
    a.remarks !== c.remarks ||
    canonical(a.sources) !== canonical(c.sources) ||
    a.infoDate !== c.infoDate ||
    a.instrumentStatus !== c.instrumentStatus ||
    a.instrumentDate !== c.instrumentDate
  );
}

const valueClasses = ['v-x', 'v-q', 'v-na', 'v-blank'];
const classOf = (/** @type {string} */ v) => (v === 'X' ? 'v-x' : v === '?' ? 'v-q' : v === 'NA' ? 'v-na' : 'v-blank');

/** What a cell is, for messages: its row and column heads. */
export function labelOf(/** @type {HTMLElement} */ td) {
  return (td.getAttribute('headers') ?? '')
    .split(' ')
    .filter((id) => id && !id.startsWith('gs-'))
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
    .filter(Boolean)
    .join(' · ');
}

/** The grid's cells, drawn with the page's messages. */
export function createCells(/** @type {Page} */ { table, messages }) {
  /** @returns {HTMLTableCellElement[]} */
  function dataCells() {
    return [...table.querySelectorAll('td[data-field]')].map((x) => /** @type {HTMLTableCellElement} */ (x));
  }

  const cellOfField = (/** @type {string} */ field) =>
    dataCells().find((td) => field === td.dataset.field || field.startsWith(`${td.dataset.field}.`));

  /** Draws a cell as holding `value` and `content` (what is stored, or what is being saved). */
  function draw(/** @type {HTMLTableCellElement} */ td, /** @type {string} */ value, /** @type {Content} */ content) {
    td.classList.remove(...valueClasses);
    td.classList.add(classOf(value));
    const shown = /** @type {HTMLElement} */ (td.querySelector('.grid-value'));
    shown.textContent = value;
    if (!value) {
      const hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = messages.blank;
      shown.append(hidden);
    }
    /** @type {HTMLElement} */ (td.querySelector('.grid-src')).hidden = content.sources.length === 0;
    /** @type {HTMLElement} */ (td.querySelector('.grid-chg')).hidden = !differs(td, value, content);
  }

  /** Stores what the server now holds, and draws it. */
  function store(
    /** @type {HTMLTableCellElement} */ td,
    /** @type {string} */ value,
    /** @type {Content} */ content,
    /** @type {number} */ version,
  ) {
    td.dataset.value = value;
    td.dataset.cell = JSON.stringify(content);
    td.dataset.version = String(version);
    td.dataset.changed = differs(td, value, content) ? '1' : '0';
    draw(td, value, content);
  }

  function mark(/** @type {HTMLTableCellElement} */ td, /** @type {'pending' | 'saved' | 'error' | ''} */ state) {
    if (state) td.dataset.state = state;
    else delete td.dataset.state;
    if (state === 'error') td.setAttribute('aria-invalid', 'true');
    else td.removeAttribute('aria-invalid');
    const text = /** @type {HTMLElement} */ (td.querySelector('.grid-state'));
    text.textContent =
      state === 'pending' ? messages.statePending : state === 'saved' ? messages.stateSaved : state === 'error' ? messages.stateError : '';
  }

  return { dataCells, cellOfField, draw, store, mark };
}

/** @typedef {ReturnType<typeof createCells>} Cells */
