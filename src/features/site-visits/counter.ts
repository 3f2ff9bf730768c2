import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Logger } from '../../platform/log.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { type PageKey, saltedVisitor } from './rules.ts';
import { addCounts, type DayPageCount, newVisitors, saltOfDay } from './store.ts';

export interface CounterOptions {
  /** How long counts wait in the buffer before they are written (default 5 s). */
  flushMs?: number;
  /** A buffer holding this many pages or visitors is written at once (default 5,000). */
  maxEntries?: number;
}

interface Buffer {
  /** day → "language section path" → counts (visits are added at the flush). */
  pages: Map<string, Map<string, DayPageCount>>;
  /** day → visitor key → the page of its first view in this buffer. */
  visitors: Map<string, Map<string, string>>;
  views: number;
  entries: number;
}

const emptyBuffer = (): Buffer => ({ pages: new Map(), visitors: new Map(), views: 0, entries: 0 });
const pageId = (p: PageKey) => `${p.language} ${p.section} ${p.path}`;

/**
 * The process's buffer of page views: `record` only adds to maps (no I/O, nothing awaited by the
 * page); a flush a few seconds later, or at shutdown, writes them in one transaction per day: the
 * visitors salted with the day's salt (those not yet seen that day become visits, at their first
 * page), then one upsert of every page's counts. A flush that fails loses its counts, and says how
 * many in one log line; the pages were served all the same.
 */
export class VisitCounter {
  private buffer = emptyBuffer();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private waiting = 0;
  private readonly flushMs: number;
  private readonly maxEntries: number;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly logger: Logger,
    options: CounterOptions = {},
  ) {
    this.flushMs = options.flushMs ?? 5000;
    this.maxEntries = options.maxEntries ?? 5000;
  }

  /** Counts one page view by a visitor (its unsalted key), today unless a day is given. */
  record(page: PageKey, visitor: string, day = todayIso()): void {
    const b = this.buffer;
    let pages = b.pages.get(day);
    if (!pages) {
      pages = new Map();
      b.pages.set(day, pages);
    }
    const id = pageId(page);
    const counts = pages.get(id);
    if (counts) counts.views += 1;
    else {
      pages.set(id, { day, ...page, views: 1, visits: 0 });
      b.entries += 1;
    }
    let visitors = b.visitors.get(day);
    if (!visitors) {
      visitors = new Map();
      b.visitors.set(day, visitors);
    }
    if (!visitors.has(visitor)) {
      visitors.set(visitor, id);
      b.entries += 1;
    }
    b.views += 1;
    if (b.entries >= this.maxEntries) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushMs);
      this.timer.unref();
    }
  }

  /**
   * Writes what the buffer holds; flushes never overlap. Never throws. While the database hangs, at
   * most a few buffers wait their turn: the next ones are dropped, and the loss logged.
   */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const taken = this.buffer;
    this.buffer = emptyBuffer();
    if (!taken.views) return this.flushing;
    if (this.waiting >= 3) {
      this.logger.warn(
        { lostPageViews: taken.views, lostVisitors: [...taken.visitors.values()].reduce((a, v) => a + v.size, 0) },
        `site visits: ${taken.views} page views are lost, earlier counts still wait for the database`,
      );
      return this.flushing;
    }
    this.waiting += 1;
    this.flushing = this.flushing
      .then(() => this.write(taken))
      .finally(() => {
        this.waiting -= 1;
      });
    return this.flushing;
  }

  private async write(b: Buffer): Promise<void> {
    for (const day of [...b.pages.keys()].sort()) {
      const pages = b.pages.get(day) ?? new Map<string, DayPageCount>();
      const visitors = b.visitors.get(day) ?? new Map<string, string>();
      try {
        await this.db.transaction().execute(async (trx) => {
          const salt = await saltOfDay(trx, day);
          const salted = new Map([...visitors].map(([key, page]) => [saltedVisitor(salt, key), page]));
          const fresh = await newVisitors(trx, day, [...salted.keys()]);
          const rows = [...pages.values()].map((r) => ({ ...r, visits: 0 }));
          const byPage = new Map(rows.map((r) => [pageId(r), r]));
          for (const v of fresh) {
            const row = byPage.get(salted.get(v) ?? '');
            if (row) row.visits += 1;
          }
          await addCounts(trx, rows, 'counted');
        });
      } catch (err) {
        let views = 0;
        for (const r of pages.values()) views += r.views;
        this.logger.warn(
          { err, day, lostPageViews: views, lostVisitors: visitors.size },
          `site visits: ${views} page views of ${day} could not be written and are lost`,
        );
      }
    }
  }

  /** At shutdown: the last counts written, no timer left. */
  async stop(): Promise<void> {
    await this.flush();
  }
}

const counters = new WeakMap<object, VisitCounter>();

/** The counter of an application (one a process and database). */
export function counterOf(app: { database: { db: Kysely<DB> }; logger: Logger }, options?: CounterOptions): VisitCounter {
  let counter = counters.get(app);
  if (!counter) {
    counter = new VisitCounter(app.database.db, app.logger, options);
    counters.set(app, counter);
  }
  return counter;
}
