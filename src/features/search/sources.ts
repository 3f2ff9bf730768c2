import { searchSources } from '../../platform/registry.ts';

/**
 * The kinds of record the search finds, in the order of its filter. Each feature gives its own
 * in its manifest (`search`: a loader per table, in the feature's `search.ts`), and a migration adds
 * the trigger that queues its rows (`search_enqueue`, see 0009-search.ts).
 */
export function searchKinds(): string[] {
  return searchSources().map((s) => s.type);
}
