import { readFileSync } from 'node:fs';
import type { LocalizedText } from '../../platform/i18n/locales.ts';

/** The shape of `data/member-states.json`: one UN Member State. */
export interface StateData {
  iso3: string;
  iso2: string;
  m49: string;
  unMemberSince: string;
  names: LocalizedText;
  regionalGroup: RegionalGroup;
  m49Region: string | null;
  m49Subregion: string | null;
  m49IntermediateRegion: string | null;
  organizations: string[];
  securityCouncilYears: number[];
}

export const regionalGroups = [
  'african',
  'asia-pacific',
  'eastern-european',
  'latin-american-caribbean',
  'western-european-other',
] as const;
export type RegionalGroup = (typeof regionalGroups)[number];

export interface AreaData {
  code: string;
  level: 'region' | 'subregion' | 'intermediate';
  names: LocalizedText;
}

function readData<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')) as T;
}

let states: StateData[] | undefined;
let areas: Map<string, AreaData> | undefined;

export function referenceStates(): StateData[] {
  states ??= readData<StateData[]>('member-states.json');
  return states;
}

/** M49 regions and sub-regions by code, with their names in the six languages. */
export function m49Areas(): Map<string, AreaData> {
  areas ??= new Map(readData<AreaData[]>('m49-areas.json').map((a) => [a.code, a]));
  return areas;
}
