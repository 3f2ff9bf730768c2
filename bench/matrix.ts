/**
 * `npm run bench` (second part), or alone: `node --import tsx bench/matrix.ts [--engine all|pglite|postgres] [--runs 9] [--scale 10]`
 *
 * The 1540 Matrix at the size of the demonstration data (193 States, their demo histories), then
 * at ten times that size (1,930 States, the 1,737 added ones with five versions each), on PGlite
 * and on PostgreSQL, in this process:
 *
 * - figures: the published matrices as at today on the full 2017 template (one query for the
 *   versions, one for their cells) and the figures computed from them (per State, per paragraph,
 *   per weapon type, by regional group, the distribution): what `GET /api/v1/matrix/figures` does.
 *   Baseline: reading the 193 Member States (one simple query of a like number of rows).
 * - pages: the reader's matrix page of one State and the experts' grid page, rendered by the real
 *   application (in process, no network), against the State list page as baseline.
 * - import: every State's matrix as one XLSX workbook, checked and written in one transaction
 *   (the transaction is rolled back after each run, a dry run, so runs are alike); baseline: the
 *   export of the same workbook.
 *
 * Medians of `--runs` runs after one warm-up run. Results go to stdout as a table and to
 * bench/results/matrix-latest.json. The PostgreSQL database is a throwaway one on this machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { loadConfig } from '../src/platform/config.ts';
import { type AppContext, createContext } from '../src/app/context.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { createApp } from '../src/app/http.tsx';
import { createSession } from '../src/features/accounts/sessions.ts';
import { averagesBy, countsByParagraph, countsByState, countsByWeaponType, distribution } from '../src/features/matrix/figures/figures.ts';
import { publishedMatricesAsOf } from '../src/features/matrix/figures/figures-data.ts';
import { findTemplate } from '../src/features/matrix/templates/templates.ts';
import { type Engine, openEngine } from './engines.ts';
import { matrixTransferBench } from './matrix-transfer.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const log = (line: string) => process.stderr.write(`bench/matrix: ${line}\n`);

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'all' },
    runs: { type: 'string', default: '9' },
    scale: { type: 'string', default: '10' },
  },
});
const engines: Engine[] = args.engine === 'all' ? ['pglite', 'postgres'] : [args.engine as Engine];
const runs = Math.max(1, Math.min(31, Number(args.runs) || 9));
const scale = Math.max(1, Math.min(10, Number(args.scale) || 10));

// The whole run is bounded.
setTimeout(() => {
  log('over the 25 min limit: stopping');
  process.exit(3);
}, 25 * 60_000).unref();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function timed(fn: () => Promise<unknown>, n = runs): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

interface Row {
  engine: Engine;
  size: string;
  measure: string;
  medianMs: number;
  baseline: string;
  baselineMs: number;
  ratio: number;
  note?: string;
}
const results: Row[] = [];

async function figures(db: Kysely<DB>) {
  const template = (await findTemplate(db, '2017'))!;
  const today = new Date().toISOString().slice(0, 10);
  const basis = { matrices: await publishedMatricesAsOf(db, '2017', today) };
  const t = template.definition as Parameters<typeof countsByState>[0];
  countsByState(t, basis.matrices);
  countsByParagraph(t, basis.matrices);
  countsByWeaponType(t, basis.matrices);
  averagesBy(t, basis.matrices, 'regionalGroup');
  distribution(t, basis.matrices, 10);
  return basis.matrices.length;
}

async function page(app: ReturnType<typeof createApp>, path: string, cookie: string): Promise<number> {
  const res = await app.request(`http://127.0.0.1${path}`, { headers: { cookie } });
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  return body.byteLength;
}

async function measureAll(engine: Engine, size: string, ctx: AppContext, grid: { iso3: string }) {
  const db = ctx.database.db;
  const app = createApp(ctx);
  const expert = await db.selectFrom('app_user').select('id').where('email', '=', 'expert@demo.r1540.org').executeTakeFirstOrThrow();
  const cookie = `r1540_session=${await createSession(db, expert.id, 1)}; r1540_csrf=${'b'.repeat(43)}`;
  const add = (measure: string, ms: number, baseline: string, baseMs: number, note?: string) => {
    results.push({ engine, size, measure, medianMs: ms, baseline, baselineMs: baseMs, ratio: ms / baseMs, note });
    log(`${engine} ${size} ${measure}: ${ms.toFixed(1)} ms (baseline ${baseline} ${baseMs.toFixed(1)} ms, ×${(ms / baseMs).toFixed(1)})`);
  };

  const states = await timed(() => db.selectFrom('member_state').selectAll().execute());
  const n = await figures(db);
  add('figures (all States, 2017 template)', await timed(() => figures(db)), 'read the Member States', states, `${n} published matrices`);

  const list = await timed(() => page(app, '/en/states', cookie));
  const reader = await timed(() => page(app, `/en/states/${grid.iso3}/matrix`, cookie));
  add(`matrix page (${grid.iso3})`, reader, 'State list page', list);
  // The grid of a State with a version in the works (without one, the page only offers to start one).
  const open = await db
    .selectFrom('matrix')
    .select('state_iso3')
    .where('status', 'not in', ['approved', 'published'])
    .where('archived_at', 'is', null)
    .orderBy('state_iso3')
    .executeTakeFirst();
  const gridState = open?.state_iso3 ?? grid.iso3;
  const gridPath = `/en/states/${gridState}/matrix/grid`;
  const probe = await app.request(`http://127.0.0.1${gridPath}`, { headers: { cookie } });
  await probe.arrayBuffer();
  if (probe.status === 200)
    add(
      `grid page (${gridState}, ${Math.round((await page(app, gridPath, cookie)) / 1024)} KB)`,
      await timed(() => page(app, gridPath, cookie)),
      'State list page',
      list,
    );
  else log(`${gridPath} answered ${probe.status}: grid page not measured`);

  const transfer = await matrixTransferBench(ctx, size === '1×' ? runs : Math.max(1, Math.floor(runs / 3)), timed);
  if (transfer) add(transfer.measure, transfer.ms, transfer.baseline, transfer.baselineMs, transfer.note);
}

/** An unused three-letter code for each added State. */
function syntheticCodes(existing: Set<string>, count: number): string[] {
  const out: string[] = [];
  for (let a = 25; a >= 0 && out.length < count; a--)
    for (let b = 0; b < 26 && out.length < count; b++)
      for (let c = 0; c < 26 && out.length < count; c++) {
        const code = String.fromCharCode(65 + a, 65 + b, 65 + c);
        if (!existing.has(code)) out.push(code);
      }
  return out;
}

