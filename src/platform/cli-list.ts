import { type CliServices, write } from './cli.ts';
import { AppError, invalid } from './errors.ts';
import { type CsvCell, csvText } from './formats/csv.ts';

/*
 * The lists of the command line (`r1540 meetings list`, `events list`, `publications list`): one
 * record a row, as a table to read, CSV for a spreadsheet, or the API's JSON for a script.
 */

export const listFormats = ['table', 'json', 'csv'] as const;
export type ListFormat = (typeof listFormats)[number];

/** The format asked for, or a usage error naming `--format`. */
export function listFormat(value: string | undefined): ListFormat {
  const format = value ?? 'table';
  if (!(listFormats as readonly string[]).includes(format))
    throw invalid([{ field: '--format', problem: `must be one of ${listFormats.join(', ')}` }]);
  return format as ListFormat;
}

/** Columns as wide as their widest cell, two spaces apart; the header underlined. */
export function tableText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const cells = [header, ...rows].map((r) => r.map((c) => (c === null ? '' : String(c).replace(/\s+/g, ' '))));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - [...c].length)))
      .join('  ')
      .trimEnd();
  return `${[line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')}\n`;
}

/** Prints the list in the format asked for: JSON as the API gives it, or the rows as CSV or a table. */
export async function printList(
  cli: Pick<CliServices, 'stdout'>,
  format: ListFormat,
  list: { json: unknown; header: readonly string[]; rows: readonly (readonly CsvCell[])[] },
): Promise<void> {
  if (format === 'json') await write(cli.stdout, `${JSON.stringify(list.json, null, 2)}\n`);
  else if (format === 'csv') await write(cli.stdout, csvText([list.header, ...list.rows]));
  else await write(cli.stdout, tableText(list.header, list.rows));
}

/** Runs the check of the options with the problems named as the options are (`year` → `--year`). */
export function asOptions<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation')
      throw invalid(e.fields.map((f) => ({ ...f, field: f.field.startsWith('--') ? f.field : `--${f.field}` })));
    throw e;
  }
}

/** Opens the application for a command and closes it after, whatever happens. */
export async function withCliApp<T>(cli: CliServices, use: (app: Awaited<ReturnType<CliServices['open']>>) => Promise<T>): Promise<T> {
  const app = await cli.open();
  try {
    return await use(app);
  } finally {
    await app.database.close();
  }
}
