import { z } from 'zod';
import { isoDate } from '../../../platform/values/dates.ts';
import { proposalKinds } from '../schema.ts';
import { cellSourceInput } from '../versions/inputs.ts';

/*
 * The inputs of a comment or proposal, one schema each: its shape (types, lengths, days that
 * exist). Its rules against the version's template (a known field, a value of the legend, a source
 * for X and ?) are `checkProposal`'s, named by the field's code as the cell's are.
 */

export const proposalInput = z.object({
  field: z.string().max(100),
  kind: z.enum(proposalKinds),
  comment: z.string().max(4000).optional(),
  value: z.string().max(10).optional(),
  sources: z.array(cellSourceInput).max(20).optional(),
  infoDate: isoDate.nullable().optional(),
  /** The version commented on; by default the one in the works. */
  version: z.number().int().min(1).optional(),
});

export const decisionInput = z.object({
  decision: z.enum(['accept', 'decline']),
  note: z.string().max(4000).optional(),
  expectedVersion: z.number().int().min(1).optional(),
});

export const withdrawInput = z.object({ expectedVersion: z.number().int().min(1).optional() });
