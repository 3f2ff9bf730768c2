import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { visibleTo } from '../../platform/db/visibility.ts';
import { type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import type { DocumentListRow } from './documents.ts';
import type { DocumentLink } from './inputs.ts';

export type StateDocument = DocumentListRow & { links: DocumentLink[] };

/**
 * The documents about one State that the viewer may see (the policy applied in SQL, so that a
 * hidden document is not even counted): those filed under the State, those linked to it, and
 * those linked to one of `records` (its reports, plans, visits). Each with its links, newest first.
 */
export async function documentsAboutState(
  db: Kysely<DB>,
  viewer: Viewer | null,
  iso3: string,
  records: readonly DocumentLink[] = [],
  limit = 200,
): Promise<StateDocument[]> {
  const linkedTo = records.length
    ? sql.join(
        records.map((r) => sql`(l.record_type = ${r.recordType} and l.record_id = ${r.recordId})`),
        sql` or `,
      )
    : sql`false`;
  const rows = await db
    .selectFrom('document')
    .select([
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
    ])
    .where('archived_at', 'is', null)
    .where(visibleTo<DB, 'document'>(visibilityScope(viewer), 'state_iso3'))
    .where(
      sql<boolean>`(document.state_iso3 = ${iso3} or exists (
        select 1 from document_link l where l.document_id = document.id
          and ((l.record_type = 'member-state' and l.record_id = ${iso3}) or ${linkedTo})))`,
    )
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  if (!rows.length) return [];
  const links = await db
    .selectFrom('document_link')
    .select(['document_id', 'record_type', 'record_id'])
    .where(
      'document_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('record_type')
    .orderBy('record_id')
    .execute();
  return rows.map((r) => ({
    ...r,
    links: links.filter((l) => l.document_id === r.id).map((l) => ({ recordType: l.record_type, recordId: l.record_id })),
  }));
}
