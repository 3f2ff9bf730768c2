import { serve } from '@hono/node-server';
import type { Config } from '../../platform/config.ts';
import { createLogger } from '../../platform/log.ts';
import { createContext } from '../context.ts';
import { createApp } from '../http.tsx';
import { features } from '../../platform/registry.ts';

/** Starts the web server; on first start this creates the database and loads its data. Logs go to standard output as JSON lines. */
export async function serveCommand(config: Config): Promise<void> {
  const started = Date.now();
  const logger = createLogger(config.logLevel);
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  logger.info(`opening ${where}…`);
  const app = await createContext(config, { logger });
  const server = serve({ fetch: createApp(app).fetch, port: config.port, hostname: config.host }, (info) => {
    const host = info.address.includes(':') ? `[${info.address}]` : info.address;
    logger.info(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s at http://${host}:${info.port}/`);
    if (app.demo && !app.demoWarning) logger.info('demonstration data; demo accounts are listed in README.md');
  });
  const stop = (signal: string) => {
    logger.info(`${signal}, stopping`);
    server.close(() => {
      // Each feature's last work (the site-visit counter's last counts), then the database.
      Promise.allSettled(features().map((f) => f.shutdown?.(app)))
        .then(() => app.database.close())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
