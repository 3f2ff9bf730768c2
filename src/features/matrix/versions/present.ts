import { z } from '@hono/zod-openapi';
import { matrixStatuses } from '../schema.ts';
import { type CellContent, cellContent } from './cells.ts';
import { cellSourceInput } from './inputs.ts';
import type { CellRow, MatrixRow } from './matrices.ts';

/*
 * What a reader sees of a matrix version with its cells, as the API says it (the pages, the files
 * and the bundle read the same cell content through `cellContent`). The version's visibility is
 * the policy's, asked before a version reaches here.
 */

export const notice = 'The 1540 Matrix is a reference tool for assistance and dialogue, not a measure of compliance.';

export const SourceSchema = cellSourceInput
  .extend({
    kind: cellSourceInput.shape.kind.openapi({ description: 'law, national-report, website, organization or other', example: 'law' }),
    citation: cellSourceInput.shape.citation.openapi({ example: 'Loi n° 2016-08' }),
    locator: cellSourceInput.shape.locator.openapi({ description: 'Article, section or page', example: 'art. 3' }),
    language: cellSourceInput.shape.language.openapi({ description: 'BCP 47 tag of the source’s language', example: 'fr' }),
  })
  .openapi('MatrixCellSource');

const evidence = {
  value: z.string().openapi({ description: 'X, ?, NA or "" (no information found)', example: 'X' }),
  remarks: z.string(),
  sources: z.array(SourceSchema),
  infoDate: z.string().nullable().openapi({ format: 'date' }),
  instrumentStatus: z.string().nullable().openapi({ description: 'OP1 rows: signed, ratified, acceded, succeeded, member or not-party' }),
  instrumentDate: z.string().nullable().openapi({ format: 'date' }),
};

export const ComparableCellSchema = z.object(evidence).openapi('MatrixCellContent');
export const CellSchema = z
  .object({
    ...evidence,
    rowVersion: z.number().int().openapi({ description: 'Send it back as `expectedVersion` when changing the cell' }),
  })
  .openapi('MatrixCell');

export const VersionSummarySchema = z
  .object({
    id: z.string().uuid(),
    state: z.string().openapi({ example: 'MLI' }),
    number: z.number().int().openapi({ example: 1 }),
    status: z.enum(matrixStatuses),
    template: z.string().openapi({ example: '2017' }),
    demo: z.boolean().openapi({ description: 'Generated demonstration data, not the Committee’s information' }),
    statusChangedAt: z.string().openapi({ format: 'date-time' }),
    approvedAt: z.string().nullable().openapi({ format: 'date-time' }),
    publishedAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('MatrixVersionSummary');

export const VersionSchema = VersionSummarySchema.extend({
  basedOn: z.string().nullable().openapi({ description: 'The id of the approved version this one started from' }),
  createdAt: z.string().openapi({ format: 'date-time' }),
  updatedAt: z.string().openapi({ format: 'date-time' }),
  notice: z.string(),
  cells: z
    .record(z.string(), CellSchema)
    .openapi({ description: 'The filled cells, keyed by field code; a field without a cell is blank' }),
}).openapi('MatrixVersion');

export const ChangeSchema = z
  .object({
    field: z.string().openapi({ example: 'OP2.MANUFACTURE.N.LF' }),
    changed: z.array(z.string()).openapi({ description: 'value, remarks, sources, infoDate, instrument' }),
    from: ComparableCellSchema.nullable(),
    to: ComparableCellSchema.nullable(),
  })
  .openapi('MatrixCellChange');

export const DiffSchema = z
  .object({ state: z.string(), from: VersionSummarySchema, to: VersionSummarySchema, changes: z.array(ChangeSchema) })
  .openapi('MatrixDiff');

type VersionSummary = z.infer<typeof VersionSummarySchema>;

/** Rows are never serialised as they are: this is what the API says of a matrix version. */
export function presentVersionSummary(m: MatrixRow): VersionSummary {
  return {
    id: m.id,
    state: m.state_iso3,
    number: m.number,
    status: m.status,
    template: m.template_version,
    demo: m.demo,
    statusChangedAt: m.status_changed_at.toISOString(),
    approvedAt: m.approved_at?.toISOString() ?? null,
    publishedAt: m.published_at?.toISOString() ?? null,
  };
}

export function presentContent(c: CellContent): z.infer<typeof ComparableCellSchema> {
  return { ...c };
}

export function presentVersion(m: MatrixRow, cells: CellRow[]): z.infer<typeof VersionSchema> {
  return {
    ...presentVersionSummary(m),
    basedOn: m.based_on,
    createdAt: m.created_at.toISOString(),
    updatedAt: m.updated_at.toISOString(),
    notice,
    cells: Object.fromEntries(
      cells.map((c) => [
        c.field_code,
        {
          ...cellContent(c),
          rowVersion: c.row_version,
        },
      ]),
    ),
  };
}
