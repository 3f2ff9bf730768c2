import type { NavEntry } from '../feature.ts';
import { may, type Viewer } from '../policy/policy.ts';
import { features } from '../registry.ts';

/** The sections of the site, in menu order: each feature's `nav` entries, placed by their `order`. */
export function sections(): NavEntry[] {
  return features()
    .flatMap((f) => f.nav ?? [])
    .sort((a, b) => a.order - b.order);
}

export function visibleSections(viewer: Viewer | null): NavEntry[] {
  return sections().filter((s) => !s.needs || may(viewer, s.needs));
}
