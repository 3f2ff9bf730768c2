// A workbook of every State's matrix is written off the event loop: while it is being written, the
// server answers other requests (issue 13, item 5). Ordering only: no duration is asserted.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDemoMatrices } from '../../src/features/matrix/versions/demo.ts';
import { exportFile, exportMatrices } from '../../src/features/matrix/transfer/transfer-commands.ts';
import type { ExportData } from '../../src/features/matrix/transfer/transfer.ts';
import { Messages } from '../../src/platform/i18n/i18n.ts';
import { type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
let data: ExportData;
before(async () => {
  t = await testApp();
  await seedDemoMatrices(t.database.db, undefined, { states: ['MLI', 'PER', 'SEN', 'GHA', 'KEN', 'FRA', 'CHN', 'BRA'] });
  data = await exportMatrices(t.database.db, null, { locale: 'en', template: '2017' });
  // Scaled up to the size that froze the server (every State's matrix): these States' many times over.
  data = { ...data, matrices: Array.from({ length: Math.ceil(193 / data.matrices.length) }, () => data.matrices).flat() };
});
after(() => t.close());

const small = async (order: string[]) => {
  const res = await t.request('/healthz');
  assert.equal(res.status, 200);
  await res.text();
  order.push('small');
};

/**
 * Small requests one after the other while `build` runs: how many were answered before it was done.
 * A build that holds the event loop lets one or two through between its few pauses; one written off
 * the loop lets through as many as come.
 */
async function answeredDuring(build: Promise<unknown>): Promise<{ during: number; order: string[] }> {
  const order: string[] = [];
  let done = false;
  const finished = build.then(() => {
    done = true;
    order.push('export');
  });
  let during = 0;
  while (!done) {
    // As requests from sockets come: each in a turn of the event loop of its own.
    await new Promise((resolve) => setImmediate(resolve));
    await small(order);
    if (!done) during++;
  }
  await finished;
  return { during, order };
}

test('small requests are answered while every State’s matrix is being written as XLSX', async () => {
  assert.ok(data.matrices.length >= 193, `${data.matrices.length} matrices`);
  const file = exportFile(data, 'xlsx', new Messages('en'));
  const { during, order } = await answeredDuring(file);
  assert.equal((await file).body.subarray(0, 2).toString(), 'PK', 'an XLSX (zip) file');
  assert.equal(order[0], 'small', 'the first small request is answered before the export is done');
  assert.ok(during >= 20, `only ${during} small requests were answered while the workbook was written`);
});

test('the same through the API: the public export of every State, then a small request, answered first', async () => {
  const order: string[] = [];
  const exporting = t.request('/api/v1/matrix/export?format=xlsx&lang=fr&template=2017').then(async (res) => {
    assert.equal(res.status, 200);
    const body = Buffer.from(await res.arrayBuffer());
    assert.equal(body.subarray(0, 2).toString(), 'PK');
    order.push('export');
  });
  await small(order);
  await exporting;
  assert.deepEqual(order, ['small', 'export']);
});

test('a CSV and a JSON file of every State are written off the loop too, and are the same as written in place', async () => {
  for (const format of ['csv', 'json'] as const) {
    const exporting = exportFile(data, format, new Messages('fr'));
    const { order } = await answeredDuring(exporting);
    const file = await exporting;
    assert.equal(order[0], 'small', `${format}: a small request is answered before the export is done`);
    const { writeExport } = await import('../../src/features/matrix/transfer/export-worker.ts');
    assert.ok(file.body.equals(await writeExport(data, format, new Messages('fr'))), `${format}: the same bytes`);
  }
});
