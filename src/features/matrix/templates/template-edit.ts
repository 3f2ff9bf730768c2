import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../../platform/errors.ts';
import { type LocalizedText, locales } from '../../../platform/i18n/locales.ts';
import { type Actor, recordChange } from '../../../platform/audit/record.ts';
import {
  type MeasureKind,
  measureKinds,
  type Paragraph,
  paragraphs,
  type TemplateField,
  type TemplateRow as TemplateGridRow,
  type TemplateSection,
  type WeaponType,
  weaponTypes,
} from './template.ts';
import type { TemplateRow } from './templates.ts';

export type TemplateDefinition = { sections: TemplateSection[]; rows: TemplateGridRow[]; fields: TemplateField[] };

/** Section, row and field codes: letters and digits in parts joined by dots, dashes or underscores. */
export const codePattern = /^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$/;
const maxCode = 100;
const maxLabel = 1000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkLabels(value: unknown, at: string, problems: FieldProblem[]): LocalizedText {
  const labels = {} as LocalizedText;
  if (!isObject(value)) {
    problems.push({ field: at, problem: `must give a text in each of the six languages (${locales.join(', ')})` });
    return labels;
  }
  for (const l of locales) {
    const v = value[l];
    if (typeof v !== 'string' || !v.trim()) problems.push({ field: `${at}.${l}`, problem: 'is required' });
    else if (v.length > maxLabel) problems.push({ field: `${at}.${l}`, problem: `must be at most ${maxLabel} characters` });
    else labels[l] = v.trim();
  }
  return labels;
}

function checkCode(value: unknown, at: string, seen: Set<string>, problems: FieldProblem[]): string {
  if (typeof value !== 'string' || !value) {
    problems.push({ field: at, problem: 'is required' });
    return '';
  }
  if (value.length > maxCode || !codePattern.test(value)) {
    problems.push({
      field: at,
      problem: `"${value.slice(0, maxCode)}" is not a code: letters and digits joined by dots, dashes or underscores, at most ${maxCode} characters`,
    });
    return value;
  }
  if (seen.has(value)) problems.push({ field: at, problem: `"${value}" is used twice` });
  seen.add(value);
  return value;
}

function oneOf<T extends string>(value: unknown, list: readonly T[], at: string, problems: FieldProblem[]): T {
  if (typeof value !== 'string' || !(list as readonly string[]).includes(value))
    problems.push({ field: at, problem: `must be one of ${list.join(', ')}` });
  return value as T;
}

function listOf(input: Record<string, unknown>, key: string, problems: FieldProblem[]): unknown[] {
  const v = input[key];
  if (!Array.isArray(v)) {
    problems.push({ field: key, problem: 'must be a list' });
    return [];
  }
  return v;
}

/**
 * Checks a template definition as sent by an administrator (the JSON of the template, as
 * downloaded: other keys such as `version` are ignored) and returns it cleaned of unknown keys,
 * with every problem named by its path, e.g. `fields[12].row`. A `title` in the six languages
 * is optional; when present it replaces the template's title.
 */
