import { matricesSection, matrixTemplatesSection } from '../modules/matrix/bundle.ts';
import { memberStatesSection } from '../modules/member-states/bundle.ts';
import { organizationsSection } from '../modules/organizations/bundle.ts';
import type { BundleSection } from './section.ts';

/**
 * Every section of the bundle, in dependency order: a section comes after those it refers to,
 * since an import applies them in this order. A new feature adds its section here.
 */
export const bundleSections: readonly BundleSection<unknown>[] = [
  organizationsSection as BundleSection<unknown>,
  memberStatesSection as BundleSection<unknown>,
  matrixTemplatesSection as BundleSection<unknown>,
  matricesSection as BundleSection<unknown>,
];

export function sectionNamed(name: string): BundleSection<unknown> | undefined {
  return bundleSections.find((s) => s.name === name);
}
