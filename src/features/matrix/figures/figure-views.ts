import { type CsvCell, csvField } from '../../../platform/formats/csv.ts';
import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import { pick } from '../../../platform/i18n/locales.ts';
import {
  averagesBy,
  cellOf,
  changeBetween,
  countsByParagraph,
  countsByState,
  countsByWeaponType,
  distribution,
  type GroupAverages,
  gaps,
  legalVersusEnforcement,
  median,
  type StateChange,
  type StateMatrix,
  totalX,
  type WeaponKey,
} from './figures.ts';
import { paragraphs, type TemplateField, weaponTypes } from '../templates/template.ts';
import type { TemplateRow } from '../templates/templates.ts';

/**
 * What the figure pages and their CSV downloads show: each view as sections, each section a
 * table (the accessible alternative and the CSV) and, where it helps, a chart of the same numbers.
 * Built from the pure figures (`figures.ts`); no database, no HTML.
 */

export const figureViews = ['overview', 'regional-group', 'organization', 'distribution', 'state', 'change', 'gaps'] as const;
export type FigureView = (typeof figureViews)[number];

export interface ChangeTotals {
  statesBefore: number;
  statesAfter: number;
  before: number;
  after: number;
  difference: number;
  /** Fields gained, over all States. */
  gained: number;
  lost: number;
}

export function changeTotals(changes: readonly StateChange[], statesBefore: number, statesAfter: number): ChangeTotals {
  const sum = (f: (c: StateChange) => number) => changes.reduce((acc, c) => acc + f(c), 0);
  return {
    statesBefore,
    statesAfter,
    before: sum((c) => c.before),
    after: sum((c) => c.after),
    difference: sum((c) => c.difference),
    gained: sum((c) => c.gained.length),
    lost: sum((c) => c.lost.length),
  };
}

export interface StateGaps {
  /** Whether the State had a published matrix: without one it has no gaps to speak of. */
  published: boolean;
  /** Other States of its regional group with a published matrix. */
  peers: number;
  gaps: { field: TemplateField; share: number; peersWithX: number }[];
}

/** The gaps of one State against the other States of its regional group (`gaps` in figures.ts). */
export function gapsOfState(
  fields: readonly TemplateField[],
  matrices: readonly StateMatrix[],
  iso3: string,
  regionalGroup: string,
  threshold: number,
): StateGaps {
  const own = matrices.find((x) => x.iso3 === iso3);
  const peers = matrices.filter((x) => x.regionalGroup === regionalGroup && x.iso3 !== iso3);
  if (!own) return { published: false, peers: peers.length, gaps: [] };
  const byCode = new Map(fields.map((f) => [f.code, f]));
  return {
    published: true,
    peers: peers.length,
    gaps: gaps(fields, own, peers, threshold).map((g) => ({
      field: byCode.get(g.code)!,
      share: g.share,
      peersWithX: peers.filter((p) => cellOf(p, g.code) === 'X').length,
    })),
  };
}

/** How a column's values read: counts and means as numbers, shares as percentages. */
export type ColumnKind = 'code' | 'text' | 'count' | 'mean' | 'share';
export type Cell = string | number | null;

export interface Column {
  /** The CSV header: stable, in English, for scripts. */
  code: string;
  /** The table header, in the reader's language. */
  label: string;
  kind: ColumnKind;
  /** In the CSV only (lists of field codes too long for the page). */
  csvOnly?: boolean;
  /** Whether the page may sort the table by this column (per-State table). */
  sortable?: boolean;
}

export interface Row {
  cells: Cell[];
  /** A link for the row's header cell. */
  href?: string;
  /** A total or all-States row, set apart. */
  total?: boolean;
}

export interface FigureTable {
  id: string;
  caption: string;
  columns: Column[];
  rows: Row[];
  /** The column that heads each row. */
  rowHeader: number;
}

export interface ChartSpec {
  kind: 'bar' | 'grouped' | 'histogram';
  title: string;
  desc: string;
  categories: string[];
  /** Names of the series of a grouped chart. */
  series: string[];
  /** values[category][series]. */
  values: number[][];
  /** For a histogram: the bins' edges. */
  bins?: { from: number; to: number }[];
  integer: boolean;
}

