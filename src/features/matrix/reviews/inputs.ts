import { z } from 'zod';
import { isIsoDate, isoDate } from '../../../platform/values/dates.ts';

/*
 * The inputs of a review cycle, one schema each, for the forms, the API and the bundle: a cycle's
 * fields, and an assignment of an expert to States. Whether the template exists and the States
 * and the expert are known are the commands' checks (they read the database).
 */

const holdDays = 'must be a whole number of days from 1 to 3,650';

export const cycleInput = z
  .object({
    title: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    purpose: z.string().max(4000, 'must be at most 4,000 characters').optional(),
    startsOn: isoDate,
    deadline: isoDate,
    /** By default the template of the newest locked version. */
    templateVersion: z.string().max(32).optional(),
    holdDays: z.number(holdDays).int(holdDays).min(1, holdDays).max(3650, holdDays).optional(),
  })
  // Only between two days that exist: a bad date is named once, by its own field.
  .refine((c) => !isIsoDate(c.startsOn) || !isIsoDate(c.deadline) || c.deadline >= c.startsOn, {
    message: 'must not be before the first day of the cycle',
    path: ['deadline'],
  });
export type CycleInput = z.input<typeof cycleInput>;

export const assignInput = z.object({
  /** ISO 3166-1 alpha-3 codes. */
  states: z.array(z.string().max(10)).min(1, 'name at least one State').max(250, 'name at most 250 States at a time'),
  /** An expert's account id; null clears the assignment. */
  expertId: z.string().nullable(),
  note: z.string().max(1000, 'must be at most 1,000 characters').optional(),
});
export type AssignInput = z.input<typeof assignInput>;
