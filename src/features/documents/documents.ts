import type { Kysely, Selectable, Transaction } from 'kysely';
import { findKept } from '../../platform/bundle/record-section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { visibleTo } from '../../platform/db/visibility.ts';
import { AppError } from '../../platform/errors.ts';
import { filePath } from '../../platform/files/store.ts';
import type { Confidentiality } from '../../platform/policy/levels.ts';
import { can, type Resource, type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import type { DocumentLink } from './inputs.ts';
import type { DocumentTable } from './schema.ts';

/*
 * The document library's queries: one document, its links, the list a reader may see, the
 * documents linked to a record. The write core is commands.ts; the inputs, inputs.ts.
 */

export type DocumentRow = Selectable<DocumentTable>;
export function documentResource(d: { confidentiality: Confidentiality; state_iso3: string | null }): Resource {
  return { type: 'document', confidentiality: d.confidentiality, stateIso3: d.state_iso3 };
}

export function findDocument(db: Kysely<DB>, id: string): Promise<DocumentRow | undefined> {
  return findKept(db, 'document', id);
}

/** A document the viewer may see, or not found: a hidden document is not even said to exist. */
export async function visibleDocument(db: Kysely<DB>, viewer: Viewer | null, id: string): Promise<DocumentRow> {
  const d = await findDocument(db, id);
  if (!d || !can(viewer, 'read', documentResource(d))) throw new AppError('not-found', `no document has the id ${id.slice(0, 40)}`);
  return d;
}

/** The links of these documents, by document, in a stable order. */
export async function linksOf(db: Kysely<DB> | Transaction<DB>, ids: readonly string[]): Promise<Map<string, DocumentLink[]>> {
  const out = new Map<string, DocumentLink[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('document_link')
    .select(['document_id', 'record_type', 'record_id'])
    .where('document_id', 'in', [...ids])
    .orderBy('record_type')
    .orderBy('record_id')
    .execute();
  for (const r of rows) out.get(r.document_id)?.push({ recordType: r.record_type, recordId: r.record_id });
  return out;
}

export async function documentLinks(db: Kysely<DB>, id: string): Promise<DocumentLink[]> {
  return (await linksOf(db, [id])).get(id) ?? [];
}

export interface DocumentFilters {
  state?: string;
  kind?: string;
  language?: string;
}

export type DocumentListRow = Omit<DocumentRow, 'extracted_text'>;

/** The columns of a document in a list: all but its extracted text, which only its page reads. */
export const listColumns = [
  'id',
  'title',
  'language',
  'kind',
  'state_iso3',
  'sha256',
  'media_type',
  'byte_size',
  'page_count',
  'extraction_status',
  'extraction_problem',
  'original_name',
  'dated',
  'confidentiality',
  'uploaded_by',
  'archived_at',
  'row_version',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof DocumentListRow)[];

/** The documents the viewer may see (the policy applied in SQL), newest first. */
export async function listDocuments(db: Kysely<DB>, viewer: Viewer | null, f: DocumentFilters, limit = 500): Promise<DocumentListRow[]> {
  let q = db
    .selectFrom('document')
    .select(listColumns)
    .where('archived_at', 'is', null)
    .where(visibleTo<DB, 'document'>(visibilityScope(viewer), 'state_iso3'));
  if (f.state) q = q.where('state_iso3', '=', f.state.toUpperCase());
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.language) q = q.where('language', '=', f.language);
  return q.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

export interface LinkedDocument {
  id: string;
  title: string;
  language: string;
  kind: string;
  state_iso3: string | null;
  confidentiality: Confidentiality;
  created_at: Date;
}

/**
 * The documents linked to a record (a report, a plan, a visit…) that the viewer may see: the
 * library's rule in SQL (a hidden document is neither listed nor counted), then the policy;
 * archived documents left out. Oldest first.
 */
export async function documentsLinkedTo(
  db: Kysely<DB>,
  viewer: Viewer | null,
  recordType: string,
  recordId: string,
): Promise<LinkedDocument[]> {
  const rows = await db
    .selectFrom('document')
    .select(['id', 'title', 'language', 'kind', 'state_iso3', 'confidentiality', 'created_at'])
    .where('archived_at', 'is', null)
    .where('id', 'in', (eb) =>
      eb.selectFrom('document_link').select('document_id').where('record_type', '=', recordType).where('record_id', '=', recordId),
    )
    .where(visibleTo<DB, 'document'>(visibilityScope(viewer), 'state_iso3'))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.filter((d) => can(viewer, 'read', documentResource(d)));
}

export { filePath };
// The write core and the inputs, where the other modules and the tests have always found them.
export { uploadDocument } from './commands.ts';
export { type DocumentLink, documentKinds, linkTypes, type UploadInput, unLanguages } from './inputs.ts';
