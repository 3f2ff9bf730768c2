// A form's refusals: the version it was made on, and a refused change as field problems and a status.
import { AppError, type FieldProblem } from '../errors.ts';

export type Status = 200 | 409 | 422;

/** The row version a form was made on; a missing or mangled one is a problem of the field `version`. */
export function requiredVersion(value: string): number {
  if (!/^\d{1,9}$/.test(value))
    throw new AppError('validation', 'version: is missing', { fields: [{ field: 'version', problem: 'is missing: reload the form' }] });
  return Number(value);
}

/** A refused change as field problems and a status, or the error itself when it is something else. */
export function refusal(err: unknown): { problems: FieldProblem[]; status: Status } {
  if (err instanceof AppError && err.code === 'validation') return { problems: err.fields, status: 422 };
  // A conflict names its fields when a value is another record's (a symbol taken); else the record moved on (its version).
  if (err instanceof AppError && err.code === 'conflict')
    return { problems: err.fields.length ? err.fields : [{ field: 'version', problem: err.message }], status: 409 };
  throw err;
}