/**
 * Grows the database to `factor` times the States: each added State copies a real one (its
 * group, memberships and the cells of its newest version) and gets five versions, four published
 * (2019 to 2022) and one draft. The ISO alpha-2 and M49 codes of the copies repeat those of the
 * originals, so the bench database drops their uniqueness.
 */
async function scaleUp(db: Kysely<DB>, factor: number): Promise<{ states: number; versions: number; cells: number }> {
  const real = (await db.selectFrom('member_state').select('iso3').orderBy('iso3').execute()).map((r) => r.iso3);
  const codes = syntheticCodes(new Set(real), real.length * (factor - 1));
  const columns = (
    await sql<{ column_name: string }>`select column_name from information_schema.columns
      where table_name = 'member_state' and table_schema = current_schema() order by ordinal_position`.execute(db)
  ).rows.map((r) => r.column_name);
  await db.transaction().execute(async (trx) => {
    await sql`alter table member_state drop constraint if exists member_state_iso2_key`.execute(trx);
    await sql`alter table member_state drop constraint if exists member_state_m49_key`.execute(trx);
    await sql`create temporary table bench_copy (iso3 char(3) primary key, source char(3) not null) on commit drop`.execute(trx);
    const pairs = codes.map((code, i) => ({ code, source: real[i % real.length]! }));
    for (let i = 0; i < pairs.length; i += 500)
      await sql`insert into bench_copy (iso3, source) values ${sql.join(pairs.slice(i, i + 500).map((p) => sql`(${p.code}, ${p.source})`))}`.execute(
        trx,
      );
    const select = columns.map((c) => (c === 'iso3' ? sql`b.iso3` : sql.ref(`s.${c}`)));
    await sql`insert into member_state (${sql.join(columns.map((c) => sql.ref(c)))})
      select ${sql.join(select)} from bench_copy b join member_state s on s.iso3 = b.source`.execute(trx);
    await sql`set local r1540.restoring = 'on'`.execute(trx);
    await sql`insert into matrix (state_iso3, number, template_version, status, confidentiality, demo, status_changed_at, approved_at, published_at, created_at, updated_at)
      select b.iso3, n, '2017',
        case when n < 5 then 'published' else 'draft' end,
        case when n < 5 then 'public' else 'committee-and-state' end,
        true, make_date(2018 + n, 6, 1), case when n < 5 then make_date(2018 + n, 5, 1) end,
        case when n < 5 then make_date(2018 + n, 6, 1) end, make_date(2018 + n, 1, 1), make_date(2018 + n, 6, 1)
      from bench_copy b cross join generate_series(1, 5) n`.execute(trx);
    await sql`insert into matrix_cell (matrix_id, field_code, value, info_date, remarks, sources, instrument_status, instrument_date)
      select m.id, c.field_code, c.value, c.info_date, c.remarks, c.sources, c.instrument_status, c.instrument_date
      from bench_copy b
      join matrix m on m.state_iso3 = b.iso3
      join lateral (select id from matrix o where o.state_iso3 = b.source order by o.number desc limit 1) latest on true
      join matrix_cell c on c.matrix_id = latest.id`.execute(trx);
  });
  await sql`analyze`.execute(db);
  const count = async (table: 'member_state' | 'matrix' | 'matrix_cell') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { states: await count('member_state'), versions: await count('matrix'), cells: await count('matrix_cell') };
}

for (const engine of engines) {
  const opened = await openEngine(engine, 'matrix', log);
  if (!opened) continue;
  try {
    const t0 = performance.now();
    const ctx = await createContext(loadConfig({ ...opened.env, R1540_DEMO: 'true', R1540_LOG_REQUESTS: 'false' }), {
      database: opened.database,
    });
    log(`${engine}: seeded with the demonstration matrices in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await measureAll(engine, '1×', ctx, { iso3: 'MLI' });
    if (scale > 1) {
      const t1 = performance.now();
      const grown = await scaleUp(opened.database.db, scale);
      log(
        `${engine}: grown to ${grown.states} States, ${grown.versions} versions, ${grown.cells} cells in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
      );
      await measureAll(engine, `${scale}× (${grown.states} States, ${grown.versions} versions, ${grown.cells} cells)`, ctx, {
        iso3: 'MLI',
      });
    }
  } finally {
    await opened.database.close();
    await opened.done();
  }
}

const rows = results.map((r) => ({
  engine: r.engine,
  size: r.size,
  measure: r.measure,
  'median ms': r.medianMs.toFixed(1),
  baseline: r.baseline,
  'baseline ms': r.baselineMs.toFixed(1),
  ratio: r.ratio.toFixed(1),
  note: r.note ?? '',
}));
console.table(rows);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results', 'matrix-latest.json'),
  `${JSON.stringify({ at: new Date().toISOString(), cpus: cpus().length, loadavg: loadavg(), runs, results }, null, 2)}\n`,
);
process.exit(0);
