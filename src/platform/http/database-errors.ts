import { AppError, invalid } from '../errors.ts';

/** What the edge reads of an error raised by PostgreSQL (node-postgres and PGlite raise the same fields). */
export interface DatabaseErrorFields {
  code: string;
  message: string;
  column?: string | undefined;
  constraint?: string | undefined;
  table?: string | undefined;
  detail?: string | undefined;
}

/** An error that PostgreSQL raised: a SQLSTATE code and a severity (a Node system error has a code too, but no severity). */
export function asDatabaseError(err: unknown): DatabaseErrorFields | null {
  if (typeof err !== 'object' || err === null) return null;
  const e = err as Record<string, unknown>;
  if (typeof e.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code) || typeof e.severity !== 'string') return null;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return {
    code: e.code,
    message: typeof e.message === 'string' ? e.message : '',
    column: text(e.column),
    constraint: text(e.constraint),
    table: text(e.table),
    detail: text(e.detail),
  };
}

/** The field a problem is reported on when the database does not say which (a query parameter). */
export const wholeRequest = '(request)';

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * The field a constraint or index names by convention: `<name>__<field>` (the rule, then the field
 * a reader corrects, in snake case), for a rule whose columns are not that field (one first report
 * per State: `national_report_one_first__kind`). Migrations name such indexes so (0014 on).
 */
export function conventionField(constraint: string | undefined): string | null {
  const m = constraint?.match(/^[a-z0-9_]+__([a-z][a-z0-9]*(?:_[a-z0-9]+)*)$/);
  return m?.[1] ? camel(m[1]) : null;
}

/**
 * The fields the error names, in the API's spelling. Only names are read: the values in the
 * detail (`Key (email)=(someone@…)`) belong to other records and never reach the reader.
 */
function fieldsOf(e: DatabaseErrorFields): string[] {
  const named = conventionField(e.constraint);
  if (named) return [named];
  if (e.column) return [camel(e.column)];
  const key = e.detail?.match(/^Key \(([^)=]+)\)=/);
  if (key?.[1]) return key[1].split(',').map((c) => camel(c.trim().replace(/^"|"$/g, '')));
  if (e.constraint) {
    let name = e.constraint;
    if (e.table && name.startsWith(`${e.table}_`)) name = name.slice(e.table.length + 1);
    name = name.replace(/_(check|key|fkey|pkey|excl|not_null)$/, '');
    if (name && name !== e.constraint && /^[a-z0-9_]+$/.test(name)) return [camel(name)];
  }
  return [wholeRequest];
}

/** The kind of value PostgreSQL could not read, in words (`invalid input syntax for type integer`). */
function kindIn(message: string): string {
  const type = message.match(/for type ([a-z][a-z0-9 ]*)/)?.[1]?.trim() ?? '';
  if (/^(integer|bigint|smallint|numeric|real|double precision)$/.test(type)) return 'a number';
  if (/^(date|time|timestamp|interval)/.test(type)) return 'a date or time';
  if (type === 'uuid') return 'an identifier';
  if (type === 'boolean') return 'true or false';
  if (type === 'json' || type === 'jsonb') return 'JSON';
  return 'a value of the expected kind';
}

/** What went wrong with the value, in words, for SQLSTATE class 22 (data exceptions). */
function dataProblem(e: DatabaseErrorFields): string {
  switch (e.code) {
    case '22007':
    case '22008':
      return 'is not a valid date or time (a day that does not exist, or one out of range)';
    case '22003':
      return 'is a number out of range';
    case '22001':
      return 'is too long';
    case '22021':
      return 'contains a character that cannot be stored (such as a null byte)';
    case '22P02':
      return `is not ${kindIn(e.message)}`;
    case '22P05':
      return 'contains a character that cannot be stored';
    case '22004':
      return 'is required';
    default:
      return 'is not a valid value';
  }
}

const fieldProblems = (e: DatabaseErrorFields, problem: string) => fieldsOf(e).map((field) => ({ field, problem }));

/**
 * The problem the reader sees for an error PostgreSQL raised, or null for one that is the
 * server's (a lost connection, a syntax error in a query): those stay a 500 and are logged.
 * The texts name the problem in words; no SQL and no stored value is repeated.
 */
export function databaseProblem(e: DatabaseErrorFields): AppError | null {
  if (e.code.startsWith('22')) {
    return invalid(fieldProblems(e, dataProblem(e)));
  }
  switch (e.code) {
    case '23505': {
      const names = fieldsOf(e);
      return new AppError(
        'conflict',
        names[0] === wholeRequest
          ? 'a record with the same values already exists'
          : `a record with the same ${names.join(', ')} already exists`,
        { fields: names.map((field) => ({ field, problem: 'is already used by another record' })) },
      );
    }
    case '23P01':
      return new AppError('conflict', 'the record overlaps another one', { fields: fieldProblems(e, 'overlaps another record') });
    case '23503': {
      const stillUsed = /still referenced/.test(e.detail ?? '');
      const problem = stillUsed ? 'is still referred to by other records' : 'refers to a record that does not exist';
      return invalid(fieldProblems(e, problem));
    }
    case '23514':
    case '23502':
      return invalid(fieldProblems(e, e.code === '23502' ? 'is required' : 'is not allowed by the rules for this record'));
    case '54000':
      // A text too large for an index or a search vector (a 1 MB title, say).
      return invalid(fieldProblems(e, 'is too long to be stored'));
    default:
      return null;
  }
}
