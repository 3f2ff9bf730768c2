import { TableRegion } from '../../../platform/ui/tables.tsx';
import type { FC } from 'hono/jsx';
import { CsrfField } from '../../../platform/http/layout.tsx';
import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import { pick } from '../../../platform/i18n/locales.ts';
import type { ComparableCell } from './diff.ts';
import { cellContent } from './cells.ts';
import type { CellRow, MatrixRow } from './matrices.ts';
import { sectionLayout } from './matrix-layout.ts';
import { columnLabel } from '../templates/pages.tsx';
import type { CellSource, MatrixStatus } from '../schema.ts';
import { cellValues, type TemplateField } from '../templates/template.ts';
import type { TemplateRow } from '../templates/templates.ts';
import { TransferLinks } from '../transfer/transfer-routes.tsx';

/** The class of a cell value: `v-x`, `v-q` (?), `v-na`, `v-blank`. */
export function valueClass(v: string): string {
  return `v v-${v === 'X' ? 'x' : v === '?' ? 'q' : v === 'NA' ? 'na' : 'blank'}`;
}

export const statusLabel = (m: Messages, s: MatrixStatus) => m.t(`matrix.status.${s}` as MessageKey);
const legendKey = (v: string) => `matrix.legend.${v || 'blank'}` as MessageKey;
export const optionLabel = (m: Messages, v: string) => m.t(`matrix.option.${v || 'blank'}` as MessageKey);

/** What a field is, in the reader's language: its row and, where a row has several, its column. */
export function fieldLabeller(m: Messages, templates: Pick<TemplateRow, 'definition'>[]): (code: string) => string {
  const labels = new Map<string, string>();
  for (const t of [...templates].reverse()) {
    const rows = new Map(t.definition.rows.map((r) => [r.code, r]));
    const perRow = new Map<string, number>();
    for (const f of t.definition.fields) perRow.set(f.row, (perRow.get(f.row) ?? 0) + 1);
    for (const f of t.definition.fields) {
      const row = pick(rows.get(f.row)?.labels, m.locale) || f.row;
      labels.set(f.code, (perRow.get(f.row) ?? 0) > 1 ? `${row} · ${columnLabel(m, f)}` : row);
    }
  }
  return (code) => labels.get(code) ?? code;
}

export const Disclaimer: FC<{ m: Messages; demo: boolean }> = ({ m, demo }) => (
  <>
    <p class="matrix-disclaimer">
      <strong>{m.t('matrix.disclaimer')}</strong>
    </p>
    {demo && (
      <p class="notice" role="note">
        {m.t('matrix.demoData')}
      </p>
    )}
  </>
);

export const Legend: FC<{ m: Messages }> = ({ m }) => (
  <section aria-labelledby="legend-h" class="matrix-legend">
    <h2 id="legend-h">{m.t('matrix.legendTitle')}</h2>
    <dl>
      {cellValues.map((v) => (
        <>
          <dt>
            <span class={valueClass(v)}>{v || m.t('matrix.blank')}</span>
          </dt>
          <dd>{m.t(legendKey(v))}</dd>
        </>
      ))}
    </dl>
  </section>
);

export const MatrixFacts: FC<{ m: Messages; matrix: MatrixRow; base: string }> = ({ m, matrix: x, base }) => {
  const l = m.locale;
  return (
    <dl class="facts">
      <dt>{m.t('matrix.version')}</dt>
      <dd>
        {m.number(x.number)} (<a href={`${base}/versions`}>{m.t('matrix.versions')}</a>)
      </dd>
      <dt>{m.t('matrix.status')}</dt>
      <dd>{statusLabel(m, x.status)}</dd>
      <dt>{m.t('matrix.template')}</dt>
      <dd>
        <a href={`/${l}/matrix/templates/${encodeURIComponent(x.template_version)}`}>{x.template_version}</a>
      </dd>
      <dt>{m.t('matrix.startedOn')}</dt>
      <dd>{m.date(x.created_at)}</dd>
      <dt>{m.t('matrix.statusSince')}</dt>
      <dd>{m.date(x.status_changed_at)}</dd>
      {x.approved_at && (
        <>
          <dt>{m.t('matrix.approvedOn')}</dt>
          <dd>{m.date(x.approved_at)}</dd>
        </>
      )}
      {x.published_at && (
        <>
          <dt>{m.t('matrix.publishedOn')}</dt>
          <dd>{m.date(x.published_at)}</dd>
        </>
      )}
      <dt>{m.t('matrix.updatedOn')}</dt>
      <dd>{m.date(x.updated_at)}</dd>
    </dl>
  );
};

const SourceItem: FC<{ m: Messages; s: CellSource }> = ({ m, s }) => (
  <li>
    {m.t(`matrix.sourceKind.${s.kind}` as MessageKey)}: {s.citation}
    {s.locator ? `, ${s.locator}` : ''}
    {s.url && (
      <>
        {' '}
        <a href={s.url} dir="ltr" rel="noopener noreferrer">
          {s.url}
        </a>
      </>
    )}
  </li>
);

