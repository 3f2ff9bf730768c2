import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { sameJson } from '../../../platform/bundle/canonical.ts';
import { type BundleSection, type RecordProblem, stricter } from '../../../platform/bundle/section.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { locales } from '../../../platform/i18n/locales.ts';
import { confidentialityLevels } from '../../../platform/policy/levels.ts';
import { can } from '../../../platform/policy/policy.ts';
import { recordChange } from '../../../platform/audit/record.ts';
import { auditedMatrix } from './commands.ts';
import type { CellRow, MatrixRow } from './matrices.ts';
import { type CellSource, matrixStatuses } from '../schema.ts';
import { cellValues, measureKinds, paragraphs, weaponTypes } from '../templates/template.ts';
import type { TemplateRow } from '../templates/templates.ts';

/*
 * Two bundle sections: the template versions, then every matrix version with its cells. A
 * version that is approved or published never changes: importing one that differs from the
 * stored version is refused, and one that is absent is created as it was (its status and
 * dates kept), so that a bundle moves a State's whole history from one r1540 to another.
 */

const labels = z.strictObject(Object.fromEntries(locales.map((l) => [l, z.string().optional()]))).refine((t) => !!t.en, {
  message: 'needs at least the English label',
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const instant = z.string().datetime({ offset: true, message: 'must be a date and time (ISO 8601)' });

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

const sourceSchema = z.strictObject({
  kind: z.enum(['law', 'national-report', 'website', 'organization', 'other']),
  citation: z.string().trim().min(1, 'is required').max(1000),
  locator: z.string().max(200).optional(),
  url: z
    .string()
    .refine((u) => URL.canParse(u) && ['http:', 'https:'].includes(new URL(u).protocol), 'must be an http or https address')
    .optional(),
  language: z.string().max(35).optional(),
});

const cellSchema = z
  .strictObject({
    field: z.string().min(1),
    value: z.enum(cellValues, `must be one of X, ?, NA or "" (blank)`),
    sources: z.array(sourceSchema).default([]),
    infoDate: isoDate.nullable().default(null),
    remarks: z.string().max(4000).default(''),
    instrumentStatus: z.enum(['signed', 'ratified', 'acceded', 'succeeded', 'member', 'not-party']).nullable().default(null),
    instrumentDate: isoDate.nullable().default(null),
  })
  .refine((c) => !(c.value === 'X' || c.value === '?') || c.sources.length > 0, {
    message: 'a value of X or ? needs at least one source',
    path: ['sources'],
  });

export const matrixRecordSchema = z.strictObject({
  state: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code in capitals'),
  number: z.number().int().min(1),
  template: z.string().min(1),
  status: z.enum(matrixStatuses),
  basedOn: z.number().int().min(1).nullable(),
  demo: z.boolean().default(false),
  statusChangedAt: instant,
  approvedAt: instant.nullable().default(null),
  publishedAt: instant.nullable().default(null),
  archived: z.boolean().default(false),
  confidentiality: z.enum(confidentialityLevels),
  cells: z.array(cellSchema),
});
export type MatrixRecord = z.output<typeof matrixRecordSchema>;

const matrixKey = (r: { state: string; number: number }) => `${r.state}/${r.number}`;
/** Cells in field order, as they are stored and exported, so that equal versions compare equal. */
const inOrder = (r: MatrixRecord): MatrixRecord => ({
  ...r,
  cells: [...r.cells].sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0)),
});
const frozen = (status: string) => status === 'approved' || status === 'published';

function cellRecord(c: CellRow): MatrixRecord['cells'][number] {
  return {
    field: c.field_code,
    value: c.value,
    sources: c.sources,
    infoDate: c.info_date,
    remarks: c.remarks,
    instrumentStatus: c.instrument_status,
    instrumentDate: c.instrument_date,
  };
}

