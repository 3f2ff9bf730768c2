import type { Transaction } from 'kysely';
import {
  authorizeChange,
  inTransaction,
  insertKept,
  type KeptKind,
  lockKept,
  updateKept,
  type Writer,
  writerOf,
} from '../../platform/bundle/record-section.ts';
import type { Actor } from '../../platform/audit/record.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { isLocale, type Locale, locales } from '../../platform/i18n/locales.ts';
import { parseInput } from '../../platform/values/input.ts';
import { textProblems } from '../../platform/values/text.ts';
import { allFigures, changedFigures } from './figures.ts';
import { generators } from './generate.ts';
import { type AdvanceInput, advanceInput, paragraphInput, reconcileInput, reviewInput } from './inputs.ts';
import { outlineParagraph } from './outline.ts';
import { type Db, loadFacts, type ParagraphRow, paragraphResource, type ReviewRow, reviewResource } from './queries.ts';
import { type FigureSnapshot, frozenStatuses, type ReviewStatus, reviewStatuses, type VersionReason } from './schema.ts';
import { saveVersion } from './versions.ts';

/*
 * The write core of the annual review: every door (the pages, the API, the command line, the
 * demonstration data) creates a review, regenerates its figures, edits its paragraphs and moves it
 * through the workflow here, in one transaction with the row version and the audit event. An
 * approved review is refused here with a clear message, and by the database whatever the door.
 */

type Trx = Transaction<DB>;

export const reviewKind: KeptKind<'annual_review'> = {
  table: 'annual_review',
  noun: 'annual review',
  recordType: 'annual-review',
  audited: (r) => ({ ...r, figures: undefined, figureCount: Object.keys((r.figures as FigureSnapshot).figures ?? {}).length }),
};
export const paragraphKind: KeptKind<'annual_review_paragraph'> = {
  table: 'annual_review_paragraph',
  noun: 'paragraph of the annual review',
  recordType: 'annual-review-paragraph',
  audited: (p) => p,
};

/** Keeps the review as it now is as its next version (versions.ts), after the change. */
async function versioned(trx: Trx, actor: Actor, row: ReviewRow, reason: VersionReason): Promise<ReviewRow> {
  await saveVersion(trx, actor, row, reason);
  return row;
}

const frozen = (r: Pick<ReviewRow, 'status'>) => frozenStatuses.includes(r.status);
const refuseFrozen = (r: ReviewRow) => {
  if (frozen(r))
    throw new AppError(
      'conflict',
      `the ${r.year} review (edition ${r.edition}) is ${r.status}: it never changes; start a new draft from it`,
    );
};

/** The figures of a review as at its cut-off (the website's visits to the day chosen for them), counted now from the records. */
async function snapshotOf(trx: Db, r: Pick<ReviewRow, 'year' | 'cut_off_on'>, siteVisitsTo?: string): Promise<FigureSnapshot> {
  const period = { year: r.year, cutOff: String(r.cut_off_on), ...(siteVisitsTo ? { siteVisitsTo } : {}) };
  const figures = allFigures(await loadFacts(trx, period), period);
  return {
    asOf: String(r.cut_off_on),
    ...(siteVisitsTo ? { siteVisitsTo } : {}),
    figures: Object.fromEntries([...figures].map(([k, f]) => [k, { value: f.value, records: f.records }])),
  };
}

