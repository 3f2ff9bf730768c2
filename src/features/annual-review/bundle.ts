import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { sameJson } from '../../platform/bundle/canonical.ts';
import { insertKept, updateKept, writerOf } from '../../platform/bundle/record-section.ts';
import { type BundleSection, Refusals } from '../../platform/bundle/section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { locales } from '../../platform/i18n/locales.ts';
import { can, may } from '../../platform/policy/policy.ts';
import { iso3, recordId } from '../../platform/values/codes.ts';
import { isoDate } from '../../platform/values/dates.ts';
import { paragraphKind, reviewKind } from './commands.ts';
import { type ParagraphRow, type ReviewRow, reviewResource } from './queries.ts';
import { frozenStatuses, reviewSources, reviewStatuses, translationStatuses } from './schema.ts';

/*
 * The `annual-reviews` section: a review with the paragraphs people wrote for it, as one record
 * (a paragraph is never read apart from its review). An import writes a new review as a draft,
 * its paragraphs, then its status: the database lets an approved review's paragraphs in only so.
 * A stored review that is approved is never changed by an import.
 */

type Db = Kysely<DB> | Transaction<DB>;

const paragraphRecord = z.strictObject({
  id: recordId,
  key: z.string().regex(/^[A-Za-z0-9.-]{1,60}$/),
  locale: z.enum(locales),
  body: z.string().min(1).max(20000),
  translationStatus: z.enum(translationStatuses),
  figuresAtEdit: z.record(z.string(), z.unknown()).nullable(),
  source: z.enum(reviewSources),
});

export const reviewRecordSchema = z.strictObject({
  id: recordId,
  year: z.number().int().min(2004).max(2199),
  edition: z.number().int().min(1).max(99),
  basedOn: recordId.nullable(),
  programmeNumber: z.number().int().min(1).max(99),
  programmeSymbol: z.string().max(60),
  periodFrom: isoDate,
  periodTo: isoDate,
  cutOff: isoDate,
  symbol: z.string().max(60),
  datedOn: isoDate.nullable(),
  letterOn: isoDate.nullable(),
  publishedOn: isoDate.nullable(),
  chairName: z.string().max(200),
  chairStateIso3: iso3.nullable(),
  originalLanguage: z.enum(locales),
  letterLanguage: z.enum(locales),
  status: z.enum(reviewStatuses),
  figures: z.record(z.string(), z.unknown()),
  generatedAt: z.string().max(40).nullable(),
  source: z.enum(reviewSources),
  confidentiality: z.enum(['public', 'committee']),
  archived: z.boolean(),
  paragraphs: z.array(paragraphRecord).max(2000),
});
export type ReviewRecord = z.output<typeof reviewRecordSchema>;

function present(r: ReviewRow, paragraphs: readonly ParagraphRow[]): ReviewRecord {
  return {
    id: r.id,
    year: r.year,
    edition: r.edition,
    basedOn: r.based_on,
    programmeNumber: r.programme_number,
    programmeSymbol: r.programme_symbol,
    periodFrom: String(r.period_from),
    periodTo: String(r.period_to),
    cutOff: String(r.cut_off_on),
    symbol: r.symbol,
    datedOn: r.dated_on === null ? null : String(r.dated_on),
    letterOn: r.letter_on === null ? null : String(r.letter_on),
    publishedOn: r.published_on === null ? null : String(r.published_on),
    chairName: r.chair_name,
    chairStateIso3: r.chair_state_iso3?.trim() ?? null,
    originalLanguage: r.original_language,
    letterLanguage: r.letter_language,
    status: r.status,
    figures: r.figures as Record<string, unknown>,
    generatedAt: r.generated_at ? r.generated_at.toISOString() : null,
    source: r.source,
    confidentiality: r.confidentiality,
    archived: r.archived_at !== null,
    paragraphs: paragraphs
      .filter((p) => p.review_id === r.id && p.archived_at === null)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((p) => ({
        id: p.id,
        key: p.paragraph_key,
        locale: p.locale,
        body: p.body,
        translationStatus: p.translation_status,
        figuresAtEdit: p.figures_at_edit,
        source: p.source,
      })),
  };
}

