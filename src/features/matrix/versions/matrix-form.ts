import { createHash } from 'node:crypto';
import type { FormBody } from '../../../platform/http/forms.ts';
import { text } from '../../../platform/http/forms.ts';
import type { CellChangeInput } from './cells.ts';
import type { CellRow } from './matrices.ts';
import type { CellSource } from '../schema.ts';

/**
 * One field of the section form as shown and as sent back: its value, remarks, date and one
 * source (the first; further sources of a cell are kept as they are). `expected` is the cell's
 * row version when the form was drawn; `original` a fingerprint of what the form showed, so that
 * a field the user left alone is never saved (and never reverts someone else's change).
 */
export interface FormCell {
  value: string;
  remarks: string;
  infoDate: string;
  kind: string;
  citation: string;
  locator: string;
  url: string;
  expected: number;
  original: string;
}

type Shown = Omit<FormCell, 'expected' | 'original'>;

function shown(cell: CellRow | undefined): Shown {
  const first = cell?.sources[0];
  return {
    value: cell?.value ?? '',
    remarks: cell?.remarks ?? '',
    infoDate: cell?.info_date ?? '',
    kind: first?.kind ?? 'law',
    citation: first?.citation ?? '',
    locator: first?.locator ?? '',
    url: first?.url ?? '',
  };
}

/** What a field's inputs say, reduced to what matters: a source without a citation, locator or address is none. */
export function fingerprint(c: Shown): string {
  const hasSource = Boolean(c.citation.trim() || c.locator.trim() || c.url.trim());
  const parts = [c.value, c.remarks.trim(), c.infoDate, hasSource ? c.kind : '', c.citation.trim(), c.locator.trim(), c.url.trim()];
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

/** The form as drawn from the stored cell (a missing cell is a blank one, version 0). */
export function formCellOf(cell: CellRow | undefined): FormCell {
  const s = shown(cell);
  return { ...s, expected: cell?.row_version ?? 0, original: fingerprint(s) };
}

/** The inputs of one field, named `<code>.value`, `<code>.source.citation`… and `expected.<code>`. */
export function readFormCell(body: FormBody, code: string): FormCell {
  const expected = Number(text(body, `expected.${code}`));
  return {
    value: text(body, `${code}.value`),
    remarks: text(body, `${code}.remarks`),
    infoDate: text(body, `${code}.infoDate`).trim(),
    kind: text(body, `${code}.source.kind`),
    citation: text(body, `${code}.source.citation`),
    locator: text(body, `${code}.source.locator`),
    url: text(body, `${code}.source.url`),
    expected: Number.isInteger(expected) && expected >= 0 ? expected : 0,
    original: text(body, `original.${code}`),
  };
}

/** The sources a field would have: the form's source in place of the first, the others kept. */
function sourcesOf(f: FormCell, stored: CellRow | undefined): CellSource[] {
  const rest = stored?.sources.slice(1) ?? [];
  if (!f.citation.trim() && !f.locator.trim() && !f.url.trim()) return rest;
  const source: CellSource = { kind: f.kind as CellSource['kind'], citation: f.citation.trim() };
  if (f.locator.trim()) source.locator = f.locator.trim();
  if (f.url.trim()) source.url = f.url.trim();
  const language = stored?.sources[0]?.language;
  if (language) source.language = language;
  return [source, ...rest];
}

/**
 * The change a field asks for, or null when there is none: the user left it as the form showed
 * it, or it already says what is stored.
 */
export function changeOf(code: string, f: FormCell, stored: CellRow | undefined): CellChangeInput | null {
  const now = fingerprint(f);
  if (f.original && now === f.original) return null;
  if (now === fingerprint(shown(stored))) return null;
  return {
    field: code,
    expectedVersion: f.expected,
    value: f.value,
    remarks: f.remarks.trim(),
    sources: sourcesOf(f, stored),
    infoDate: f.infoDate || null,
    instrumentStatus: stored?.instrument_status ?? null,
    instrumentDate: stored?.instrument_date ?? null,
  };
}
