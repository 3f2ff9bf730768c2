import type { FC } from 'hono/jsx';
import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import { pick } from '../../../platform/i18n/locales.ts';
import type { CellRow, MatrixRow } from '../versions/matrices.ts';
import { Disclaimer, optionLabel, statusLabel, valueClass } from '../versions/matrix-pages.tsx';
import { columnLabel } from '../templates/pages.tsx';
import { cellValues, type TemplateRow as TemplateItem, weaponTypes } from '../templates/template.ts';
import type { TemplateRow } from '../templates/templates.ts';
import { sourceKinds } from '../versions/cells.ts';
import { type GridCell, type GridFilters, type GridModel, type GridSection, gridMessages, scriptJson, valueParam } from './grid-model.ts';

export { type GridFilters, gridModel, valueParam } from './grid-model.ts';

/**
 * The experts' grid: every field of the version in the works in one table, filtered on the
 * server (GET parameters, so that it works without JavaScript) and, with the script
 * `/static/matrix-grid.js`, edited in place with the keyboard through the cells API.
 */

const weaponLabel = (m: Messages, w: string) => m.t(`matrix.weapon.${w}` as MessageKey);

/** The column heads of a section, inside its row group, with ids that the cells name in `headers`. */
const SectionHeads: FC<{ m: Messages; s: GridSection; span: number }> = ({ m, s, span }) => {
  const { layout, columnVisible } = s;
  const code = layout.section.code;
  const grouped = !layout.single && layout.columns.every((c) => c.weaponType !== null);
  const title = (
    <tr class="grid-section-row">
      <th scope="colgroup" colspan={span} id={`gs-${code}`} class="grid-section">
        {pick(layout.section.labels, m.locale)}
      </th>
    </tr>
  );
  if (!grouped)
    return (
      <>
        {title}
        <tr class="grid-heads">
          <th scope="col" id={`gi-${code}`}>
            {m.t('matrix.row')}
          </th>
          {layout.columns.map((c, i) => (
            <th
              scope="col"
              id={`gc-${code}-${i}`}
              data-weapon={layout.single ? undefined : (c.weaponType ?? '')}
              hidden={!columnVisible[i]}
            >
              {layout.single ? m.t('matrix.value') : columnLabel(m, c)}
            </th>
          ))}
        </tr>
      </>
    );
  const groups: { weapon: string; span: number; visible: boolean }[] = [];
  layout.columns.forEach((c, i) => {
    const last = groups[groups.length - 1];
    if (last && last.weapon === c.weaponType) last.span++;
    else groups.push({ weapon: c.weaponType!, span: 1, visible: columnVisible[i]! });
  });
  return (
    <>
      {title}
      <tr class="grid-heads">
        <th scope="col" rowspan={2} id={`gi-${code}`}>
          {m.t('matrix.row')}
        </th>
        {groups.map((g) => (
          <th scope="colgroup" colspan={g.span} class="weapon" id={`gw-${code}-${g.weapon}`} data-weapon={g.weapon} hidden={!g.visible}>
            {weaponLabel(m, g.weapon)}
          </th>
        ))}
      </tr>
      <tr class="grid-heads">
        {layout.columns.map((c, i) => (
          <th scope="col" id={`gc-${code}-${i}`} data-weapon={c.weaponType ?? ''} hidden={!columnVisible[i]}>
            {m.t(`matrix.kind.${c.measureKind}` as MessageKey)}
          </th>
        ))}
      </tr>
    </>
  );
};

/** What the script needs of a cell to save it whole (a change replaces every part of the cell). */
const cellData = (c: CellRow | undefined) =>
  c
    ? JSON.stringify({
        remarks: c.remarks,
        sources: c.sources,
        infoDate: c.info_date,
        instrumentStatus: c.instrument_status,
        instrumentDate: c.instrument_date,
      })
    : undefined;

const GridCellView: FC<{ m: Messages; s: GridSection; row: TemplateItem; c: GridCell; column: number; highlight: boolean }> = ({
  m,
  s,
  row,
  c,
  column,
  highlight,
}) => {
  const code = s.layout.section.code;
  const grouped = !s.layout.single && s.layout.columns.every((x) => x.weaponType !== null);
  const heads = [`gs-${code}`, `gr-${row.code}`, grouped ? `gw-${code}-${c.field.weaponType}` : '', `gc-${code}-${column}`]
    .filter(Boolean)
    .join(' ');
  const hasSource = (c.cell?.sources.length ?? 0) > 0;
  return (
    <td
      class={`grid-cell ${valueClass(c.value)}${highlight && c.match ? ' grid-match' : ''}`}
      headers={heads}
      data-field={c.field.code}
      data-version={String(c.cell?.row_version ?? 0)}
      data-value={c.value}
      data-changed={c.changed ? '1' : '0'}
      data-weapon={c.field.weaponType ?? ''}
      data-cell={cellData(c.cell)}
      data-approved={c.approved ? JSON.stringify(c.approved) : undefined}
      hidden={!s.columnVisible[column]}
    >
      <span class="grid-value">{c.value || <span class="visually-hidden">{m.t('matrix.blank')}</span>}</span>
      <span class="grid-src" hidden={!hasSource}>
        <span aria-hidden="true">†</span>
        <span class="visually-hidden">{m.t('grid.hasSource')}</span>
      </span>
      <span class="grid-chg" hidden={!c.changed}>
        <span class="visually-hidden">{m.t('grid.changedMark')}</span>
      </span>
      <span class="grid-state visually-hidden" />
    </td>
  );
};

