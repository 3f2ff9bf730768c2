import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { textProblems } from '../values/text.ts';
import type { FieldProblem } from '../errors.ts';
import { bundleSections } from './registry.ts';
import type { BundleContext, BundleSection, RecordProblem } from './section.ts';

export const bundleFormat = 'r1540-bundle';
/** Bumped only by an incompatible change; a new section or a new optional field is not one. */
export const bundleFormatVersion = 1;

export interface ValidSection {
  section: BundleSection<unknown>;
  records: unknown[];
}

export interface Validation {
  problems: FieldProblem[];
  /** The sections present in the bundle, in dependency order, their records parsed. */
  sections: ValidSection[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

function joinField(base: string, rest: string): string {
  if (!rest) return base;
  return rest.startsWith('[') || rest.startsWith('.') ? `${base}${rest}` : `${base}.${rest}`;
}

/** Zod's issues, one problem per field, worded for a person fixing the file. */
function schemaProblems(index: number, issues: readonly z.core.$ZodIssue[]): RecordProblem[] {
  return issues.flatMap((issue): RecordProblem[] => {
    const at = pathOf(issue.path);
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((k) => ({ index, field: joinField(at, k), problem: 'is not a field of this kind of record' }));
    const problem = issue.code === 'invalid_type' && / received undefined$/.test(issue.message) ? 'is required' : issue.message;
    return [{ index, field: at, problem }];
  });
}

function parseJson(json: string): { value?: unknown; problem?: FieldProblem } {
  try {
    return { value: JSON.parse(json) as unknown };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const at = /position (\d+)/.exec(message);
    let where = '';
    if (at) {
      const before = json.slice(0, Number(at[1]));
      const line = before.split('\n').length;
      where = ` (line ${line}, column ${before.length - before.lastIndexOf('\n')})`;
    }
    return { problem: { field: '(bundle)', problem: `is not valid JSON${where}: ${message}` } };
  }
}

/**
 * Every problem with a bundle, each named by its path (`sections.member-states[12].names.zh`):
 * the JSON, the header, unknown sections, each record against its section's schema, duplicate
 * keys, and references to records that are neither in the bundle nor (given `db`) in the database.
 */
export async function validateBundle(json: unknown, db?: Kysely<DB>, context: BundleContext = {}): Promise<Validation> {
  let root = json;
  if (typeof json === 'string') {
    const parsed = parseJson(json);
    if (parsed.problem) return { problems: [parsed.problem], sections: [] };
    root = parsed.value;
  }
  if (!isObject(root)) return { problems: [{ field: '(bundle)', problem: 'must be a JSON object' }], sections: [] };

  const problems: FieldProblem[] = [];
  if (root.format !== bundleFormat) problems.push({ field: 'format', problem: `must be "${bundleFormat}", not ${describe(root.format)}` });
  else if (root.formatVersion !== bundleFormatVersion)
    problems.push({
      field: 'formatVersion',
      problem:
        typeof root.formatVersion === 'number' && root.formatVersion > bundleFormatVersion
          ? `is ${root.formatVersion}, and this r1540 reads version ${bundleFormatVersion}: import it with a newer r1540`
          : `must be ${bundleFormatVersion}, not ${describe(root.formatVersion)}`,
    });
  // Records are read by the rules of their format version: with another format, stop here.
  if (problems.length) return { problems, sections: [] };
  if (root.exportedAt !== undefined && typeof root.exportedAt !== 'string')
    problems.push({ field: 'exportedAt', problem: 'must be a date and time written as text' });
  if (root.exportedBy !== undefined && root.exportedBy !== null && typeof root.exportedBy !== 'string')
    problems.push({ field: 'exportedBy', problem: 'must be an e-mail address, or null for the public' });
  if (!isObject(root.sections)) {
    problems.push({ field: 'sections', problem: 'must be an object with one list of records per section' });
    return { problems, sections: [] };
  }
  const given = root.sections;
  const known = bundleSections().map((s) => s.name);
  for (const name of Object.keys(given))
    if (!known.includes(name)) problems.push({ field: `sections.${name}`, problem: `is not a known section (known: ${known.join(', ')})` });

  const sections: ValidSection[] = [];
  const perSection = new Map<string, RecordProblem[]>();
  /** Every key present in the bundle, by section, valid record or not (a bad record is reported once). */
  const keysInBundle = new Map<string, Set<string>>();
  const parsedBySection = new Map<string, { index: number; record: unknown }[]>();

  for (const section of bundleSections()) {
    const raw = given[section.name];
    if (raw === undefined) continue;
    if (!Array.isArray(raw)) {
      problems.push({ field: `sections.${section.name}`, problem: 'must be a list of records' });
      continue;
    }
    const found: RecordProblem[] = [];
    const parsed: { index: number; record: unknown }[] = [];
    const firstByKey = new Map<string, number>();
    raw.forEach((item: unknown, index) => {
      const result = section.schema.safeParse(item);
      // The key of a valid record (which may be made of several fields, `MLI/2`), else its key field.
      const key = result.success ? section.key(result.data) : isObject(item) ? item[section.keyField] : undefined;
      if (typeof key === 'string') {
        const first = firstByKey.get(key);
        if (first === undefined) firstByKey.set(key, index);
        else
          found.push({
            index,
            field: section.keyField,
            problem: `repeats the key ${key} of sections.${section.name}[${first}]: a key appears once`,
          });
      }
      // A text the database cannot keep (a NUL, a lone surrogate) is named here, not by the database mid-import.
      const texts = textProblems(item).map((p) => ({ index, field: p.field === '(request)' ? '' : p.field, problem: p.problem }));
      if (!result.success) found.push(...schemaProblems(index, result.error.issues));
      found.push(...texts);
      if (result.success && !texts.length) parsed.push({ index, record: result.data });
    });
    keysInBundle.set(section.name, new Set(firstByKey.keys()));
    const firstOnly = parsed.filter(({ index, record }) => firstByKey.get(section.key(record)) === index);
    parsedBySection.set(section.name, firstOnly);
    if (db && section.check) found.push(...(await section.check(db, firstOnly, context)));
    perSection.set(section.name, found);
    sections.push({ section, records: parsed.map((p) => p.record) });
  }

  // References: to a record in the bundle, or else in the database.
  for (const section of bundleSections()) {
    if (!section.references) continue;
    const wanted = new Map<string, { index: number; field: string; key: string; noun: string }[]>();
    for (const { index, record } of parsedBySection.get(section.name) ?? [])
      for (const ref of section.references(record)) {
        if (keysInBundle.get(ref.section)?.has(ref.key)) continue;
        wanted.set(ref.section, [...(wanted.get(ref.section) ?? []), { index, ...ref }]);
      }
    for (const [target, refs] of wanted) {
      const targetSection = bundleSections().find((s) => s.name === target);
      if (!targetSection) throw new Error(`section ${section.name} refers to the unknown section ${target}`);
      if (!db) continue;
      const stored = await targetSection.stored(db, [...new Set(refs.map((r) => r.key))]);
      for (const ref of refs)
        if (!stored.has(ref.key))
          perSection.get(section.name)?.push({
            index: ref.index,
            field: ref.field,
            problem: `names the ${ref.noun} ${ref.key}, which is neither in this bundle nor in the database`,
          });
    }
  }

  for (const section of bundleSections()) {
    const found = perSection.get(section.name);
    if (!found) continue;
    found.sort((a, b) => a.index - b.index);
    for (const p of found) problems.push({ field: joinField(`sections.${section.name}[${p.index}]`, p.field), problem: p.problem });
  }
  return { problems, sections: problems.length ? [] : sections };
}
