import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type Command, progressPrinter, writeLine } from '../../../platform/cli.ts';
import { invalid } from '../../../platform/errors.ts';
import { accountNamed } from '../../accounts/index.ts';
import { actorOf } from '../../../platform/audit/record.ts';
import { type ConversionMapping, parseMapping } from './convert.ts';
import { convertAllMatrices, convertMatrix, inConversionTransaction, type PlanReport, type StateConversion } from './convert-commands.ts';

const usage = 'usage: r1540 matrix convert --to VERSION [--mapping FILE] [--state ISO3 | --all] --as EMAIL [--dry-run]';

async function readMapping(path: string): Promise<ConversionMapping> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw invalid([{ field: '--mapping', problem: `${path} could not be read as JSON: ${(err as Error).message}` }]);
  }
  const { mapping, problems } = parseMapping(parsed);
  if (problems.length) throw invalid(problems);
  return mapping;
}

const quoted = (v: string) => (v === '' ? 'blank' : `"${v}"`);

/** One State's lines: what was converted, what was renamed, what could not be mapped. */
export function describeConversion(r: StateConversion): string {
  const lines = [
    `${r.state}: version ${r.from.number} (${r.from.template}) → version ${r.number} (${r.template}): ${r.converted} cells converted, ${r.renamed.length} renamed, ${r.notMapped.length} not mapped`,
  ];
  for (const x of r.renamed) lines.push(`  renamed     ${x.from} → ${x.to}`);
  for (const x of r.notMapped)
    lines.push(`  not mapped  ${x.field} = ${quoted(x.value)}${x.sources.length ? ` (${x.sources.length} sources)` : ''}`);
  return lines.join('\n');
}

function describePlan(p: PlanReport): string {
  const lines = [
    `template ${p.from} → ${p.to}: ${p.unmappable.length} fields without a counterpart, ${p.unfilled.length} new fields left blank`,
  ];
  if (p.unmappable.length) lines.push(`  without a counterpart: ${p.unmappable.join(', ')}`);
  if (p.unfilled.length) lines.push(`  left blank: ${p.unfilled.join(', ')}`);
  return lines.join('\n');
}

/** `r1540 matrix convert`: one State, or every State in one transaction (all or nothing). */
export const convertCommand: Command = async (args, cli) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      mapping: { type: 'string' },
      state: { type: 'string' },
      all: { type: 'boolean', default: false },
      as: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (positionals.length || !values.to || values.all === !!values.state) {
    writeLine(cli.stderr, `${usage}\n  (give --to, and either --state ISO3 or --all)`);
    return 2;
  }
  if (!values.as)
    throw invalid([{ field: '--as', problem: 'is required: the expert or administrator who converts, and whom the history names' }]);
  const mapping = values.mapping ? await readMapping(values.mapping) : undefined;
  const dryRun = values['dry-run'];
  const to = values.to;
  const app = await cli.open();
  try {
    const db = app.database.db;
    const viewer = await accountNamed(db, values.as);
    const actor = actorOf(viewer);
    const started = Date.now();
    if (values.state) {
      const iso3 = values.state.toUpperCase();
      const done = await inConversionTransaction(db, dryRun, (trx) => convertMatrix(trx, actor, viewer, iso3, to, mapping));
      writeLine(cli.stdout, describePlan(done.plan));
      writeLine(cli.stdout, describeConversion(done.report));
      writeLine(
        cli.stdout,
        `${dryRun ? 'dry run: would convert' : 'converted'} 1 State to ${to} (${done.report.converted} cells, ${done.report.notMapped.length} not mapped)` +
          (dryRun ? '; nothing was saved' : ''),
      );
      return 0;
    }
    const progress = progressPrinter(dryRun ? 'convert (dry run)' : 'convert', cli.stderr);
    const result = await inConversionTransaction(db, dryRun, (trx) =>
      convertAllMatrices(trx, actor, viewer, to, mapping, (done, total, state) => progress(state, done, total)),
    );
    for (const p of result.plans) writeLine(cli.stdout, describePlan(p));
    for (const r of result.converted) writeLine(cli.stdout, describeConversion(r));
    const cells = result.converted.reduce((n, r) => n + r.converted, 0);
    const lost = result.converted.reduce((n, r) => n + r.notMapped.length, 0);
    const none = result.skipped.filter((s) => s.reason === 'no-approved-version').length;
    const already = result.skipped.length - none;
    writeLine(
      cli.stdout,
      `${dryRun ? 'dry run: would convert' : 'converted'} ${result.converted.length} States to ${to} (${cells} cells, ${lost} not mapped; ` +
        `${none} without an approved version, ${already} already on ${to}) in ${((Date.now() - started) / 1000).toFixed(1)} s` +
        (dryRun ? '; nothing was saved' : ''),
    );
    return 0;
  } finally {
    await app.database.close();
  }
};
