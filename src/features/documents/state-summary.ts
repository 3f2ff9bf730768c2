import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { visibleTo } from '../../platform/db/visibility.ts';
import { type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import { type DocumentListRow, linksOf, listColumns } from './documents.ts';
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
    .select(listColumns)
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
  const links = await linksOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, links: links.get(r.id) ?? [] }));
}
