import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { visibleTo } from '../../platform/db/visibility.ts';
import type { Confidentiality } from '../../platform/policy/levels.ts';
import { can, type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import { documentResource } from '../documents/index.ts';

export interface LinkedDocument {
  id: string;
  title: string;
  language: string;
  kind: string;
  state_iso3: string | null;
  confidentiality: Confidentiality;
}

/**
 * The documents linked to a record (`document_link`) that the viewer may see, the policy applied in
 * SQL so that a hidden document is not even counted; archived documents left out. Oldest first.
 */
export async function linkedDocuments(
  db: Kysely<DB>,
  viewer: Viewer | null,
  recordType: 'visit' | 'course',
  recordId: string,
): Promise<LinkedDocument[]> {
  const rows = await db
    .selectFrom('document')
    .innerJoin('document_link', 'document_link.document_id', 'document.id')
    .select(['document.id', 'document.title', 'document.language', 'document.kind', 'document.state_iso3', 'document.confidentiality'])
    .where('document_link.record_type', '=', recordType)
    .where('document_link.record_id', '=', recordId)
    .where('document.archived_at', 'is', null)
    .where(visibleTo<DB, 'document'>(visibilityScope(viewer), 'document.state_iso3'))
    .orderBy('document.created_at')
    .orderBy('document.id')
    .execute();
  return rows.filter((d) => can(viewer, 'read', documentResource(d)));
}
