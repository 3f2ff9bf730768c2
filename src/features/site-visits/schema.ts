import type { Generated } from 'kysely';

export const visitSources = ['counted', 'illustrative'] as const;
export type VisitSource = (typeof visitSources)[number];

/** Counts of one page on one day: page views, and visits that began there (their landing page). */
export interface SiteVisitCountTable {
  id: Generated<string>;
  day: string;
  language: string;
  section: string;
  path: string;
  views: number;
  visits: number;
  source: VisitSource;
}

/** The day's random salt, shared by the app servers; deleted once the day is over. */
export interface SiteVisitSaltTable {
  day: string;
  salt: string;
}

/** A salted hash of a visitor seen on the day (not an address); deleted once the day is over. */
export interface SiteVisitorTable {
  day: string;
  visitor: string;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    site_visit_count: SiteVisitCountTable;
    site_visit_salt: SiteVisitSaltTable;
    site_visitor: SiteVisitorTable;
  }
}

declare module '../../platform/policy/policy.ts' {
  interface Abilities {
    'read-site-visits': true;
  }
}
