/**
 * `npm run bench` (part), or alone:
 *   node --import tsx bench/annual-review.ts [--engine all|pglite|postgres] [--samples 7] [--scale 1,10] [--lang zh]
 *
 * Drafting the 2018 review from the records (issue 15): a new draft of the published S/2018/1167,
 * its figures counted again from the records as at the cut-off (the write core `regenerate`, one
 * transaction), then its document in the language, as the printable HTML (goal under 1 s), the
 * DOCX (under 2 s) and the PDF printed by Chromium (under 5 s; one browser for the whole run,
 * started in the warm-up). The baseline, measured in the same run between the same samples: the
 * document of the stored review read without counting anything (what the API's JSON does). On
 * PGlite and on PostgreSQL, with the demonstration's records, then with ten times its records of
 * the kinds the figures count (reports, action plans, visits, points of contact, courses and
 * assistance requests: each copied nine times, the copies kept apart from the unique keys). Medians
 * and maxima in ms, and each median's ratio to the baseline's. Results go to stdout.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createContext } from '../src/app/context.ts';
import { newDraftFrom, regenerate } from '../src/features/annual-review/commands.ts';
import { reviewDocument } from '../src/features/annual-review/document.ts';
import { type ReviewFormat, reviewFileOf } from '../src/features/annual-review/outputs.ts';
import { type ReviewRow, reviewOfYear } from '../src/features/annual-review/queries.ts';
import { systemActor } from '../src/platform/audit/record.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { PdfPrinter } from '../src/platform/formats/pdf.ts';
import { messages } from '../src/platform/i18n/i18n.ts';
import { isLocale, type Locale } from '../src/platform/i18n/locales.ts';
import { type Engine, openEngine } from './engines.ts';

const log = (line: string) => process.stderr.write(`bench/annual-review: ${line}\n`);
const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'all' },
    samples: { type: 'string', default: '7' },
    scale: { type: 'string', default: '1,10' },
    lang: { type: 'string', default: 'zh' },
  },
});
const engines: Engine[] = args.engine === 'all' ? ['pglite', 'postgres'] : [args.engine as Engine];
const samples = Math.min(50, Math.max(1, Number(args.samples) || 7));
const scales = args.scale!.split(',').map(Number);
if (!isLocale(args.lang) || scales.some((s) => ![1, 10].includes(s))) {
  console.error('usage: bench/annual-review.ts [--engine all|pglite|postgres] [--samples N] [--scale 1,10] [--lang ar|zh|en|fr|ru|es]');
  process.exit(2);
}
const lang: Locale = args.lang;
const goals: Record<ReviewFormat, number> = { html: 1000, docx: 2000, pdf: 5000 };

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const mid = s.length % 2 ? (s[(s.length - 1) / 2] ?? 0) : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
  return { median: mid, max: s[s.length - 1] ?? 0 };
};

/** The tables whose records the figures count, and how a copy keeps clear of their unique keys. */
const multiplied: { table: keyof DB & string; override: Record<string, string> }[] = [
  // A State has one first report; symbols are unique: the copies are additional information without a symbol.
  { table: 'national_report', override: { kind: `'additional-information'`, symbol: `''` } },
  // Numbers run to 99 a State: the copies are its plans 11–19, 21–29… (the demonstration's stay under 10).
  { table: 'action_plan', override: { number: 't.number + 10 * g.k' } },
  { table: 'visit', override: {} },
  { table: 'point_of_contact', override: {} },
  { table: 'course', override: {} },
  { table: 'assistance_request', override: {} },
];

/** Copies each counted record nine times (ten times the records), under new ids. */
async function multiply(db: import('kysely').Kysely<DB>): Promise<string> {
  const counts: string[] = [];
  for (const { table, override } of multiplied) {
    const columns = (
      await sql<{ column_name: string }>`
        select column_name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER' and coalesce(column_default, '') not like 'nextval%'
        order by ordinal_position`.execute(db)
    ).rows.map((r) => r.column_name);
    const before = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]?.n);
    const select = columns.map((c) => (c === 'id' ? 'gen_random_uuid()' : c in override ? override[c]! : `t."${c}"`));
    // One statement: the nine copies of the records as they were before it.
    await sql
      .raw(
        `insert into ${table} (${columns.map((c) => `"${c}"`).join(', ')}) select ${select.join(', ')} from ${table} t, generate_series(1, 9) as g(k) where t.archived_at is null`,
      )
      .execute(db);
    counts.push(`${table} ${before} → ${before * 10}`);
  }
  return counts.join(', ');
}

const printer = new PdfPrinter();
const rows: string[] = [];
try {
  for (const engine of engines) {
    const opened = await openEngine(engine, 'annual_review', log);
    if (!opened) continue;
    try {
      log(`${engine}: seeding the demonstration data…`);
      const ctx = await createContext(loadConfig({ ...opened.env, R1540_DEMO: 'true', R1540_LOG_REQUESTS: 'false' }), {
        database: opened.database,
      });
      const db = ctx.database.db;
      const m = messages(lang);
      const published = (await reviewOfYear(db, null, 2018))!;
      let draft: ReviewRow = await newDraftFrom(db, systemActor, published.id);
      for (const scale of scales) {
        if (scale === 10) log(`${engine}: ten times the records: ${await multiply(db)}`);
        const draftOnce = async (format: ReviewFormat | null) => {
          const t0 = performance.now();
          if (format === null) await reviewDocument(db, m, published);
          else {
            draft = await regenerate(db, systemActor, draft.id, draft.row_version);
            const doc = await reviewDocument(db, m, draft);
            const file = await reviewFileOf(m, doc, format, () => printer);
            if (file.body.length < 1000) throw new Error(`${format}: ${file.body.length} bytes`);
          }
          return performance.now() - t0;
        };
        const formats: (ReviewFormat | null)[] = [null, 'html', 'docx', 'pdf'];
        for (const f of formats) await draftOnce(f); // warm-up: Chromium starts here
        const times = new Map<ReviewFormat | null, number[]>(formats.map((f) => [f, []]));
        for (let i = 0; i < samples; i++) for (const f of formats) times.get(f)!.push(await draftOnce(f));
        const base = stats(times.get(null)!);
        rows.push(
          `${engine}, ${scale === 1 ? 'the demonstration records' : 'ten times the records'} (${lang}, n=${samples}):\n` +
            `  baseline (the stored review's document, nothing counted): median ${base.median.toFixed(0)} ms, max ${base.max.toFixed(0)} ms`,
        );
        for (const f of ['html', 'docx', 'pdf'] as const) {
          const s = stats(times.get(f)!);
          rows.push(
            `  drafted as ${f.padEnd(4)}: median ${s.median.toFixed(0).padStart(5)} ms, max ${s.max.toFixed(0).padStart(5)} ms, ` +
              `${(s.median / base.median).toFixed(1)}× the baseline; goal < ${goals[f]} ms: ${s.median < goals[f] ? 'met' : 'NOT met'}`,
          );
        }
        console.log(rows.splice(0).join('\n'));
      }
      await ctx.database.close();
    } finally {
      await opened.done();
    }
  }
  console.log(`Chromium started ${printer.launches} time(s) for the whole run`);
} finally {
  await printer.close();
}
