import type { Hono } from 'hono';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import type { AppContext } from './../../src/platform/context.ts';
import type { Database } from '../../src/platform/db/connect.ts';
import { closePrinterOf } from '../../src/platform/formats/pdf.ts';
import { createApp } from '../../src/app/http.tsx';
import type { AppEnv } from '../../src/platform/http/env.ts';
import { createLogger } from '../../src/platform/log.ts';
import { freshDatabase } from './database.ts';

export interface TestApp {
  app: AppContext;
  database: Database;
  /** The Hono application itself (a test may mount a probe route on it). */
  server: Hono<AppEnv>;
  /** Every line the application logged, parsed (errors are also printed, so that a failing test shows them). */
  logs: Record<string, unknown>[];
  request: (path: string, init?: RequestInit) => Promise<Response>;
  close: () => Promise<void>;
}

/**
 * The whole web application on a fresh database, called without a socket; with `demo`, the database
 * has every feature's demonstration data (a template seeded once per run: see database.ts).
 */
export async function testApp(overrides: Partial<Config> = {}, options: { demo?: boolean } = {}): Promise<TestApp> {
  const database = await freshDatabase(options);
  const config = { ...loadConfig({}), ...overrides };
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger(config.logLevel, {
    write(line: string) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      logs.push(entry);
      if (typeof entry.level === 'number' && entry.level >= 50) process.stderr.write(line);
    },
  });
  const app: AppContext = { config, database, demo: true, demoWarning: config.warnDemo, logger };
  const server = createApp(app);
  return {
    app,
    database,
    server,
    logs,
    request: async (path, init) => server.request(`http://localhost${path}`, init),
    // A PDF printed on the way started Chromium: it stops with the application, as at the server's shutdown.
    close: async () => {
      await closePrinterOf(app);
      await database.close();
    },
  };
}

/** A browser-like client: keeps cookies, sends the CSRF token with forms. */
export class Client {
  readonly cookies = new Map<string, string>();
  constructor(private readonly t: TestApp) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    const res = await this.t.request(path, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get(path: string): Promise<Response> {
    return this.fetch(path);
  }

  /** Posts a form the way a browser does, with the CSRF token from the cookie (after a GET set it). */
  async post(path: string, fields: Record<string, string | string[]>, options: { csrf?: boolean } = {}): Promise<Response> {
    if (!this.cookies.has('r1540_csrf')) await this.get('/en/');
    const body = new URLSearchParams();
    if (options.csrf !== false) body.append('_csrf', this.cookies.get('r1540_csrf') ?? '');
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    return this.fetch(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  async login(email: string, password = 'demo-password-1540'): Promise<Response> {
    const res = await this.post('/en/login', { email, password });
    if (res.status !== 303) throw new Error(`login as ${email} failed with ${res.status}`);
    return res;
  }
}
