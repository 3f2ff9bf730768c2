import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { sameJson } from '../../../platform/bundle/canonical.ts';
import { type BundleSection, type RecordProblem, Refusals } from '../../../platform/bundle/section.ts';
import { AppError } from '../../../platform/errors.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { confidentialityLevels } from '../../../platform/policy/levels.ts';
import { can, type Viewer } from '../../../platform/policy/policy.ts';
import { restoreVersion } from './restore.ts';
import { steps } from './workflow.ts';
import { auditIn } from './writes.ts';
import { instrumentStatuses, sourceKinds } from './cells.ts';
import { type CellRow, cellsByMatrix, type MatrixRow } from './matrices.ts';
import { isoDate } from '../../../platform/values/dates.ts';
import { matrixStatuses } from '../schema.ts';
import { cellValues } from '../templates/template.ts';
import { instant } from '../bundle-fields.ts';

/*
 * The bundle section of every matrix version with its cells. A version that is approved or
 * published never changes: importing one that differs from the stored version is refused, and one
 * that is absent is created as it was (its status and dates kept), so that a bundle moves a
 * State's whole history from one r1540 to another.
 */

const sourceSchema = z.strictObject({
  kind: z.enum(sourceKinds),
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
    instrumentStatus: z.enum(instrumentStatuses).nullable().default(null),
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
  const cells = await cellsByMatrix(
    db,
    chosen.map((m) => m.id),
  );
  return {
    rows: chosen,
    records: new Map(
      chosen.map((m) => [matrixKey({ state: m.state_iso3, number: m.number }), matrixRecord(m, cells.get(m.id) ?? [], numbers)]),
    ),
  };
}

/**
 * A version brought to a status by a bundle is brought there by the importing account, as the
 * workflow would let it (an expert neither approves nor publishes): a status it may not give is
 * refused by name.
 */
function statusAllowed(viewer: Viewer | undefined, r: MatrixRecord, was: string | undefined): void {
  if (!viewer || r.status === was) return;
  const needs = steps.find((s) => s.to === r.status)?.needs ?? 'update';
  if (!can(viewer, needs, { type: 'matrix', confidentiality: r.confidentiality, stateIso3: r.state }))
    throw new AppError('forbidden', `your account may not bring a matrix version to ${r.status}`, {
      fields: [
        { field: 'status', problem: `is ${r.status}: your account may not ${needs} a matrix version, through a bundle or otherwise` },
      ],
    });
}

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

  async import(trx, actor, records, report, context) {
    const { rows, records: stored } = await storedMatrices(trx, { keys: records.map(matrixKey) });
    const refusals = new Refusals();
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
      await refusals.attempt(`sections.matrices[${records.indexOf(given)}]`, async () => {
        statusAllowed(context?.viewer, r, previous?.status);
        await restoreVersion(
          trx,
          auditIn(trx, actor),
          {
            ...r,
            basedOn: await idOf(r.state, r.basedOn),
            statusChangedAt: new Date(r.statusChangedAt),
            approvedAt: r.approvedAt ? new Date(r.approvedAt) : null,
            publishedAt: r.publishedAt ? new Date(r.publishedAt) : null,
          },
          before,
          // The audit event keeps an open version's cells before and after; a new one's count.
          before ? { before: previous?.cells ?? [], after: r.cells } : { after: r.cells.length },
        );
      });
      report.add(before ? 'updated' : 'created');
    }
    refusals.throwIfAny();
  },
};
