import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Config } from '../../src/platform/config.ts';
import { createApp } from '../../src/app/http.tsx';
import { testApp } from '../support/app.ts';

const root = new URL('../../', import.meta.url).pathname;
export const screensDir = join(root, '.tmp/screens');
export const axePath = join(root, 'node_modules/axe-core/axe.min.js');
export const password = 'demo-password-1540';

export interface Site {
  /** Like `http://127.0.0.1:43127`, without a trailing slash. */
  baseUrl: string;
  close: () => Promise<void>;
}

/** The real HTTP server over a fresh migrated and seeded database (with `demo`, the demonstration data too), on a free port of 127.0.0.1. */
export async function startSite(overrides: Partial<Config> = {}, options: { demo?: boolean } = {}): Promise<Site> {
  const t = await testApp(overrides, options);
  const fetch = createApp(t.app).fetch;
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server, port: info.port }));
    server.once('error', reject);
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        // Keep-alive connections from the browser would otherwise hold the server open.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      });
      await t.close();
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A browser context with the site's base URL; `bypassCSP` only for injecting axe-core. */
export function newContext(browser: Browser, site: Site, options: { bypassCSP?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: site.baseUrl,
    bypassCSP: options.bypassCSP ?? false,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
  });
}

/** Logs in through the form of /{lang}/login and waits for the redirect. */
export async function logIn(page: Page, email: string, lang = 'en'): Promise<void> {
  await page.goto(`/${lang}/login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login')), page.click('main form button[type=submit]')]);
}

export function screenshotPath(name: string): string {
  mkdirSync(screensDir, { recursive: true });
  return join(screensDir, `${name}.png`);
}

/**
 * Collects what goes wrong in a page besides the document itself: script errors, CSP violations
 * and sub-resources (the stylesheet) that fail to load. An error status of the page itself is
 * for the test to check, so "Failed to load resource" console lines are left out.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'document' && res.status() >= 400) errors.push(`${res.status()} for ${res.url()}`);
  });
  return errors;
}