function matrixRecord(m: MatrixRow, cells: CellRow[], numbers: Map<string, number>): MatrixRecord {
  return inOrder({
    state: m.state_iso3,
    number: m.number,
    template: m.template_version,
    status: m.status,
    basedOn: m.based_on ? (numbers.get(m.based_on) ?? null) : null,
    demo: m.demo,
    statusChangedAt: m.status_changed_at.toISOString(),
    approvedAt: m.approved_at?.toISOString() ?? null,
    publishedAt: m.published_at?.toISOString() ?? null,
    archived: m.archived_at !== null,
    confidentiality: m.confidentiality,
    cells: cells.map(cellRecord),
  });
}

/** Versions with their cells, in bundle shape, keyed `ISO3/number`. */
async function storedMatrices(
  db: Kysely<DB> | Transaction<DB>,
  filter: { keys?: readonly string[] },
): Promise<{ rows: MatrixRow[]; records: Map<string, MatrixRecord> }> {
  let query = db.selectFrom('matrix').selectAll();
  if (filter.keys) {
    if (!filter.keys.length) return { rows: [], records: new Map() };
    const states = [...new Set(filter.keys.map((k) => k.slice(0, 3)))];
    query = query.where('state_iso3', 'in', states);
  }
  const rows = await query.orderBy('state_iso3').orderBy('number').execute();
  const wanted = filter.keys ? new Set(filter.keys) : null;
  const chosen = wanted ? rows.filter((m) => wanted.has(matrixKey({ state: m.state_iso3, number: m.number }))) : rows;
  const numbers = new Map(rows.map((m) => [m.id, m.number]));
  const cells = new Map<string, CellRow[]>();
  const ids = chosen.map((m) => m.id);
  for (let i = 0; i < ids.length; i += 500) {
    const batch = await db
      .selectFrom('matrix_cell')
      .selectAll()
      .where('matrix_id', 'in', ids.slice(i, i + 500))
      .orderBy('matrix_id')
      .orderBy('field_code')
      .execute();
    for (const c of batch) {
      const list = cells.get(c.matrix_id) ?? [];
      list.push(c);
      cells.set(c.matrix_id, list);
    }
  }
  return {
    rows: chosen,
    records: new Map(
      chosen.map((m) => [matrixKey({ state: m.state_iso3, number: m.number }), matrixRecord(m, cells.get(m.id) ?? [], numbers)]),
    ),
  };
}

const cellColumns = (c: MatrixRecord['cells'][number]) => ({
  field_code: c.field,
  value: c.value,
  sources: JSON.stringify(c.sources satisfies CellSource[]),
  info_date: c.infoDate,
  remarks: c.remarks,
  instrument_status: c.instrumentStatus,
  instrument_date: c.instrumentDate,
});

