import type { z } from 'zod';
import { type FieldProblem, invalid } from '../errors.ts';

/*
 * One input schema per input (zod), shared by the forms, the API, the bundle and the command line,
 * and one way to name a field in a problem: `items[1].areas`, `names.zh`.
 */

/** A path as the problems name it: `items[1].areas`; the empty path is `(request)`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '') || '(request)';
}

/** Zod's issues as problems, each naming its field; an unknown field is named itself. */
export function problemsOf(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.flatMap((issue): FieldProblem[] => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((k) => ({ field: fieldPath([...issue.path, k]), problem: 'is not a field of this record' }));
    const problem = issue.code === 'invalid_type' && / received undefined$/.test(issue.message) ? 'is required' : issue.message;
    return [{ field: fieldPath(issue.path), problem }];
  });
}

/** The input, checked: its parsed value, or a validation error (422) naming every field at fault. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(problemsOf(result.error.issues));
  return result.data;
}
