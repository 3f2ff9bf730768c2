// @ts-check
/**
 * The experts' fast grid of a State's 1540 Matrix (src/modules/matrix/grid-page.tsx).
 *
 * A plain browser module, no build step. The page works without it (a filter form and a link
 * from each row to the section form); with it, the table becomes an ARIA grid: one tab stop,
 * arrow keys and the like move the focus, a rectangular selection, values typed in place,
 * an editor panel for the source, changes saved at once through
 * `PATCH /api/v1/states/{iso3}/matrix/cells` with each cell's row version, and the filters
 * applied as they change.
 */

/**
 * @typedef {{ kind: string, citation: string, locator?: string, url?: string, language?: string }} Source
 * @typedef {{ remarks: string, sources: Source[], infoDate: string | null, instrumentStatus: string | null, instrumentDate: string | null }} Content
 * @typedef {{ value: string } & Content} Comparable
 * @typedef {{ td: HTMLTableCellElement, value: string, content: Content }} Item
 * @typedef {{ field: string, problem: string }} Problem
 * @typedef {{ ok: boolean, status: number, problems: Problem[] }} Outcome
 * @typedef {{ section: string, weapon: string, value: string | null, changed: boolean }} Filters
 */

const table = /** @type {HTMLTableElement | null} */ (document.getElementById('grid'));
if (table) start(table);

