/**
 * Domain errors carry a code; the HTTP edge maps codes to statuses and to a message in the
 * reader's language (catalogue key `error.<code>`). Field problems name the field.
 */
export type ErrorCode =
  | 'not-found'
  | 'unauthenticated'
  | 'forbidden'
  | 'validation'
  | 'conflict'
  | 'too-many-requests'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'csrf'
  | 'bad-request'
  /** A component the server needs is not installed (Chromium, for a PDF). */
  | 'unavailable';

export interface FieldProblem {
  /** Where: a field name, or a path such as `records.member-states[3].names.zh`. */
  field: string;
  problem: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[];
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options: { fields?: FieldProblem[]; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const notFound = (what: string) => new AppError('not-found', `${what} was not found`);
export const forbidden = (what = 'this action') => new AppError('forbidden', `you may not do ${what}`);
export const invalid = (fields: FieldProblem[]) =>
  new AppError('validation', fields.map((f) => `${f.field}: ${f.problem}`).join('; '), { fields });
