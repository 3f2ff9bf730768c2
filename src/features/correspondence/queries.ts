import { type ExpressionBuilder, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { visibleTo } from '../../platform/db/visibility.ts';
import { AppError } from '../../platform/errors.ts';
import { can, type Resource, type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import { documentResource } from '../documents/index.ts';
import type { Confidentiality } from '../../platform/policy/levels.ts';
import type { Concern } from './inputs.ts';
import type { ConcernType, LetterKind, LetterTable } from './schema.ts';
import { isUuid } from '../../platform/values/codes.ts';
import { requestVisible } from '../assistance/index.ts';

export type LetterRow = Selectable<LetterTable>;
type Db = Kysely<DB> | Transaction<DB>;

export function letterResource(l: Pick<LetterRow, 'confidentiality' | 'state_iso3'>): Resource {
  return { type: 'letter', confidentiality: l.confidentiality, stateIso3: l.state_iso3 };
}

export interface LetterFilters {
  /** Letters from, to or about this State. */
  state?: string;
  from?: string;
  to?: string;
  kind?: LetterKind;
  includeArchived?: boolean;
}

/** The policy and the filters, as one where-clause on `letter` (so hidden letters are not counted). */
function letterWhere(viewer: Viewer | null, f: LetterFilters) {
  return (eb: ExpressionBuilder<DB, 'letter'>) => {
    const parts = [visibleTo<DB, 'letter'>(visibilityScope(viewer), 'letter.state_iso3')(eb)];
    if (!f.includeArchived) parts.push(eb('letter.archived_at', 'is', null));
    if (f.from) parts.push(eb('letter.sent_on', '>=', f.from));
    if (f.to) parts.push(eb('letter.sent_on', '<=', f.to));
    if (f.kind) parts.push(eb('letter.kind', '=', f.kind));
    if (f.state) {
      const iso3 = f.state.toUpperCase();
      parts.push(
        eb.or([
          eb('letter.state_iso3', '=', iso3),
          eb('letter.sender_state_iso3', '=', iso3),
          eb.exists(
            eb
              .selectFrom('letter_recipient as r')
              .select('r.id')
              .whereRef('r.letter_id', '=', 'letter.id')
              .where('r.state_iso3', '=', iso3)
              .where('r.removed_at', 'is', null),
          ),
        ]),
      );
    }
    return eb.and(parts);
  };
}

/** A page of the letters the viewer may see, newest first, and how many there are in all. */
export async function listLetters(
  db: Db,
  viewer: Viewer | null,
  f: LetterFilters,
  page: { limit: number; offset: number } = { limit: 100, offset: 0 },
): Promise<{ total: number; rows: LetterRow[] }> {
  const where = letterWhere(viewer, f);
  const [count, rows] = await Promise.all([
    db
      .selectFrom('letter')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('letter')
      .selectAll()
      .where(where)
      .orderBy('sent_on', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

/** Every letter the viewer may read, archived ones too, in id order (for the bundle). */
export async function readableLetters(db: Db, viewer: Viewer | null): Promise<LetterRow[]> {
  const rows = await db
    .selectFrom('letter')
    .selectAll()
    .where(letterWhere(viewer, { includeArchived: true }))
    .orderBy('id')
    .execute();
  return rows.filter((l) => can(viewer, 'read', letterResource(l)));
}

/** The years in which the viewer may see letters, newest first (for the filter). */
export async function letterYears(db: Db, viewer: Viewer | null): Promise<number[]> {
  const rows = await db
    .selectFrom('letter')
    .select(sql<number>`distinct extract(year from sent_on)::int`.as('year'))
    .where(letterWhere(viewer, {}))
    .execute();
  return rows.map((r) => Number(r.year)).sort((a, b) => b - a);
}

export async function findLetter(db: Db, id: string): Promise<LetterRow | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('letter').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A letter the viewer may see, or not found: a hidden letter is not even said to exist. */
export async function visibleLetter(db: Db, viewer: Viewer | null, id: string): Promise<LetterRow> {
  const l = await findLetter(db, id);
  if (!l || !can(viewer, 'read', letterResource(l))) throw new AppError('not-found', `no letter has the id ${id.slice(0, 40)}`);
  return l;
}

/** The States each letter went to (current recipients), sorted. */
export async function recipientsOfLetters(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('letter_recipient')
    .select(['letter_id', 'state_iso3'])
    .where('letter_id', 'in', [...ids])
    .where('removed_at', 'is', null)
    .orderBy('state_iso3')
    .execute();
  for (const r of rows) out.get(r.letter_id)?.push(r.state_iso3);
  return out;
}

/** What each letter concerns (current links). */
export async function concernsOfLetters(db: Db, ids: readonly string[]): Promise<Map<string, Concern[]>> {
  const out = new Map<string, Concern[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('letter_concern')
    .select(['letter_id', 'record_type', 'record_id'])
    .where('letter_id', 'in', [...ids])
    .where('removed_at', 'is', null)
    .orderBy('record_type')
    .orderBy('record_id')
    .execute();
  for (const r of rows) out.get(r.letter_id)?.push({ recordType: r.record_type, recordId: r.record_id });
  return out;
}

/** The replies to a letter that the viewer may see, oldest first. */
export async function repliesTo(db: Db, viewer: Viewer | null, id: string): Promise<LetterRow[]> {
  return db
    .selectFrom('letter')
    .selectAll()
    .where('in_reply_to', '=', id)
    .where(letterWhere(viewer, {}))
    .orderBy('sent_on')
    .orderBy('id')
    .execute();
}

/** Which of the given letters the viewer may see. */
export async function visibleLetterIds(db: Db, viewer: Viewer | null, ids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (!wanted.length) return new Set();
  const rows = await db
    .selectFrom('letter')
    .select('id')
    .where('id', 'in', wanted)
    .where(letterWhere(viewer, { includeArchived: true }))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The letter this one replies to, if the viewer may see it. */
export async function originalOf(db: Db, viewer: Viewer | null, l: LetterRow): Promise<LetterRow | undefined> {
  if (!l.in_reply_to) return undefined;
  const o = await findLetter(db, l.in_reply_to);
  return o && can(viewer, 'read', letterResource(o)) ? o : undefined;
}

/** A document linked to a letter, as the letter's page and API name it. */
export interface LetterDocument {
  id: string;
  title: string;
  language: string;
  kind: string;
  state_iso3: string | null;
  confidentiality: Confidentiality;
}

/** The documents linked to a letter (document_link, record type 'letter') that the viewer may see, oldest first. */
export async function documentsOfLetter(db: Db, viewer: Viewer | null, id: string): Promise<LetterDocument[]> {
  const rows = await db
    .selectFrom('document')
    .select(['document.id', 'document.title', 'document.language', 'document.kind', 'document.state_iso3', 'document.confidentiality'])
    .where('document.archived_at', 'is', null)
    .where(visibleTo<DB, 'document'>(visibilityScope(viewer), 'document.state_iso3'))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('document_link as dl')
          .select('dl.id')
          .whereRef('dl.document_id', '=', 'document.id')
          .where('dl.record_type', '=', 'letter')
          .where('dl.record_id', '=', id),
      ),
    )
    .orderBy('document.created_at')
    .orderBy('document.id')
    .execute();
  // The SQL applies the policy; the same rule once more, so that the two never disagree here.
  return rows.filter((d) => can(viewer, 'read', documentResource(d)));
}

/** A record a letter concerns, as far as the viewer may see it: a State and a date to name it by. */
export interface ConcernView extends Concern {
  stateIso3: string | null;
  /** A date or number that tells the record apart (received on, plan number, visit start…). */
  label: string;
}

type ConcernTable = 'national_report' | 'action_plan' | 'visit' | 'matrix' | 'assistance_request';

/** Where each kind of record a letter concerns is kept, what names it (a date or a number), and where it travels in the bundle. */
export const concernTables: Record<ConcernType, { table: ConcernTable; label: string; section: string; noun: string }> = {
  'national-report': { table: 'national_report', label: 'received_on', section: 'national-reports', noun: 'national report' },
  'action-plan': { table: 'action_plan', label: 'number', section: 'action-plans', noun: 'action plan' },
  visit: { table: 'visit', label: 'starts_on', section: 'visits', noun: 'visit' },
  matrix: { table: 'matrix', label: 'number', section: 'matrices', noun: 'matrix version' },
  'assistance-request': { table: 'assistance_request', label: 'received_on', section: 'assistance-requests', noun: 'assistance request' },
};
const concernOrder = Object.keys(concernTables) as ConcernType[];

/** The records of one kind with these ids that the viewer may see, with their State and label. */
async function visibleOfType(db: Db, viewer: Viewer | null, type: ConcernType, ids: string[]): Promise<ConcernView[]> {
  const { table, label } = concernTables[type];
  // A request recorded in the clearinghouse is seen by the Committee side, its State and the
  // providers it was circulated to; the others by confidentiality and State.
  const visible =
    type === 'assistance-request' ? requestVisible(viewer) : visibleTo<DB, 'assistance_request'>(visibilityScope(viewer), 'state_iso3');
  const rows = await db
    .selectFrom(table as 'assistance_request')
    .select(['id', 'state_iso3', sql<string | number>`${sql.ref(label)}`.as('label')])
    .where('id', 'in', ids)
    .where(visible)
    .execute();
  return rows.map((r) => ({ recordType: type, recordId: r.id, stateIso3: r.state_iso3, label: String(r.label) }));
}

/**
 * The concerns of a letter that the viewer may see. A report, plan, visit or matrix the viewer may
 * not see is left out (a public letter may concern a restricted record); so is an assistance
 * request, which is seen as `requestVisible` says. A reference to a request not recorded here:
 * the Committee side only.
 */
export async function visibleConcerns(db: Db, viewer: Viewer | null, concerns: readonly Concern[]): Promise<ConcernView[]> {
  const out: ConcernView[] = [];
  for (const type of concernOrder) {
    const ids = concerns.filter((c) => c.recordType === type && isUuid(c.recordId)).map((c) => c.recordId);
    if (ids.length) out.push(...(await visibleOfType(db, viewer, type, ids)));
  }
  if (visibilityScope(viewer).all)
    for (const c of concerns)
      if (c.recordType === 'assistance-request' && !isUuid(c.recordId)) out.push({ ...c, stateIso3: null, label: c.recordId });
  const order = (c: Concern) => concerns.findIndex((o) => o.recordType === c.recordType && o.recordId === c.recordId);
  return out.sort((a, b) => order(a) - order(b));
}

/** The records named that do not exist (a request may also be named by a reference of its own: only ids are checked). */
export async function missingConcerns(db: Db, concerns: readonly Concern[]): Promise<Concern[]> {
  const missing: Concern[] = [];
  for (const type of concernOrder) {
    const wanted = concerns
      .filter((c) => c.recordType === type && (type !== 'assistance-request' || isUuid(c.recordId)))
      .map((c) => c.recordId);
    if (!wanted.length) continue;
    const found = new Set(
      (await db.selectFrom(concernTables[type].table).select('id').where('id', 'in', wanted).execute()).map((r) => r.id),
    );
    for (const id of wanted) if (!found.has(id)) missing.push({ recordType: type, recordId: id });
  }
  return missing;
}
