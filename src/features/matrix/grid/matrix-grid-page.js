// @ts-check
/**
 * The page around the matrix grid (matrix-grid.js): its messages in the reader's language, what
 * the server put in the markup (the API address, the version, the CSRF token), the live region
 * that announces changes and the alert box of failed saves.
 */

/** @param {HTMLTableElement} table */
export function createPage(table) {
  const messages = /** @type {Record<string, string>} */ (JSON.parse(document.getElementById('grid-messages')?.textContent ?? '{}'));
  const numbers = new Intl.NumberFormat(messages.locale);
  const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const live = byId('grid-live');
  const alertBox = byId('grid-alert');

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

  return {
    table,
    messages,
    t,
    say,
    byId,
    alertBox,
    showAlert,
    csrf: document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '',
    api: table.dataset.api ?? '',
    versionNumber: Number(table.dataset.number),
    rtl: document.documentElement.dir === 'rtl',
  };
}

/** @typedef {ReturnType<typeof createPage>} Page */