export interface FigureSection {
  id: string;
  heading: string;
  table: FigureTable;
  chart?: ChartSpec;
}

export interface Fact {
  label: string;
  value: number | string;
  kind: ColumnKind;
}

export interface ViewModel {
  facts: Fact[];
  sections: FigureSection[];
  /** Nothing had been published on the date(s): the page says so instead of empty tables. */
  empty: boolean;
}

export interface Labels {
  m: Messages;
  template: Pick<TemplateRow, 'definition'>;
  stateName: (iso3: string) => string;
  groupName: (code: string) => string;
  organizationName: (code: string) => string;
  stateHref: (iso3: string) => string;
  fieldLabel: (code: string) => string;
}

const sum = (values: readonly number[]) => values.reduce((acc, v) => acc + v, 0);
const mean = (values: readonly number[]) => (values.length ? sum(values) / values.length : null);

export const paragraphLabel = (m: Messages, p: string) => m.t(`figures.paragraph.${p}` as MessageKey);
const weaponKeys: WeaponKey[] = [...weaponTypes, 'none'];
export const weaponLabel = (m: Messages, w: WeaponKey) =>
  w === 'none' ? m.t('figures.weaponNone') : m.t(`matrix.weapon.${w}` as MessageKey);

function sectionName(labels: Labels, p: string): string {
  return pick(labels.template.definition.sections.find((s) => s.paragraph === p)?.labels, labels.m.locale) || p;
}

function col(code: string, label: string, kind: ColumnKind, extra: Partial<Column> = {}): Column {
  return { code, label, kind, ...extra };
}