/** Starts the draft of a year's review (the next edition when one exists and every earlier one is approved), its figures generated. */
export async function createReview(
  db: Db,
  by: Writer,
  input: unknown,
  source: 'entered' | 'seed' | 'illustrative' = 'entered',
): Promise<ReviewRow> {
  const problems = textProblems(input);
  if (problems.length) throw invalid(problems);
  const data = parseInput(reviewInput, input);
  const { actor, viewer } = writerOf(by);
  authorizeChange(viewer, 'create', { type: 'annual-review', confidentiality: 'committee' }, 'a draft of the annual review');
  return inTransaction(db, async (trx) => {
    if (data.chairStateIso3) {
      const known = await trx.selectFrom('member_state').select('iso3').where('iso3', '=', data.chairStateIso3).executeTakeFirst();
      if (!known) throw invalid([{ field: 'chairStateIso3', problem: `${data.chairStateIso3}: not a Member State` }]);
    }
    const editions = await trx
      .selectFrom('annual_review')
      .select(['edition', 'status'])
      .where('year', '=', data.year)
      .forUpdate()
      .execute();
    const open = editions.find((e) => !frozen(e));
    if (open) throw new AppError('conflict', `the ${data.year} review already has a draft (edition ${open.edition}): edit it`);
    const edition = Math.max(0, ...editions.map((e) => e.edition)) + 1;
    const figures = await snapshotOf(trx, { year: data.year, cut_off_on: data.cutOff }, data.siteVisitsTo);
    const created = await insertKept(trx, actor, reviewKind, {
      year: data.year,
      edition,
      programme_number: data.programmeNumber,
      programme_symbol: data.programmeSymbol,
      period_from: data.periodFrom,
      period_to: data.periodTo,
      cut_off_on: data.cutOff,
      symbol: data.symbol,
      dated_on: data.datedOn ?? null,
      chair_name: data.chairName,
      chair_state_iso3: data.chairStateIso3 ?? null,
      original_language: data.originalLanguage,
      letter_language: data.letterLanguage,
      figures: JSON.stringify(figures),
      generated_at: new Date(),
      source,
    });
    return versioned(trx, actor, created, 'generated');
  });
}

/** Counts the figures again from the records as at the cut-off. What people wrote is untouched; an edit whose figures changed is flagged when shown. */
export async function regenerate(db: Db, by: Writer, id: string, rowVersion: number): Promise<ReviewRow> {
  const { actor, viewer } = writerOf(by);
  return inTransaction(db, async (trx) => {
    const before = await lockKept(trx, reviewKind, id, rowVersion, 'restore it first');
    authorizeChange(viewer, 'update', reviewResource(before), 'this review');
    refuseFrozen(before);
    const figures = await snapshotOf(trx, before, before.figures?.siteVisitsTo);
    const after = await updateKept(
      trx,
      actor,
      reviewKind,
      before,
      { figures: JSON.stringify(figures), generated_at: new Date() },
      'regenerate',
    );
    return versioned(trx, actor, after, 'regenerated');
  });
}

/** The next steps a review may take from a status: on, or back one step before it is approved. */
export function nextStatuses(status: ReviewStatus): ReviewStatus[] {
  const i = reviewStatuses.indexOf(status);
  const on = reviewStatuses[i + 1];
  const back = i >= 1 && i <= 2 ? reviewStatuses[i - 1] : undefined;
  return [on, back].filter((s): s is ReviewStatus => s !== undefined);
}

/** Moves a review through the workflow; transmitted needs the covering letter's date, published its date (and makes it public). */
export async function advance(db: Db, by: Writer, id: string, input: unknown): Promise<ReviewRow> {
  const data: AdvanceInput = parseInput(advanceInput, input);
  const { actor, viewer } = writerOf(by);
  return inTransaction(db, async (trx) => {
    const before = await lockKept(trx, reviewKind, id, data.rowVersion, 'restore it first');
    authorizeChange(
      viewer,
      data.to === 'published' ? 'publish' : data.to === 'approved' ? 'approve' : 'update',
      reviewResource(before),
      'this review',
    );
    if (!nextStatuses(before.status).includes(data.to))
      throw invalid([
        {
          field: 'to',
          problem: `a review that is ${before.status} may move only to ${nextStatuses(before.status).join(' or ') || 'nothing'}`,
        },
      ]);
    if (data.to === 'transmitted' && !data.letterOn) throw invalid([{ field: 'letterOn', problem: 'is required to transmit the review' }]);
    if (data.to === 'published' && !data.publishedOn)
      throw invalid([{ field: 'publishedOn', problem: 'is required to publish the review' }]);
    const moved = await updateKept(
      trx,
      actor,
      reviewKind,
      before,
      {
        status: data.to,
        ...(data.to === 'transmitted' ? { letter_on: data.letterOn } : {}),
        ...(data.to === 'published' ? { published_on: data.publishedOn, confidentiality: 'public' as const } : {}),
      },
      data.to,
    );
    return versioned(trx, actor, moved, 'status');
  });
}

