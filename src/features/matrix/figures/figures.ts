import {
  type CellValue,
  type Paragraph,
  paragraphs,
  type TemplateData,
  type TemplateField,
  type WeaponType,
  weaponTypes,
} from '../templates/template.ts';

/**
 * The figures the Committee draws from matrices (matrix.md, "Figures"), as pure functions over
 * matrices already selected "as at" a date by the database layer. Every figure iterates the
 * template's fields, never a matrix's own keys: a matrix converted from another template may
 * carry codes this template does not have, and they must not count.
 */

/** One State's matrix as in force on the date of the figures. */
export interface StateMatrix {
  iso3: string;
  /** e.g. `african`. */
  regionalGroup: string;
  /** e.g. `['AU', 'LAS']`. */
  organizations: string[];
  /** Field code → value; a missing field code means blank (''). */
  values: Record<string, CellValue>;
}

/** The figures accept a whole template or just its fields, whichever the caller holds. */
export type FieldSource = TemplateData | readonly TemplateField[];

/** The legend's four values; `blank` names '' so that it reads in tables and CSV headers. */
export type LegendKey = 'X' | '?' | 'NA' | 'blank';
export type LegendCounts = Record<LegendKey, number>;

export interface StateCounts {
  iso3: string;
  /** Fields with measures (X): the Committee's headline figure. */
  total: number;
  counts: LegendCounts;
}

export interface ParagraphCounts {
  iso3: string;
  byParagraph: Record<Paragraph, number>;
}

/** `none` collects fields about no weapon type in particular (e.g. OP1 memberships). */
export type WeaponKey = WeaponType | 'none';

export interface WeaponTypeCounts {
  iso3: string;
  byWeaponType: Record<WeaponKey, number>;
}

export interface MeasureKindCounts {
  iso3: string;
  legalFramework: number;
  enforcement: number;
  /** OP1 instrument fields, kept apart so legal framework and enforcement compare like for like. */
  instrument: number;
}

/** Summary of the X totals of a set of States; the statistics are null when the set is empty. */
export interface GroupSummary {
  group: string;
  states: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}

export interface GroupAverages {
  /** Over all States given, whatever their groups. */
  all: GroupSummary;
  /** One per group, sorted by group name. */
  groups: GroupSummary[];
}

export type GroupBy = 'regionalGroup' | 'organization';

/** A bin [from, to) of X counts and the number of States in it. */
export interface DistributionBin {
  from: number;
  to: number;
  states: number;
}

export interface StateChange {
  iso3: string;
  before: number;
  after: number;
  difference: number;
  /** Field codes that went from not-X to X, sorted. */
  gained: string[];
  /** Field codes that went from X to not-X, sorted. */
  lost: string[];
}

export interface Gap {
  code: string;
  /** Share (0–1) of the peers with X in this field. */
  share: number;
}

function fieldsOf(source: FieldSource): readonly TemplateField[] {
  return 'fields' in source ? source.fields : source;
}

/** `Object.hasOwn` so that a field code such as `constructor` never reads the prototype. */
export function cellOf(matrix: StateMatrix | undefined, code: string): CellValue {
  if (matrix === undefined || !Object.hasOwn(matrix.values, code)) return '';
  return matrix.values[code] ?? '';
}

function hasX(matrix: StateMatrix | undefined, code: string): boolean {
  return cellOf(matrix, code) === 'X';
}

/** Code-unit order: stable across machines and locales, unlike `localeCompare`. */
function byCode(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function legendKey(value: CellValue): LegendKey {
  return value === '' ? 'blank' : value;
}

/** Number of X fields of one State over the template. */
export function totalX(source: FieldSource, matrix: StateMatrix | undefined): number {
  return fieldsOf(source).filter((field) => hasX(matrix, field.code)).length;
}

/** Counts X per key, with every key present so that tables and sums never miss a column. */
function countXBy<K extends string>(
  fields: readonly TemplateField[],
  matrix: StateMatrix,
  keys: readonly K[],
  keyOf: (field: TemplateField) => K,
): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const field of fields) {
    if (hasX(matrix, field.code)) counts[keyOf(field)] += 1;
  }
  return counts;
}

export function countsByState(source: FieldSource, matrices: readonly StateMatrix[]): StateCounts[] {
  const fields = fieldsOf(source);
  return matrices.map((matrix) => {
    const counts: LegendCounts = { X: 0, '?': 0, NA: 0, blank: 0 };
    for (const field of fields) counts[legendKey(cellOf(matrix, field.code))] += 1;
    return { iso3: matrix.iso3, total: counts.X, counts };
  });
}

export function countsByParagraph(source: FieldSource, matrices: readonly StateMatrix[]): ParagraphCounts[] {
  const fields = fieldsOf(source);
  return matrices.map((matrix) => ({
    iso3: matrix.iso3,
    byParagraph: countXBy(fields, matrix, paragraphs, (field) => field.paragraph),
  }));
}

const weaponKeys: readonly WeaponKey[] = [...weaponTypes, 'none'];

export function countsByWeaponType(source: FieldSource, matrices: readonly StateMatrix[]): WeaponTypeCounts[] {
  const fields = fieldsOf(source);
  return matrices.map((matrix) => ({
    iso3: matrix.iso3,
    byWeaponType: countXBy(fields, matrix, weaponKeys, (field) => field.weaponType ?? 'none'),
  }));
}

