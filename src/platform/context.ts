import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';

/** Everything a request or a command needs, built once by the composition root (`src/app/context.ts`). */
export interface AppContext {
  config: Config;
  database: Database;
  /** Whether the data is demonstration data (a banner says so on every page). */
  demo: boolean;
}
