import { TableRegion } from '../../../platform/ui/tables.tsx';
import { FieldErrors } from '../../../platform/ui/forms.tsx';
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../../platform/errors.ts';
import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import { BarChart, formatNumber, GroupedBarChart, Histogram } from './chart-svg.tsx';
import type { Cell, ChartSpec, Column, Fact, FigureSection, FigureTable, FigureView, ViewModel } from './figure-views.ts';
import { figureViews } from './figure-views.ts';

/** What the figure form holds, as typed: shown again as it was when it has problems. */
export interface FigureForm {
  view: FigureView;
  asOf: string;
  template: string;
  binWidth: string;
  sort: string;
  dir: 'asc' | 'desc';
  from: string;
  to: string;
  state: string;
  threshold: string;
}

/** The parameters of a view, for its links and CSV downloads: only those the view reads. */
export function queryOf(form: FigureForm, overrides: Partial<FigureForm> = {}): URLSearchParams {
  const f = { ...form, ...overrides };
  const q = new URLSearchParams({ view: f.view });
  if (f.view === 'change') {
    q.set('from', f.from);
    q.set('to', f.to);
  } else q.set('asOf', f.asOf);
  q.set('template', f.template);
  if (f.view === 'distribution') q.set('binWidth', f.binWidth);
  if (f.view === 'state') {
    q.set('sort', f.sort);
    q.set('dir', f.dir);
  }
  if (f.view === 'gaps') {
    if (f.state) q.set('state', f.state);
    q.set('threshold', f.threshold);
  }
  return q;
}

const viewLabel = (m: Messages, v: FigureView) => m.t(`figures.view.${v}` as MessageKey);

function formatCell(m: Messages, kind: Column['kind'], cell: Cell): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  if (kind === 'share') return new Intl.NumberFormat(m.locale, { style: 'percent', maximumFractionDigits: 0 }).format(cell);
  return formatNumber(m, cell, kind === 'count');
}

const Facts: FC<{ m: Messages; facts: Fact[] }> = ({ m, facts }) => (
  <dl class="facts figure-facts">
    {facts.map((f) => (
      <>
        <dt>{f.label}</dt>
        <dd>{typeof f.value === 'string' ? f.value : formatCell(m, f.kind, f.value)}</dd>
      </>
    ))}
  </dl>
);

const SortLink: FC<{ m: Messages; form: FigureForm; column: Column; base: string }> = ({ m, form, column, base }) => {
  const current = form.sort === column.code;
  // Numbers read best largest first; names from A.
  const first = column.kind === 'count' ? 'desc' : 'asc';
  const dir = current ? (form.dir === 'asc' ? 'desc' : 'asc') : first;
  return (
    <a href={`${base}?${queryOf(form, { sort: column.code, dir })}`}>
      {column.label}
      <span class="visually-hidden"> {m.t(dir === 'asc' ? 'figures.sortAscending' : 'figures.sortDescending')}</span>
    </a>
  );
};