export function legalVersusEnforcement(source: FieldSource, matrices: readonly StateMatrix[]): MeasureKindCounts[] {
  const fields = fieldsOf(source);
  return matrices.map((matrix) => {
    const kinds = ['instrument', 'legal-framework', 'enforcement'] as const;
    const counts = countXBy(fields, matrix, kinds, (field) => field.measureKind);
    return {
      iso3: matrix.iso3,
      legalFramework: counts['legal-framework'],
      enforcement: counts.enforcement,
      instrument: counts.instrument,
    };
  });
}

/** The median of an even count is the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle]!;
  return sorted.length % 2 === 1 ? upper : (sorted[middle - 1]! + upper) / 2;
}

export function summarise(group: string, totals: readonly number[]): GroupSummary {
  if (totals.length === 0) {
    return { group, states: 0, mean: null, median: null, min: null, max: null };
  }
  const sum = totals.reduce((acc, value) => acc + value, 0);
  return {
    group,
    states: totals.length,
    mean: sum / totals.length,
    median: median(totals),
    min: Math.min(...totals),
    max: Math.max(...totals),
  };
}

/** The groups a State counts in; a State listing an organization twice still counts once. */
function groupsOf(matrix: StateMatrix, by: GroupBy): string[] {
  return by === 'regionalGroup' ? [matrix.regionalGroup] : [...new Set(matrix.organizations)];
}

/**
 * Averages of X per regional group or organization. A State counts in every organization it
 * belongs to, so organization groups overlap and their sizes need not add up to `all.states`.
 */
export function averagesBy(source: FieldSource, matrices: readonly StateMatrix[], by: GroupBy): GroupAverages {
  const totals = new Map<string, number[]>();
  const all: number[] = [];
  for (const matrix of matrices) {
    const total = totalX(source, matrix);
    all.push(total);
    for (const group of groupsOf(matrix, by)) {
      const list = totals.get(group) ?? [];
      list.push(total);
      totals.set(group, list);
    }
  }
  const groups = [...totals.keys()].sort(byCode).map((group) => summarise(group, totals.get(group)!));
  return { all: summarise('all', all), groups };
}

/**
 * States per bin of X counts, from 0 up to the bin holding the template's field count, every bin
 * present so that charts of two dates line up even where a bin is empty.
 */
export function distribution(source: FieldSource, matrices: readonly StateMatrix[], binWidth: number): DistributionBin[] {
  if (!Number.isInteger(binWidth) || binWidth < 1) {
    throw new RangeError(`binWidth must be a positive integer, got ${binWidth}`);
  }
  const binCount = Math.floor(fieldsOf(source).length / binWidth) + 1;
  const bins = Array.from({ length: binCount }, (_, index) => ({
    from: index * binWidth,
    to: (index + 1) * binWidth,
    states: 0,
  }));
  for (const matrix of matrices) {
    bins[Math.floor(totalX(source, matrix) / binWidth)]!.states += 1;
  }
  return bins;
}

/** Two matrices for one State would make "the State's change" ambiguous: refuse them. */
function indexByIso3(matrices: readonly StateMatrix[]): Map<string, StateMatrix> {
  const index = new Map<string, StateMatrix>();
  for (const matrix of matrices) {
    if (index.has(matrix.iso3)) throw new RangeError(`two matrices for ${matrix.iso3}`);
    index.set(matrix.iso3, matrix);
  }
  return index;
}

/**
 * Change per State between two selections (e.g. as at two dates), sorted by ISO code. A State on
 * one side only counts as all blank on the other, so a first matrix shows as all gains.
 */
export function changeBetween(source: FieldSource, before: readonly StateMatrix[], after: readonly StateMatrix[]): StateChange[] {
  const fields = fieldsOf(source);
  const old = indexByIso3(before);
  const current = indexByIso3(after);
  const codes = [...new Set([...old.keys(), ...current.keys()])].sort(byCode);
  return codes.map((iso3) => {
    const was = old.get(iso3);
    const is = current.get(iso3);
    const gained = fields.filter((f) => !hasX(was, f.code) && hasX(is, f.code)).map((f) => f.code);
    const lost = fields.filter((f) => hasX(was, f.code) && !hasX(is, f.code)).map((f) => f.code);
    const countBefore = totalX(fields, was);
    const countAfter = totalX(fields, is);
    return {
      iso3,
      before: countBefore,
      after: countAfter,
      difference: countAfter - countBefore,
      gained: gained.sort(byCode),
      lost: lost.sort(byCode),
    };
  });
}

/**
 * The gaps of a State: fields it has blank (no information, not '?' or NA, which say something
 * was found or does not apply) where strictly more than `threshold` of its peers have X.
 */
export function gaps(source: FieldSource, state: StateMatrix, peers: readonly StateMatrix[], threshold = 0.5): Gap[] {
  // The caller may pass the whole regional group; the State is not its own peer.
  const others = peers.filter((peer) => peer.iso3 !== state.iso3);
  if (others.length === 0) return [];
  const found: Gap[] = [];
  for (const field of fieldsOf(source)) {
    if (cellOf(state, field.code) !== '') continue;
    const withX = others.filter((peer) => hasX(peer, field.code)).length;
    const share = withX / others.length;
    if (share > threshold) found.push({ code: field.code, share });
  }
  return found.sort((a, b) => b.share - a.share || byCode(a.code, b.code));
}
