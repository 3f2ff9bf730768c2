/**
 * The benchmark's server process, started by bench/run.ts (one per engine):
 *
 *   node --import tsx bench/server.ts --engine pglite --data-dir /tmp/…
 *   node --import tsx bench/server.ts --engine postgres --database-url postgres://…/r1540_bench_…
 *
 * It builds the real application (migrated, seeded with the shipped reference data and the demo
 * accounts), adds two routes that answer from memory with a byte-identical copy of the State list
 * page and of the States API response, listens on 127.0.0.1 on a free port and prints one JSON line
 * to stdout: {"ready":true,"port":…,"targets":{…}}. It stops on SIGTERM/SIGINT, or when its stdin
 * closes (the parent went away), closing the server and the database.
 */
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { loadConfig } from '../src/platform/config.ts';
import { createContext } from '../src/app/context.ts';
import { type Database, openPglite, openPostgres } from '../src/platform/db/connect.ts';
import { createApp } from '../src/app/http.tsx';
import { benchCookie, type ServerReady, type TargetInfo, targets } from './targets.ts';

const log = (line: string) => process.stderr.write(`bench/server: ${line}\n`);

const { values } = parseArgs({
  options: {
    engine: { type: 'string' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
  },
});

const engine = values.engine;
if (engine !== 'pglite' && engine !== 'postgres') throw new Error('--engine must be pglite or postgres');
if (engine === 'pglite' && !values['data-dir']) throw new Error('--data-dir is required with --engine pglite');
if (engine === 'postgres' && !values['database-url']) throw new Error('--database-url is required with --engine postgres');

const started = performance.now();
const database: Database = engine === 'pglite' ? await openPglite(values['data-dir']) : openPostgres(values['database-url']!);
const config = loadConfig({
  ...(engine === 'pglite' ? { R1540_DATA_DIR: values['data-dir'] } : { DATABASE_URL: values['database-url'] }),
  R1540_DEMO: 'true',
  R1540_LOG_REQUESTS: 'false',
});
const appContext = await createContext(config, { database });
const app = createApp(appContext);

// The static copies, filled below from one real response each. The routes are registered before the
// first request, since Hono's router cannot take new routes once it has matched one.
const copies = new Map<string, { body: Uint8Array<ArrayBuffer>; contentType: string }>();
for (const t of targets) {
  if (!t.staticOf) continue;
  const path = t.path;
  app.get(path, (c) => {
    const copy = copies.get(path);
    if (!copy) return c.text('not ready', 503);
    return c.body(copy.body, 200, { 'Content-Type': copy.contentType });
  });
}

const info: Record<string, TargetInfo> = {};
for (const t of targets) {
  if (t.staticOf) continue;
  const res = await app.request(`http://127.0.0.1${t.path}`, { headers: { cookie: benchCookie } });
  const body = new Uint8Array(await res.arrayBuffer());
  const contentType = res.headers.get('content-type') ?? '';
  if (res.status !== 200) throw new Error(`${t.path} answered ${res.status}: ${new TextDecoder().decode(body).slice(0, 300)}`);
  const staticTarget = targets.find((s) => s.staticOf === t.name)!;
  copies.set(staticTarget.path, { body, contentType });
  info[t.name] = { path: t.path, status: res.status, contentType, bodyBytes: body.byteLength };
}
for (const t of targets) {
  if (!t.staticOf) continue;
  const res = await app.request(`http://127.0.0.1${t.path}`, { headers: { cookie: benchCookie } });
  const body = new Uint8Array(await res.arrayBuffer());
  const original = copies.get(t.path)!;
  const same = body.byteLength === original.body.byteLength && body.every((b, i) => b === original.body[i]);
  if (!same || res.headers.get('content-type') !== original.contentType) throw new Error(`${t.path} is not a copy of ${t.staticOf}`);
  info[t.name] = { path: t.path, status: res.status, contentType: original.contentType, bodyBytes: body.byteLength };
}

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (address) => {
  log(`${engine} ready in ${((performance.now() - started) / 1000).toFixed(1)} s on 127.0.0.1:${address.port}`);
  const ready: ServerReady = { ready: true, engine, port: address.port, targets: info };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
});

let stopping = false;
function stop(why: string) {
  if (stopping) return;
  stopping = true;
  log(`${why}, stopping`);
  setTimeout(() => process.exit(1), 5_000).unref();
  server.close();
  // Keep-alive sockets from the load generator would hold close() open.
  (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  database.close().then(
    () => process.exit(0),
    (err) => {
      log(`closing the database failed: ${String(err)}`);
      process.exit(1);
    },
  );
}
process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGINT', () => stop('SIGINT'));
process.stdin.on('end', () => stop('parent gone'));
process.stdin.on('error', () => stop('parent gone'));
process.stdin.resume();
