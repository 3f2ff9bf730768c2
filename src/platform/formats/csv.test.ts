import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvField, csvText } from './csv.ts';

test('CSV cells: quoted when needed, never a formula', () => {
  assert.equal(csvField('Côte d’Ivoire'), 'Côte d’Ivoire');
  assert.equal(csvField('Bolivia, Plurinational State of'), '"Bolivia, Plurinational State of"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvField('-1'), "'-1");
  assert.equal(csvField(null), '');
  // A tab or a carriage return first is also read as a formula's start by some spreadsheets.
  assert.equal(csvField('\t=1+1'), "'\t=1+1");
  assert.equal(csvField('\r=1+1'), `"'\r=1+1"`);
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvField('+33 1 23'), "'+33 1 23");
  // A number is a number: only texts are neutralised.
  assert.equal(csvField(-1), '-1');
  assert.equal(csvField(true), 'true');
  assert.equal(
    csvText([
      ['a', 'b'],
      [1, 'x'],
    ]),
    '\uFEFFa,b\r\n1,x\r\n',
  );
});
