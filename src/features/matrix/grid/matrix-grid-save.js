// @ts-check
/**
 * Saving in the matrix grid (matrix-grid.js): a change is shown at once, then sent through
 * `PATCH {api}/cells` with each cell's row version, all its cells or none. Saves run one after
 * the other; a stale one reloads what the server holds, a failed one shows what is stored again.
 */

/**
 * @import { Page } from './matrix-grid-page.js'
 * @import { Cells, Item } from './matrix-grid-cells.js'
 * @import { Selection } from './matrix-grid-selection.js'
 */

/**
 * @typedef {{ field: string, problem: string }} Problem
 * @typedef {{ ok: boolean, status: number, problems: Problem[] }} Outcome
 */

import { blankContent, contentOf, labelOf } from './matrix-grid-cells.js';

export function createSaving(
  /** @type {Page} */ { t, say, showAlert, csrf, api, versionNumber },
  /** @type {Cells} */ { dataCells, cellOfField, draw, store, mark },
  /** @type {Selection} */ { counts },
) {
  /** Saves run one after the other, so that each sends the row version the previous one returned. */
  /** @type {Promise<unknown>} */
  let queue = Promise.resolve();

  /** Shows the change at once, then saves it; all the items or none. @returns {Promise<Outcome>} */
  function save(/** @type {Item[]} */ items) {
    for (const { td, value, content } of items) {
      draw(td, value, content);
      mark(td, 'pending');
    }
    counts();
    const run = queue.then(() => send(items));
    queue = run.catch(() => undefined);
    return run;
  }

  /** @returns {Promise<Outcome>} */
  async function send(/** @type {Item[]} */ items) {
    const changes = items.map(({ td, value, content }) => ({
      field: td.dataset.field,
      expectedVersion: Number(td.dataset.version ?? 0),
      value,
      remarks: content.remarks,
      sources: content.sources,
      infoDate: content.infoDate,
      instrumentStatus: content.instrumentStatus,
      instrumentDate: content.instrumentDate,
    }));
    /** @type {Response} */
    let res;
    try {
      res = await fetch(`${api}/cells`, {
        method: 'PATCH',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ version: versionNumber, changes }),
      });
    } catch {
      return failed(items, 0, [t('network')]);
    }
    const body = await res.json().catch(() => null);
    if (res.ok) {
      const versions = new Map(
        (body?.cells ?? []).map((/** @type {{ field: string, rowVersion: number }} */ c) => [c.field, c.rowVersion]),
      );
      for (const { td, value, content } of items) {
        store(td, value, content, versions.get(td.dataset.field ?? '') ?? Number(td.dataset.version ?? 0) + 1);
        mark(td, 'saved');
      }
      showAlert([]);
      counts();
      say(t('savedCells', { count: items.length }));
      return { ok: true, status: res.status, problems: [] };
    }
    /** @type {Problem[]} */
    const problems = Array.isArray(body?.errors) ? body.errors : [];
    if (res.status === 409 && problems.length) {
      await reload(items);
      // The server says who saved what ("now "X", saved by …"): shown after the translated lead.
      const lines = problems.map(
        (p) => `${t('conflict', { name: labelOf(cellOfField(p.field) ?? document.body) || p.field })} (${p.problem})`,
      );
      return failed(items, res.status, lines, problems, false);
    }
    if (res.status === 422) return failed(items, res.status, [t('invalid', { count: problems.length || 1 })], problems);
    const lead = t('failed', { count: String(res.status) });
    return failed(items, res.status, [body?.detail ? `${lead} ${body.detail}` : lead]);
  }

  /** A save that did not happen: the cells show what is stored again, marked as not saved. @returns {Outcome} */
  function failed(
    /** @type {Item[]} */ items,
    /** @type {number} */ status,
    /** @type {string[]} */ lines,
    /** @type {Problem[]} */ problems = [],
    redraw = true,
  ) {
    for (const { td } of items) {
      if (redraw) draw(td, td.dataset.value ?? '', contentOf(td));
      mark(td, 'error');
    }
    // The alert box is a live region of its own.
    showAlert(lines);
    counts();
    return { ok: false, status, problems };
  }

  /** After a stale save: every cell that is not being saved takes what the server holds now. */
  async function reload(/** @type {Item[]} */ items) {
    const res = await fetch(api, { credentials: 'same-origin', headers: { accept: 'application/json' } }).catch(() => null);
    if (!res?.ok) return;
    const data = await res.json();
    if (data.number !== versionNumber) return;
    const mine = new Set(items.map((i) => i.td));
    for (const td of dataCells()) {
      if (td.dataset.state === 'pending' && !mine.has(td)) continue;
      const c = data.cells?.[td.dataset.field ?? ''];
      const content = c
        ? {
            remarks: c.remarks,
            sources: c.sources,
            infoDate: c.infoDate,
            instrumentStatus: c.instrumentStatus,
            instrumentDate: c.instrumentDate,
          }
        : blankContent();
      store(td, c?.value ?? '', content, c?.rowVersion ?? 0);
    }
  }

  return { save };
}

/** @typedef {ReturnType<typeof createSaving>} Saving */
