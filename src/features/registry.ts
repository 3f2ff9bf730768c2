import { installFeatures } from '../platform/registry.ts';
import { accounts } from './accounts/index.ts';
import { administration } from './administration/index.ts';
import { annualReview } from './annual-review/index.ts';
import { activity } from './activity/index.ts';
import { assistance } from './assistance/index.ts';
import { contacts } from './contacts/index.ts';
import { correspondence } from './correspondence/index.ts';
import { documents } from './documents/index.ts';
import { engagement } from './engagement/index.ts';
import { matrix } from './matrix/index.ts';
import { meetings } from './meetings/index.ts';
import { memberStates } from './member-states/index.ts';
import { organizationOverview } from './organization-overview/index.ts';
import { organizations } from './organizations/index.ts';
import { outreach } from './outreach/index.ts';
import { publications } from './publications/index.ts';
import { reports } from './reports/index.ts';
import { search } from './search/index.ts';
import { siteVisits } from './site-visits/index.ts';
import { stateOverview } from './state-overview/index.ts';

/**
 * Every feature, in order: a feature comes after those it uses (it may import only their
 * `index.ts`), so its tables, bundle sections and demonstration data come after theirs.
 * Adding a feature is its folder, its entry here (an import and a line), a migration and the catalogues.
 */
export const features = [
  organizations,
  memberStates,
  accounts,
  documents,
  matrix,
  reports,
  contacts,
  engagement,
  assistance,
  correspondence,
  administration,
  meetings,
  outreach,
  publications,
  siteVisits,
  search,
  stateOverview,
  organizationOverview,
  activity,
  annualReview,
] as const;

installFeatures(features);