function overview(labels: Labels, matrices: readonly StateMatrix[]): ViewModel {
  const { m } = labels;
  const fields = labels.template.definition.fields;
  const totals = matrices.map((x) => totalX(fields, x));
  const facts: Fact[] = [
    { label: m.t('figures.statesWithMatrix'), value: matrices.length, kind: 'count' },
    { label: m.t('figures.templateFields'), value: fields.length, kind: 'count' },
    { label: m.t('figures.totalX'), value: sum(totals), kind: 'count' },
    { label: m.t('figures.meanX'), value: mean(totals) ?? '—', kind: 'mean' },
    { label: m.t('figures.medianX'), value: median(totals) ?? '—', kind: 'mean' },
  ];
  const byParagraph = countsByParagraph(fields, matrices);
  const pRows = paragraphs.map((p) => {
    const values = byParagraph.map((r) => r.byParagraph[p]);
    return { p, fields: fields.filter((f) => f.paragraph === p).length, x: sum(values), mean: mean(values) };
  });
  const byWeapon = countsByWeaponType(fields, matrices);
  const wRows = weaponKeys.map((w) => {
    const values = byWeapon.map((r) => r.byWeaponType[w]);
    return { w, fields: fields.filter((f) => (f.weaponType ?? 'none') === w).length, x: sum(values), mean: mean(values) };
  });
  const leRows = weaponKeys.map((w) => {
    const rows = legalVersusEnforcement(
      fields.filter((f) => (f.weaponType ?? 'none') === w),
      matrices,
    );
    return {
      w,
      lf: sum(rows.map((r) => r.legalFramework)),
      en: sum(rows.map((r) => r.enforcement)),
      ins: sum(rows.map((r) => r.instrument)),
    };
  });
  const xCol = col('x', m.t('figures.col.x'), 'count');
  const meanCol = col('mean_per_state', m.t('figures.col.meanPerState'), 'mean');
  const sections: FigureSection[] = [
    {
      id: 'paragraph',
      heading: m.t('figures.byParagraph'),
      chart: {
        kind: 'bar',
        title: m.t('figures.chart.byParagraph'),
        desc: m.t('figures.chart.desc', { states: matrices.length }),
        categories: paragraphs.map((p) => paragraphLabel(m, p)),
        series: [m.t('figures.col.x')],
        values: pRows.map((r) => [r.x]),
        integer: true,
      },
      table: {
        id: 'paragraph',
        caption: m.t('figures.byParagraph'),
        rowHeader: 1,
        columns: [
          col('paragraph', m.t('figures.col.code'), 'code'),
          col('label', m.t('figures.col.paragraph'), 'text'),
          col('fields', m.t('figures.col.fields'), 'count'),
          xCol,
          meanCol,
        ],
        rows: pRows.map((r) => ({ cells: [r.p, sectionName(labels, r.p), r.fields, r.x, r.mean] })),
      },
    },
    {
      id: 'weapon-type',
      heading: m.t('figures.byWeaponType'),
      chart: {
        kind: 'bar',
        title: m.t('figures.chart.byWeaponType'),
        desc: m.t('figures.chart.desc', { states: matrices.length }),
        categories: weaponKeys.map((w) => weaponLabel(m, w)),
        series: [m.t('figures.col.x')],
        values: wRows.map((r) => [r.x]),
        integer: true,
      },
      table: {
        id: 'weapon-type',
        caption: m.t('figures.byWeaponType'),
        rowHeader: 1,
        columns: [
          col('weapon_type', m.t('figures.col.code'), 'code'),
          col('label', m.t('figures.col.weaponType'), 'text'),
          col('fields', m.t('figures.col.fields'), 'count'),
          xCol,
          meanCol,
        ],
        rows: wRows.map((r) => ({ cells: [r.w, weaponLabel(m, r.w), r.fields, r.x, r.mean] })),
      },
    },
    {
      id: 'legal-enforcement',
      heading: m.t('figures.legalEnforcement'),
      chart: {
        kind: 'grouped',
        title: m.t('figures.chart.legalEnforcement'),
        desc: m.t('figures.chart.desc', { states: matrices.length }),
        categories: weaponKeys.map((w) => weaponLabel(m, w)),
        series: [m.t('matrix.kind.legal-framework'), m.t('matrix.kind.enforcement')],
        values: leRows.map((r) => [r.lf, r.en]),
        integer: true,
      },
      table: {
        id: 'legal-enforcement',
        caption: m.t('figures.legalEnforcement'),
        rowHeader: 1,
        columns: [
          col('weapon_type', m.t('figures.col.code'), 'code'),
          col('label', m.t('figures.col.weaponType'), 'text'),
          col('legal_framework', m.t('matrix.kind.legal-framework'), 'count'),
          col('enforcement', m.t('matrix.kind.enforcement'), 'count'),
          col('instrument', m.t('figures.col.instrument'), 'count'),
        ],
        rows: [
          ...leRows.map((r) => ({ cells: [r.w, weaponLabel(m, r.w), r.lf, r.en, r.ins] as Cell[] })),
          {
            cells: ['all', m.t('figures.total'), sum(leRows.map((r) => r.lf)), sum(leRows.map((r) => r.en)), sum(leRows.map((r) => r.ins))],
            total: true,
          },
        ],
      },
    },
  ];
  return { facts, sections, empty: matrices.length === 0 };
}

function averages(labels: Labels, matrices: readonly StateMatrix[], by: 'regionalGroup' | 'organization'): ViewModel {
  const { m } = labels;
  const result: GroupAverages = averagesBy(labels.template.definition.fields, matrices, by);
  const name = by === 'regionalGroup' ? labels.groupName : labels.organizationName;
  const id = by === 'regionalGroup' ? 'regional-group' : 'organization';
  const heading = by === 'regionalGroup' ? m.t('figures.view.regional-group') : m.t('figures.view.organization');
  const codeLabel = by === 'regionalGroup' ? m.t('figures.col.regionalGroup') : m.t('figures.col.organization');
  const row = (g: GroupAverages['all'], label: string, total = false): Row => ({
    cells: [g.group, label, g.states, g.mean, g.median, g.min, g.max],
    total,
  });
  return {
    facts: [{ label: m.t('figures.statesWithMatrix'), value: matrices.length, kind: 'count' }],
    empty: matrices.length === 0,
    sections: [
      {
        id,
        heading,
        chart: {
          kind: 'bar',
          title: m.t('figures.chart.meanBy', { by: heading }),
          desc: m.t('figures.chart.desc', { states: matrices.length }),
          categories: result.groups.map((g) => name(g.group)),
          series: [m.t('figures.col.mean')],
          values: result.groups.map((g) => [g.mean ?? 0]),
          integer: false,
        },
        table: {
          id,
          caption: heading,
          rowHeader: 1,
          columns: [
            col(by === 'regionalGroup' ? 'regional_group' : 'organization', m.t('figures.col.code'), 'code'),
            col('label', codeLabel, 'text'),
            col('states', m.t('figures.col.states'), 'count'),
            col('mean', m.t('figures.col.mean'), 'mean'),
            col('median', m.t('figures.col.median'), 'mean'),
            col('min', m.t('figures.col.min'), 'count'),
            col('max', m.t('figures.col.max'), 'count'),
          ],
          rows: [...result.groups.map((g) => row(g, name(g.group))), row(result.all, m.t('figures.allStates'), true)],
        },
      },
    ],
  };
}

