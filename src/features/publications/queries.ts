import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/errors.ts';
import { can, isCommitteeSide, type Resource, type Viewer } from '../../platform/policy/policy.ts';
import { type PublicationRow, type Texts, textsOf } from './commands.ts';
import type { PublicationFact } from './figures.ts';
import type { PublicationFilters } from './inputs.ts';
import type { FaqGroupRow, FaqQuestionRow } from './faq-commands.ts';

/*
 * Reads of publications and of the FAQ. A publication is public once published (its level says
 * so); before that only the Committee side sees it. Lists filter in SQL by the same rule as the
 * policy: publications concern no State, so the policy's scope is "everything" or "public only".
 */

export const publicationResource = (p: { confidentiality: PublicationRow['confidentiality'] }): Resource => ({
  type: 'publication',
  confidentiality: p.confidentiality,
});

/** The policy's visibility scope for a table without a State: the Committee side sees all, others the public rows. */
export function visibleRows(viewer: Viewer | null) {
  const all = isCommitteeSide(viewer);
  return (eb: ExpressionBuilder<DB, 'publication'>) => (all ? eb.lit(true) : eb('publication.confidentiality', '=', 'public'));
}

export interface PublicationView {
  row: PublicationRow;
  texts: Texts;
}

/** The publications the viewer may see, newest first (archived ones only on the Committee side, when asked). */
export async function listPublications(
  db: Kysely<DB>,
  viewer: Viewer | null,
  filters: PublicationFilters & { archived?: boolean },
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: PublicationView[] }> {
  let q = db.selectFrom('publication').where(visibleRows(viewer));
  q = filters.archived && isCommitteeSide(viewer) ? q : q.where('archived_at', 'is', null);
  if (filters.kind) q = q.where('kind', '=', filters.kind as PublicationRow['kind']);
  if (filters.status) q = q.where('status', '=', filters.status as PublicationRow['status']);
  if (filters.year) q = q.where('dated', '>=', `${filters.year}-01-01`).where('dated', '<=', `${filters.year}-12-31`);
  const [{ total }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    q.selectAll().orderBy('dated', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
  ]);
  const texts = await textsOf(
    db,
    rows.map((r) => r.id),
  );
  return { total: Number(total), rows: rows.map((row) => ({ row, texts: texts.get(row.id)! })) };
}

/** The years that have a publication the viewer may see, newest first. */
export async function publicationYears(db: Kysely<DB>, viewer: Viewer | null): Promise<number[]> {
  const rows = await db
    .selectFrom('publication')
    .where(visibleRows(viewer))
    .where('archived_at', 'is', null)
    .select(sql<number>`extract(year from dated)::int`.as('year'))
    .distinct()
    .execute();
  return rows.map((r) => Number(r.year)).sort((a, b) => b - a);
}

/** A publication the viewer may see, with its versions; 404 otherwise (a draft is not said to exist). */
export async function visiblePublication(db: Kysely<DB>, viewer: Viewer | null, id: string): Promise<PublicationView> {
  const row = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    ? await db.selectFrom('publication').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!row || !can(viewer, 'read', publicationResource(row))) throw notFound('the publication');
  return { row, texts: (await textsOf(db, [id])).get(id)! };
}

/** What the figures look at, of every publication (the figures count only the published ones). */
export async function publicationFacts(db: Kysely<DB>): Promise<(PublicationFact & { id: string })[]> {
  const rows = await db.selectFrom('publication').select(['id', 'kind', 'status', 'dated', 'published_on', 'archived_at']).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    dated: r.dated,
    publishedOn: r.published_on,
    archived: r.archived_at !== null,
  }));
}

export interface FaqView {
  group: FaqGroupRow;
  questions: FaqQuestionRow[];
}

/** The FAQ in its order: groups by position, their questions by position (archived ones when asked, for the secretariat). */
export async function faqInOrder(db: Kysely<DB>, withArchived = false): Promise<FaqView[]> {
  let groups = db.selectFrom('faq_group').selectAll();
  let questions = db.selectFrom('faq_question').selectAll();
  if (!withArchived) {
    groups = groups.where('archived_at', 'is', null);
    questions = questions.where('archived_at', 'is', null);
  }
  const [g, q] = await Promise.all([
    groups.orderBy('position').orderBy('created_at').orderBy('id').execute(),
    questions.orderBy('position').orderBy('created_at').orderBy('id').execute(),
  ]);
  return g.map((group) => ({ group, questions: q.filter((x) => x.group_id === group.id) }));
}

export async function faqGroup(db: Kysely<DB>, id: string): Promise<FaqGroupRow> {
  const row = /^[0-9a-f-]{36}$/i.test(id)
    ? await db.selectFrom('faq_group').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!row) throw notFound('the group of the FAQ');
  return row;
}

export async function faqQuestion(db: Kysely<DB>, id: string): Promise<FaqQuestionRow> {
  const row = /^[0-9a-f-]{36}$/i.test(id)
    ? await db.selectFrom('faq_question').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!row) throw notFound('the question of the FAQ');
  return row;
}
