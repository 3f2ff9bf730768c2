import { serve } from '@hono/node-server';
import type { Config } from '../../platform/config.ts';
import { createContext } from '../context.ts';
import { createApp } from '../http.tsx';

/** Starts the web server; on first start this creates the database and loads its data. */
export async function serveCommand(config: Config): Promise<void> {
  const started = Date.now();
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  console.log(`r1540: opening ${where}…`);
  const app = await createContext(config, { log: (line) => console.log(`r1540: ${line}`) });
  const server = serve({ fetch: createApp(app).fetch, port: config.port, hostname: config.host }, (info) => {
    const host = info.address.includes(':') ? `[${info.address}]` : info.address;
    console.log(`r1540: ready in ${((Date.now() - started) / 1000).toFixed(1)} s at http://${host}:${info.port}/`);
    if (app.demo) console.log('r1540: demonstration data; demo accounts are listed in README.md');
  });
  const stop = (signal: string) => {
    console.log(`r1540: ${signal}, stopping`);
    server.close(() => {
      app.database.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
