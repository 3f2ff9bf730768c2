import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isIsoDate } from './dates.ts';
import { textProblem, textProblems } from './text.ts';

test('a NUL and a lone surrogate cannot be stored; a pair, an emoji and U+FFFD can', () => {
  assert.match(textProblem('a\u0000b') ?? '', /null character/);
  assert.match(textProblem('x\uD800') ?? '', /lone surrogate/);
  assert.match(textProblem('\uDC00x') ?? '', /lone surrogate/);
  for (const fine of ['', 'Mali', '中文', '😀', '\uD83D\uDE00', '\uFFFD', '\u202Eevil']) assert.equal(textProblem(fine), null, fine);
});

test('every text of a value is checked, names included, each named by its path', () => {
  assert.deepEqual(
    textProblems({ title: 'ok', items: [{ note: 'fine' }, { note: 'a\u0000' }], names: { zh: '\uDFFF' }, 'bad\u0000key': 1 })
      .map((p) => p.field)
      .sort(),
    ['(request)', 'items[1].note', 'names.zh'],
  );
  assert.deepEqual(textProblems('\u0000', ['q']), [{ field: 'q', problem: textProblem('\u0000') }]);
  // Deep nesting is walked without recursion.
  let deep: unknown = 'x\u0000';
  for (let i = 0; i < 10_000; i++) deep = [deep];
  const [found] = textProblems(deep);
  assert.ok(found && found.field.length < 100 && found.field.endsWith('…'), found?.field);
});

test('the year 0 is not a day', () => {
  assert.equal(isIsoDate('0000-01-01'), false);
  assert.equal(isIsoDate('0001-01-01'), true);
  assert.equal(isIsoDate('2018-02-30'), false);
});