export function checkTemplateDefinition(input: unknown): {
  definition: TemplateDefinition;
  title: LocalizedText | null;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const definition: TemplateDefinition = { sections: [], rows: [], fields: [] };
  if (!isObject(input)) {
    problems.push({ field: '(definition)', problem: 'must be a JSON object with sections, rows and fields' });
    return { definition, title: null, problems };
  }
  const title = input.title === undefined ? null : checkLabels(input.title, 'title', problems);

  const sectionCodes = new Set<string>();
  const paragraphOf = new Map<string, Paragraph>();
  listOf(input, 'sections', problems).forEach((s, i) => {
    const at = `sections[${i}]`;
    if (!isObject(s)) {
      problems.push({ field: at, problem: 'must be an object with code, paragraph and labels' });
      return;
    }
    const code = checkCode(s.code, `${at}.code`, sectionCodes, problems);
    const paragraph = oneOf(s.paragraph, paragraphs, `${at}.paragraph`, problems);
    if (!paragraphOf.has(code) && (paragraphs as readonly string[]).includes(paragraph)) paragraphOf.set(code, paragraph);
    definition.sections.push({ code, paragraph, labels: checkLabels(s.labels, `${at}.labels`, problems) });
  });

  const rowCodes = new Set<string>();
  const sectionOfRow = new Map<string, string>();
  listOf(input, 'rows', problems).forEach((r, i) => {
    const at = `rows[${i}]`;
    if (!isObject(r)) {
      problems.push({ field: at, problem: 'must be an object with code, section and labels' });
      return;
    }
    const code = checkCode(r.code, `${at}.code`, rowCodes, problems);
    const section = typeof r.section === 'string' ? r.section : '';
    if (!sectionCodes.has(section))
      problems.push({ field: `${at}.section`, problem: section ? `"${section}" is not a section of this template` : 'is required' });
    if (!sectionOfRow.has(code)) sectionOfRow.set(code, section);
    definition.rows.push({ code, section, labels: checkLabels(r.labels, `${at}.labels`, problems) });
  });

  const fieldCodes = new Set<string>();
  const fields = listOf(input, 'fields', problems);
  if (Array.isArray(input.fields) && fields.length === 0) problems.push({ field: 'fields', problem: 'must hold at least one field' });
  fields.forEach((f, i) => {
    const at = `fields[${i}]`;
    if (!isObject(f)) {
      problems.push({ field: at, problem: 'must be an object with code, row, paragraph, weaponType and measureKind' });
      return;
    }
    const code = checkCode(f.code, `${at}.code`, fieldCodes, problems);
    const row = typeof f.row === 'string' ? f.row : '';
    if (!rowCodes.has(row)) problems.push({ field: `${at}.row`, problem: row ? `"${row}" is not a row of this template` : 'is required' });
    const paragraph = oneOf(f.paragraph, paragraphs, `${at}.paragraph`, problems);
    const expected = paragraphOf.get(sectionOfRow.get(row) ?? '');
    if (expected && paragraph !== expected && (paragraphs as readonly string[]).includes(paragraph))
      problems.push({ field: `${at}.paragraph`, problem: `must be ${expected}, the paragraph of the section of its row` });
    const weaponType =
      f.weaponType === null || f.weaponType === undefined
        ? null
        : oneOf<WeaponType>(f.weaponType, weaponTypes, `${at}.weaponType`, problems);
    const measureKind = oneOf<MeasureKind>(f.measureKind, measureKinds, `${at}.measureKind`, problems);
    definition.fields.push({ code, row, paragraph, weaponType, measureKind });
  });
  return { definition, title, problems };
}

function summary(t: Pick<TemplateRow, 'definition' | 'field_count' | 'row_version' | 'title'>) {
  const d = t.definition;
  return {
    rowVersion: t.row_version,
    fieldCount: t.field_count,
    title: t.title,
    sections: d.sections.map((s) => s.code),
    rows: d.rows.map((r) => r.code),
    fields: d.fields.map((f) => f.code),
    // Any other change (a label, a column) shows as a new fingerprint.
    sha256: createHash('sha256').update(JSON.stringify(d)).digest('hex'),
  };
}

/**
 * Replaces the definition of a template that no matrix uses yet (an administrator's copy being
 * prepared). A locked template is refused: a change to it is a new version. The row version the
 * editor saw must still be the current one.
 */
export async function updateTemplateDefinition(
  db: Kysely<DB>,
  actor: Actor,
  version: string,
  input: unknown,
  expectedRowVersion: number,
): Promise<TemplateRow> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('matrix_template').selectAll().where('version', '=', version).forUpdate().executeTakeFirst();
    if (!current || current.archived_at) throw notFound(`the matrix template ${version}`);
    if (current.locked_at)
      throw new AppError(
        'conflict',
        `the template ${version} is fixed (a matrix uses it, or the Committee approved it) and never changes: copy it to a new version and edit the copy`,
      );
    if (current.row_version !== expectedRowVersion)
      throw new AppError(
        'conflict',
        `the template ${version} was changed since you opened it (version ${current.row_version}, you had ${expectedRowVersion}): reload it and make your change again`,
        { fields: [{ field: 'rowVersion', problem: `is ${current.row_version} now, not ${expectedRowVersion}` }] },
      );
    const { definition, title, problems } = checkTemplateDefinition(input);
    if (problems.length) throw invalid(problems);
    const updated = await trx
      .updateTable('matrix_template')
      .set({
        definition: JSON.stringify(definition),
        ...(title ? { title: JSON.stringify(title) } : {}),
        field_count: definition.fields.length,
        row_version: current.row_version + 1,
        updated_at: new Date(),
      })
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(trx, actor, {
      action: 'update',
      recordType: 'matrix-template',
      recordId: version,
      confidentiality: updated.confidentiality,
      before: summary(current),
      after: summary(updated),
    });
    return updated;
  });
}
