import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type CliInput, type Command, readAll, write, writeLine, writeWhole } from '../../../platform/cli.ts';
import { invalid } from '../../../platform/errors.ts';
import { messages } from '../../../platform/i18n/i18n.ts';
import { isLocale } from '../../../platform/i18n/locales.ts';
import { accountNamed } from '../../accounts/index.ts';
import { actorOf } from '../../../platform/audit/record.ts';
import { describeWhere, maxFileBytes } from './transfer.ts';
import {
  exportFile,
  exportMatrices,
  formatOfName,
  ImportRefused,
  importMatrices,
  isTransferFormat,
  parseFile,
  sniffFormat,
  type TransferFormat,
} from './transfer-commands.ts';

/** `r1540 matrix export [--state ISO3 | --all] [--format F] [--version N] [--template V] [--lang L] [--out FILE] [--as E]` */
export const exportMatrixCommand: Command = async (args, cli) => {
  const { values } = parseArgs({
    args,
    options: {
      state: { type: 'string' },
      all: { type: 'boolean', default: false },
      format: { type: 'string' },
      version: { type: 'string' },
      template: { type: 'string' },
      lang: { type: 'string', default: 'en' },
      out: { type: 'string' },
      as: { type: 'string' },
    },
  });
  if (!values.state === !values.all) {
    writeLine(cli.stderr, 'r1540 matrix export: say --state ISO3 (one State) or --all (every State you may see)');
    return 2;
  }
  const format = values.format ?? formatOfName(values.out) ?? 'xlsx';
  if (!isTransferFormat(format)) throw invalid([{ field: '--format', problem: 'must be xlsx, csv or json' }]);
  if (values.version !== undefined && !/^\d{1,9}$/.test(values.version))
    throw invalid([{ field: '--version', problem: 'must be a version number' }]);
  if (values.version !== undefined && values.all) throw invalid([{ field: '--version', problem: 'goes with --state, not --all' }]);
  if (!isLocale(values.lang)) throw invalid([{ field: '--lang', problem: 'must be one of ar, zh, en, fr, ru, es' }]);
  const toStdout = !values.out || values.out === '-';
  if (toStdout && format === 'xlsx' && cli.stdout.isTTY)
    throw invalid([{ field: '--out', problem: 'is needed for an XLSX file (a workbook is not for a terminal)' }]);
  const app = await cli.open();
  try {
    const db = app.database.db;
    const viewer = values.as ? await accountNamed(db, values.as) : null;
    const m = messages(values.lang);
    const data = await exportMatrices(db, viewer, {
      locale: m.locale,
      ...(values.state ? { state: values.state } : {}),
      ...(values.version !== undefined ? { version: Number(values.version) } : {}),
      ...(values.template ? { template: values.template } : {}),
    });
    const file = await exportFile(data, format as TransferFormat, m);
    if (toStdout) await write(cli.stdout, file.body);
    else {
      await writeWhole(values.out!, file.body);
      const versions = data.matrices.map((x) => `${x.state} v${x.number} (${x.status})`);
      writeLine(
        cli.stderr,
        `exported ${data.matrices.length === 1 ? versions[0] : `${data.matrices.length} matrices`} on the template ${data.template.version} to ${values.out}, as ${viewer ? viewer.email : 'the public'}`,
      );
    }
    return 0;
  } finally {
    await app.database.close();
  }
};

async function readInput(path: string, stdin: CliInput): Promise<Buffer> {
  if (path !== '-') return readFile(path);
  return readAll(stdin, maxFileBytes);
}

/** `r1540 matrix import FILE --as E [--state ISO3] [--dry-run]` */
export const importMatrixCommand: Command = async (args, cli) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      as: { type: 'string' },
      state: { type: 'string' },
      format: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    writeLine(
      cli.stderr,
      'usage: r1540 matrix import FILE --as EMAIL [--state ISO3] [--dry-run]   (FILE .xlsx, .csv or .json; - for standard input)',
    );
    return 2;
  }
  if (!values.as) throw invalid([{ field: '--as', problem: 'is required: the expert who imports, whom the history names' }]);
  if (values.format !== undefined && !isTransferFormat(values.format))
    throw invalid([{ field: '--format', problem: 'must be xlsx, csv or json' }]);
  const buf = await readInput(file, cli.stdin);
  const app = await cli.open();
  try {
    const db = app.database.db;
    const viewer = await accountNamed(db, values.as);
    const format = (values.format as TransferFormat | undefined) ?? formatOfName(file) ?? sniffFormat(buf);
    try {
      const parsed = await parseFile(db, buf, format);
      const dryRun = values['dry-run'];
      const summary = await importMatrices(db, actorOf(viewer), viewer, parsed, {
        dryRun,
        ...(values.state ? { onlyState: values.state.toUpperCase() } : {}),
      });
      for (const s of summary.states)
        if (s.changed.length)
          writeLine(
            cli.stdout,
            `${s.state}: ${s.changed.length} cell${s.changed.length === 1 ? '' : 's'} ${dryRun ? 'would change' : 'changed'} in version ${s.version}${s.newDraft ? ` (a new draft${s.basedOn ? ` from version ${s.basedOn}` : ''})` : ''}`,
          );
      const touched = summary.states.filter((s) => s.changed.length).length;
      writeLine(
        cli.stdout,
        `${dryRun ? 'dry run: nothing written; ' : ''}${summary.cells} cells read (${format}, template ${summary.template}), ${summary.changed} ${dryRun ? 'would change' : 'changed'} in ${touched} of ${summary.states.length} State${summary.states.length === 1 ? '' : 's'}`,
      );
      return 0;
    } catch (err) {
      if (!(err instanceof ImportRefused)) throw err;
      writeLine(cli.stderr, `r1540 matrix import: ${err.message}`);
      for (const p of err.problems) writeLine(cli.stderr, `  - ${describeWhere(p.where)}: ${p.problem}`);
      return 1;
    }
  } finally {
    await app.database.close();
  }
};
