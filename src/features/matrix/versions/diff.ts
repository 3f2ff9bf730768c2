import { blankCell, type CellContent } from './cells.ts';

/** A cell as compared: its value and evidence. */
export type ComparableCell = CellContent;

export interface CellChange {
  field: string;
  from: ComparableCell | null;
  to: ComparableCell | null;
  /** Which parts changed: value, remarks, sources, infoDate, instrument. */
  changed: string[];
}

/** Field by field, what changed between two versions; a missing cell is a blank one. Sorted by field. */
export function diffCells(from: ReadonlyMap<string, ComparableCell>, to: ReadonlyMap<string, ComparableCell>): CellChange[] {
  const fields = [...new Set([...from.keys(), ...to.keys()])].sort();
  const changes: CellChange[] = [];
  for (const field of fields) {
    const a = from.get(field) ?? blankCell;
    const b = to.get(field) ?? blankCell;
    const changed: string[] = [];
    if (a.value !== b.value) changed.push('value');
    if (a.remarks !== b.remarks) changed.push('remarks');
    if (JSON.stringify(a.sources) !== JSON.stringify(b.sources)) changed.push('sources');
    if (a.infoDate !== b.infoDate) changed.push('infoDate');
    if (a.instrumentStatus !== b.instrumentStatus || a.instrumentDate !== b.instrumentDate) changed.push('instrument');
    if (changed.length) changes.push({ field, from: from.get(field) ?? null, to: to.get(field) ?? null, changed });
  }
  return changes;
}
