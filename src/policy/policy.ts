import type { Confidentiality, Role } from './levels.ts';

/** The signed-in user as the policy sees it; `null` is the public. */
export interface Viewer {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** The State a point of contact speaks for (or a providing State). */
  stateIso3: string | null;
  /** The organization a provider speaks for. */
  organizationCode: string | null;
}

/** What a rule looks at: the kind of record, who may see it, and which State it concerns. */
export interface Resource {
  type: RecordType;
  confidentiality: Confidentiality;
  stateIso3?: string | null;
  /** The provider an offer is from ('organization:IAEA', 'state:FRA'). */
  providerKey?: string | null;
}

export const recordTypes = ['member-state', 'organization', 'matrix-template', 'matrix', 'user', 'api-token', 'audit-event', 'review-cycle', 'document', 'point-of-contact', 'visit', 'course', 'national-report', 'action-plan', 'letter', 'assistance-request', 'assistance-offer'] as const;
export type RecordType = (typeof recordTypes)[number];

export type Action = 'read' | 'create' | 'update' | 'archive' | 'restore' | 'comment' | 'read-history' | 'approve' | 'publish';

/** Roles of the Committee side: they read every restricted record. */
const committeeSide: readonly Role[] = ['expert', 'committee', 'secretariat', 'admin'];

/** Who keeps each kind of record. Reference data is kept by the secretariat and admins. */
const keepers: Record<RecordType, readonly Role[]> = {
  'member-state': ['secretariat', 'admin'],
  organization: ['secretariat', 'admin'],
  // The Committee's format: administrators create new versions.
  'matrix-template': ['admin'],
  // The Group of Experts keeps the matrices; the Committee approves, the secretariat publishes.
  matrix: ['expert', 'admin'],
  user: ['secretariat', 'admin'],
  'api-token': [],
  'audit-event': [],
  // Review cycles: the experts and the secretariat plan them; the Committee follows them.
  'review-cycle': ['expert', 'secretariat', 'admin'],
  // The document library: the experts and the secretariat upload; reading follows confidentiality.
  document: ['expert', 'secretariat', 'admin'],
  // National reports and action plans: recorded by the experts and the secretariat.
  'national-report': ['expert', 'secretariat', 'admin'],
  'action-plan': ['expert', 'secretariat', 'admin'],
  // Points of contact: the secretariat keeps them; their details are 'committee-and-state'.
  'point-of-contact': ['secretariat', 'admin'],
  visit: ['expert', 'secretariat', 'admin'],
  course: ['expert', 'secretariat', 'admin'],
  // Correspondence: recorded by the experts and the secretariat; read by confidentiality (the State concerned: state_iso3).
  letter: ['expert', 'secretariat', 'admin'],
  // The clearinghouse: the experts and the secretariat keep requests and offers; a State's point of
  // contact submits its State's requests, a provider keeps its own offers (rules in `can`).
  'assistance-request': ['expert', 'secretariat', 'admin'],
  'assistance-offer': ['expert', 'secretariat', 'admin'],
};

export function isCommitteeSide(viewer: Viewer | null): boolean {
  return viewer !== null && committeeSide.includes(viewer.role);
}

/** Whether the viewer may see a record of this confidentiality about this State. */
export function canSee(viewer: Viewer | null, confidentiality: Confidentiality, stateIso3?: string | null): boolean {
  if (confidentiality === 'public') return true;
  if (viewer === null) return false;
  if (committeeSide.includes(viewer.role)) return true;
  return (
    confidentiality === 'committee-and-state' &&
    viewer.role === 'state-contact' &&
    !!stateIso3 &&
    viewer.stateIso3 === stateIso3
  );
}

