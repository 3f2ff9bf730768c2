import { isIP } from 'node:net';
import { join, resolve } from 'node:path';

/** Every setting r1540 reads, from the environment; README.md lists them. */
export interface Config {
  /** PostgreSQL connection string; when absent, embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  /**
   * PostgreSQL connection string of the role the app serves through, when it is not the tables'
   * owner (DATABASE_URL then migrates and seeds at start-up only): that role cannot disable the
   * audit log's triggers.
   */
  serveDatabaseUrl: string | undefined;
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
  /** Failed logins of one client on one account in the window before it must wait (4× for a client or an account overall). */
  loginMaxFailures: number;
  loginWindowMinutes: number;
  /**
   * The reverse proxies whose `X-Forwarded-For` names the client (addresses or CIDR ranges, from
   * R1540_TRUSTED_PROXIES); none by default, when the socket's address is the client's.
   */
  trustedProxies: string[];
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

/** A list of IP addresses or CIDR ranges, separated by commas or spaces. */
function addressesFrom(name: string): string[] {
  const raw = process.env[name] ?? '';
  const list = raw.split(/[\s,]+/).filter(Boolean);
  for (const entry of list) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (!family || !prefixOk || extra !== undefined)
      throw new Error(`${name} must list IP addresses or CIDR ranges (such as 10.0.0.1 or 10.0.0.0/8), got "${entry}"`);
  }
  return list;
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const saved = process.env;
  process.env = env;
  try {
    const databaseUrl = env.DATABASE_URL || undefined;
    const serveDatabaseUrl = env.R1540_SERVE_DATABASE_URL || undefined;
    if (serveDatabaseUrl && !databaseUrl)
      throw new Error('R1540_SERVE_DATABASE_URL needs DATABASE_URL (the role that owns the tables): the embedded database has one user');
    const host = env.HOST || '127.0.0.1';
    const exposed = databaseUrl !== undefined || !isLoopback(host);
    const demoAsked = env.R1540_DEMO ? boolFrom('R1540_DEMO', false) : undefined;
    const logLevel = (env.R1540_LOG_LEVEL || 'info').toLowerCase();
    if (!logLevels.includes(logLevel)) throw new Error(`R1540_LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${logLevel}"`);
    return {
      databaseUrl,
      serveDatabaseUrl,
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
      trustedProxies: addressesFrom('R1540_TRUSTED_PROXIES'),
      logRequests: boolFrom('R1540_LOG_REQUESTS', false),
      logLevel,
      filesDir: resolve(env.R1540_FILES_DIR || join(resolve(env.R1540_DATA_DIR || './data'), 'files')),
      maxDocumentBytes: intFrom('R1540_MAX_DOCUMENT_BYTES', 20 * 1024 * 1024),
    };
  } finally {
    process.env = saved;
  }
}
