import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { createLogger } from '../../platform/log.ts';
import type { DB } from '../../platform/db/schema.ts';
import { VisitCounter } from './counter.ts';

// The counter's faults without a database: a database that refuses, and one that hangs.

function logged() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { lines, logger };
}
const page = { language: 'en', section: 'states', path: '/en/states/MLI' };

test('a database that refuses: the flush resolves, and one line says how many views and visitors were lost', async () => {
  const { lines, logger } = logged();
  const refusing = { transaction: () => ({ execute: async () => Promise.reject(new Error('read-only')) }) } as unknown as Kysely<DB>;
  const counter = new VisitCounter(refusing, logger, { flushMs: 3_600_000 });
  counter.record(page, 'a', '2018-12-20');
  counter.record(page, 'a', '2018-12-20');
  counter.record({ ...page, path: '/en/states' }, 'b', '2018-12-20');
  await counter.flush();
  assert.equal(lines.length, 1);
  assert.equal(lines[0]?.lostPageViews, 3);
  assert.equal(lines[0]?.lostVisitors, 2);
  assert.equal(lines[0]?.day, '2018-12-20');
  await counter.flush();
  assert.equal(lines.length, 1, 'an empty buffer writes nothing and loses nothing');
});

test('a database that hangs: at most three buffers wait, the next are dropped and the loss logged', async () => {
  const { lines, logger } = logged();
  const hanging = { transaction: () => ({ execute: () => new Promise(() => {}) }) } as unknown as Kysely<DB>;
  const counter = new VisitCounter(hanging, logger, { flushMs: 3_600_000 });
  for (let i = 0; i < 5; i++) {
    counter.record(page, `v${i}`, '2018-12-20');
    void counter.flush();
  }
  assert.deepEqual(
    lines.map((l) => l.lostPageViews),
    [1, 1],
  );
});
