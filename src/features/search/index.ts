import type { Feature } from '../../platform/feature.ts';
import { registerSearchApi } from './api.ts';
import { searchCommand, searchUsage } from './cli.ts';
import { searchWebRoutes } from './routes.tsx';

export { refreshSearchIndex } from './indexer.ts';

const madeFromTheRows = 'the index is made from the rows: their triggers queue them again, and the next search indexes them';

/**
 * The search across every record and document in the six languages. Each feature gives the kinds
 * of record it finds (`search` in its manifest); the index and the queue are kept here.
 */
export const search: Feature = {
  name: 'search',
  tables: [
    { name: 'search_chunk', backup: { excluded: madeFromTheRows }, bundle: { excluded: madeFromTheRows } },
    { name: 'search_queue', backup: { excluded: madeFromTheRows }, bundle: { excluded: madeFromTheRows } },
  ],
  web: [{ path: '/search', routes: searchWebRoutes }],
  api: [registerSearchApi],
  nav: [{ path: '/search', label: 'search.nav', order: 120 }],
  cli: [{ name: 'search', usage: searchUsage, run: searchCommand }],
};
