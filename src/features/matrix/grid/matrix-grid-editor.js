// @ts-check
/**
 * The editor panel of the matrix grid (matrix-grid.js): for one cell, its value, first source,
 * date of information and remarks; for several, a value and a source for those that have none.
 * Opened with Enter or F2, or when X or ? is typed on a cell without a source.
 */

/**
 * @import { Page } from './matrix-grid-page.js'
 * @import { Cells, Item, Source } from './matrix-grid-cells.js'
 * @import { Selection } from './matrix-grid-selection.js'
 * @import { Problem, Saving } from './matrix-grid-save.js'
 */

import { canonical, contentOf, labelOf } from './matrix-grid-cells.js';

export function createEditor(
  /** @type {Page} */ { t, byId, alertBox },
  /** @type {Cells} */ { cellOfField },
  /** @type {Selection} */ grid,
  /** @type {Saving} */ { save },
) {
  const editor = byId('grid-editor');
  const form = /** @type {HTMLFormElement} */ (byId('grid-editor-form'));
  const input = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
  const keep = /** @type {HTMLOptionElement} */ (form.querySelector('option[value="keep"]'));
  /** @type {{ cells: HTMLTableCellElement[], multi: boolean } | null} */
  let editing = null;

  function openEditor(/** @type {HTMLTableCellElement[]} */ cells, /** @type {string | undefined} */ typed = undefined) {
    const multi = cells.length > 1;
    editing = { cells, multi };
    const first = cells[0];
    const content = contentOf(first);
    const source = multi ? undefined : content.sources[0];
    const values = new Set(cells.map((td) => td.dataset.value ?? ''));
    keep.hidden = !multi;
    keep.disabled = !multi;
    input('value').value = typed ?? (values.size === 1 ? [...values][0] : 'keep');
    input('kind').value = source?.kind ?? 'law';
    input('citation').value = source?.citation ?? '';
    input('locator').value = source?.locator ?? '';
    input('url').value = source?.url ?? '';
    input('language').value = source?.language ?? '';
    input('infoDate').value = multi ? '' : (content.infoDate ?? '');
    input('remarks').value = multi ? '' : content.remarks;
    for (const el of form.querySelectorAll('.grid-editor-one')) /** @type {HTMLElement} */ (el).hidden = multi;
    byId('grid-editor-multi').hidden = !multi;
    byId('grid-editor-target').textContent = multi ? t('editMany', { count: cells.length }) : t('editOne', { name: labelOf(first) });
    const note = byId('grid-editor-note');
    const sourceless = cells.filter((td) => contentOf(td).sources.length === 0).length;
    const needs = (typed === 'X' || typed === '?') && sourceless > 0;
    note.hidden = !needs;
    note.textContent = needs ? t('needsSource', { name: typed ?? '', count: sourceless }) : '';
    showProblems([]);
    editor.hidden = false;
    (needs ? input('citation') : input('value')).focus();
  }

  function closeEditor() {
    editor.hidden = true;
    editing = null;
    grid.focused()?.focus();
  }

  function showProblems(/** @type {Problem[]} */ problems) {
    const box = byId('grid-editor-problems');
    const list = document.createElement('ul');
    for (const p of problems) {
      const li = document.createElement('li');
      const cell = cellOfField(p.field);
      li.textContent = `${cell ? labelOf(cell) : p.field}: ${p.problem}`;
      list.append(li);
    }
    box.replaceChildren(...(problems.length ? [list] : []));
    box.hidden = problems.length === 0;
  }

  /** The source the editor gives, or none when its citation, locator and address are empty. @returns {Source | null} */
  function editedSource() {
    const citation = input('citation').value.trim();
    const locator = input('locator').value.trim();
    const url = input('url').value.trim();
    const language = input('language').value.trim();
    if (!citation && !locator && !url) return null;
    /** @type {Source} */
    const s = { kind: input('kind').value, citation };
    if (locator) s.locator = locator;
    if (url) s.url = url;
    if (language) s.language = language;
    return s;
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!editing) return;
    const { cells, multi } = editing;
    const chosen = input('value').value;
    const source = editedSource();
    /** @type {Item[]} */
    const items = cells.map((td) => {
      const old = contentOf(td);
      const value = chosen === 'keep' ? (td.dataset.value ?? '') : chosen;
      if (multi) return { td, value, content: source && old.sources.length === 0 ? { ...old, sources: [source] } : old };
      const rest = old.sources.slice(1);
      return {
        td,
        value,
        content: {
          ...old,
          sources: source ? [source, ...rest] : rest,
          remarks: input('remarks').value.trim(),
          infoDate: input('infoDate').value || null,
        },
      };
    });
    const changed = items.filter(({ td, value, content }) => td.dataset.value !== value || canonical(content) !== canonical(contentOf(td)));
    if (!changed.length) {
      closeEditor();
      return;
    }
    const outcome = await save(changed);
    if (outcome.ok || outcome.status === 409) closeEditor();
    else showProblems(outcome.problems.length ? outcome.problems : [{ field: '', problem: alertBox.textContent ?? '' }]);
  });
  byId('grid-editor-close').addEventListener('click', closeEditor);
  editor.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      closeEditor();
    }
  });

  return { open: openEditor };
}

/** @typedef {ReturnType<typeof createEditor>} Editor */