function distributionView(labels: Labels, matrices: readonly StateMatrix[], binWidth: number): ViewModel {
  const { m } = labels;
  const bins = distribution(labels.template.definition.fields, matrices, binWidth);
  const range = (from: number, to: number) => m.t('figures.binRange', { from: m.number(from), to: m.number(to - 1) });
  return {
    facts: [
      { label: m.t('figures.statesWithMatrix'), value: matrices.length, kind: 'count' },
      { label: m.t('figures.binWidth'), value: binWidth, kind: 'count' },
    ],
    empty: matrices.length === 0,
    sections: [
      {
        id: 'distribution',
        heading: m.t('figures.view.distribution'),
        chart: {
          kind: 'histogram',
          title: m.t('figures.chart.distribution'),
          desc: m.t('figures.chart.distributionDesc', { states: matrices.length, width: binWidth }),
          categories: bins.map((b) => range(b.from, b.to)),
          series: [m.t('figures.col.states')],
          values: bins.map((b) => [b.states]),
          bins: bins.map((b) => ({ from: b.from, to: b.to })),
          integer: true,
        },
        table: {
          id: 'distribution',
          caption: m.t('figures.view.distribution'),
          rowHeader: 2,
          columns: [
            col('from', m.t('figures.col.from'), 'count'),
            col('to', m.t('figures.col.toInclusive'), 'count'),
            col('label', m.t('figures.col.fieldsWithX'), 'text'),
            col('states', m.t('figures.col.states'), 'count'),
          ],
          rows: bins.map((b) => ({ cells: [b.from, b.to - 1, range(b.from, b.to), b.states] })),
        },
      },
    ],
  };
}

export const stateSortKeys = ['name', 'iso3', 'group', 'x', 'q', 'na', 'blank', ...paragraphs] as const;
export type StateSort = (typeof stateSortKeys)[number];

function stateView(labels: Labels, matrices: readonly StateMatrix[], sort: StateSort, dir: 'asc' | 'desc'): ViewModel {
  const { m } = labels;
  const fields = labels.template.definition.fields;
  const counts = countsByState(fields, matrices);
  const byParagraph = countsByParagraph(fields, matrices);
  const rows = matrices.map((x, i) => {
    const c = counts[i]!;
    const p = byParagraph[i]!.byParagraph;
    return {
      iso3: x.iso3,
      name: labels.stateName(x.iso3),
      group: labels.groupName(x.regionalGroup),
      x: c.total,
      q: c.counts['?'],
      na: c.counts.NA,
      blank: c.counts.blank,
      p,
    };
  });
  type R = (typeof rows)[number];
  const key = (r: R): string | number => {
    if (sort === 'name' || sort === 'iso3' || sort === 'group') return r[sort];
    if (sort === 'x' || sort === 'q' || sort === 'na' || sort === 'blank') return r[sort];
    return r.p[sort];
  };
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const order = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : m.compare(String(ka), String(kb));
    return (dir === 'asc' ? order : -order) || m.compare(a.name, b.name);
  });
  const sortable = { sortable: true };
  return {
    facts: [{ label: m.t('figures.statesWithMatrix'), value: matrices.length, kind: 'count' }],
    empty: matrices.length === 0,
    sections: [
      {
        id: 'state',
        heading: m.t('figures.view.state'),
        table: {
          id: 'state',
          caption: m.t('figures.view.state'),
          rowHeader: 1,
          columns: [
            col('iso3', m.t('figures.col.iso3'), 'code', sortable),
            col('name', m.t('figures.col.state'), 'text', sortable),
            col('group', m.t('figures.col.regionalGroup'), 'text', sortable),
            col('x', m.t('figures.col.x'), 'count', sortable),
            col('q', m.t('figures.col.q'), 'count', sortable),
            col('na', m.t('figures.col.na'), 'count', sortable),
            col('blank', m.t('figures.col.blank'), 'count', sortable),
            ...paragraphs.map((p) => col(p, paragraphLabel(m, p), 'count', sortable)),
          ],
          rows: rows.map((r) => ({
            cells: [r.iso3, r.name, r.group, r.x, r.q, r.na, r.blank, ...paragraphs.map((p) => r.p[p])],
            href: labels.stateHref(r.iso3),
          })),
        },
      },
    ],
  };
}

