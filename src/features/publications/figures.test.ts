import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type PublicationFact, publicationsInYear, publicationsPerYear, yearFigures } from './figures.ts';

const p = (kind: PublicationFact['kind'], dated: string, over: Partial<PublicationFact> = {}): PublicationFact => ({
  kind,
  status: 'published',
  dated,
  publishedOn: dated,
  archived: false,
  ...over,
});

// By hand: 2018 has press releases on 03-01, 05-10, 06-20, 10-03, 12-20 (published), one draft on
// 11-01, one archived on 11-02, one approved only on 11-03: 5 count. 2017 has 3 published.
const list: PublicationFact[] = [
  p('press-release', '2018-03-01'),
  p('press-release', '2018-05-10'),
  p('press-release', '2018-06-20'),
  p('press-release', '2018-10-03'),
  p('press-release', '2018-12-20', { publishedOn: '2018-12-21' }),
  p('press-release', '2018-11-01', { status: 'draft', publishedOn: null }),
  p('press-release', '2018-11-02', { archived: true }),
  p('press-release', '2018-11-03', { status: 'approved', publishedOn: null }),
  p('press-release', '2017-02-01'),
  p('press-release', '2017-07-01'),
  p('press-release', '2017-12-31', { publishedOn: '2018-01-02' }),
  p('chair-message', '2018-01-15'),
  p('chair-message', '2018-04-15'),
  p('chair-message', '2018-07-15'),
  p('chair-message', '2018-10-15'),
  p('statement', '2018-10-03'),
  p('news', '2018-08-14'),
  p('news', '2019-01-10'),
];

test('press releases in a year count the published, unarchived ones dated in it', () => {
  assert.equal(publicationsInYear(list, 'press-release', 2018), 5);
  assert.equal(publicationsInYear(list, 'press-release', 2017), 3);
  assert.equal(publicationsInYear(list, 'press-release', 2016), 0);
});

test('as at a date: what was published after it is not counted', () => {
  // The release of 2018-12-20 was published on 12-21: as at 12-20, four.
  assert.equal(publicationsInYear(list, 'press-release', 2018, '2018-12-20'), 4);
  // 2017's last one was published on 2018-01-02: as at 2017-12-31, two.
  assert.equal(publicationsInYear(list, 'press-release', 2017, '2017-12-31'), 2);
});

test('per year: every year that has one, in order', () => {
  assert.deepEqual(publicationsPerYear(list, 'press-release'), [
    { year: 2017, count: 3 },
    { year: 2018, count: 5 },
  ]);
  assert.deepEqual(publicationsPerYear(list, 'news'), [
    { year: 2018, count: 1 },
    { year: 2019, count: 1 },
  ]);
});

test("a year's figures: the Chair's four quarterly messages, statements, news, and last year's press releases", () => {
  const f = yearFigures(list, 2018);
  assert.equal(f.pressReleases, 5);
  assert.equal(f.pressReleasesYearBefore, 3);
  assert.equal(f.chairMessages, 4);
  assert.equal(f.statements, 1);
  assert.equal(f.news, 1);
  assert.match(f.definition, /published/);
});
