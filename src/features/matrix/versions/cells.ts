import type { FieldProblem } from '../../../platform/errors.ts';
import { isIsoDate, todayIso } from '../../../platform/values/dates.ts';
import type { CellSource, MatrixCellTable } from '../schema.ts';
import { cellValues } from '../templates/template.ts';
import type { CellRow } from './matrices.ts';

/*
 * A cell's content (its value and evidence), the checks every door makes of it before the write
 * core stores it, and what a reader sees of a stored cell.
 */

export type InstrumentStatus = NonNullable<MatrixCellTable['instrument_status']>;
export const sourceKinds: readonly CellSource['kind'][] = ['law', 'national-report', 'website', 'organization', 'other'];
export const instrumentStatuses: readonly InstrumentStatus[] = ['signed', 'ratified', 'acceded', 'succeeded', 'member', 'not-party'];

/** A cell's value and evidence, as compared, presented and written. */
export interface CellContent {
  value: string;
  remarks: string;
  sources: CellSource[];
  infoDate: string | null;
  instrumentStatus: string | null;
  instrumentDate: string | null;
}

/** A missing cell is a blank one. */
export const blankCell: CellContent = { value: '', remarks: '', sources: [], infoDate: null, instrumentStatus: null, instrumentDate: null };

/** What every reader of a version sees of one of its cells (the presenter of a cell's content). */
export function cellContent(c: CellRow): CellContent {
  return {
    value: c.value,
    remarks: c.remarks,
    sources: c.sources,
    infoDate: c.info_date,
    instrumentStatus: c.instrument_status,
    instrumentDate: c.instrument_date,
  };
}

/** A source with its optional parts only where they say something, in a fixed order. */
export function normalSource(s: CellSource): CellSource {
  const out: CellSource = { kind: s.kind, citation: s.citation };
  if (s.locator) out.locator = s.locator;
  if (s.url) out.url = s.url;
  if (s.language) out.language = s.language;
  return out;
}

/** Whether two cells say the same (a missing cell is a blank one). */
export function sameContent(a: CellContent, b: CellContent | null): boolean {
  const y = b ?? blankCell;
  return (
    a.value === y.value &&
    a.remarks === y.remarks &&
    (a.infoDate ?? null) === (y.infoDate ?? null) &&
    (a.instrumentStatus ?? null) === (y.instrumentStatus ?? null) &&
    (a.instrumentDate ?? null) === (y.instrumentDate ?? null) &&
    JSON.stringify(a.sources.map(normalSource)) === JSON.stringify(y.sources.map(normalSource))
  );
}

/** A source as a door gives it; its kind is checked with the rest (`checkCellChanges`). */
export type SourceInput = Omit<CellSource, 'kind'> & { kind: string };

/** A change of one cell, as every door gives it to the write core. */
export interface CellChangeInput {
  field: string;
  /** The row version the editor saw (0 for a cell that did not exist yet); absent: no stale-save check. */
  expectedVersion?: number;
  value: string;
  remarks?: string;
  sources?: SourceInput[];
  infoDate?: string | null;
  instrumentStatus?: string | null;
  instrumentDate?: string | null;
}

/** Every problem of a set of changes, each named by its field code (`OP2.USE.C.EN.value`). */
export function checkCellChanges(fieldCodes: ReadonlySet<string>, changes: readonly CellChangeInput[], today = todayIso()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const c of changes) {
    const at = (part: string) => `${c.field}${part}`;
    if (!fieldCodes.has(c.field)) {
      problems.push({ field: c.field, problem: 'is not a field of this matrix’s template' });
      continue;
    }
    if (seen.has(c.field)) problems.push({ field: c.field, problem: 'is changed twice in one save' });
    seen.add(c.field);
    if (!(cellValues as readonly string[]).includes(c.value))
      problems.push({ field: at('.value'), problem: `"${c.value}" is not in the legend (X, ?, NA or blank)` });
    const sources = c.sources ?? [];
    if ((c.value === 'X' || c.value === '?') && sources.length === 0)
      problems.push({ field: at('.sources'), problem: `a value of ${c.value} needs at least one source` });
    sources.forEach((s, i) => {
      if (!(sourceKinds as readonly string[]).includes(s.kind))
        problems.push({ field: at(`.sources[${i}].kind`), problem: `must be one of ${sourceKinds.join(', ')}` });
      if (!s.citation?.trim()) problems.push({ field: at(`.sources[${i}].citation`), problem: 'is required' });
      if (s.url && !/^https?:\/\//.test(s.url))
        problems.push({ field: at(`.sources[${i}].url`), problem: 'must be an http or https address' });
    });
    for (const [part, date] of [
      ['.infoDate', c.infoDate],
      ['.instrumentDate', c.instrumentDate],
    ] as const) {
      if (date && !isIsoDate(date)) problems.push({ field: at(part), problem: 'must be a date written YYYY-MM-DD' });
      else if (date && date > today) problems.push({ field: at(part), problem: 'is in the future' });
    }
    if (c.instrumentStatus && !(instrumentStatuses as readonly string[]).includes(c.instrumentStatus))
      problems.push({ field: at('.instrumentStatus'), problem: `must be one of ${instrumentStatuses.join(', ')}` });
    if ((c.remarks ?? '').length > 4000) problems.push({ field: at('.remarks'), problem: 'must be at most 4,000 characters' });
  }
  return problems;
}