/** A cell's evidence: its sources, remarks, date and, for an instrument, its status. */
export const Evidence: FC<{ m: Messages; cell: ComparableCell }> = ({ m, cell }) => (
  <>
    {cell.sources.length > 0 && (
      <ul class="sources">
        {cell.sources.map((s) => (
          <SourceItem m={m} s={s} />
        ))}
      </ul>
    )}
    {cell.instrumentStatus && (
      <p>
        {m.t('matrix.instrumentStatus')}: {m.t(`matrix.instrument.${cell.instrumentStatus}` as MessageKey)}
        {cell.instrumentDate ? ` (${m.date(cell.instrumentDate)})` : ''}
      </p>
    )}
    {cell.remarks && (
      <p>
        {m.t('matrix.remarks')}: {cell.remarks}
      </p>
    )}
    {cell.infoDate && (
      <p>
        {m.t('matrix.infoDate')}: <time datetime={cell.infoDate}>{m.date(cell.infoDate)}</time>
      </p>
    )}
  </>
);

const hasEvidence = (c: CellRow | undefined): c is CellRow =>
  !!c && (c.sources.length > 0 || c.remarks !== '' || c.info_date !== null || c.instrument_status !== null);

const comparableOf = cellContent;

export interface MatrixActions {
  /** Where to edit each section, when the viewer may. */
  editBase: string | null;
  steps: MatrixStatus[];
  startDraft: boolean;
}

export const WorkflowForms: FC<{ m: Messages; matrix: MatrixRow | null; base: string; actions: MatrixActions; csrfToken: string }> = ({
  m,
  matrix,
  base,
  actions,
  csrfToken,
}) =>
  actions.steps.length || actions.startDraft || actions.editBase ? (
    <section aria-labelledby="workflow-h" class="matrix-workflow">
      <h2 id="workflow-h">{m.t('matrix.workflow')}</h2>
      <div class="actions">
        {actions.editBase && <a href={actions.editBase}>{m.t('matrix.edit')}</a>}
        {actions.editBase && <a href={actions.editBase.replace(/\/edit$/, '/grid')}>{m.t('grid.link')}</a>}
        {matrix &&
          actions.steps.map((to) => (
            <form method="post" action={`${base}/transitions`} class="inline">
              <CsrfField token={csrfToken} />
              <input type="hidden" name="number" value={String(matrix.number)} />
              <input type="hidden" name="to" value={to} />
              <button type="submit" class={to === 'draft' ? 'secondary' : undefined}>
                {m.t(`matrix.move.${to}` as MessageKey)}
              </button>
            </form>
          ))}
        {actions.startDraft && (
          <form method="post" action={`${base}/drafts`} class="inline">
            <CsrfField token={csrfToken} />
            <button type="submit">{m.t('matrix.startDraft')}</button>
          </form>
        )}
      </div>
      {actions.startDraft && <p class="help">{m.t('matrix.startDraftHelp')}</p>}
    </section>
  ) : null;

