import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseQuery } from './query.ts';
import { snippet } from './snippet.ts';
import { foldWord, tokens } from './tokenize.ts';
import { buildChunks, maxPositions } from './vector.ts';

const lexemes = (text: string) => Array.from(tokens(text)).map((t) => t.lexemes);

describe('tokens', () => {
  test('Chinese is cut into characters and overlapping pairs, with offsets', () => {
    assert.deepEqual(lexemes('专家组访问了马里'), [
      ['专', '专家'],
      ['家', '家组'],
      ['组', '组访'],
      ['访', '访问'],
      ['问', '问了'],
      ['了', '了马'],
      ['马', '马里'],
      ['里'],
    ]);
    const t = Array.from(tokens('2018年，马里'));
    assert.deepEqual(
      t.map((x) => [x.start, x.end]),
      [
        [0, 4],
        [4, 5],
        [6, 7],
        [7, 8],
      ],
    );
  });
  test('words are folded: case, accents, Arabic vowels, alef forms, article, taa marbuta', () => {
    assert.deepEqual(lexemes('Contrôles à l’EXPORTATION'), [['controle'], ['a'], ['l'], ['exportation']]);
    assert.equal(foldWord('الأسلحة'), foldWord('اسلحه'));
    assert.equal(foldWord('وَالأَسْلِحَةِ'), foldWord('أسلحة'));
    // Three letters are left at least: مالي loses its ending, not its root.
    assert.equal(foldWord('مالي'), 'مال');
    assert.equal(foldWord('Ёлка'), foldWord('елки'));
    assert.equal(foldWord('pass'), 'pass');
  });
  test('Russian and Arabic words are stemmed; Spanish plurals in -es folded', () => {
    const pairs: [string, string][] = [
      ['экспортный', 'экспортного'],
      ['контроль', 'контроля'],
      ['товары', 'товаров'],
      ['назначения', 'назначение'],
      ['الصادرات', 'صادرات'],
      ['للصادرات', 'صادراتها'],
      ['الرقابة', 'رقابة'],
      ['سلطة', 'السلطات'],
      ['exportaciones', 'exportación'],
      ['autoridades', 'autoridad'],
    ];
    for (const [a, b] of pairs) assert.equal(foldWord(a), foldWord(b), `${a} ${b}`);
    assert.notEqual(foldWord('экспорт'), foldWord('контроль'));
  });
  test('Chinese pairs span a line break or spaces between characters, not punctuation', () => {
    assert.deepEqual(lexemes('出口\n管 制'), [['出', '出口'], ['口', '口管'], ['管', '管制'], ['制']]);
    assert.deepEqual(lexemes('出口，管制'), [['出', '出口'], ['口'], ['管', '管制'], ['制']]);
  });
});

describe('queries', () => {
  test('a Chinese query is a phrase of pairs, a single character itself', () => {
    assert.equal(parseQuery('马里').tsquery, `'马里'`);
    assert.equal(parseQuery('马里共和国').tsquery, `('马里' <-> '里共' <-> '共和' <-> '和国')`);
    assert.equal(parseQuery('马').tsquery, `'马'`);
  });
  test('words are all required, phrases kept in order, exclusions and prefixes', () => {
    assert.equal(parseQuery('export Mali').tsquery, `'export' & 'mali'`);
    assert.equal(parseQuery('"export control" -nuclear').tsquery, `('export' <-> 'control') & !'nuclear'`);
    assert.equal(parseQuery('contr*').tsquery, `'contr':*`);
    assert.equal(parseQuery('S/2018/1167').tsquery, `('s' <-> '2018' <-> '1167')`);
    assert.equal(parseQuery('-nuclear').tsquery, '');
    assert.equal(parseQuery('  ').tsquery, '');
    assert.equal(parseQuery(`it's`).tsquery, `('it' <-> 's')`);
  });
});

describe('snippets', () => {
  test('the matches are marked, in Chinese and in words', () => {
    const s = snippet('2018年，专家组访问了马里。', parseQuery('马里').highlight);
    assert.deepEqual(
      s.filter((x) => x.match).map((x) => x.text),
      ['马里'],
    );
    assert.equal(s.map((x) => x.text).join(''), '2018年，专家组访问了马里。');
    const f = snippet('Les contrôles à l’exportation du Mali.', parseQuery('controle mali').highlight);
    assert.deepEqual(
      f.filter((x) => x.match).map((x) => x.text),
      ['contrôles', 'Mali'],
    );
  });
  test('a Chinese match across a line break, and inflected words, are marked', () => {
    const marks = (text: string, q: string) =>
      snippet(text, parseQuery(q).highlight)
        .filter((x) => x.match)
        .map((x) => x.text);
    assert.deepEqual(marks('实行出口\n管制。', '出口管制'), ['出口 管制']);
    assert.deepEqual(marks('порядок экспортного контроля', 'экспортный контроль'), ['экспортного', 'контроля']);
    assert.deepEqual(marks('تشمل الرقابة على الصادرات', 'صادراتها'), ['الصادرات']);
  });
  test('a long text is cut around the first match', () => {
    const text = `${'national reports were received '.repeat(200)}the Group of Experts visited Mali ${'the annex lists the visits '.repeat(200)}`;
    const s = snippet(text, parseQuery('Mali').highlight, 120);
    assert.equal(s[0]!.text, '…');
    assert.equal(s.at(-1)!.text, '…');
    assert.ok(s.some((x) => x.match && x.text === 'Mali'));
    assert.ok(s.map((x) => x.text).join('').length < 200);
  });
});

describe('chunks', () => {
  test('a long text is cut into chunks that each start with the title', () => {
    const chunks = buildChunks('Rapport national', 'mot '.repeat(maxPositions * 2 + 10));
    assert.equal(chunks.length, 3);
    for (const c of chunks) assert.match(c.vector, /'rapport':1A/);
    assert.equal(chunks.map((c) => c.body).join(''), 'mot '.repeat(maxPositions * 2 + 10));
  });
  test('keywords are indexed, not shown', () => {
    const [c] = buildChunks('Visite', 'Atelier national', 'Mali 马里');
    assert.match(c!.vector, /'mali':2/);
    assert.match(c!.vector, /'马里':3/);
    assert.equal(c!.body, 'Atelier national');
  });
});