/** The one place that decides every read and write. Pages, API, exports and search ask it. */
export function can(viewer: Viewer | null, action: Action, resource: Resource): boolean {
  // Review cycles are the Committee side's own planning: never a State's, a provider's or the public's.
  if (resource.type === 'review-cycle' && !isCommitteeSide(viewer)) return false;
  // A State's point of contact keeps its own State's contact details up to date and confirms them;
  // designating a contact and ending a designation stay with the keepers.
  if (resource.type === 'point-of-contact' && action === 'update' && viewer?.role === 'state-contact' && resource.stateIso3 && viewer.stateIso3 === resource.stateIso3)
    return canSee(viewer, resource.confidentiality, resource.stateIso3);
  // A State's point of contact submits requests for assistance for its own State.
  if (resource.type === 'assistance-request' && action === 'create' && viewer?.role === 'state-contact')
    return !!resource.stateIso3 && viewer.stateIso3 === resource.stateIso3;
  // A provider keeps its own offers.
  if (resource.type === 'assistance-offer' && ['create', 'update', 'archive', 'restore'].includes(action) && viewer?.role === 'provider')
    return !!resource.providerKey && providerKeyOf(viewer) === resource.providerKey;
  const visible = canSee(viewer, resource.confidentiality, resource.stateIso3);
  switch (action) {
    case 'read':
      return visible;
    case 'read-history':
      // The history names the people who made each change: Committee side, and a point of
      // contact for records of its own State that it may see.
      return (
        visible &&
        viewer !== null &&
        (committeeSide.includes(viewer.role) ||
          (viewer.role === 'state-contact' && !!resource.stateIso3 && viewer.stateIso3 === resource.stateIso3))
      );
    case 'comment':
      return (
        visible &&
        viewer !== null &&
        (committeeSide.includes(viewer.role) ||
          (viewer.role === 'state-contact' && !!resource.stateIso3 && viewer.stateIso3 === resource.stateIso3))
      );
    case 'approve':
      return visible && viewer !== null && ['committee', 'admin'].includes(viewer.role);
    case 'publish':
      return visible && viewer !== null && ['secretariat', 'admin'].includes(viewer.role);
    case 'create':
    case 'update':
    case 'archive':
    case 'restore':
      return visible && viewer !== null && keepers[resource.type].includes(viewer.role);
  }
}

/** The provider a viewer speaks for: its organization, or its State for a providing State's account. */
export function providerKeyOf(viewer: Viewer | null): string | null {
  if (viewer?.role !== 'provider') return null;
  if (viewer.organizationCode) return `organization:${viewer.organizationCode}`;
  if (viewer.stateIso3) return `state:${viewer.stateIso3}`;
  return null;
}

/**
 * Whether the viewer may see a request for assistance: the Committee side and the requesting
 * State (by its confidentiality), and the providers it was circulated to. The public never sees a
 * request itself, only the summary the State consented to (`publicSummaries`).
 */
export function canSeeRequest(
  viewer: Viewer | null,
  request: { confidentiality: Confidentiality; stateIso3: string },
  circulatedTo: readonly string[],
): boolean {
  if (canSee(viewer, request.confidentiality, request.stateIso3)) return true;
  const key = providerKeyOf(viewer);
  return key !== null && circulatedTo.includes(key);
}

/** Abilities that are not about one record. */
export type Ability = 'read-activity' | 'manage-accounts' | 'use-api-tokens' | 'export' | 'read-review-cycles' | 'read-contact-reminders' | 'manage-assistance' | 'set-matching-weights';

export function may(viewer: Viewer | null, ability: Ability): boolean {
  if (viewer === null) return false;
  switch (ability) {
    case 'read-activity':
      return ['expert', 'secretariat', 'admin'].includes(viewer.role);
    case 'manage-accounts':
      return ['secretariat', 'admin'].includes(viewer.role);
    case 'read-review-cycles':
    case 'read-contact-reminders':
      return isCommitteeSide(viewer);
    // The clearinghouse's procedure and matching: the experts and the secretariat.
    case 'manage-assistance':
      return ['expert', 'secretariat', 'admin'].includes(viewer.role);
    case 'set-matching-weights':
      return ['expert', 'admin'].includes(viewer.role);
    case 'use-api-tokens':
    case 'export':
      return true;
  }
}

/**
 * The same rule as `canSee`, in a form a query can apply: everything, or public records plus the
 * restricted records of one State. Queries that list records filter with it, so that what the
 * policy hides is not even counted.
 */
export type VisibilityScope = { all: true } | { all: false; stateIso3: string | null };

export function visibilityScope(viewer: Viewer | null): VisibilityScope {
  if (isCommitteeSide(viewer)) return { all: true };
  return { all: false, stateIso3: viewer?.role === 'state-contact' ? viewer.stateIso3 : null };
}
