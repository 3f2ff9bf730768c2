import { readFileSync } from 'node:fs';
import { type Locale, type LocalizedText, pick } from '../../platform/i18n/locales.ts';
import { m49Areas } from './reference.ts';

export interface GroupData {
  code: string;
  names: LocalizedText;
}

let groups: Map<string, GroupData> | undefined;

/** The UN regional groups, with their names in the six languages. */
export function groupData(): Map<string, GroupData> {
  groups ??= new Map(
    (JSON.parse(readFileSync(new URL('./data/regional-groups.json', import.meta.url), 'utf8')) as GroupData[]).map((g) => [g.code, g]),
  );
  return groups;
}

export function groupName(code: string, locale: Locale): string {
  return pick(groupData().get(code)?.names, locale) || code;
}

export function areaName(code: string | null, locale: Locale): string {
  if (!code) return '';
  return pick(m49Areas().get(code)?.names, locale) || code;
}

/** The organizations whose member lists r1540 keeps for each State. */
export const membershipOrganizations = ['AU', 'OAS', 'OSCE', 'ASEAN', 'EU', 'CARICOM', 'SICA', 'PIF', 'LAS'] as const;
