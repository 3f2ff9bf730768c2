import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import type { Logger } from './log.ts';

/** Everything a request or a command needs, built once by the composition root (`src/app/context.ts`). */
export interface AppContext {
  config: Config;
  database: Database;
  /** Whether the data is demonstration data (a banner says so on every page). */
  demo: boolean;
  /** Whether every page and the log warn that the demonstration accounts' password is public. */
  demoWarning: boolean;
  /** The server's log; a request logs through its own child, which carries the request id. */
  logger: Logger;
}
