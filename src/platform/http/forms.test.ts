import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeNext } from './forms.ts';

const fallback = '/en/';

test('safeNext: a path that resolves to another site, or to "//" or "/\\", falls back', () => {
  const offSite = [
    '/.//evil.example/phish',
    '/..//evil.example/x',
    '/././/evil.example',
    '/a/../..//evil.example',
    '/%2e%2e//evil.example',
    '/%2e//evil.example',
    '/.%2e//evil.example',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '/\\\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\u0000/evil.example',
    ' //evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'evil.example',
    '',
  ];
  for (const next of offSite) assert.equal(safeNext(next, fallback), fallback, JSON.stringify(next));
  assert.equal(safeNext(undefined, fallback), fallback);
});

test('safeNext: a path on this site is kept, encoded as a browser would send it', () => {
  assert.equal(safeNext('/fr/states/MLI?tab=contacts#top', fallback), '/fr/states/MLI?tab=contacts#top');
  assert.equal(safeNext('/en/../fr/states', fallback), '/fr/states');
  // Encoded slashes stay encoded: a path on this site, not a host.
  assert.equal(safeNext('/%2F%2Fevil.example', fallback), '/%2F%2Fevil.example');
  assert.equal(safeNext('/%5C%5Cevil.example', fallback), '/%5C%5Cevil.example');
  assert.equal(safeNext('/\u3000/x', fallback), '/%E3%80%80/x');
});
