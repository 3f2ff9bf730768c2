import type { Feature } from './feature.ts';
import { installPolicy } from './policy/policy.ts';
import type { SearchSource } from './search.ts';

let installed: readonly Feature[] | undefined;

/**
 * Installs the features of `src/features/registry.ts`: the one list that the HTTP app, the
 * OpenAPI document, navigation, the CLI, the bundle, the backup, the search and the seeding
 * iterate. The platform never names a feature; it reads them from here.
 */
export function installFeatures(list: readonly Feature[]): void {
  const names = new Set<string>();
  for (const f of list) {
    if (names.has(f.name)) throw new Error(`the feature ${f.name} is listed twice`);
    names.add(f.name);
  }
  installPolicy(list);
  installed = list;
}

/** The installed features, in the registry's order. */
export function features(): readonly Feature[] {
  if (!installed) throw new Error('no features are installed: import src/features/registry.ts first');
  return installed;
}

/** Every kind of record the search finds, in the order of its filter. */
export function searchSources(): SearchSource[] {
  return features()
    .flatMap((f) => f.search ?? [])
    .sort((a, b) => a.order - b.order);
}
