// The versions of a review's draft (issue 15, item 5), and the comparison of two of them paragraph
// by paragraph, as the matrix compares its versions field by field. A version is written by the
// write core in the same transaction as the change it follows (each generation, regeneration, copy
// into a new edition and step of the workflow); the draft as it stands is compared as "now".
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/audit/record.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { pick } from '../../platform/i18n/locales.ts';
import { stateNames } from '../member-states/index.ts';
import { assemble, codesIn, type DocParagraph, showValue } from './document.ts';
import { type Db, type ParagraphRow, paragraphsOf, type ReviewRow } from './queries.ts';
import type { FigureSnapshot, ReviewStatus, VersionParagraph, VersionReason } from './schema.ts';

export interface VersionRow {
  id: string;
  number: number;
  reason: VersionReason;
  status: ReviewStatus;
  figures: FigureSnapshot;
  paragraphs: VersionParagraph[];
  actorLabel: string;
  madeAt: Date;
}

const kept = (p: ParagraphRow): VersionParagraph => ({
  key: p.paragraph_key,
  locale: p.locale,
  body: p.body,
  translationStatus: p.translation_status,
  figuresAtEdit: p.figures_at_edit,
  rowVersion: p.row_version,
});

/** Keeps what the review is now as its next version (in the caller's transaction, after the change). */
export async function saveVersion(trx: Transaction<DB>, actor: Actor, review: ReviewRow, reason: VersionReason): Promise<number> {
  const last = await trx
    .selectFrom('annual_review_version')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('review_id', '=', review.id)
    .executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  const paragraphs = (await paragraphsOf(trx, review.id)).map(kept);
  await trx
    .insertInto('annual_review_version')
    .values({
      review_id: review.id,
      number,
      reason,
      status: review.status,
      figures: JSON.stringify(review.figures ?? {}),
      paragraphs: JSON.stringify(paragraphs),
      actor_label: actor.label.slice(0, 200),
    })
    .execute();
  return number;
}

/** The versions of a review, newest first. */
export async function versionsOf(db: Db, reviewId: string): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom('annual_review_version')
    .selectAll()
    .where('review_id', '=', reviewId)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    reason: r.reason,
    status: r.status,
    figures: r.figures,
    paragraphs: r.paragraphs,
    actorLabel: r.actor_label,
    madeAt: r.made_at,
  }));
}

/** One side of a comparison: a kept version, or the draft as it stands. */
export interface Side {
  label: 'now' | number;
  figures: FigureSnapshot;
  paragraphs: VersionParagraph[];
}

export async function currentSide(db: Db, review: ReviewRow): Promise<Side> {
  return { label: 'now', figures: review.figures ?? {}, paragraphs: (await paragraphsOf(db, review.id)).map(kept) };
}

export interface ParagraphChange {
  key: string;
  number: number | null;
  kind: 'generated' | 'narrative';
  from: DocParagraph;
  to: DocParagraph;
  /** What changed: the words (`text`), whether a person's edit stands in for the generated words (`edit`), the translation status. */
  changed: ('text' | 'edit' | 'translation')[];
}

export interface FigureChange {
  key: string;
  definition: string;
  from: string;
  to: string;
}

export interface Comparison {
  paragraphs: ParagraphChange[];
  figures: FigureChange[];
}

const asRows = (side: Side): ParagraphRow[] =>
  side.paragraphs.map(
    (p) =>
      ({
        paragraph_key: p.key,
        locale: p.locale,
        body: p.body,
        translation_status: p.translationStatus,
        figures_at_edit: p.figuresAtEdit,
        row_version: p.rowVersion,
      }) as ParagraphRow,
  );

/** A figure's definition in the reader's language (its key for a figure the catalogue does not define). */
export function definitionOf(m: Messages, key: string): string {
  const message = `annualReview.figure.${key}`;
  return m.has(message) ? m.t(message) : key;
}

const valuesOf = (s: FigureSnapshot) => Object.fromEntries(Object.entries(s.figures ?? {}).map(([k, f]) => [k, f.value]));

/**
 * Paragraph by paragraph in the reader's language, what differs between two sides: each paragraph
 * read as the reader reads it on each side (generated words from that side's figures, or what a
 * person wrote), and each figure whose value differs.
 */
export async function compareSides(db: Kysely<DB>, m: Messages, review: ReviewRow, from: Side, to: Side): Promise<Comparison> {
  const names = await stateNames(db, codesIn([...Object.values(valuesOf(from.figures)), ...Object.values(valuesOf(to.figures))]));
  const docOf = (side: Side) => assemble(m, { ...review, figures: side.figures }, asRows(side), names);
  const a = docOf(from).sections.flatMap((s) => s.paragraphs);
  const b = new Map(
    docOf(to)
      .sections.flatMap((s) => s.paragraphs)
      .map((p) => [p.key, p]),
  );
  const paragraphs: ParagraphChange[] = [];
  for (const p of a) {
    const q = b.get(p.key);
    if (!q) continue;
    const changed: ParagraphChange['changed'] = [];
    if (p.text !== q.text) changed.push('text');
    if (p.edited !== q.edited) changed.push('edit');
    if (p.translationStatus !== q.translationStatus) changed.push('translation');
    if (changed.length) paragraphs.push({ key: p.key, number: p.number, kind: p.kind, from: p, to: q, changed });
  }
  const va = valuesOf(from.figures);
  const vb = valuesOf(to.figures);
  const name = (iso3: string) => pick(names[iso3], m.locale) || iso3;
  const figures = [...new Set([...Object.keys(va), ...Object.keys(vb)])]
    .filter((k) => JSON.stringify(va[k] ?? null) !== JSON.stringify(vb[k] ?? null))
    .map((k) => ({
      key: k,
      definition: definitionOf(m, k),
      from: showValue(m, va[k], name),
      to: showValue(m, vb[k], name),
    }));
  return { paragraphs, figures };
}
