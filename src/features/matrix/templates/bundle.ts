import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { recordChange } from '../../../platform/audit/record.ts';
import { sameJson } from '../../../platform/bundle/canonical.ts';
import { type BundleSection, type RecordProblem, stricter } from '../../../platform/bundle/section.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { locales } from '../../../platform/i18n/locales.ts';
import { confidentialityLevels } from '../../../platform/policy/levels.ts';
import { can } from '../../../platform/policy/policy.ts';
import { isoDate } from '../../../platform/values/dates.ts';
import { measureKinds, paragraphs, weaponTypes } from './template.ts';
import type { TemplateRow } from './templates.ts';

/*
 * The bundle section of the template versions, before the matrices that use them. A locked
 * template's definition never changes: a bundle whose definition differs is refused.
 */

const labels = z.strictObject(Object.fromEntries(locales.map((l) => [l, z.string().optional()]))).refine((t) => !!t.en, {
  message: 'needs at least the English label',
});

export const templateRecordSchema = z.strictObject({
  version: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, 'must be 1 to 32 letters, digits, dots, hyphens or underscores'),
  approvedOn: isoDate.nullable(),
  title: labels,
  basedOn: z.string().nullable(),
  locked: z.boolean(),
  sections: z.array(z.strictObject({ code: z.string().min(1), paragraph: z.enum(paragraphs), labels })).min(1),
  rows: z.array(z.strictObject({ code: z.string().min(1), section: z.string(), labels })).min(1),
  fields: z
    .array(
      z.strictObject({
        code: z.string().min(1),
        row: z.string(),
        paragraph: z.enum(paragraphs),
        weaponType: z.enum(weaponTypes).nullable(),
        measureKind: z.enum(measureKinds),
      }),
    )
    .min(1),
  archived: z.boolean().default(false),
  confidentiality: z.enum(confidentialityLevels).default('public'),
});
export type TemplateRecord = z.output<typeof templateRecordSchema>;

function templateRecord(t: TemplateRow): TemplateRecord {
  return {
    version: t.version,
    approvedOn: t.approved_on,
    title: t.title as TemplateRecord['title'],
    basedOn: t.based_on,
    locked: t.locked_at !== null,
    sections: t.definition.sections,
    rows: t.definition.rows,
    fields: t.definition.fields,
    archived: t.archived_at !== null,
    confidentiality: t.confidentiality,
  };
}

/** The definition's own consistency: unique codes, rows in known sections, fields in known rows. */
function definitionProblems(r: TemplateRecord): Omit<RecordProblem, 'index'>[] {
  const problems: Omit<RecordProblem, 'index'>[] = [];
  const unique = (list: { code: string }[], part: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.code)) problems.push({ field: `${part}[${i}].code`, problem: `${x.code} appears twice` });
      seen.add(x.code);
    });
    return seen;
  };
  const sections = unique(r.sections, 'sections');
  const rows = unique(r.rows, 'rows');
  unique(r.fields, 'fields');
  r.rows.forEach((row, i) => {
    if (!sections.has(row.section)) problems.push({ field: `rows[${i}].section`, problem: `no section has the code ${row.section}` });
  });
  r.fields.forEach((f, i) => {
    if (!rows.has(f.row)) problems.push({ field: `fields[${i}].row`, problem: `no row has the code ${f.row}` });
  });
  return problems;
}

const definitionOf = (r: TemplateRecord) => ({ sections: r.sections, rows: r.rows, fields: r.fields });

const auditedTemplate = (r: TemplateRecord) => ({
  version: r.version,
  approvedOn: r.approvedOn,
  title: r.title,
  basedOn: r.basedOn,
  locked: r.locked,
  fieldCount: r.fields.length,
  archived: r.archived,
});

