import type { FieldProblem } from '../../../platform/errors.ts';
import type { CellSource } from '../schema.ts';

/**
 * The conversion of a matrix from one template to another, as the Committee did for every
 * matrix in 2018: a mapping names, for each field of the old template, the field of the new one
 * that takes its cell. Fields the mapping does not list go to the field of the same code when
 * the new template has one; `null` says a field has no counterpart. Pure functions: the
 * commands (`convert-commands.ts`) read and write.
 *
 * ```json
 * { "from": "2017", "to": "2026", "fields": { "OP2.MANUFACTURE.N.LF": "OP2.PRODUCE.N.LF", "OP1.OTHER": null } }
 * ```
 */
export interface ConversionMapping {
  /** The template converted from; checked against the matrix's when given. */
  from?: string;
  /** The template converted to; checked against the target when given. */
  to?: string;
  fields: Record<string, string | null>;
}

/** What a conversion needs of a template: its version and the codes of its fields, in order. */
export interface ConvertibleTemplate {
  version: string;
  fields: readonly { code: string }[];
}

export interface ConversionPlan {
  from: string;
  to: string;
  /** Source field code → target field code, for every source field that has a target. */
  map: Map<string, string>;
  /** What is wrong with the mapping, each named by its path (`fields.OP2.X`, `from`, `to`). */
  problems: FieldProblem[];
  /** Source fields with no target: their cells are not carried over. */
  unmappable: string[];
  /** Target fields that no source field fills: blank after the conversion. */
  unfilled: string[];
}

/** A cell's content as the conversion carries it. */
export interface ConvertibleCell {
  field: string;
  value: 'X' | '?' | 'NA' | '';
  remarks: string;
  sources: CellSource[];
  infoDate: string | null;
  instrumentStatus: string | null;
  instrumentDate: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a mapping from parsed JSON; every problem named by its path. */
export function parseMapping(input: unknown): { mapping: ConversionMapping; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const mapping: ConversionMapping = { fields: {} };
  if (!isObject(input)) {
    problems.push({
      field: 'mapping',
      problem: 'must be a JSON object: { "from": …, "to": …, "fields": { "OLD.CODE": "NEW.CODE" | null } }',
    });
    return { mapping, problems };
  }
  for (const key of ['from', 'to'] as const) {
    const v = input[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' || !v) problems.push({ field: `mapping.${key}`, problem: 'must be a template version' });
    else mapping[key] = v;
  }
  const fields = input.fields ?? {};
  if (!isObject(fields)) problems.push({ field: 'mapping.fields', problem: 'must be an object of field codes' });
  else
    for (const [from, to] of Object.entries(fields)) {
      if (to === null || (typeof to === 'string' && to)) mapping.fields[from] = to;
      else problems.push({ field: `mapping.fields.${from}`, problem: 'must be the code of a field of the new template, or null' });
    }
  for (const key of Object.keys(input))
    if (!['from', 'to', 'fields'].includes(key))
      problems.push({ field: `mapping.${key}`, problem: 'is not part of a mapping (from, to, fields)' });
  return { mapping, problems };
}

/**
 * Resolves a mapping between two templates: which target field each source field goes to, what
 * is wrong with the mapping (unknown codes, two sources onto one target), and what is lost or
 * left blank.
 */
export function planConversion(
  from: ConvertibleTemplate,
  to: ConvertibleTemplate,
  mapping: ConversionMapping = { fields: {} },
): ConversionPlan {
  const problems: FieldProblem[] = [];
  if (mapping.from !== undefined && mapping.from !== from.version)
    problems.push({ field: 'from', problem: `the mapping is from ${mapping.from}, the matrix uses ${from.version}` });
  if (mapping.to !== undefined && mapping.to !== to.version)
    problems.push({ field: 'to', problem: `the mapping is to ${mapping.to}, the conversion to ${to.version}` });
  const sourceCodes = new Set(from.fields.map((f) => f.code));
  const targetCodes = new Set(to.fields.map((f) => f.code));
  for (const [code, target] of Object.entries(mapping.fields)) {
    if (!sourceCodes.has(code)) problems.push({ field: `fields.${code}`, problem: `is not a field of the template ${from.version}` });
    if (target !== null && !targetCodes.has(target))
      problems.push({ field: `fields.${code}`, problem: `maps to ${target}, which is not a field of the template ${to.version}` });
  }
  const listed = new Map(Object.entries(mapping.fields));
  const map = new Map<string, string>();
  const unmappable: string[] = [];
  const sourcesOf = new Map<string, string[]>();
  for (const { code } of from.fields) {
    const target = listed.has(code) ? listed.get(code)! : targetCodes.has(code) ? code : null;
    if (target === null || !targetCodes.has(target)) {
      unmappable.push(code);
      continue;
    }
    map.set(code, target);
    sourcesOf.set(target, [...(sourcesOf.get(target) ?? []), code]);
  }
  for (const [target, sources] of sourcesOf)
    if (sources.length > 1)
      for (const code of sources)
        if (listed.has(code) || code !== target)
          problems.push({
            field: `fields.${code}`,
            problem: `maps to ${target}, as do ${sources.filter((s) => s !== code).join(', ')}: one target takes one source (map the other to null or elsewhere)`,
          });
        else
          problems.push({
            field: `fields.${code}`,
            problem: `goes to ${target} by its code, which ${sources.filter((s) => s !== code).join(', ')} also takes: map it to null or elsewhere`,
          });
  const unfilled = to.fields.map((f) => f.code).filter((code) => !sourcesOf.has(code));
  return { from: from.version, to: to.version, map, problems, unmappable, unfilled };
}

/** The note added to the remarks of a cell whose field changed its code. */
export function conversionNote(plan: Pick<ConversionPlan, 'from' | 'to'>, oldCode: string, newCode: string): string {
  return `[${oldCode} (${plan.from}) → ${newCode} (${plan.to})]`;
}

/**
 * The cells of a matrix in the target template: each cell moves to its field's target with its
 * value, sources, dates and remarks; where the code changes, the remarks note the old code.
 * Cells whose field has no target are returned apart, so that the report can list them.
 */
export function convertCells<C extends ConvertibleCell>(
  cells: readonly C[],
  plan: Pick<ConversionPlan, 'from' | 'to' | 'map'>,
): { cells: C[]; unmapped: C[]; renamed: { from: string; to: string }[] } {
  const out: C[] = [];
  const unmapped: C[] = [];
  const renamed: { from: string; to: string }[] = [];
  for (const cell of cells) {
    const target = plan.map.get(cell.field);
    if (target === undefined) {
      unmapped.push(cell);
      continue;
    }
    if (target === cell.field) {
      out.push({ ...cell, sources: cell.sources.map((s) => ({ ...s })) });
      continue;
    }
    const note = conversionNote(plan, cell.field, target);
    out.push({
      ...cell,
      field: target,
      sources: cell.sources.map((s) => ({ ...s })),
      remarks: cell.remarks ? `${cell.remarks}\n${note}` : note,
    });
    renamed.push({ from: cell.field, to: target });
  }
  return { cells: out, unmapped, renamed };
}
