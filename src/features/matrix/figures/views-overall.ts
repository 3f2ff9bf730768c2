import {
  averagesBy,
  countsByParagraph,
  countsByWeaponType,
  distribution,
  type GroupAverages,
  legalVersusEnforcement,
  median,
  type StateMatrix,
  totalX,
} from './figures.ts';
import { paragraphs } from '../templates/template.ts';

import {
  type Cell,
  codeOnly,
  col,
  type Fact,
  type FigureSection,
  type Labels,
  mean,
  paragraphLabel,
  paragraphShown,
  type Row,
  sectionName,
  sum,
  type ViewModel,
  weaponKeys,
  weaponLabel,
} from './view-model.ts';

/* The views over all States: the overview, the averages by regional group or organization, the distribution. */

export function overview(labels: Labels, matrices: readonly StateMatrix[]): ViewModel {
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
          col('paragraph', m.t('figures.col.paragraph'), 'text', { show: (p) => paragraphShown(m, p) }),
          col('label', m.t('figures.col.section'), 'text'),
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
          col('weapon_type', m.t('figures.col.code'), 'code', codeOnly),
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
          col('weapon_type', m.t('figures.col.code'), 'code', codeOnly),
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

export function averages(labels: Labels, matrices: readonly StateMatrix[], by: 'regionalGroup' | 'organization'): ViewModel {
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
            col(by === 'regionalGroup' ? 'regional_group' : 'organization', m.t('figures.col.code'), 'code', codeOnly),
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

export function distributionView(labels: Labels, matrices: readonly StateMatrix[], binWidth: number): ViewModel {
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
