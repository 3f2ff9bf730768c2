import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientAddress, normaliseAddress, TrustedProxies } from './client-address.ts';
import { type FailureCounts, waitSeconds } from './login.ts';

const none = new TrustedProxies([]);
const proxy = new TrustedProxies(['10.0.0.1', '192.168.0.0/16', '2001:db8::/32']);

test('without trusted proxies, X-Forwarded-For is ignored', () => {
  assert.equal(clientAddress('10.0.0.1', '198.51.100.7', none), '10.0.0.1');
  assert.equal(clientAddress('::ffff:10.0.0.1', '198.51.100.7', none), '10.0.0.1');
  assert.equal(clientAddress(undefined, '198.51.100.7', none), 'unknown');
});

test('from a trusted proxy, the right-most address that is not a trusted proxy', () => {
  assert.equal(clientAddress('10.0.0.1', '198.51.100.7', proxy), '198.51.100.7');
  assert.equal(clientAddress('::ffff:10.0.0.1', '198.51.100.7', proxy), '198.51.100.7');
  // What the client wrote to the left of what the proxies added is not believed.
  assert.equal(clientAddress('10.0.0.1', '203.0.113.9, 198.51.100.7', proxy), '198.51.100.7');
  assert.equal(clientAddress('10.0.0.1', 'not-an-address, 198.51.100.7', proxy), '198.51.100.7');
  // Several proxies in a row, one in a CIDR range.
  assert.equal(clientAddress('10.0.0.1', '198.51.100.7, 192.168.4.4', proxy), '198.51.100.7');
  assert.equal(clientAddress('10.0.0.1', '2001:db8::5, 192.168.4.4', proxy), '2001:db8::5');
  // Every hop a trusted proxy: the left-most; an empty or malformed header: the last believed.
  assert.equal(clientAddress('10.0.0.1', '192.168.1.1, 192.168.4.4', proxy), '192.168.1.1');
  assert.equal(clientAddress('10.0.0.1', '', proxy), '10.0.0.1');
  assert.equal(clientAddress('10.0.0.1', 'junk', proxy), '10.0.0.1');
  assert.equal(clientAddress('10.0.0.1', '198.51.100.7:4711', proxy), '198.51.100.7');
  assert.equal(clientAddress('10.0.0.1', '[2001:db9::1]:443', proxy), '2001:db9::1');
  // A socket that is not a trusted proxy: its own address, whatever the header says.
  assert.equal(clientAddress('203.0.113.5', '198.51.100.7', proxy), '203.0.113.5');
});

test('addresses are normalised', () => {
  assert.equal(normaliseAddress(' ::FFFF:127.0.0.1 '), '127.0.0.1');
  assert.equal(normaliseAddress('[::1]:80'), '::1');
  assert.equal(normaliseAddress('x'.repeat(500)).length, 100);
});

const quiet: FailureCounts = { pair: 0, pairSince: null, client: 0, clientSince: null, account: 0, accountSince: null };
const rules = { maxFailures: 5, windowMinutes: 15 };

test('back-off: a client on an account waits 30 s after maxFailures, doubling, up to the window', () => {
  assert.equal(waitSeconds({ ...quiet, pair: 4, pairSince: 0, client: 4, clientSince: 0, account: 4, accountSince: 0 }, rules), 0);
  assert.equal(waitSeconds({ ...quiet, pair: 5, pairSince: 0 }, rules), 30);
  assert.equal(waitSeconds({ ...quiet, pair: 5, pairSince: 10.2 }, rules), 20);
  assert.equal(waitSeconds({ ...quiet, pair: 5, pairSince: 31 }, rules), 0);
  assert.equal(waitSeconds({ ...quiet, pair: 6, pairSince: 0 }, rules), 60);
  assert.equal(waitSeconds({ ...quiet, pair: 100, pairSince: 0 }, rules), 900);
});

test('back-off: a client across accounts, and an account across clients, wait from 1 s; the account at most a minute', () => {
  assert.equal(waitSeconds({ ...quiet, client: 19, clientSince: 0 }, rules), 0);
  assert.equal(waitSeconds({ ...quiet, client: 20, clientSince: 0 }, rules), 1);
  assert.equal(waitSeconds({ ...quiet, client: 23, clientSince: 0 }, rules), 8);
  assert.equal(waitSeconds({ ...quiet, client: 1000, clientSince: 0 }, rules), 900);
  assert.equal(waitSeconds({ ...quiet, account: 20, accountSince: 0 }, rules), 1);
  assert.equal(waitSeconds({ ...quiet, account: 1000, accountSince: 0 }, rules), 60);
  assert.equal(waitSeconds({ ...quiet, account: 1000, accountSince: 60 }, rules), 0);
});
