import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, testApp } from '../support/app.ts';

// Structured logs: every line a request logs carries its id, which the response sends back in
// X-Request-Id and the 500 page and problem show, so that an operator finds a user's error.

let t: TestApp;
before(async () => {
  t = await testApp({ logRequests: true });
  t.server.get('/en/probe/fail', () => {
    throw new Error('the probe failed on purpose');
  });
  t.server.get('/api/v1/probe/fail', () => {
    throw new Error('the probe failed on purpose');
  });
});
after(() => t.close());

const linesOf = (id: string) => t.logs.filter((l) => l.requestId === id);

test('a request keeps a safe X-Request-Id it came with, sends it back, and logs its line with it', async () => {
  const res = await t.request('/en/states', { headers: { 'x-request-id': 'lb-7f3a.42' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('x-request-id'), 'lb-7f3a.42');
  const lines = linesOf('lb-7f3a.42');
  assert.equal(lines.length, 1, 'R1540_LOG_REQUESTS: one line per request');
  assert.equal(lines[0]!.msg, 'request');
  assert.equal(lines[0]!.method, 'GET');
  assert.equal(lines[0]!.path, '/en/states');
  assert.equal(lines[0]!.status, 200);
  assert.equal(typeof lines[0]!.ms, 'number');
  assert.equal(typeof lines[0]!.time, 'number');
  assert.equal(lines[0]!.level, 30);
});

test('an unsafe or missing X-Request-Id is replaced by a new id', async () => {
  for (const sent of [undefined, 'x'.repeat(101), 'a b', '{"level":60}', 'id;drop', '']) {
    const res = await t.request('/healthz', { headers: sent === undefined ? {} : { 'x-request-id': sent } });
    const id = res.headers.get('x-request-id') ?? '';
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, `${sent} → ${id}`);
    assert.equal(linesOf(id).length, 1);
  }
});

test('a 500 page shows the request id, and the error is logged with it', async () => {
  const res = await t.request('/en/probe/fail', { headers: { 'x-request-id': 'user-report-1' } });
  assert.equal(res.status, 500);
  assert.equal(res.headers.get('x-request-id'), 'user-report-1');
  const html = await res.text();
  assert.match(html, /give this reference: user-report-1</);
  assert.doesNotMatch(html, /failed on purpose/);
  const lines = linesOf('user-report-1');
  const error = lines.find((l) => l.level === 50);
  assert.ok(error, JSON.stringify(lines));
  assert.equal(error.msg, 'unexpected error');
  assert.match(JSON.stringify(error.err), /the probe failed on purpose/);
  assert.ok(lines.some((l) => l.msg === 'request' && l.status === 500));
});

test('a 500 problem carries the request id; a page in another language too', async () => {
  const res = await t.request('/api/v1/probe/fail');
  assert.equal(res.status, 500);
  const id = res.headers.get('x-request-id');
  const body = (await res.json()) as { requestId?: string; detail: string };
  assert.equal(body.requestId, id);
  assert.doesNotMatch(body.detail, /failed on purpose/);
  assert.ok(linesOf(id!).some((l) => l.level === 50));
  const fr = await t.request('/fr/probe/fail');
  assert.equal(fr.status, 404, 'the probe is mounted in English only');
});

test('problems other than a 500 carry no request id in their body, only in the header', async () => {
  const res = await t.request('/api/v1/nothing-here');
  assert.equal(res.status, 404);
  assert.ok(res.headers.get('x-request-id'));
  assert.equal(((await res.json()) as { requestId?: string }).requestId, undefined);
});