export const matricesSection: BundleSection<MatrixRecord> = {
  name: 'matrices',
  keyField: 'state',
  schema: matrixRecordSchema,
  key: matrixKey,
  resource: (r) => ({ type: 'matrix', confidentiality: r.confidentiality, stateIso3: r.state }),

  async export(db, viewer) {
    const { records } = await storedMatrices(db, {});
    return [...records.values()].filter((r) =>
      can(viewer, 'read', { type: 'matrix', confidentiality: r.confidentiality, stateIso3: r.state }),
    );
  },

  async stored(db, keys) {
    return (await storedMatrices(db, { keys })).records;
  },

  references: (r) => [
    { field: 'state', section: 'member-states', key: r.state, noun: 'Member State' },
    { field: 'template', section: 'matrix-templates', key: r.template, noun: 'matrix template' },
  ],

  async check(db, records) {
    const problems: RecordProblem[] = [];
    const stored = (await storedMatrices(db, { keys: records.map(({ record }) => matrixKey(record)) })).records;
    const templates = new Map(
      (await db.selectFrom('matrix_template').select(['version', 'definition']).execute()).map((t) => [
        t.version,
        new Set(t.definition.fields.map((f) => f.code)),
      ]),
    );
    const open = new Map<string, number>();
    for (const { index, record } of records) {
      const before = stored.get(matrixKey(record));
      if (before && frozen(before.status) && !sameJson(before, inOrder(record)))
        problems.push({
          index,
          field: 'cells',
          problem: `${matrixKey(record)} is ${before.status} and never changes; the bundle's version differs from the stored one`,
        });
      if (!frozen(record.status)) {
        const other = open.get(record.state);
        if (other !== undefined)
          problems.push({ index, field: 'status', problem: `record [${other}] is also a version of ${record.state} in the works` });
        open.set(record.state, index);
      }
      if (record.basedOn !== null && record.basedOn >= record.number)
        problems.push({ index, field: 'basedOn', problem: 'must name an earlier version' });
      const fields = templates.get(record.template);
      const seen = new Set<string>();
      record.cells.forEach((c, i) => {
        if (seen.has(c.field)) problems.push({ index, field: `cells[${i}].field`, problem: `${c.field} appears twice` });
        seen.add(c.field);
        if (fields && !fields.has(c.field))
          problems.push({ index, field: `cells[${i}].field`, problem: `${c.field} is not a field of the template ${record.template}` });
      });
    }
    return problems;
  },

  async import(trx, actor, records, report) {
    const { rows, records: stored } = await storedMatrices(trx, { keys: records.map(matrixKey) });
    const byKey = new Map(rows.map((m) => [matrixKey({ state: m.state_iso3, number: m.number }), m]));
    // Versions are applied oldest first, so that `basedOn` finds the version it names.
    const ordered = [...records].sort((a, b) => a.state.localeCompare(b.state) || a.number - b.number);
    const idOf = async (state: string, number: number | null) => {
      if (number === null) return null;
      const row = await trx
        .selectFrom('matrix')
        .select('id')
        .where('state_iso3', '=', state)
        .where('number', '=', number)
        .executeTakeFirst();
      return row?.id ?? null;
    };
    for (const given of ordered) {
      const r = inOrder(given);
      const key = matrixKey(r);
      const previous = stored.get(key);
      if (previous && sameJson(previous, r)) {
        report.add('unchanged');
        continue;
      }
      const before = byKey.get(key);
      const dates = {
        status_changed_at: new Date(r.statusChangedAt),
        approved_at: r.approvedAt ? new Date(r.approvedAt) : null,
        published_at: r.publishedAt ? new Date(r.publishedAt) : null,
      };
      // Cells are written while the version is open (a frozen version's cells never change),
      // then the version takes its status.
      let id: string;
      if (!before) {
        const row = await trx
          .insertInto('matrix')
          .values({
            state_iso3: r.state,
            number: r.number,
            template_version: r.template,
            status: 'draft',
            based_on: await idOf(r.state, r.basedOn),
            confidentiality: 'committee-and-state',
            demo: r.demo,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = row.id;
      } else {
        id = before.id;
        // An open version's cells are replaced by the bundle's; the audit event keeps both.
        await trx.deleteFrom('matrix_cell').where('matrix_id', '=', id).execute();
      }
      for (let i = 0; i < r.cells.length; i += 500)
        await trx
          .insertInto('matrix_cell')
          .values(r.cells.slice(i, i + 500).map((c) => ({ ...cellColumns(c), matrix_id: id, updated_by: actor.id })))
          .execute();
      const after = await trx
        .updateTable('matrix')
        .set({
          status: r.status,
          confidentiality: r.confidentiality,
          demo: r.demo,
          ...dates,
          archived_at: r.archived ? (before?.archived_at ?? new Date()) : null,
          row_version: (before?.row_version ?? 1) + (before ? 1 : 0),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordChange(trx, actor, {
        action: before ? 'import' : 'create',
        recordType: 'matrix',
        recordId: id,
        confidentiality: before
          ? stricter(before.confidentiality, after.confidentiality)
          : stricter('committee-and-state', after.confidentiality),
        stateIso3: r.state,
        ...(before ? { before: { ...auditedMatrix(before), cells: previous?.cells ?? [] } } : {}),
        after: { ...auditedMatrix(after), cells: before ? r.cells : r.cells.length },
      });
      report.add(before ? 'updated' : 'created');
    }
  },
};
