import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusOf } from './errors.tsx';
import { asDatabaseError, type DatabaseErrorFields, databaseProblem } from './database-errors.ts';

// The errors as PostgreSQL 15 and PGlite raise them (messages, details and constraints copied from both).
const cases: { name: string; error: DatabaseErrorFields; status: number; fields: string[]; text: RegExp }[] = [
  {
    name: 'an impossible date in a parameter',
    error: { code: '22008', message: 'date/time field value out of range: "2017-02-30"' },
    status: 422,
    fields: ['(request)'],
    text: /not a valid date/,
  },
  {
    name: 'unreadable date text',
    error: { code: '22007', message: 'invalid input syntax for type date: "tomorrow-ish"' },
    status: 422,
    fields: ['(request)'],
    text: /not a valid date/,
  },
  {
    name: 'text where a number belongs',
    error: { code: '22P02', message: 'invalid input syntax for type integer: "abc"' },
    status: 422,
    fields: ['(request)'],
    text: /is not a number/,
  },
  {
    name: 'text where an identifier belongs',
    error: { code: '22P02', message: 'invalid input syntax for type uuid: "x"' },
    status: 422,
    fields: ['(request)'],
    text: /is not an identifier/,
  },
  {
    name: 'a number out of range',
    error: { code: '22003', message: 'value "99999999999" is out of range for type integer' },
    status: 422,
    fields: ['(request)'],
    text: /out of range/,
  },
  {
    name: 'a text too long for its column',
    error: { code: '22001', message: 'value too long for type character varying(3)' },
    status: 422,
    fields: ['(request)'],
    text: /too long/,
  },
  {
    name: 'a null byte',
    error: { code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' },
    status: 422,
    fields: ['(request)'],
    text: /null byte/,
  },
  {
    name: 'another data exception',
    error: { code: '2201B', message: 'invalid regular expression: parentheses () not balanced' },
    status: 422,
    fields: ['(request)'],
    text: /not a valid value/,
  },
  {
    name: 'a unique key taken, named by the detail',
    error: {
      code: '23505',
      message: 'duplicate key value violates unique constraint "app_user_email_key"',
      constraint: 'app_user_email_key',
      table: 'app_user',
      detail: 'Key (email)=(someone.else@example.org) already exists.',
    },
    status: 409,
    fields: ['email'],
    text: /same email already exists/,
  },
  {
    name: 'a composite unique key',
    error: {
      code: '23505',
      message: 'duplicate key value violates unique constraint "matrix_cell_pkey"',
      constraint: 'matrix_cell_pkey',
      table: 'matrix_cell',
      detail: 'Key (matrix_id, field_key)=(4, op1.a) already exists.',
    },
    status: 409,
    fields: ['matrixId', 'fieldKey'],
    text: /same matrixId, fieldKey already exists/,
  },
  {
    name: 'a unique index on an expression, named by the constraint',
    error: {
      code: '23505',
      message: 'duplicate key value violates unique constraint "contact_email_key"',
      constraint: 'contact_email_key',
      table: 'contact',
      detail: 'Key (lower(email::text))=(x@example.org) already exists.',
    },
    status: 409,
    fields: ['email'],
    text: /already exists/,
  },
  {
    name: 'a unique index named by convention for the field a reader corrects',
    error: {
      code: '23505',
      message: 'duplicate key value violates unique constraint "national_report_one_first__kind"',
      constraint: 'national_report_one_first__kind',
      table: 'national_report',
      detail: 'Key (state_iso3)=(XXX) already exists.',
    },
    status: 409,
    fields: ['kind'],
    text: /same kind already exists/,
  },
  {
    name: 'a unique constraint named by convention, its field in two words',
    error: {
      code: '23505',
      message: 'duplicate key value violates unique constraint "letter_one_reference__sent_on"',
      constraint: 'letter_one_reference__sent_on',
      table: 'letter',
      detail: 'Key (reference, sent_on)=(XXX, 2017-02-30) already exists.',
    },
    status: 409,
    fields: ['sentOn'],
    text: /same sentOn already exists/,
  },
  {
    name: 'a reference to nothing',
    error: {
      code: '23503',
      message: 'insert or update on table "visit" violates foreign key constraint "visit_state_iso3_fkey"',
      constraint: 'visit_state_iso3_fkey',
      table: 'visit',
      detail: 'Key (state_iso3)=(XXX) is not present in table "member_state".',
    },
    status: 422,
    fields: ['stateIso3'],
    text: /refers to a record that does not exist/,
  },
  {
    name: 'a check constraint',
    error: {
      code: '23514',
      message: 'new row for relation "visit" violates check constraint "visit_ends_on_check"',
      constraint: 'visit_ends_on_check',
      table: 'visit',
      detail: 'Failing row contains (3, secret text, …).',
    },
    status: 422,
    fields: ['endsOn'],
    text: /not allowed by the rules/,
  },
  {
    name: 'a check constraint without a column in its name',
    error: { code: '23514', message: 'new row violates check constraint "dates_in_order"', constraint: 'dates_in_order', table: 'visit' },
    status: 422,
    fields: ['(request)'],
    text: /not allowed by the rules/,
  },
  {
    name: 'a missing value',
    error: { code: '23502', message: 'null value in column "title" violates not-null constraint', column: 'title', table: 'document' },
    status: 422,
    fields: ['title'],
    text: /title: is required/,
  },
  {
    name: 'a text too large for an index',
    error: { code: '54000', message: 'index row size 2712 exceeds btree version 4 maximum 2704 for index "x_title_idx"' },
    status: 422,
    fields: ['(request)'],
    text: /too long to be stored/,
  },
];

for (const c of cases) {
  test(`a database error: ${c.name} → ${c.status}`, () => {
    const mapped = databaseProblem(c.error);
    assert.ok(mapped, 'mapped');
    assert.equal(statusOf[mapped.code], c.status);
    assert.deepEqual(
      mapped.fields.map((f) => f.field),
      c.fields,
    );
    assert.match(mapped.message, c.text);
    const said = JSON.stringify([mapped.message, mapped.fields]);
    // Neither SQL nor stored values reach the reader.
    for (const leak of [
      'someone.else',
      'XXX',
      'secret text',
      '2017-02-30',
      'abc',
      '99999999999',
      'constraint',
      'relation',
      'varying',
      'x@example.org',
    ]) {
      assert.ok(!said.includes(leak), `${said} repeats ${leak}`);
    }
  });
}

test('errors that are the server’s own stay unmapped (a 500, logged)', () => {
  for (const code of ['42P01', '42601', '08006', '57P01', '40001', 'XX000']) {
    assert.equal(databaseProblem({ code, message: 'x' }), null, code);
  }
});

test('only errors PostgreSQL raised are read as such', () => {
  assert.equal(asDatabaseError(new Error('x')), null);
  assert.equal(asDatabaseError(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })), null, 'a Node system error has no severity');
  assert.equal(asDatabaseError('22008'), null);
  const raised = Object.assign(new Error('date/time field value out of range: "2017-02-30"'), {
    code: '22008',
    severity: 'ERROR',
    column: '',
    where: "unnamed portal parameter $1 = '...'",
  });
  assert.deepEqual(asDatabaseError(raised), {
    code: '22008',
    message: 'date/time field value out of range: "2017-02-30"',
    column: undefined,
    constraint: undefined,
    table: undefined,
    detail: undefined,
  });
});