async function storedReviews(db: Db, ids: readonly string[] | null): Promise<Map<string, ReviewRecord>> {
  let q = db.selectFrom('annual_review').selectAll();
  if (ids) {
    if (!ids.length) return new Map();
    q = q.where('id', 'in', [...ids]);
  }
  const rows = await q.orderBy('id').execute();
  if (!rows.length) return new Map();
  const paragraphs = await db
    .selectFrom('annual_review_paragraph')
    .selectAll()
    .where(
      'review_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return new Map(rows.map((r) => [r.id, present(r, paragraphs)]));
}

const columnsOf = (r: ReviewRecord) => ({
  programme_number: r.programmeNumber,
  programme_symbol: r.programmeSymbol,
  period_from: r.periodFrom,
  period_to: r.periodTo,
  cut_off_on: r.cutOff,
  symbol: r.symbol,
  dated_on: r.datedOn,
  chair_name: r.chairName,
  chair_state_iso3: r.chairStateIso3,
  original_language: r.originalLanguage,
  letter_language: r.letterLanguage,
  figures: JSON.stringify(r.figures),
  generated_at: r.generatedAt ? new Date(r.generatedAt) : null,
  source: r.source,
});

/** A snapshot with the values of its figures only. */
function withoutRecords(figures: Record<string, unknown>): Record<string, unknown> {
  const inner = (figures.figures ?? {}) as Record<string, { value: unknown }>;
  return { ...figures, figures: Object.fromEntries(Object.entries(inner).map(([k, f]) => [k, { value: f.value, records: [] }])) };
}

export const annualReviewsSection: BundleSection<ReviewRecord> = {
  name: 'annual-reviews',
  keyField: 'id',
  schema: reviewRecordSchema,
  key: (r) => r.id,
  resource: (r) => ({ type: 'annual-review', confidentiality: r.confidentiality }),
  async export(db, viewer) {
    const all = [...(await storedReviews(db, null)).values()];
    const readable = all.filter((r) => can(viewer, 'read', { type: 'annual-review', confidentiality: r.confidentiality }));
    if (may(viewer, 'annual-review.drafts')) return readable;
    // Outside the Committee side a published review travels without the ids of the records behind its figures (some are confidential).
    return readable.map((r) => ({ ...r, figures: withoutRecords(r.figures) }));
  },
  stored: (db, keys) => storedReviews(db, keys),
  async import(trx, actor, records, report, context) {
    const refusals = new Refusals();
    const stored = await storedReviews(
      trx,
      records.map((r) => r.id),
    );
    // Earlier editions first: a later one names the one it started from.
    const ordered = [...records].sort((a, b) => a.year - b.year || a.edition - b.edition);
    for (const record of ordered) {
      const before = stored.get(record.id);
      if (before && sameJson(before, record)) {
        report.add('unchanged');
        continue;
      }
      await refusals.attempt(`sections.annual-reviews[${records.indexOf(record)}]`, async () => {
        const { actor: by, viewer } = writerOf(context?.viewer ?? actor);
        if (viewer && !can(viewer, before ? 'update' : 'create', reviewResource(record)))
          throw new AppError('forbidden', 'your account may not write annual reviews');
        if (before && frozenStatuses.includes(before.status))
          throw new AppError('conflict', `the ${before.year} review (edition ${before.edition}) is ${before.status}: it never changes`);
        await writeReview(trx, by, record, before);
      });
      report.add(before ? 'updated' : 'created');
    }
    refusals.throwIfAny();
  },
};

/** Writes a review and its paragraphs as the bundle gives them: new ones as a draft first, the status last. */
async function writeReview(trx: Transaction<DB>, by: Parameters<typeof insertKept>[1], r: ReviewRecord, before: ReviewRecord | undefined) {
  let row: ReviewRow;
  if (!before)
    row = await insertKept(trx, by, reviewKind, {
      id: r.id,
      year: r.year,
      edition: r.edition,
      based_on: r.basedOn,
      ...columnsOf(r),
      status: 'draft',
      confidentiality: 'committee',
    } as never);
  else {
    const current = await trx.selectFrom('annual_review').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    row = await updateKept(trx, by, reviewKind, current, columnsOf(r), 'import');
  }
  const kept = await trx
    .selectFrom('annual_review_paragraph')
    .selectAll()
    .where('review_id', '=', r.id)
    .where('archived_at', 'is', null)
    .execute();
  for (const p of r.paragraphs) {
    const old = kept.find((k) => k.id === p.id);
    const values = {
      body: p.body,
      translation_status: p.translationStatus,
      figures_at_edit: p.figuresAtEdit === null ? null : JSON.stringify(p.figuresAtEdit),
      source: p.source,
    };
    if (old) await updateKept(trx, by, paragraphKind, old, values, 'import');
    else
      await insertKept(trx, by, paragraphKind, { id: p.id, review_id: r.id, paragraph_key: p.key, locale: p.locale, ...values } as never);
  }
  await updateKept(
    trx,
    by,
    reviewKind,
    row,
    {
      status: r.status,
      letter_on: r.letterOn,
      published_on: r.publishedOn,
      confidentiality: r.confidentiality,
      ...(r.archived !== (row.archived_at !== null) ? { archived_at: r.archived ? new Date() : null } : {}),
    },
    'import',
  );
}