/** A new draft (the next edition) from an approved review: its details, figures and paragraphs copied. */
export async function newDraftFrom(db: Db, by: Writer, id: string): Promise<ReviewRow> {
  const { actor, viewer } = writerOf(by);
  return inTransaction(db, async (trx) => {
    const from = await trx.selectFrom('annual_review').selectAll().where('id', '=', id).executeTakeFirst();
    if (!from) throw notFound('the annual review');
    authorizeChange(viewer, 'create', { type: 'annual-review', confidentiality: 'committee' }, 'a draft of the annual review');
    if (!frozen(from)) throw new AppError('conflict', `the ${from.year} review is still a draft (${from.status}): edit it instead`);
    const editions = await trx
      .selectFrom('annual_review')
      .select(['edition', 'status'])
      .where('year', '=', from.year)
      .forUpdate()
      .execute();
    const open = editions.find((e) => !frozen(e));
    if (open) throw new AppError('conflict', `the ${from.year} review already has a draft (edition ${open.edition})`);
    const { id: _id, row_version: _v, created_at: _c, updated_at: _u, archived_at: _a, ...rest } = from;
    const draft = await insertKept(trx, actor, reviewKind, {
      ...rest,
      edition: Math.max(...editions.map((e) => e.edition)) + 1,
      based_on: from.id,
      status: 'draft',
      letter_on: null,
      published_on: null,
      confidentiality: 'committee',
      figures: JSON.stringify(from.figures),
      source: 'entered',
    });
    const paragraphs = await trx
      .selectFrom('annual_review_paragraph')
      .selectAll()
      .where('review_id', '=', from.id)
      .where('archived_at', 'is', null)
      .execute();
    for (const p of paragraphs)
      await insertKept(trx, actor, paragraphKind, {
        review_id: draft.id,
        paragraph_key: p.paragraph_key,
        locale: p.locale,
        body: p.body,
        translation_status: p.translation_status,
        figures_at_edit: p.figures_at_edit === null ? null : JSON.stringify(p.figures_at_edit),
        source: 'entered',
      });
    return versioned(trx, actor, draft, 'copied');
  });
}

/** The values of a generator's figures in a snapshot. */
export function figureValues(snapshot: FigureSnapshot, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, snapshot.figures?.[k]?.value ?? null]));
}

/**
 * Writes a paragraph in a language: a narrative paragraph, or a person's edit of a generated one
 * (which then keeps the values of its figures as they were, to flag a later change). Plain text,
 * kept as written (markup included) and escaped wherever it is shown. `rowVersion` is the version
 * the writer saw (0 for a paragraph not yet written); a stale one is refused with the text saved since.
 */