function changeView(labels: Labels, before: readonly StateMatrix[], after: readonly StateMatrix[]): ViewModel {
  const { m } = labels;
  const fields = labels.template.definition.fields;
  const changes = changeBetween(fields, before, after);
  const totals = changeTotals(changes, before.length, after.length);
  const paragraphOf = new Map(fields.map((f) => [f.code, f.paragraph]));
  const pRows = paragraphs.map((p) => {
    const gained = sum(changes.map((c) => c.gained.filter((code) => paragraphOf.get(code) === p).length));
    const lost = sum(changes.map((c) => c.lost.filter((code) => paragraphOf.get(code) === p).length));
    return { p, gained, lost };
  });
  const sorted = [...changes].sort((a, b) => m.compare(labels.stateName(a.iso3), labels.stateName(b.iso3)));
  return {
    facts: [
      { label: m.t('figures.statesBefore'), value: totals.statesBefore, kind: 'count' },
      { label: m.t('figures.statesAfter'), value: totals.statesAfter, kind: 'count' },
      { label: m.t('figures.col.gained'), value: totals.gained, kind: 'count' },
      { label: m.t('figures.col.lost'), value: totals.lost, kind: 'count' },
      { label: m.t('figures.col.difference'), value: totals.difference, kind: 'count' },
    ],
    empty: before.length === 0 && after.length === 0,
    sections: [
      {
        id: 'change-paragraph',
        heading: m.t('figures.changeByParagraph'),
        chart: {
          kind: 'grouped',
          title: m.t('figures.chart.changeByParagraph'),
          desc: m.t('figures.chart.changeDesc'),
          categories: paragraphs.map((p) => paragraphLabel(m, p)),
          series: [m.t('figures.col.gained'), m.t('figures.col.lost')],
          values: pRows.map((r) => [r.gained, r.lost]),
          integer: true,
        },
        table: {
          id: 'change-paragraph',
          caption: m.t('figures.changeByParagraph'),
          rowHeader: 1,
          columns: [
            col('paragraph', m.t('figures.col.code'), 'code'),
            col('label', m.t('figures.col.paragraph'), 'text'),
            col('gained', m.t('figures.col.gained'), 'count'),
            col('lost', m.t('figures.col.lost'), 'count'),
            col('difference', m.t('figures.col.difference'), 'count'),
          ],
          rows: [
            ...pRows.map((r) => ({ cells: [r.p, sectionName(labels, r.p), r.gained, r.lost, r.gained - r.lost] as Cell[] })),
            { cells: ['all', m.t('figures.total'), totals.gained, totals.lost, totals.gained - totals.lost], total: true },
          ],
        },
      },
      {
        id: 'change-state',
        heading: m.t('figures.changeByState'),
        table: {
          id: 'change-state',
          caption: m.t('figures.changeByState'),
          rowHeader: 1,
          columns: [
            col('iso3', m.t('figures.col.iso3'), 'code'),
            col('name', m.t('figures.col.state'), 'text'),
            col('before', m.t('figures.col.before'), 'count'),
            col('after', m.t('figures.col.after'), 'count'),
            col('difference', m.t('figures.col.difference'), 'count'),
            col('gained', m.t('figures.col.gained'), 'count'),
            col('lost', m.t('figures.col.lost'), 'count'),
            col('gained_fields', m.t('figures.col.gainedFields'), 'code', { csvOnly: true }),
            col('lost_fields', m.t('figures.col.lostFields'), 'code', { csvOnly: true }),
          ],
          rows: [
            ...sorted.map((c) => ({
              cells: [
                c.iso3,
                labels.stateName(c.iso3),
                c.before,
                c.after,
                c.difference,
                c.gained.length,
                c.lost.length,
                c.gained.join(' '),
                c.lost.join(' '),
              ] as Cell[],
              href: labels.stateHref(c.iso3),
            })),
            {
              cells: ['all', m.t('figures.total'), totals.before, totals.after, totals.difference, totals.gained, totals.lost, '', ''],
              total: true,
            },
          ],
        },
      },
    ],
  };
}

