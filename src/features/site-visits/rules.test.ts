import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countedPage, type Hit, isRobot, pageOf, saltedVisitor, visitorKey } from './rules.ts';

const browser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
const hit = (over: Partial<Hit> = {}): Hit => ({
  method: 'GET',
  path: '/en/states/MLI',
  status: 200,
  contentType: 'text/html; charset=UTF-8',
  userAgent: browser,
  signedIn: false,
  ...over,
});

describe('what the visit counter counts', () => {
  test('robots by their user agent, and no user agent at all', () => {
    for (const ua of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; bingbot/2.0)',
      'curl/8.4.0',
      'python-requests/2.31',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36',
      'facebookexternalhit/1.1',
      'node',
      '',
      undefined,
    ])
      assert.equal(isRobot(ua), true, String(ua));
    for (const ua of [
      browser,
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1',
    ])
      assert.equal(isRobot(ua), false, ua);
  });

  test('the section is the first segment after the language', () => {
    assert.deepEqual(pageOf('/en/states/MLI'), { language: 'en', section: 'states', path: '/en/states/MLI' });
    assert.deepEqual(pageOf('/zh/'), { language: 'zh', section: '', path: '/zh' });
    assert.deepEqual(pageOf('/ar'), { language: 'ar', section: '', path: '/ar' });
    assert.deepEqual(pageOf('/fr/documents/'), { language: 'fr', section: 'documents', path: '/fr/documents' });
    assert.equal(pageOf('/de/states'), null, 'not one of the six languages');
    assert.equal(pageOf('/api/v1/states'), null);
    assert.equal(pageOf('/static/app.css'), null);
    assert.equal(pageOf('/en/States'), null, 'not a plain section name');
    assert.equal(pageOf(`/en/states/${'x'.repeat(200)}`), null, 'too long');
  });

  test('only a successful HTML GET by a reader who is not signed in and not a robot', () => {
    assert.deepEqual(countedPage(hit()), { language: 'en', section: 'states', path: '/en/states/MLI' });
    assert.equal(countedPage(hit({ method: 'HEAD' })), null);
    assert.equal(countedPage(hit({ method: 'POST' })), null);
    assert.equal(countedPage(hit({ status: 404 })), null);
    assert.equal(countedPage(hit({ status: 303 })), null);
    assert.equal(countedPage(hit({ status: 500 })), null);
    assert.equal(countedPage(hit({ contentType: 'text/csv; charset=utf-8' })), null);
    assert.equal(countedPage(hit({ contentType: 'application/atom+xml' })), null);
    assert.equal(countedPage(hit({ contentType: undefined })), null);
    assert.equal(countedPage(hit({ signedIn: true })), null, 'the Committee side’s own traffic');
    assert.equal(countedPage(hit({ userAgent: 'Googlebot/2.1' })), null);
    assert.equal(countedPage(hit({ purpose: 'prefetch' })), null);
    assert.equal(countedPage(hit({ path: '/static/app.css' })), null);
    assert.notEqual(countedPage(hit({ status: 204 })), null);
  });

  test('a visitor is a hash, salted again with the day’s salt', () => {
    const key = visitorKey('192.0.2.1', browser);
    assert.match(key, /^[0-9a-f]{64}$/);
    assert.ok(!key.includes('192'));
    assert.notEqual(key, visitorKey('192.0.2.2', browser));
    assert.notEqual(key, visitorKey('192.0.2.1', `${browser} Edg/120`));
    const a = saltedVisitor('a'.repeat(64), key);
    assert.equal(a, saltedVisitor('a'.repeat(64), key));
    assert.notEqual(a, saltedVisitor('b'.repeat(64), key));
  });
});
