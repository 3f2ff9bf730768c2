import { readFileSync } from 'node:fs';
import { foldForSearch } from '../../platform/i18n/search-text.ts';

/*
 * Names people type for a State that are not its UN name: common and former names and
 * abbreviations, in the six languages ("UK", "Turkey", "Burma", "Swaziland", "Holland", …),
 * from `data/alternative-names.json` (by ISO3).
 */

let data: Record<string, string[]> | undefined;
let folded: [iso3: string, aliases: string[]][] | undefined;

function raw(): Record<string, string[]> {
  data ??= JSON.parse(readFileSync(new URL('./data/alternative-names.json', import.meta.url), 'utf8')) as Record<string, string[]>;
  return data;
}

function aliases(): [string, string[]][] {
  folded ??= Object.entries(raw()).map(([iso3, names]) => [iso3, names.map(foldForSearch)]);
  return folded;
}

/** The alternative names of a State (as written in the data file), for the search index. */
export function alternativeNames(iso3: string): string[] {
  return raw()[iso3] ?? [];
}

/** The States one of whose alternative names contains the folded query. */
export function statesByAlias(q: string): string[] {
  return aliases()
    .filter(([, names]) => names.some((n) => n.includes(q)))
    .map(([iso3]) => iso3);
}

/**
 * How well a State matches the folded query, best first: 0 for its code or an alternative
 * name typed in full ("uk" is the United Kingdom), 1 for anything else.
 */
export function matchRank(q: string, s: { iso3: string; iso2: string; names: Record<string, string> }): number {
  if (!q) return 1;
  if (q === s.iso3.toLowerCase() || q === s.iso2.toLowerCase()) return 0;
  if (Object.values(s.names).some((n) => foldForSearch(n) === q)) return 0;
  return aliases().some(([iso3, names]) => iso3 === s.iso3 && names.includes(q)) ? 0 : 1;
}
