import { AppError } from '../errors.ts';
import type { AppContextOf } from './env.ts';

/** Stops a request the policy refused: 401 for the public (so it may log in), 403 for an account. */
export function authorize(c: AppContextOf, allowed: boolean, what = 'this'): void {
  if (allowed) return;
  if (c.get('viewer') === null) throw new AppError('unauthenticated', `log in to see ${what}`);
  throw new AppError('forbidden', `your account may not see or do ${what}`);
}
