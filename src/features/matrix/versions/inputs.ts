import { z } from 'zod';
import { isoDate } from '../../../platform/values/dates.ts';
import { matrixStatuses } from '../schema.ts';

/*
 * The inputs of a matrix version, one schema each, for the API and the forms. A cell change's
 * shape is checked here (types, lengths, days that exist); its rules (the legend, a source for X
 * and ?, a field of the template, no date in the future) are the write core's `checkCellChanges`,
 * which names each problem by the field's code, as the grid shows it.
 */

export const cellSourceInput = z.object({
  kind: z.string(),
  citation: z.string().max(1000),
  locator: z.string().max(200).optional(),
  url: z.string().max(2000).optional(),
  language: z.string().max(35).optional(),
});

export const cellChangeInput = z.object({
  field: z.string().max(100),
  expectedVersion: z.number().int().min(0),
  value: z.string().max(10),
  remarks: z.string().optional(),
  sources: z.array(cellSourceInput).max(50).optional(),
  infoDate: isoDate.nullable().optional(),
  instrumentStatus: z.string().nullable().optional(),
  instrumentDate: isoDate.nullable().optional(),
});

/** A save of a version's cells: all of them or none. */
export const cellChangesInput = z.object({
  version: z.number().int().min(1),
  changes: z.array(cellChangeInput).min(1).max(2000),
});

/** A step along the workflow. */
export const matrixStepInput = z.object({ version: z.number().int().min(1), to: z.enum(matrixStatuses) });

/** A new version: on the template of the latest approved one unless another is named. */
export const startDraftInput = z.object({ template: z.string().max(32).optional() });
