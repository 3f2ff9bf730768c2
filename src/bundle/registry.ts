import { matricesSection, matrixTemplatesSection } from '../modules/matrix/bundle.ts';
import { matrixProposalsSection, reviewCyclesSection } from '../modules/matrix/bundle-review.ts';
import { memberStatesSection } from '../modules/member-states/bundle.ts';
import { organizationsSection } from '../modules/organizations/bundle.ts';
import { actionPlansSection, nationalReportsSection } from '../modules/reports/bundle.ts';
import { pointsOfContactSection } from '../modules/contacts/bundle.ts';
import { coursesSection, visitsSection } from '../modules/engagement/bundle.ts';
import { documentsSection } from '../modules/documents/bundle.ts';
import { assistanceOffersSection, assistanceRequestsSection } from '../modules/assistance/bundle.ts';
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
  // The States' review of their matrices, and the Committee side's review cycles: after the matrices they name.
  matrixProposalsSection as BundleSection<unknown>,
  reviewCyclesSection as BundleSection<unknown>,
  // National implementation records: after the States and organizations they name; documents last, as they link to all.
  nationalReportsSection as BundleSection<unknown>,
  actionPlansSection as BundleSection<unknown>,
  pointsOfContactSection as BundleSection<unknown>,
  visitsSection as BundleSection<unknown>,
  coursesSection as BundleSection<unknown>,
  documentsSection as BundleSection<unknown>,
  // The clearinghouse: offers before the requests whose matches name them; after the States and organizations.
  assistanceOffersSection as BundleSection<unknown>,
  assistanceRequestsSection as BundleSection<unknown>,
];

export function sectionNamed(name: string): BundleSection<unknown> | undefined {
  return bundleSections.find((s) => s.name === name);
}
