import { sql } from 'kysely';
import type { Feature } from '../../platform/feature.ts';
import { isDocumentUploadPath, registerDocumentApi } from './api.ts';
import { documentsSection } from './bundle.ts';
import { seedDemoDocuments } from './demo.ts';
import { documentWebRoutes } from './routes.tsx';
import { searchSources } from './search.ts';

export { documentResource, documentsLinkedTo, type LinkedDocument } from './documents.ts';
export { documentsAboutState, type StateDocument } from './state-summary.ts';

/** The document library: PDF, DOCX and text files kept by content hash, their text extracted, linked to records. */
export const documents: Feature = {
  name: 'documents',
  tables: [
    { name: 'document', backup: { key: 'id', textKey: false, serial: false }, bundle: 'documents' },
    { name: 'document_link', backup: { key: 'id', textKey: false, serial: false }, bundle: 'documents' },
  ],
  records: { document: { keepers: ['expert', 'secretariat', 'admin'] } },
  web: [{ path: '/documents', routes: documentWebRoutes }],
  api: [registerDocumentApi],
  nav: [{ path: '/documents', label: 'documents.nav', order: 110 }],
  bundle: [documentsSection],
  search: searchSources,
  seed: { demo: async (db, { config }) => `created ${await seedDemoDocuments(db, config)} demonstration documents` },
  storedFiles: async (db) => {
    const rows = await sql<{ sha256: string }>`select sha256 from document group by sha256`.execute(db);
    return rows.rows.map((r) => r.sha256.trim());
  },
  // An upload may be as large as the largest document.
  bodyLimit: (path, config) =>
    isDocumentUploadPath(path) ? Math.max(config.maxBodyBytes, config.maxDocumentBytes + 64 * 1024) : undefined,
};
