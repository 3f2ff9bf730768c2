import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { isoDate } from './dates.ts';
import { fieldPath, parseInput } from './input.ts';

test('a field is named as the domain names it', () => {
  assert.equal(fieldPath(['items', 1, 'areas']), 'items[1].areas');
  assert.equal(fieldPath(['names', 'zh']), 'names.zh');
  assert.equal(fieldPath([]), '(request)');
});

test('an input is parsed, or refused with every field at fault named', () => {
  const schema = z.strictObject({ on: isoDate, items: z.array(z.object({ n: z.number().int() })) });
  assert.deepEqual(parseInput(schema, { on: '2018-12-31', items: [{ n: 1 }] }), { on: '2018-12-31', items: [{ n: 1 }] });
  try {
    parseInput(schema, { on: '2017-02-30', items: [{ n: 1 }, { n: 1.5 }], extra: true });
    assert.fail('no error');
  } catch (err) {
    assert.ok(err instanceof AppError && err.code === 'validation');
    assert.deepEqual(
      err.fields.map((f) => f.field),
      ['on', 'items[1].n', 'extra'],
    );
    assert.match(err.fields[0]!.problem, /date that exists/);
  }
});
