import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../../platform/errors.ts';
import { defaultWeights, parseWeights } from './weights.ts';

describe('parseWeights', () => {
  test('missing keys take their default; a JSON text is read too', () => {
    assert.deepEqual(parseWeights({}), defaultWeights);
    assert.deepEqual(parseWeights(undefined), defaultWeights);
    assert.deepEqual(parseWeights({ language: 25 }), { ...defaultWeights, language: 25 });
    assert.deepEqual(parseWeights('{"language": 25, "limit": 3}'), { ...defaultWeights, language: 25, limit: 3 });
  });

  const bad: [string, unknown, { field: string; problem: RegExp }[]][] = [
    ['an unknown key', { colour: 1 }, [{ field: 'weights.colour', problem: /not a known weight/ }]],
    ['a number as text', { area: '40' }, [{ field: 'weights.area', problem: /not a number/ }]],
    ['null', { kind: null }, [{ field: 'weights.kind', problem: /not a number/ }]],
    ['a negative weight', { periodEnded: -30 }, [{ field: 'weights.periodEnded', problem: /negative/ }]],
    ['an infinite weight', { region: Number.POSITIVE_INFINITY }, [{ field: 'weights.region', problem: /finite/ }]],
    ['a huge weight', { region: 1e300 }, [{ field: 'weights.region', problem: /more than/ }]],
    ['a fractional cap', { trackRecordCap: 1.5 }, [{ field: 'weights.trackRecordCap', problem: /whole number/ }]],
    ['a limit of 0', { limit: 0 }, [{ field: 'weights.limit', problem: /from 1/ }]],
    [
      'two bad keys, each named',
      { area: -1, colour: 2 },
      [
        { field: 'weights.area', problem: /negative/ },
        { field: 'weights.colour', problem: /not a known weight/ },
      ],
    ],
    ['text that is not JSON', '{"area": 40', [{ field: 'weights', problem: /not JSON/ }]],
    ['a JSON array', '[1, 2]', [{ field: 'weights', problem: /not a JSON object/ }]],
    ['a number', 42, [{ field: 'weights', problem: /not a JSON object/ }]],
  ];
  for (const [why, input, expected] of bad) {
    test(`refuses ${why}, naming the key`, () => {
      assert.throws(
        () => parseWeights(input),
        (err: unknown) => {
          assert.ok(err instanceof AppError);
          assert.equal(err.code, 'validation');
          assert.deepEqual(
            err.fields.map((f) => f.field),
            expected.map((e) => e.field),
          );
          for (const [k, e] of expected.entries()) assert.match(err.fields[k]!.problem, e.problem);
          return true;
        },
      );
    });
  }
});
