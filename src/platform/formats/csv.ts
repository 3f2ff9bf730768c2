import type { Context } from 'hono';

/*
 * CSV for spreadsheets, one writer for every export: a byte-order mark so that spreadsheet
 * programs read UTF-8, CRLF line ends, fields quoted when they hold a quote, a comma or a line
 * end, and no text cell that a spreadsheet would take for a formula.
 */

export type CsvCell = string | number | boolean | null;

/** A text a spreadsheet would read as a formula (a leading =, +, -, @, tab or carriage return) is made plain text. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One field: empty for null; texts neutralised; quoted when needed. */
export function csvField(value: CsvCell): string {
  if (value === null) return '';
  const s = typeof value === 'string' ? neutralise(value) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The whole file: the rows (the header first), each a line. */
export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A CSV download; never cached, since what it holds depends on who asks. */
export function csvResponse(c: Context, file: string, rows: readonly (readonly CsvCell[])[]): Response {
  c.header('Cache-Control', 'private, no-store');
  return c.body(csvText(rows), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${file}"`,
  });
}

/**
 * The header row of an export: the columns' names in the reader's language, or, with
 * `?header=machine`, stable machine names (the same in every language) for scripts.
 */
export function csvHeader(c: Context, labels: readonly string[], machine: readonly string[]): readonly string[] {
  return c.req.query('header') === 'machine' ? machine : labels;
}