export async function writeParagraph(
  db: Db,
  by: Writer,
  reviewId: string,
  key: string,
  locale: string,
  input: unknown,
): Promise<ParagraphRow> {
  const problems = [...textProblems(input)];
  if (!isLocale(locale)) problems.push({ field: 'lang', problem: `must be one of the six languages: ${locales.join(', ')}` });
  const outlined = outlineParagraph(key);
  if (!outlined) problems.push({ field: 'paragraph', problem: `${key.slice(0, 60)}: not a paragraph of the outline` });
  if (problems.length) throw invalid(problems);
  const data = parseInput(paragraphInput, input);
  const { actor, viewer } = writerOf(by);
  return inTransaction(db, async (trx: Trx) => {
    const review = await trx.selectFrom('annual_review').selectAll().where('id', '=', reviewId).forUpdate().executeTakeFirst();
    if (!review || review.archived_at) throw notFound('the annual review');
    authorizeChange(viewer, 'update', reviewResource(review), 'this review');
    refuseFrozen(review);
    const atEdit =
      outlined?.kind === 'generated' ? JSON.stringify(figureValues(review.figures, generators[outlined.generator]?.figures ?? [])) : null;
    const before = await trx
      .selectFrom('annual_review_paragraph')
      .selectAll()
      .where('review_id', '=', reviewId)
      .where('paragraph_key', '=', key)
      .where('locale', '=', locale as Locale)
      .where('archived_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if ((before?.row_version ?? 0) !== data.rowVersion)
      throw new AppError(
        'conflict',
        before
          ? `this paragraph was changed by someone else (version ${before.row_version}, yours ${data.rowVersion}); their text: ${before.body}`
          : 'this paragraph is not written yet: reload the page',
      );
    if (!before)
      return insertKept(trx, actor, paragraphKind, {
        review_id: reviewId,
        paragraph_key: key,
        locale: locale as Locale,
        body: data.body,
        translation_status: data.translationStatus,
        figures_at_edit: atEdit,
        source: 'entered',
      });
    authorizeChange(viewer, 'update', paragraphResource(before), 'this paragraph');
    return updateKept(
      trx,
      actor,
      paragraphKind,
      before,
      { body: data.body, translation_status: data.translationStatus, figures_at_edit: atEdit },
      'update',
    );
  });
}

/**
 * Clears the flag of an edited generated paragraph: the person has read the new figures and keeps
 * (or has already changed) their words. Its figures' values at edit become the snapshot's, its text
 * is untouched. `rowVersion` is the paragraph's version the person saw.
 */
export async function reconcileParagraph(
  db: Db,
  by: Writer,
  reviewId: string,
  key: string,
  locale: string,
  input: unknown,
): Promise<ParagraphRow> {
  const outlined = outlineParagraph(key);
  const problems = [];
  if (!isLocale(locale)) problems.push({ field: 'lang', problem: `must be one of the six languages: ${locales.join(', ')}` });
  if (!outlined) problems.push({ field: 'paragraph', problem: `${key.slice(0, 60)}: not a paragraph of the outline` });
  if (problems.length) throw invalid(problems);
  const data = parseInput(reconcileInput, input);
  const { actor, viewer } = writerOf(by);
  return inTransaction(db, async (trx: Trx) => {
    const review = await trx.selectFrom('annual_review').selectAll().where('id', '=', reviewId).forUpdate().executeTakeFirst();
    if (!review || review.archived_at) throw notFound('the annual review');
    authorizeChange(viewer, 'update', reviewResource(review), 'this review');
    refuseFrozen(review);
    const before = await trx
      .selectFrom('annual_review_paragraph')
      .selectAll()
      .where('review_id', '=', reviewId)
      .where('paragraph_key', '=', key)
      .where('locale', '=', locale as Locale)
      .where('archived_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (outlined?.kind !== 'generated' || !before)
      throw new AppError('conflict', 'nothing to reconcile: this paragraph is not a person’s edit of a generated paragraph');
    if (before.row_version !== data.rowVersion)
      throw new AppError(
        'conflict',
        `this paragraph was changed by someone else (version ${before.row_version}, yours ${data.rowVersion}); their text: ${before.body}`,
      );
    const keys = generators[outlined.generator]?.figures ?? [];
    const now = figureValues(review.figures, keys);
    if (changedFigures(before.figures_at_edit ?? {}, now, keys).length === 0)
      throw new AppError('conflict', 'nothing to reconcile: the figures of this paragraph have not changed since it was edited');
    return updateKept(trx, actor, paragraphKind, before, { figures_at_edit: JSON.stringify(now) }, 'reconcile');
  });
}