/** @param {HTMLTableElement} table */
function start(table) {
  const messages = /** @type {Record<string, string>} */ (JSON.parse(document.getElementById('grid-messages')?.textContent ?? '{}'));
  const numbers = new Intl.NumberFormat(messages.locale);
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
  const api = table.dataset.api ?? '';
  const versionNumber = Number(table.dataset.number);
  const rtl = document.documentElement.dir === 'rtl';
  const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const live = byId('grid-live');
  const alertBox = byId('grid-alert');
  const status = byId('grid-status');
  const noneShown = byId('grid-none');
  const PAGE = 10;

  /** A message with its `{name}` parts filled in; numbers in the reader's digits. */
  const t = (/** @type {string} */ key, /** @type {Record<string, string | number>} */ values = {}) =>
    (messages[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) =>
      name in values ? (typeof values[name] === 'number' ? numbers.format(Number(values[name])) : String(values[name])) : whole,
    );
  const say = (/** @type {string} */ text) => {
    // Emptied first so that the same words said twice are announced twice.
    live.textContent = '';
    setTimeout(() => {
      live.textContent = text;
    }, 50);
  };

  // ── The grid pattern ────────────────────────────────────────────────────────────────────
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

  /** @returns {HTMLTableCellElement[]} */
  function dataCells() {
    return [...table.querySelectorAll('td[data-field]')].map((x) => /** @type {HTMLTableCellElement} */ (x));
  }

  /** @type {HTMLTableCellElement[][]} The shown rows, each its row header and its shown cells. */
  let rows = [];
  /** @type {Map<HTMLElement, [number, number]>} */
  let where = new Map();
  let focusR = 0;
  let focusC = 1;
  /** The column that vertical moves aim for, kept across rows with fewer columns. */
  let wantC = 1;
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

  /** The cells a typed value or the editor applies to: the selection, or the focused cell. */
  function targets() {
    const focused = cellAt(focusR, focusC);
    if (selected.size) return [...selected];
    return focused?.dataset.field ? [focused] : [];
  }

  // ── Cells: what they hold and how they look ─────────────────────────────────────────────
  /** @returns {Content} */
  const blankContent = () => ({ remarks: '', sources: [], infoDate: null, instrumentStatus: null, instrumentDate: null });

  /** @returns {Content} */
  function contentOf(/** @type {HTMLElement} */ td) {
    return td.dataset.cell ? { ...blankContent(), ...JSON.parse(td.dataset.cell) } : blankContent();
  }

  /** JSON with the keys of objects sorted, as stored sources come back in another key order. */
  const canonical = (/** @type {unknown} */ v) =>
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

  /** What a cell is, for messages: its row and column heads. */
  function labelOf(/** @type {HTMLElement} */ td) {
    return (td.getAttribute('headers') ?? '')
      .split(' ')
      .filter((id) => id && !id.startsWith('gs-'))
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .filter(Boolean)
      .join(' · ');
  }

  const cellOfField = (/** @type {string} */ field) =>
    dataCells().find((td) => field === td.dataset.field || field.startsWith(`${td.dataset.field}.`));

  function counts() {
    const all = dataCells();
    const set = (/** @type {string} */ name, /** @type {number} */ n, show = true) => {
      const el = /** @type {HTMLElement | null} */ (status.querySelector(`[data-count="${name}"]`));
      if (!el) return;
      el.hidden = !show;
      el.textContent = t(name, { count: n });
    };
    set(
      'shown',
      rows.reduce((n, cells) => n + cells.length - 1, 0),
    );
    set('changed', all.filter((td) => td.dataset.changed === '1').length);
    set('selected', selected.size, selected.size > 1);
    const pending = all.filter((td) => td.dataset.state === 'pending').length;
    set('pending', pending, pending > 0);
    const errors = all.filter((td) => td.dataset.state === 'error').length;
    set('errors', errors, errors > 0);
  }

  function showAlert(/** @type {string[]} */ lines) {
    alertBox.replaceChildren(
      ...lines.map((line) => {
        const p = document.createElement('p');
        p.textContent = line;
        return p;
      }),
    );
    alertBox.hidden = lines.length === 0;
  }

  // ── Saving ─────────────────────────────────────────────────────────────────────────────
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

  /** A value typed on the selection: saved at once, or, where X or ? lacks a source, through the editor. */
  function setValue(/** @type {string} */ value) {
    const cells = targets();
    if (!cells.length) return;
    if ((value === 'X' || value === '?') && cells.some((td) => contentOf(td).sources.length === 0)) {
      openEditor(cells, value);
      return;
    }
    const items = cells.filter((td) => td.dataset.value !== value).map((td) => ({ td, value, content: contentOf(td) }));
    if (items.length) save(items);
  }

  // ── The editor panel ───────────────────────────────────────────────────────────────────
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
    cellAt(focusR, focusC)?.focus();
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

  // ── Keys and clicks ────────────────────────────────────────────────────────────────────
  const typedValues = /** @type {Record<string, string>} */ ({ x: 'X', X: 'X', '?': '?', n: 'NA', N: 'NA', Delete: '', Backspace: '' });

  table.addEventListener('keydown', (e) => {
    const cell = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (e.target).closest('th, td'));
    const at = cell && where.get(cell);
    if (!at) return;
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
        to = ctrl ? [rows.length - 1, Number.MAX_SAFE_INTEGER] : [r, Number.MAX_SAFE_INTEGER];
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
      go(to[0], to[1], ext);
      if (!vertical) wantC = focusC;
      return;
    }
    if (ctrl && (e.key === 'a' || e.key === 'A')) {
      e.preventDefault();
      anchor = { r: 0, c: 1 };
      select({ r1: 0, r2: rows.length - 1, c1: 1, c2: Number.MAX_SAFE_INTEGER });
      say(t('selected', { count: selected.size }));
      return;
    }
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      if (c === 0 && e.key === 'Enter') cell.querySelector('a')?.click();
      else if (targets().length) openEditor(targets());
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
    if (e.shiftKey && where.has(/** @type {HTMLElement} */ (/** @type {HTMLElement} */ (e.target).closest('th, td')))) e.preventDefault();
  });
  table.addEventListener('click', (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    const cell = /** @type {HTMLElement | null} */ (target.closest('th, td'));
    const at = cell && where.get(cell);
    if (!at) return;
    if (target.closest('a') && !e.shiftKey) return;
    if (target.closest('a')) e.preventDefault();
    go(at[0], at[1], e.shiftKey);
    wantC = focusC;
  });

  // ── Filters, as in the form the server reads ───────────────────────────────────────────
  const filterForm = /** @type {HTMLFormElement} */ (byId('grid-filters'));

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

  const matches = (/** @type {HTMLElement} */ td, /** @type {Filters} */ f) =>
    (!f.weapon || td.dataset.weapon === f.weapon) &&
    (f.value === null || td.dataset.value === f.value) &&
    (!f.changed || td.dataset.changed === '1');

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
    const focused = cellAt(focusR, focusC);
    layout();
    const still = focused && where.get(focused);
    if (focused) focused.tabIndex = -1;
    if (still) [focusR, focusC] = still;
    else [focusR, focusC] = [0, 1];
    go(focusR, focusC, false, false);
    noneShown.hidden = rows.length > 0;
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(filterForm)) if (v) params.append(k, String(v));
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
    say(t('shown', { count: rows.reduce((n, cells) => n + cells.length - 1, 0) }));
  }

  filterForm.addEventListener('change', applyFilters);
  filterForm.addEventListener('submit', (e) => {
    e.preventDefault();
    applyFilters();
  });

  layout();
  go(0, 1, false, false);
}
