import type { Messages } from '../../platform/i18n/i18n.ts';
import type { Confidentiality } from '../../platform/policy/levels.ts';
import type { EngagementStatus, VisitKind, VisitPurpose } from './schema.ts';

// The words of visits and courses in the reader's language.

export const kindKeys = {
  'visit-at-invitation': 'engagement.kindVisit',
  'round-table': 'engagement.kindRoundTable',
  'peer-review': 'engagement.kindPeerReview',
  'joint-visit': 'engagement.kindJointVisit',
} as const satisfies Record<VisitKind, string>;

export const purposeKeys = {
  'first-report': 'engagement.purposeFirstReport',
  'action-plan': 'engagement.purposeActionPlan',
  exchange: 'engagement.purposeExchange',
  'gaps-and-assistance': 'engagement.purposeGaps',
} as const satisfies Record<VisitPurpose, string>;

export const statusKeys = { held: 'engagement.statusHeld', planned: 'engagement.statusPlanned' } as const satisfies Record<
  EngagementStatus,
  string
>;

export const levelKeys = {
  public: 'engagement.levelPublic',
  committee: 'engagement.levelCommittee',
  'committee-and-state': 'engagement.levelCommitteeAndState',
} as const satisfies Record<Confidentiality, string>;

export function dates(m: Messages, start: string, end: string | null): string {
  return m.dateRange(start, end ?? start, 'medium');
}

export type Names = (iso3: string) => string;
