import type { Feature } from '../../platform/feature.ts';

/** Issue 14 (the Committee's own year): being built. */
export const meetings: Feature = {
  name: 'meetings',
};
