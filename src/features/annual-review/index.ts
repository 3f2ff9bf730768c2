import type { Feature } from '../../platform/feature.ts';

/** Issue 15 (the annual review drafted from the records): being built. */
export const annualReview: Feature = {
  name: 'annual-review',
};