const FilterForm: FC<{ m: Messages; template: TemplateRow; filters: GridFilters; action: string }> = ({ m, template, filters, action }) => (
  <form method="get" action={action} class="filters grid-filters" id="grid-filters" aria-labelledby="grid-filters-h">
    <h2 id="grid-filters-h" class="visually-hidden">
      {m.t('grid.filters')}
    </h2>
    <div class="field">
      <label for="grid-f-section">{m.t('grid.filter.section')}</label>
      <select id="grid-f-section" name="section">
        <option value="">{m.t('grid.filter.all')}</option>
        {template.definition.sections.map((s) => (
          <option value={s.code} selected={filters.section === s.code}>
            {pick(s.labels, m.locale)}
          </option>
        ))}
      </select>
    </div>
    <div class="field">
      <label for="grid-f-weapon">{m.t('grid.filter.weapon')}</label>
      <select id="grid-f-weapon" name="weapon">
        <option value="">{m.t('grid.filter.all')}</option>
        {weaponTypes.map((w) => (
          <option value={w} selected={filters.weapon === w}>
            {weaponLabel(m, w)}
          </option>
        ))}
      </select>
    </div>
    <div class="field">
      <label for="grid-f-value">{m.t('grid.filter.value')}</label>
      <select id="grid-f-value" name="value">
        <option value="">{m.t('grid.filter.all')}</option>
        {cellValues.map((v) => (
          <option value={valueParam(v)} selected={filters.value === v}>
            {optionLabel(m, v)}
          </option>
        ))}
      </select>
    </div>
    <div class="check">
      <input type="checkbox" id="grid-f-changed" name="changed" value="1" checked={filters.changed} />
      <label for="grid-f-changed">{m.t('grid.filter.changed')}</label>
    </div>
    <div class="actions">
      <button type="submit">{m.t('grid.filter.apply')}</button>
      <a href={action}>{m.t('grid.filter.reset')}</a>
    </div>
  </form>
);

