import { createHash } from 'node:crypto';

/*
 * What the counter counts (pure rules, no database). A page view is a successful (2xx) HTML
 * response to a GET of a page under /{lang}, asked by a reader who is not signed in (the Committee
 * side's own traffic is left out) and whose user agent is not a robot's. HEAD requests, prefetches,
 * static files, feeds, CSV and other downloads, and the API are not page views.
 */

const languages = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;

/** Robots, crawlers, monitors, link previews, command-line and library clients, headless browsers. */
const robot =
  /bot\b|bot\/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|uptime|pingdom|lighthouse|headless|phantomjs|selenium|puppeteer|playwright|scrapy|curl|wget|python|httpclient|http-client|java\/|go-http|libwww|perl|ruby|php\/|okhttp|axios|node-fetch|undici|\bnode\b|feed|rss|validator|checker|autocannon|dataprovider|nutch|ia_archiver/i;

/** Whether a user agent is a robot's: a known pattern, or none at all (every browser sends one). */
export function isRobot(userAgent: string | undefined): boolean {
  if (!userAgent || userAgent.trim().length < 10) return true;
  return robot.test(userAgent);
}

/** A page as the counts keep it: its language, its section (the first segment after the language) and its path. */
export interface PageKey {
  language: string;
  section: string;
  path: string;
}

/**
 * The page a path is, or null when it is not one the counter keeps: outside /{lang}, too long, or a
 * section that is not a plain name. A trailing slash is dropped (`/en/` is `/en`).
 */
export function pageOf(rawPath: string): PageKey | null {
  const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.replace(/\/+$/, '') : rawPath;
  if (path.length > 200 || /[?#\s]/.test(path)) return null;
  const [, language = '', section = '', ...rest] = path.split('/');
  if (!(languages as readonly string[]).includes(language)) return null;
  if (!/^[a-z0-9-]{0,40}$/.test(section)) return null;
  if (rest.some((s) => s === '')) return null;
  return { language, section, path };
}

/** What the counter sees of a request and its response. */
export interface Hit {
  method: string;
  path: string;
  status: number;
  contentType: string | null | undefined;
  userAgent: string | undefined;
  signedIn: boolean;
  /** `Sec-Purpose` or `Purpose`: a prefetch is not a view. */
  purpose?: string | undefined;
}

/** The page a response counts for, or null when it is not a page view (the rules above). */
export function countedPage(hit: Hit): PageKey | null {
  if (hit.method !== 'GET') return null;
  if (hit.status < 200 || hit.status > 299) return null;
  if (!/^text\/html\b/i.test(hit.contentType ?? '')) return null;
  if (hit.signedIn) return null;
  if (hit.purpose && /prefetch|prerender/i.test(hit.purpose)) return null;
  if (isRobot(hit.userAgent)) return null;
  return pageOf(hit.path);
}

/**
 * A visitor's key while it waits in the process's buffer (a few seconds): a hash of the address
 * and the user agent, never stored. It is salted with the day's salt before it reaches the database.
 */
export function visitorKey(address: string, userAgent: string): string {
  return createHash('sha256').update(`${address}\n${userAgent}`).digest('hex');
}

/** The stored form of a visitor: the key hashed again with the day's random salt. */
export function saltedVisitor(salt: string, key: string): string {
  return createHash('sha256').update(`${salt}:${key}`).digest('hex');
}
