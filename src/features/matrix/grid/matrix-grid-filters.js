// @ts-check
/**
 * The filters of the matrix grid (matrix-grid.js), the same form the server reads without the
 * script: applied as they change, by hiding rows, row groups and weapon columns, with the
 * matching cells highlighted and the address updated so that a reload shows the same.
 */

/**
 * @import { Page } from './matrix-grid-page.js'
 * @import { Selection } from './matrix-grid-selection.js'
 */

/** @typedef {{ section: string, weapon: string, value: string | null, changed: boolean }} Filters */

const matches = (/** @type {HTMLElement} */ td, /** @type {Filters} */ f) =>
  (!f.weapon || td.dataset.weapon === f.weapon) &&
  (f.value === null || td.dataset.value === f.value) &&
  (!f.changed || td.dataset.changed === '1');

export function bindFilters(/** @type {Page} */ { table, t, say, byId }, /** @type {Selection} */ grid) {
  const filterForm = /** @type {HTMLFormElement} */ (byId('grid-filters'));
  const noneShown = byId('grid-none');

  /** @returns {Filters} */
  function filters() {
    const data = new FormData(filterForm);
    const value = String(data.get('value') ?? '');
    return {
      section: String(data.get('section') ?? ''),
      weapon: String(data.get('weapon') ?? ''),
      value: value === '' ? null : value === 'blank' ? '' : value,
      changed: data.get('changed') === '1',
    };
  }

  function applyFilters() {
    const f = filters();
    const highlight = f.value !== null || f.changed;
    for (const body of table.tBodies) {
      if (body.dataset.single !== '1')
        for (const el of body.querySelectorAll('th[data-weapon], td')) {
          const cell = /** @type {HTMLElement} */ (el);
          cell.hidden = !!f.weapon && cell.dataset.weapon !== f.weapon;
        }
      let any = false;
      for (const tr of body.querySelectorAll('tr[data-row]')) {
        let shown = false;
        for (const td of tr.querySelectorAll('td[data-field]')) {
          const ok = matches(/** @type {HTMLElement} */ (td), f);
          td.classList.toggle('grid-match', highlight && ok);
          if (ok && !(/** @type {HTMLElement} */ (td).hidden)) shown = true;
        }
        shown &&= !f.section || f.section === body.dataset.section;
        /** @type {HTMLElement} */ (tr).hidden = !shown;
        any ||= shown;
      }
      body.hidden = !any;
    }
    grid.relayout();
    noneShown.hidden = grid.rowCount() > 0;
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(filterForm)) if (v) params.append(k, String(v));
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
    say(t('shown', { count: grid.shownCount() }));
  }

  filterForm.addEventListener('change', applyFilters);
  filterForm.addEventListener('submit', (e) => {
    e.preventDefault();
    applyFilters();
  });
}