const Table: FC<{ m: Messages; table: FigureTable; form: FigureForm; base: string }> = ({ m, table, form, base }) => {
  const shown = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => !c.csvOnly);
  const captionId = `${table.id}-caption`;
  return (
    <TableRegion labelledBy={captionId}>
      <table class="list figures" id={`${table.id}-table`}>
        <caption id={captionId}>{table.caption}</caption>
        <thead>
          <tr>
            {shown.map(({ c }) => {
              const sorted = c.sortable && form.sort === c.code ? (form.dir === 'asc' ? 'ascending' : 'descending') : undefined;
              return (
                <th
                  scope="col"
                  class={c.kind === 'count' || c.kind === 'mean' || c.kind === 'share' ? 'num' : undefined}
                  aria-sort={sorted}
                >
                  {c.sortable ? <SortLink m={m} form={form} column={c} base={base} /> : c.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr class={row.total ? 'total' : undefined}>
              {shown.map(({ c, i }) => {
                const text = c.show ? c.show(row.cells[i] ?? null) : formatCell(m, c.kind, row.cells[i] ?? null);
                const content = c.kind === 'code' ? <code dir="ltr">{text}</code> : text;
                if (i === table.rowHeader) return <th scope="row">{row.href ? <a href={row.href}>{content}</a> : content}</th>;
                return <td class={c.kind === 'count' || c.kind === 'mean' || c.kind === 'share' ? 'num' : undefined}>{content}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
};

const Chart: FC<{ m: Messages; id: string; chart: ChartSpec }> = ({ m, id, chart }) => {
  const common = { m, id: `chart-${id}`, title: chart.title, desc: chart.desc, categories: chart.categories, integer: chart.integer };
  if (chart.kind === 'histogram')
    return (
      <Histogram
        {...common}
        bins={(chart.bins ?? []).map((b, i) => ({ ...b, count: chart.values[i]?.[0] ?? 0 }))}
        axisLabel={m.t('figures.col.fieldsWithX')}
      />
    );
  if (chart.kind === 'grouped') return <GroupedBarChart {...common} values={chart.values} series={chart.series} />;
  return <BarChart {...common} values={chart.values.map((v) => v[0] ?? 0)} />;
};

const Section: FC<{ m: Messages; section: FigureSection; form: FigureForm; base: string }> = ({ m, section, form, base }) => (
  <section aria-labelledby={`${section.id}-h`} class="figure-section">
    <h2 id={`${section.id}-h`}>{section.heading}</h2>
    <div class="figure">
      {section.chart && (
        <div class="figure-chart">
          <Chart m={m} id={section.id} chart={section.chart} />
        </div>
      )}
      <div class="figure-table">
        <Table m={m} table={section.table} form={form} base={base} />
        <p class="download">
          <a href={`${base}.csv?${queryOf(form)}&table=${encodeURIComponent(section.id)}`} download>
            {m.t('figures.downloadCsv', { table: section.table.caption })}
          </a>
        </p>
      </div>
    </div>
  </section>
);

const Form: FC<{
  m: Messages;
  form: FigureForm;
  problems: FieldProblem[];
  templates: string[];
  states: { iso3: string; name: string }[];
}> = ({ m, form, problems, templates, states }) => {
  const invalid = (field: string) => (problems.some((p) => p.field === field) ? 'true' : undefined);
  const dateField = (name: 'asOf' | 'from' | 'to', label: string) => (
    <div class="field">
      <label for={`f-${name}`}>{label}</label>
      <input id={`f-${name}`} name={name} type="date" value={form[name]} required aria-invalid={invalid(name)} dir="ltr" />
    </div>
  );
  return (
    <search>
      <form method="get" class="filters figure-form">
        <div class="field">
          <label for="f-view">{m.t('figures.viewLabel')}</label>
          <select id="f-view" name="view">
            {figureViews.map((v) => (
              <option value={v} selected={form.view === v}>
                {viewLabel(m, v)}
              </option>
            ))}
          </select>
        </div>
        {form.view === 'change' ? (
          <>
            {dateField('from', m.t('figures.from'))}
            {dateField('to', m.t('figures.to'))}
          </>
        ) : (
          dateField('asOf', m.t('figures.asOf'))
        )}
        <div class="field">
          <label for="f-template">{m.t('matrix.template')}</label>
          <select id="f-template" name="template" aria-invalid={invalid('template')}>
            {templates.map((t) => (
              <option value={t} selected={form.template === t}>
                {t}
              </option>
            ))}
            {!templates.includes(form.template) && (
              <option value={form.template} selected>
                {form.template}
              </option>
            )}
          </select>
        </div>
        {form.view === 'distribution' && (
          <div class="field">
            <label for="f-binWidth">{m.t('figures.binWidth')}</label>
            <input
              id="f-binWidth"
              name="binWidth"
              type="number"
              min="1"
              max="500"
              value={form.binWidth}
              aria-invalid={invalid('binWidth')}
            />
          </div>
        )}
        {form.view === 'state' && (
          <>
            <input type="hidden" name="sort" value={form.sort} />
            <input type="hidden" name="dir" value={form.dir} />
          </>
        )}
        {form.view === 'gaps' && (
          <>
            <div class="field">
              <label for="f-state">{m.t('figures.col.state')}</label>
              <select id="f-state" name="state" aria-invalid={invalid('state')}>
                <option value="">{m.t('figures.chooseState')}</option>
                {states.map((s) => (
                  <option value={s.iso3} selected={form.state === s.iso3}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="f-threshold">{m.t('figures.threshold')}</label>
              <input
                id="f-threshold"
                name="threshold"
                type="number"
                min="0"
                max="0.99"
                step="0.05"
                value={form.threshold}
                aria-invalid={invalid('threshold')}
                aria-describedby="f-threshold-help"
              />
              <span id="f-threshold-help" class="help">
                {m.t('figures.thresholdHelp')}
              </span>
            </div>
          </>
        )}
        <button type="submit">{m.t('figures.show')}</button>
      </form>
    </search>
  );
};

function emptyMessage(m: Messages, form: FigureForm, states: { iso3: string; name: string }[]): string {
  if (form.view === 'change') return m.t('figures.emptyChange', { from: m.date(form.from), to: m.date(form.to), template: form.template });
  if (form.view === 'gaps')
    return m.t('figures.noMatrixOfState', { name: states.find((s) => s.iso3 === form.state)?.name ?? form.state, date: m.date(form.asOf) });
  return m.t('figures.empty', { date: m.date(form.asOf), template: form.template });
}

export const FigurePage: FC<{
  m: Messages;
  form: FigureForm;
  problems: FieldProblem[];
  templates: string[];
  states: { iso3: string; name: string }[];
  model: ViewModel | null;
  demo: boolean;
}> = ({ m, form, problems, templates, states, model, demo }) => {
  const base = `/${m.locale}/matrix/figures`;
  return (
    <>
      <p class="matrix-disclaimer">
        <strong>{m.t('matrix.disclaimer')}</strong>
      </p>
      <nav aria-label={m.t('figures.views')} class="figure-views">
        <ul class="inline-list">
          {figureViews.map((v) => (
            <li>
              <a href={`${base}?${queryOf(form, { view: v })}`} aria-current={v === form.view ? 'page' : undefined}>
                {viewLabel(m, v)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Form m={m} form={form} problems={problems} templates={templates} states={states} />
      <FieldErrors m={m} problems={problems} />
      {model && (
        <>
          {demo && (
            <p class="notice" role="note">
              {m.t('figures.demoNotice')}
            </p>
          )}
          <p class="figure-basis">
            {form.view === 'change'
              ? m.t('figures.basisChange', { from: m.date(form.from), to: m.date(form.to), template: form.template })
              : m.t('figures.basis', { date: m.date(form.asOf), template: form.template })}
          </p>
          {form.view === 'gaps' && <p class="help">{m.t('figures.gapsLead')}</p>}
          {model.empty ? (
            <p class="figure-empty" role="status">
              {emptyMessage(m, form, states)}
            </p>
          ) : (
            <>
              <Facts m={m} facts={model.facts} />
              {form.view === 'gaps' && model.sections[0]?.table.rows.length === 0 ? (
                <p role="status">{m.t('figures.noGaps')}</p>
              ) : (
                model.sections.map((s) => <Section m={m} section={s} form={form} base={base} />)
              )}
            </>
          )}
        </>
      )}
      {!model && !problems.length && form.view === 'gaps' && <p role="status">{m.t('figures.chooseStateHelp')}</p>}
    </>
  );
};
