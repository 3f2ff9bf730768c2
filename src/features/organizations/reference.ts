import { readFileSync } from 'node:fs';
import type { LocalizedText } from '../../platform/i18n/locales.ts';

export const organizationKinds = [
  'un-system',
  'un-secretariat',
  'security-council-body',
  'intergovernmental',
  'regional',
  'export-control-regime',
  'treaty-body',
  'parliamentary',
  'non-governmental',
  'initiative',
] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

/** The shape of `data/organizations.json`. */
export interface OrganizationData {
  code: string;
  kind: OrganizationKind;
  acronyms: Partial<LocalizedText>;
  names: Partial<LocalizedText>;
  formerNames?: Partial<Record<keyof LocalizedText, string[]>>;
  website: string | null;
  namedInSeed: boolean;
}

let data: OrganizationData[] | undefined;

export function referenceOrganizations(): OrganizationData[] {
  data ??= JSON.parse(readFileSync(new URL('./data/organizations.json', import.meta.url), 'utf8')) as OrganizationData[];
  return data;
}
