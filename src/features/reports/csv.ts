// CSV for spreadsheets: a byte-order mark so that Excel reads UTF-8, CRLF line ends, and no cell
// that a spreadsheet would take for a formula.

export type CsvCell = string | number | null;

export function csvField(value: CsvCell): string {
  if (value === null) return '';
  const s = String(value);
  // A leading =, +, - or @ would be read as a formula by spreadsheet programs.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvText(header: string[], rows: CsvCell[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