export const SectionNav: FC<{ m: Messages; template: TemplateRow; href: (code: string) => string; current?: string }> = ({
  m,
  template,
  href,
  current,
}) => (
  <nav aria-label={m.t('matrix.sections')} class="matrix-sections">
    <ul class="inline-list">
      {template.definition.sections.map((s) => (
        <li>
          <a href={href(s.code)} aria-current={s.code === current ? 'page' : undefined}>
            {pick(s.labels, m.locale)}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);

/**
 * The column heads of a section: one row when the columns have no weapon type (or a section has
 * one column), else the weapon types over their kinds of measure, so that narrow heads stay short.
 */
const ColumnHeads: FC<{ m: Messages; columns: TemplateField[]; single: boolean }> = ({ m, columns, single }) => {
  const grouped = !single && columns.every((c) => c.weaponType !== null);
  if (!grouped)
    return (
      <thead>
        <tr>
          <th scope="col">{m.t('matrix.row')}</th>
          {columns.map((c) => (
            <th scope="col">{single ? m.t('matrix.value') : columnLabel(m, c)}</th>
          ))}
        </tr>
      </thead>
    );
  const groups: { weapon: string; span: number }[] = [];
  for (const c of columns) {
    const last = groups[groups.length - 1];
    if (last && last.weapon === c.weaponType) last.span++;
    else groups.push({ weapon: c.weaponType!, span: 1 });
  }
  return (
    <thead>
      <tr>
        <th scope="col" rowspan={2}>
          {m.t('matrix.row')}
        </th>
        {groups.map((g) => (
          <th scope="colgroup" colspan={g.span} class="weapon">
            {m.t(`matrix.weapon.${g.weapon}` as MessageKey)}
          </th>
        ))}
      </tr>
      <tr>
        {columns.map((c) => (
          <th scope="col">{m.t(`matrix.kind.${c.measureKind}` as MessageKey)}</th>
        ))}
      </tr>
    </thead>
  );
};

/** The State's review of the shown version, for those who may comment on it. */
export interface ProposalLinks {
  /** `/{lang}/states/{iso3}/matrix/proposals` */
  href: string;
  /** How many comments and proposals await a decision. */
  open: number;
  /** Whether the viewer may comment now (the version is with the State). */
  propose: boolean;
}

export const MatrixView: FC<{
  m: Messages;
  matrix: MatrixRow;
  template: TemplateRow;
  cells: CellRow[];
  base: string;
  notCurrent: boolean;
  actions: MatrixActions;
  csrfToken: string;
  proposals?: ProposalLinks | null;
}> = ({ m, matrix, template, cells, base, notCurrent, actions, csrfToken, proposals }) => {
  const l = m.locale;
  const byField = new Map(cells.map((c) => [c.field_code, c]));
  return (
    <>
      <Disclaimer m={m} demo={matrix.demo} />
      {notCurrent && (
        <p>
          <a href={base}>{m.t('matrix.seeCurrent')}</a>
        </p>
      )}
      <MatrixFacts m={m} matrix={matrix} base={base} />
      <p class="figure-gaps-link">
        <a href={`/${l}/matrix/figures?view=gaps&state=${matrix.state_iso3}&template=${encodeURIComponent(matrix.template_version)}`}>
          {m.t('figures.gapsLink')}
        </a>
      </p>
      <Legend m={m} />
      <WorkflowForms m={m} matrix={matrix} base={base} actions={actions} csrfToken={csrfToken} />
      <TransferLinks m={m} base={base} version={matrix.number} canImport={actions.editBase !== null || actions.startDraft} />
      {proposals && (
        <p class="proposal-link">
          <a href={proposals.href}>{m.t('proposal.listLink', { count: proposals.open })}</a>
        </p>
      )}
      <SectionNav m={m} template={template} href={(code) => `#${code}`} />
      {template.definition.sections.map((s) => {
        const layout = sectionLayout(template, s);
        const withEvidence = layout.fields.filter((f) => hasEvidence(byField.get(f.code)));
        return (
          <section aria-labelledby={`h-${s.code}`} class="matrix-section">
            <h2 id={s.code}>
              <span id={`h-${s.code}`}>{pick(s.labels, l)}</span>
            </h2>
            {actions.editBase && (
              <p class="edit-link">
                <a href={`${actions.editBase}?section=${encodeURIComponent(s.code)}`}>{m.t('matrix.editSection')}</a>
              </p>
            )}
            <TableRegion labelledBy={`h-${s.code}`}>
              <table class="list matrix">
                <ColumnHeads m={m} columns={layout.columns} single={layout.single} />
                <tbody>
                  {layout.rows.map((r) => (
                    <tr>
                      <th scope="row">
                        {pick(r.labels, l)}
                        {proposals?.propose && ' '}
                        {proposals?.propose && (
                          <a
                            class="propose-link"
                            href={`${proposals.href}/new?field=${encodeURIComponent(layout.columns.map((c) => layout.fieldAt(r, c)).find((f) => f)?.code ?? '')}`}
                            aria-label={m.t('proposal.rowLinkLabel', { name: pick(r.labels, l) })}
                          >
                            {m.t('proposal.rowLink')}
                          </a>
                        )}
                      </th>
                      {layout.columns.map((c) => {
                        const f = layout.fieldAt(r, c);
                        const cell = f ? byField.get(f.code) : undefined;
                        const v = cell?.value ?? '';
                        return (
                          <td class={valueClass(v)}>
                            {f && hasEvidence(cell) ? <a href={`#e-${f.code}`}>{v || m.t('matrix.blank')}</a> : v}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
            <h3 id={`ev-${s.code}`}>{m.t('matrix.evidence')}</h3>
            {withEvidence.length ? (
              <dl class="evidence">
                {withEvidence.map((f) => {
                  const cell = byField.get(f.code)!;
                  const row = layout.rows.find((r) => r.code === f.row);
                  return (
                    <>
                      <dt id={`e-${f.code}`}>
                        {pick(row?.labels, l)}
                        {layout.single ? '' : ` · ${columnLabel(m, f)}`}:{' '}
                        <span class={valueClass(cell.value)}>{cell.value || m.t('matrix.blank')}</span>
                      </dt>
                      <dd>
                        <Evidence m={m} cell={comparableOf(cell)} />
                      </dd>
                    </>
                  );
                })}
              </dl>
            ) : (
              <p class="help">{m.t('matrix.noEvidence')}</p>
            )}
          </section>
        );
      })}
    </>
  );
};

/** Shown instead of a matrix to those who may start one, when none exists yet (still a 404). */
export const NoMatrix: FC<{ m: Messages; base: string; actions: MatrixActions; csrfToken: string }> = ({ m, base, actions, csrfToken }) => (
  <>
    <p>{m.t('matrix.noMatrix')}</p>
    <WorkflowForms m={m} matrix={null} base={base} actions={actions} csrfToken={csrfToken} />
  </>
);
