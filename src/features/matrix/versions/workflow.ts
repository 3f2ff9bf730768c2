import type { Action } from '../../../platform/policy/policy.ts';
import type { MatrixStatus } from '../schema.ts';

/**
 * The matrix's way from draft to publication, and who moves it: each step names the policy
 * action it needs on the matrix (`update` for the experts, `comment` for the State's point of
 * contact, `approve` for the Committee, `publish` for the secretariat).
 */
export interface Step {
  from: readonly MatrixStatus[];
  to: MatrixStatus;
  needs: Action;
}

export const steps: readonly Step[] = [
  { from: ['draft'], to: 'sent', needs: 'update' },
  { from: ['sent'], to: 'commented', needs: 'comment' },
  { from: ['sent', 'commented'], to: 'agreed', needs: 'update' },
  { from: ['sent', 'commented', 'agreed'], to: 'draft', needs: 'update' },
  { from: ['agreed'], to: 'approved', needs: 'approve' },
  { from: ['approved'], to: 'published', needs: 'publish' },
];

export function stepTo(from: MatrixStatus, to: MatrixStatus): Step | undefined {
  return steps.find((s) => s.to === to && s.from.includes(from));
}

/** Statuses in which the experts may still change cells. */
export const editable: readonly MatrixStatus[] = ['draft', 'sent', 'commented', 'agreed'];

/** Who may see a version: drafts the Committee side and the State; a published version everyone. */
export function confidentialityFor(status: MatrixStatus): 'public' | 'committee-and-state' {
  return status === 'published' ? 'public' : 'committee-and-state';
}