const Editor: FC<{ m: Messages }> = ({ m }) => (
  <div id="grid-editor" class="grid-editor" role="dialog" aria-labelledby="grid-editor-h" aria-describedby="grid-editor-target" hidden>
    <h2 id="grid-editor-h">{m.t('grid.editorTitle')}</h2>
    <p id="grid-editor-target" class="help" />
    <p id="grid-editor-note" class="notice" hidden />
    <div id="grid-editor-problems" class="form-errors" role="alert" hidden />
    <form id="grid-editor-form" novalidate>
      <div class="grid-editor-fields">
        <div class="field">
          <label for="ge-value">{m.t('matrix.value')}</label>
          <select id="ge-value" name="value">
            <option value="keep" hidden>
              {m.t('grid.keepValue')}
            </option>
            {cellValues.map((v) => (
              <option value={v}>{optionLabel(m, v)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="ge-kind">{m.t('matrix.sourceKind')}</label>
          <select id="ge-kind" name="kind">
            {sourceKinds.map((k) => (
              <option value={k}>{m.t(`matrix.sourceKind.${k}` as MessageKey)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="ge-citation">{m.t('matrix.citation')}</label>
          <input id="ge-citation" name="citation" />
        </div>
        <div class="field">
          <label for="ge-locator">{m.t('matrix.locator')}</label>
          <input id="ge-locator" name="locator" />
        </div>
        <div class="field">
          <label for="ge-url">{m.t('matrix.url')}</label>
          <input id="ge-url" name="url" type="url" dir="ltr" />
        </div>
        <div class="field">
          <label for="ge-language">{m.t('grid.sourceLanguage')}</label>
          <input id="ge-language" name="language" dir="ltr" aria-describedby="ge-language-help" />
          <span id="ge-language-help" class="help">
            {m.t('grid.sourceLanguageHelp')}
          </span>
        </div>
        <div class="field grid-editor-one">
          <label for="ge-infoDate">{m.t('matrix.infoDate')}</label>
          <input id="ge-infoDate" name="infoDate" type="date" />
        </div>
        <div class="field wide grid-editor-one">
          <label for="ge-remarks">{m.t('matrix.remarks')}</label>
          <textarea id="ge-remarks" name="remarks" rows={2} />
        </div>
      </div>
      <p id="grid-editor-multi" class="help" hidden>
        {m.t('grid.multiHelp')}
      </p>
      <div class="actions">
        <button type="submit">{m.t('form.save')}</button>
        <button type="button" class="secondary" id="grid-editor-close">
          {m.t('grid.close')}
        </button>
      </div>
    </form>
  </div>
);

export const GridPage: FC<{
  m: Messages;
  matrix: MatrixRow;
  template: TemplateRow;
  model: GridModel;
  filters: GridFilters;
  approved: MatrixRow | undefined;
  base: string;
  api: string;
  csrfToken: string;
}> = ({ m, matrix, template, model, filters, approved, base, api, csrfToken }) => {
  const l = m.locale;
  const highlight = filters.value !== null || filters.changed;
  // The section titles span the widest section, so that they read as bands across the grid.
  const span = Math.max(...model.sections.map((s) => s.layout.columns.length)) + 1;
  return (
    <>
      <meta name="csrf-token" content={csrfToken} />
      <Disclaimer m={m} demo={matrix.demo} />
      <p class="lead">
        {m.t('matrix.versionNumber', { count: matrix.number })} · {statusLabel(m, matrix.status)}. {m.t('grid.lead')}
      </p>
      <p class="actions">
        <a href={base}>{m.t('matrix.seeCurrent')}</a>
        <a href={`${base}/edit`}>{m.t('grid.formLink')}</a>
        {approved && (
          <a href={`${base}/diff?from=${approved.number}&to=${matrix.number}`}>{m.t('matrix.changesSince', { count: approved.number })}</a>
        )}
      </p>
      {!approved && <p class="help">{m.t('grid.noApproved')}</p>}
      <details class="grid-help">
        <summary>{m.t('grid.keys')}</summary>
        <ul>
          <li>{m.t('grid.keys.move')}</li>
          <li>{m.t('grid.keys.set')}</li>
          <li>{m.t('grid.keys.edit')}</li>
          <li>{m.t('grid.keys.select')}</li>
          <li>{m.t('grid.keys.noScript')}</li>
        </ul>
      </details>
      <FilterForm m={m} template={template} filters={filters} action={`${base}/grid`} />
      <p id="grid-status" class="grid-status">
        <span data-count="shown">{m.t('grid.status.shown', { count: m.number(model.shown) })}</span>{' '}
        <span data-count="changed">{m.t('grid.status.changed', { count: m.number(model.changed) })}</span>{' '}
        <span data-count="selected" hidden /> <span data-count="pending" hidden /> <span data-count="errors" hidden />
      </p>
      <p id="grid-live" class="visually-hidden" aria-live="polite" />
      <div id="grid-alert" class="form-errors" role="alert" hidden />
      <p id="grid-none" class="notice" hidden={model.shown > 0}>
        {m.t('grid.noneShown')}
      </p>
      <section class="table-scroll grid-scroll" aria-labelledby="grid-caption">
        <table class="list matrix grid" id="grid" data-api={api} data-number={String(matrix.number)}>
          <caption id="grid-caption">{m.t('grid.caption', { count: matrix.number })}</caption>
          {model.sections.map((s) => {
            const code = s.layout.section.code;
            return (
              <tbody data-section={code} data-single={s.layout.single ? '1' : undefined} hidden={!s.visible}>
                <SectionHeads m={m} s={s} span={span} />
                {s.rows.map((r) => {
                  const first = r.cells.find((c) => c !== null);
                  return (
                    <tr data-row={r.row.code} hidden={!r.visible}>
                      <th scope="row" id={`gr-${r.row.code}`}>
                        <a href={`${base}/edit?section=${encodeURIComponent(code)}${first ? `#f-${first.field.code}-value` : ''}`}>
                          {pick(r.row.labels, l)}
                        </a>
                      </th>
                      {r.cells.map((c, i) =>
                        c ? (
                          <GridCellView m={m} s={s} row={r.row} c={c} column={i} highlight={highlight} />
                        ) : (
                          <td
                            class="grid-none"
                            data-weapon={s.layout.single ? undefined : (s.layout.columns[i]?.weaponType ?? '')}
                            hidden={!s.columnVisible[i]}
                          />
                        ),
                      )}
                    </tr>
                  );
                })}
              </tbody>
            );
          })}
        </table>
      </section>
      <Editor m={m} />
      <script
        type="application/json"
        id="grid-messages"
        dangerouslySetInnerHTML={{ __html: scriptJson({ locale: l, ...gridMessages(m) }) }}
      />
      <script type="module" src="/static/matrix-grid.js" />
    </>
  );
};
