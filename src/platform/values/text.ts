import type { FieldProblem } from '../errors.ts';
import { fieldPath } from './input.ts';

/*
 * Text the database can keep. PostgreSQL refuses a NUL character in text and a lone surrogate
 * (half of a UTF-16 pair) in jsonb, and UTF-8 has no way to write one: both are refused once, at
 * the edge (the HTTP request, a bundle), naming the field, before any feature reads them.
 */

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a text that cannot be stored, or null. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'contains a null character (U+0000), which cannot be stored';
  if (loneSurrogate.test(value)) return 'contains a lone surrogate (U+D800 to U+DFFF), which is not a character';
  return null;
}

/** A path as the problems name it, cut after 20 steps (a value nested 2,000 deep is named by its start). */
const named = (path: readonly PropertyKey[]) => (path.length > 20 ? `${fieldPath(path.slice(0, 20))}…` : fieldPath(path));

/**
 * Every text in a parsed value (JSON, a form) that cannot be stored, names included, each named
 * by its path (`items[1].title`). Walked without recursion, so a deeply nested value is no risk.
 */
export function textProblems(value: unknown, at: readonly PropertyKey[] = [], limit = 20): FieldProblem[] {
  const found: FieldProblem[] = [];
  const stack: [unknown, readonly PropertyKey[]][] = [[value, at]];
  while (stack.length && found.length < limit) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) found.push({ field: named(path), problem });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, inner] = entries[i]!;
        const keyProblem = textProblem(k);
        if (keyProblem) found.push({ field: named(path), problem: `has a field name that ${keyProblem}` });
        else stack.push([inner, [...path, k]]);
      }
    }
  }
  return found;
}
