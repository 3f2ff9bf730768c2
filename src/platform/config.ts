import { join, resolve } from 'node:path';

/** Every setting r1540 reads, from the environment; README.md lists them. */
export interface Config {
  /** PostgreSQL connection string; when absent, embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  /**
   * Load the demonstration accounts and data on first start: as R1540_DEMO says, else only on a
   * loopback host with the embedded database (a server others may reach gets none unasked).
   */
  seedDemo: boolean;
  /**
   * Warn on every page and in the log that the demonstration accounts' password is public, when
   * the database has them: R1540_DEMO=true was said, or others may reach the server.
   */
  warnDemo: boolean;
  /** Cookies carry the Secure flag (set when served over HTTPS). */
  secureCookies: boolean;
  sessionDays: number;
  maxBodyBytes: number;
  /** Failed logins per account (and per address) in the window before refusals. */
  loginMaxFailures: number;
  loginWindowMinutes: number;
  logRequests: boolean;
  /** The least level logged: fatal, error, warn, info, debug or trace. */
  logLevel: string;
  /** Where the document library keeps its files, by content hash (default: <dataDir>/files). */
  filesDir: string;
  /** The largest document accepted for upload. */
  maxDocumentBytes: number;
}

function intFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return n;
}

function boolFrom(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

/** 127.0.0.1 (any 127.x), ::1 and localhost: an address only this machine reaches. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const saved = process.env;
  process.env = env;
  try {
    const databaseUrl = env.DATABASE_URL || undefined;
    const host = env.HOST || '127.0.0.1';
    const exposed = databaseUrl !== undefined || !isLoopback(host);
    const demoAsked = env.R1540_DEMO ? boolFrom('R1540_DEMO', false) : undefined;
    const logLevel = (env.R1540_LOG_LEVEL || 'info').toLowerCase();
    if (!logLevels.includes(logLevel)) throw new Error(`R1540_LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${logLevel}"`);
    return {
      databaseUrl,
      dataDir: resolve(env.R1540_DATA_DIR || './data'),
      port: intFrom('PORT', 3000),
      host,
      seedDemo: demoAsked ?? !exposed,
      warnDemo: demoAsked === true || exposed,
      secureCookies: boolFrom('R1540_SECURE_COOKIES', false),
      sessionDays: intFrom('R1540_SESSION_DAYS', 14),
      maxBodyBytes: intFrom('R1540_MAX_BODY_BYTES', 1024 * 1024),
      loginMaxFailures: intFrom('R1540_LOGIN_MAX_FAILURES', 5),
      loginWindowMinutes: intFrom('R1540_LOGIN_WINDOW_MINUTES', 15),
      logRequests: boolFrom('R1540_LOG_REQUESTS', false),
      logLevel,
      filesDir: resolve(env.R1540_FILES_DIR || join(resolve(env.R1540_DATA_DIR || './data'), 'files')),
      maxDocumentBytes: intFrom('R1540_MAX_DOCUMENT_BYTES', 20 * 1024 * 1024),
    };
  } finally {
    process.env = saved;
  }
}
