import type { MessageKey } from '../i18n/i18n.ts';
import { type Ability, may, type Viewer } from '../policy/policy.ts';

/** The sections of the site, in menu order. A new feature adds its entry here. */
export interface Section {
  path: string;
  label: MessageKey;
  /** Shown only to viewers with this ability. */
  needs?: Ability;
}

export const sections: Section[] = [
  { path: '/states', label: 'nav.states' },
  { path: '/organizations', label: 'nav.organizations' },
  { path: '/reports', label: 'reports.nav' },
  { path: '/letters', label: 'letters.nav' },
  { path: '/assistance', label: 'assistance.nav' },
  { path: '/contacts', label: 'contacts.nav' },
  { path: '/visits', label: 'engagement.visitsNav' },
  { path: '/courses', label: 'engagement.coursesNav' },
  { path: '/matrix/templates', label: 'nav.matrixTemplates' },
  { path: '/matrix/figures', label: 'figures.nav' },
  { path: '/documents', label: 'documents.nav' },
  { path: '/search', label: 'search.nav' },
  { path: '/matrix/reviews', label: 'review.nav', needs: 'read-review-cycles' },
  { path: '/activity', label: 'nav.activity', needs: 'read-activity' },
  { path: '/admin/users', label: 'nav.accounts', needs: 'manage-accounts' },
];

export function visibleSections(viewer: Viewer | null): Section[] {
  return sections.filter((s) => !s.needs || may(viewer, s.needs));
}
