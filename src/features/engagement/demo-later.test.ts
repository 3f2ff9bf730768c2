import assert from 'node:assert/strict';
import { test } from 'node:test';
import { laterCourses, laterVisits } from './demo-later.ts';

test('two visits a year from 2019, held when passed, planned when ahead in the year', () => {
  const v = laterVisits('2020-06-30');
  assert.deepEqual(
    v.map((x) => [x.state_iso3, x.starts_on, x.ends_on, x.status]),
    [
      ['KEN', '2019-04-08', '2019-04-10', 'held'],
      ['JOR', '2019-11-04', '2019-11-06', 'held'],
      ['SEN', '2020-04-08', '2020-04-10', 'held'],
      ['PRY', '2020-11-04', '2020-11-06', 'planned'],
    ],
  );
  assert.ok(v.every((x) => x.source === 'illustrative'));
  assert.equal(laterVisits('2026-12-06').length, 16);
});

test('a course a year in September', () => {
  assert.deepEqual(
    laterCourses('2020-09-14').map((c) => [c.title, c.status]),
    [
      ['Point-of-contact training course for States of Asia and the Pacific (2019)', 'held'],
      ['Point-of-contact training course for Latin American and Caribbean States (2020)', 'planned'],
    ],
  );
});
