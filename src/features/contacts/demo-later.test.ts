import assert from 'node:assert/strict';
import { test } from 'node:test';
import { confirmedOn, laterDesignations } from './demo-later.ts';

test('designations on 15 April and 15 October from 2019, up to the day', () => {
  assert.deepEqual(laterDesignations('2020-04-14'), [
    { iso3: 'BEN', designatedOn: '2019-04-15' },
    { iso3: 'DJI', designatedOn: '2019-10-15' },
  ]);
  assert.equal(laterDesignations('2026-12-06').length, 16);
});

test('confirmed within eleven months, every 30th (from the 7th) 380–420 days ago, never before the designation or in 2018', () => {
  assert.equal(confirmedOn(0, '2026-12-06', '2010-01-15'), '2026-12-01');
  assert.equal(confirmedOn(1, '2026-12-06', '2010-01-15'), '2026-10-25');
  assert.equal(confirmedOn(7, '2026-12-06', '2010-01-15'), '2025-11-14');
  assert.equal(confirmedOn(1, '2026-12-06', '2026-11-01'), null);
  assert.equal(confirmedOn(7, '2019-06-01', '2010-01-15'), null);
});