function gapsView(labels: Labels, result: StateGaps, iso3: string, regionalGroup: string, threshold: number): ViewModel {
  const { m } = labels;
  return {
    facts: [
      { label: m.t('figures.col.state'), value: labels.stateName(iso3), kind: 'text' },
      { label: m.t('figures.col.regionalGroup'), value: labels.groupName(regionalGroup), kind: 'text' },
      { label: m.t('figures.peers'), value: result.peers, kind: 'count' },
      { label: m.t('figures.threshold'), value: threshold, kind: 'share' },
      { label: m.t('figures.gapCount'), value: result.gaps.length, kind: 'count' },
    ],
    empty: !result.published,
    sections: [
      {
        id: 'gaps',
        heading: m.t('figures.view.gaps'),
        table: {
          id: 'gaps',
          caption: m.t('figures.gapsOf', { name: labels.stateName(iso3) }),
          rowHeader: 1,
          columns: [
            col('field', m.t('figures.col.field'), 'code'),
            col('label', m.t('figures.col.fieldLabel'), 'text'),
            col('paragraph', m.t('figures.col.paragraph'), 'text'),
            col('share', m.t('figures.col.share'), 'share'),
            col('peers_with_x', m.t('figures.col.peersWithX'), 'count'),
          ],
          rows: result.gaps.map((g) => ({
            cells: [g.field.code, labels.fieldLabel(g.field.code), paragraphLabel(m, g.field.paragraph), g.share, g.peersWithX],
          })),
        },
      },
    ],
  };
}

export type ViewInput =
  | { view: 'overview'; matrices: readonly StateMatrix[] }
  | { view: 'regional-group' | 'organization'; matrices: readonly StateMatrix[] }
  | { view: 'distribution'; matrices: readonly StateMatrix[]; binWidth: number }
  | { view: 'state'; matrices: readonly StateMatrix[]; sort: StateSort; dir: 'asc' | 'desc' }
  | { view: 'change'; before: readonly StateMatrix[]; after: readonly StateMatrix[] }
  | { view: 'gaps'; result: StateGaps; iso3: string; regionalGroup: string; threshold: number };

export function buildView(labels: Labels, input: ViewInput): ViewModel {
  switch (input.view) {
    case 'overview':
      return overview(labels, input.matrices);
    case 'regional-group':
      return averages(labels, input.matrices, 'regionalGroup');
    case 'organization':
      return averages(labels, input.matrices, 'organization');
    case 'distribution':
      return distributionView(labels, input.matrices, input.binWidth);
    case 'state':
      return stateView(labels, input.matrices, input.sort, input.dir);
    case 'change':
      return changeView(labels, input.before, input.after);
    case 'gaps':
      return gapsView(labels, input.result, input.iso3, input.regionalGroup, input.threshold);
  }
}

/** A number rounded to four places; texts are the CSV writer's to neutralise. */
function csvCell(cell: Cell): CsvCell {
  return typeof cell === 'number' ? Math.round(cell * 10_000) / 10_000 : cell;
}

/** UTF-8 with a byte-order mark (spreadsheets then read it as UTF-8), CRLF lines, the codes as header. */
export function tableCsv(table: FigureTable): string {
  const lines = [table.columns.map((c) => csvField(c.code)), ...table.rows.map((r) => r.cells.map((cell) => csvField(csvCell(cell))))];
  return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
