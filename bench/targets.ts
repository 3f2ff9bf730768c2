/** What the benchmark measures, shared by bench/run.ts (the load) and bench/server.ts (the server). */

export interface Target {
  /** Short name used in the table and in results/latest.json. */
  name: string;
  path: string;
  /** For a static copy: the name of the dynamic target it copies. */
  staticOf?: string;
}

export const targets: Target[] = [
  { name: 'states-page', path: '/en/states' },
  { name: 'states-page-static', path: '/bench/static-page', staticOf: 'states-page' },
  { name: 'states-api', path: '/api/v1/states' },
  { name: 'states-api-static', path: '/bench/static-json', staticOf: 'states-api' },
];

/**
 * Every request carries this CSRF cookie, as a returning (anonymous) visitor's browser would, so the
 * pages neither set a new cookie nor embed a new token on each request: the bodies are identical
 * from one request to the next, and to their static copies.
 */
export const benchCookie = `r1540_csrf=${'b'.repeat(43)}`;

export interface TargetInfo {
  path: string;
  status: number;
  contentType: string;
  bodyBytes: number;
}

/** The line bench/server.ts prints on stdout once it listens. */
export interface ServerReady {
  ready: true;
  engine: 'pglite' | 'postgres';
  port: number;
  targets: Record<string, TargetInfo>;
}