async function storedTemplates(db: Kysely<DB> | Transaction<DB>, keys: readonly string[]): Promise<Map<string, TemplateRow>> {
  if (!keys.length) return new Map();
  const rows = await db
    .selectFrom('matrix_template')
    .selectAll()
    .where('version', 'in', [...keys])
    .execute();
  return new Map(rows.map((r) => [r.version, r]));
}

export const matrixTemplatesSection: BundleSection<TemplateRecord> = {
  name: 'matrix-templates',
  keyField: 'version',
  schema: templateRecordSchema,
  key: (r) => r.version,
  resource: (r) => ({ type: 'matrix-template', confidentiality: r.confidentiality }),

  async export(db, viewer) {
    const rows = await db.selectFrom('matrix_template').selectAll().orderBy('version').execute();
    return rows.filter((t) => can(viewer, 'read', { type: 'matrix-template', confidentiality: t.confidentiality })).map(templateRecord);
  },

  async stored(db, keys) {
    return new Map([...(await storedTemplates(db, keys))].map(([k, t]) => [k, templateRecord(t)]));
  },

  references: (r) => (r.basedOn ? [{ field: 'basedOn', section: 'matrix-templates', key: r.basedOn, noun: 'matrix template' }] : []),

  async check(db, records) {
    const problems: RecordProblem[] = [];
    const stored = await storedTemplates(
      db,
      records.map(({ record }) => record.version),
    );
    for (const { index, record } of records) {
      for (const p of definitionProblems(record)) problems.push({ index, ...p });
      const before = stored.get(record.version);
      if (before?.locked_at && !sameJson(before.definition, definitionOf(record)))
        problems.push({
          index,
          field: 'fields',
          problem: `the template ${record.version} is locked (matrices use it) and its definition differs: a change is a new version`,
        });
    }
    return problems;
  },

  async import(trx, actor, records, report) {
    const stored = await storedTemplates(
      trx,
      records.map((r) => r.version),
    );
    // A copy comes after the version it was copied from, whatever their names.
    const depth = (r: TemplateRecord, seen = new Set<string>()): number => {
      const base = r.basedOn ? records.find((x) => x.version === r.basedOn) : undefined;
      if (!base || seen.has(r.version)) return 0;
      seen.add(r.version);
      return 1 + depth(base, seen);
    };
    for (const r of [...records].sort((a, b) => depth(a) - depth(b))) {
      const before = stored.get(r.version);
      if (before && sameJson(templateRecord(before), r)) {
        report.add('unchanged');
        continue;
      }
      const values = {
        approved_on: r.approvedOn,
        title: JSON.stringify(r.title),
        based_on: r.basedOn,
        field_count: r.fields.length,
        confidentiality: r.confidentiality,
      };
      const definitionChanged = !before || !sameJson(before.definition, definitionOf(r));
      if (!before) {
        await trx
          .insertInto('matrix_template')
          .values({
            version: r.version,
            ...values,
            definition: JSON.stringify(definitionOf(r)),
            locked_at: r.locked ? new Date() : null,
            archived_at: r.archived ? new Date() : null,
          })
          .execute();
      } else {
        await trx
          .updateTable('matrix_template')
          .set({
            ...values,
            ...(definitionChanged ? { definition: JSON.stringify(definitionOf(r)) } : {}),
            locked_at: before.locked_at ?? (r.locked ? new Date() : null),
            archived_at: r.archived ? (before.archived_at ?? new Date()) : null,
            row_version: before.row_version + 1,
            updated_at: new Date(),
          })
          .where('version', '=', r.version)
          .execute();
      }
      await recordChange(trx, actor, {
        action: before ? 'import' : 'create',
        recordType: 'matrix-template',
        recordId: r.version,
        confidentiality: before ? stricter(before.confidentiality, r.confidentiality) : r.confidentiality,
        ...(before ? { before: auditedTemplate(templateRecord(before)) } : {}),
        after: auditedTemplate(r),
      });
      report.add(before ? 'updated' : 'created');
    }
  },
};
