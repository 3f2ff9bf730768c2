import { type FormBody, text, texts } from '../../platform/http/forms.ts';

/*
 * A record's form as typed, whatever the record: its values from the body sent (each field by
 * name, a list of checkboxes whole), from a stored record (a list of codes written as text, no
 * value as an empty field, the row version it was opened on), and the codes typed as text made a
 * list again. The points of contact, visits and courses use them too.
 */

type Values = Record<string, string | string[]>;

/** The form's values from the body sent: the fields of `blank`, by name; a list field (checkboxes) whole. */
export function valuesOfBody<V extends Values>(body: FormBody, blank: V): V {
  return Object.fromEntries(Object.keys(blank).map((k) => [k, Array.isArray(blank[k]) ? texts(body, k) : text(body, k)])) as V;
}

/** A stored record (in the camelCase shape of its presenter) as the form shows it, at its row version. */
export function valuesOfRecord<V extends Values>(record: Record<string, unknown> & { rowVersion: number }, blank: V): V {
  const value = (k: string, v: unknown) => {
    if (k === 'version') return String(record.rowVersion);
    if (Array.isArray(blank[k])) return v;
    if (Array.isArray(v)) return v.join(' ');
    return v === null || v === undefined ? '' : String(v);
  };
  return Object.fromEntries(Object.keys(blank).map((k) => [k, value(k, record[k])])) as V;
}

/** Codes typed as text ("MLI, ner  TCD"), each apart. */
export const splitCodes = (value: string) => value.split(/[\s,;]+/).filter(Boolean);

/** The form's values in the shape of the write core's input: the fields of codes made lists. */
export function inputOfValues<V extends Values>(values: V, codeFields: readonly (keyof V)[]): Record<string, unknown> {
  return { ...values, ...Object.fromEntries(codeFields.map((k) => [k, splitCodes(String(values[k]))])) };
}
