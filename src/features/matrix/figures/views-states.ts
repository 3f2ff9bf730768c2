import { changeBetween, countsByParagraph, countsByState, type StateMatrix } from './figures.ts';
import { paragraphs } from '../templates/template.ts';

import {
  changeTotals,
  type Cell,
  col,
  type Labels,
  paragraphLabel,
  paragraphShown,
  sectionName,
  type StateGaps,
  sum,
  type ViewModel,
} from './view-model.ts';

/* The views State by State: the table of States, the change between two dates, one State's gaps. */

export const stateSortKeys = ['name', 'iso3', 'group', 'x', 'q', 'na', 'blank', ...paragraphs] as const;
export type StateSort = (typeof stateSortKeys)[number];

export function stateView(labels: Labels, matrices: readonly StateMatrix[], sort: StateSort, dir: 'asc' | 'desc'): ViewModel {
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

export function changeView(labels: Labels, before: readonly StateMatrix[], after: readonly StateMatrix[]): ViewModel {
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
            col('paragraph', m.t('figures.col.paragraph'), 'text', { show: (p) => paragraphShown(m, p) }),
            col('label', m.t('figures.col.section'), 'text'),
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
            col('iso3', m.t('figures.col.iso3'), 'code', { show: (c) => (c === 'all' ? '' : String(c ?? '')) }),
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

export function gapsView(labels: Labels, result: StateGaps, iso3: string, regionalGroup: string, threshold: number): ViewModel {
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
