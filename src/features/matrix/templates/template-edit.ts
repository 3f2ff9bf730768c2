import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../../platform/errors.ts';
import { type Locale, type LocalizedText, locales } from '../../../platform/i18n/locales.ts';
import { problemsOf } from '../../../platform/values/input.ts';
import { z } from 'zod';
import { type Actor, recordChange } from '../../../platform/audit/record.ts';
import {
  measureKinds,
  paragraphs,
  type TemplateField,
  type TemplateRow as TemplateGridRow,
  type TemplateSection,
  weaponTypes,
} from './template.ts';
import type { TemplateRow } from './templates.ts';

export type TemplateDefinition = { sections: TemplateSection[]; rows: TemplateGridRow[]; fields: TemplateField[] };

/** Section, row and field codes: letters and digits in parts joined by dots, dashes or underscores. */
export const codePattern = /^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$/;
const maxCode = 100;
const maxLabel = 1000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const labelsInput = z.object(
  Object.fromEntries(
    locales.map((l) => [l, z.string('is required').trim().min(1, 'is required').max(maxLabel, `must be at most ${maxLabel} characters`)]),
  ) as Record<Locale, z.ZodString>,
  `must give a text in each of the six languages (${locales.join(', ')})`,
);
const code = z
  .string('is required')
  .min(1, 'is required')
  .refine((v) => v.length <= maxCode && codePattern.test(v), {
    message: `is not a code: letters and digits joined by dots, dashes or underscores, at most ${maxCode} characters`,
  });
const oneOf = <T extends readonly [string, ...string[]]>(list: T) => z.enum(list, `must be one of ${list.join(', ')}`);
const listOf = <T extends z.ZodType>(item: T) => z.array(item, 'must be a list');

/**
 * A template definition as an administrator sends it (the JSON of the template, as downloaded:
 * other keys such as `version` are dropped): each part's shape. How the parts hang together
 * (codes used once, rows in sections of the template, fields in its rows and of their section's
 * paragraph) is `definitionProblems`'s.
 */
export const templateDefinitionInput = z.object({
  title: labelsInput.optional(),
  sections: listOf(
    z.object({ code, paragraph: oneOf(paragraphs), labels: labelsInput }, 'must be an object with code, paragraph and labels'),
  ),
  rows: listOf(
    z.object(
      { code, section: z.string('is required').min(1, 'is required'), labels: labelsInput },
      'must be an object with code, section and labels',
    ),
  ),
  fields: listOf(
    z.object(
      {
        code,
        row: z.string('is required').min(1, 'is required'),
        paragraph: oneOf(paragraphs),
        weaponType: oneOf(weaponTypes).nullable().default(null),
        measureKind: oneOf(measureKinds),
      },
      'must be an object with code, row, paragraph, weaponType and measureKind',
    ),
  ).min(1, 'must hold at least one field'),
});

const items = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.map((x) => (isObject(x) ? x : {})) : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** How the parts of a definition hang together, each problem named by its path (`fields[12].row`). */
function definitionProblems(input: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const once = (list: Record<string, unknown>[], part: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      const c = text(x.code);
      if (c && seen.has(c)) problems.push({ field: `${part}[${i}].code`, problem: `"${c}" is used twice` });
      seen.add(c);
    });
  };
  const sections = items(input.sections);
  const rows = items(input.rows);
  const fields = items(input.fields);
  once(sections, 'sections');
  const sectionCodes = new Set(sections.map((s) => text(s.code)));
  const paragraphOf = new Map<string, string>();
  for (const s of sections) if (!paragraphOf.has(text(s.code))) paragraphOf.set(text(s.code), text(s.paragraph));
  once(rows, 'rows');
  const sectionOfRow = new Map<string, string>();
  rows.forEach((r, i) => {
    const section = text(r.section);
    if (section && !sectionCodes.has(section))
      problems.push({ field: `rows[${i}].section`, problem: `"${section}" is not a section of this template` });
    if (!sectionOfRow.has(text(r.code))) sectionOfRow.set(text(r.code), section);
  });
  once(fields, 'fields');
  fields.forEach((f, i) => {
    const row = text(f.row);
    if (row && !sectionOfRow.has(row)) problems.push({ field: `fields[${i}].row`, problem: `"${row}" is not a row of this template` });
    const expected = paragraphOf.get(sectionOfRow.get(row) ?? '');
    const paragraph = text(f.paragraph);
    if (
      expected &&
      (paragraphs as readonly string[]).includes(expected) &&
      (paragraphs as readonly string[]).includes(paragraph) &&
      paragraph !== expected
    )
      problems.push({ field: `fields[${i}].paragraph`, problem: `must be ${expected}, the paragraph of the section of its row` });
  });
  return problems;
}

/**
 * Checks a template definition as sent by an administrator and returns it cleaned of unknown
 * keys, with every problem named by its path, e.g. `fields[12].row`. A `title` in the six
 * languages is optional; when present it replaces the template's title.
 */
export function checkTemplateDefinition(input: unknown): {
  definition: TemplateDefinition;
  title: LocalizedText | null;
  problems: FieldProblem[];
} {
  const empty: TemplateDefinition = { sections: [], rows: [], fields: [] };
  if (!isObject(input))
    return {
      definition: empty,
      title: null,
      problems: [{ field: '(definition)', problem: 'must be a JSON object with sections, rows and fields' }],
    };
  const parsed = templateDefinitionInput.safeParse(input);
  const problems = [...(parsed.success ? [] : problemsOf(parsed.error.issues)), ...definitionProblems(input)];
  if (!parsed.success) return { definition: empty, title: null, problems };
  const { title, sections, rows, fields } = parsed.data;
  return { definition: { sections, rows, fields }, title: title ?? null, problems };
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
