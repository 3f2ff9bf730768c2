import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { sameJson } from '../../platform/bundle/canonical.ts';
import { isoDate, recordId, recordSource } from '../../platform/bundle/fields.ts';
import { authorizeChange, keptSection, writerOf } from '../../platform/bundle/record-section.ts';
import type { BundleSection, RecordProblem } from '../../platform/bundle/section.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Resource } from '../../platform/policy/policy.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { insertPublication, type PublicationRow, revisePublication, textsOf } from './commands.ts';
import { insertFaqGroup, insertFaqQuestion, reviseFaqGroup, reviseFaqQuestion } from './faq-commands.ts';
import { faqGroupSchema, faqQuestionSchema, publicationFields } from './inputs.ts';
import { listPublications } from './queries.ts';
import { publicationStatuses } from './schema.ts';

/*
 * The sections `publications` (a publication with its language versions and where it is in its
 * workflow), `faq-groups` and `faq-questions`. An export holds what the viewer may see (the public:
 * published publications only); an import writes through the write cores, all or nothing.
 */

type Db = Kysely<DB> | Transaction<DB>;

export const publicationRecordSchema = z
  .strictObject({
    id: recordId,
    ...publicationFields,
    dated: isoDate,
    status: z.enum(publicationStatuses, `must be one of ${publicationStatuses.join(', ')}`),
    approvedOn: isoDate.nullable().default(null),
    publishedOn: isoDate.nullable().default(null),
    source: recordSource.default('entered'),
    archived: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    const problem = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    if ((r.status === 'published') !== (r.publishedOn !== null))
      problem('publishedOn', 'is given when, and only when, the status is published');
    if ((r.status === 'draft') !== (r.approvedOn === null))
      problem('approvedOn', 'is given when, and only when, the status is approved or published');
  });
export type PublicationRecord = z.output<typeof publicationRecordSchema>;

const resourceOf = (status: string): Resource => ({
  type: 'publication',
  confidentiality: status === 'published' ? 'public' : 'committee',
});

function record(row: PublicationRow, texts: PublicationRecord['texts']): PublicationRecord {
  return {
    id: row.id,
    kind: row.kind,
    dated: row.dated,
    reference: row.reference,
    texts,
    status: row.status,
    approvedOn: row.approved_on,
    publishedOn: row.published_on,
    source: row.source,
    archived: row.archived_at !== null,
  };
}

async function stored(db: Db, ids: readonly string[]): Promise<Map<string, PublicationRecord>> {
  const wanted = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('publication').selectAll().where('id', 'in', wanted).execute();
  const texts = await textsOf(
    db,
    rows.map((r) => r.id),
  );
  return new Map(rows.map((r) => [r.id, record(r, texts.get(r.id)!)]));
}

export const publicationsSection: BundleSection<PublicationRecord> = {
  name: 'publications',
  keyField: 'id',
  schema: publicationRecordSchema,
  key: (r) => r.id,
  resource: (r) => resourceOf(r.status),
  async export(db, viewer) {
    const { rows } = await listPublications(db, viewer, { archived: true }, { limit: 1_000_000, offset: 0 });
    return rows.map(({ row, texts }) => record(row, texts)).sort((a, b) => (a.id < b.id ? -1 : 1));
  },
  stored,
  async check(db, records) {
    const today = todayIso();
    const before = await stored(
      db,
      records.map(({ record }) => record.id),
    );
    const problems: RecordProblem[] = [];
    for (const { index, record: r } of records) {
      if (before.has(r.id) && sameJson(before.get(r.id), r)) continue;
      if (r.publishedOn && r.publishedOn > today)
        problems.push({ index, field: 'publishedOn', problem: `is in the future (today is ${today})` });
    }
    return problems;
  },
  async import(trx, actor, records, report, context) {
    const before = await stored(
      trx,
      records.map((r) => r.id),
    );
    for (const r of records) {
      const was = before.get(r.id);
      if (was && sameJson(was, r)) {
        report.add('unchanged');
        continue;
      }
      const { viewer } = writerOf(context.viewer ?? actor);
      authorizeChange(viewer, was ? 'update' : 'create', resourceOf(was?.status ?? 'draft'), 'this publication');
      if (r.status !== (was?.status ?? 'draft'))
        authorizeChange(viewer, r.status === 'published' ? 'publish' : 'approve', resourceOf('draft'), 'this step of the workflow');
      const { id, archived, status, approvedOn, publishedOn, source, ...fields } = r;
      const kept = { id, archived, status, approvedOn, publishedOn, source };
      if (was) await revisePublication(trx, actor, id, null, fields, { ...kept, action: 'import' });
      else await insertPublication(trx, actor, fields, kept);
      report.add(was ? 'updated' : 'created');
    }
  },
};

export const faqGroupRecordSchema = faqGroupSchema.extend({ id: recordId, archived: z.boolean().default(false) });
export type FaqGroupRecord = z.output<typeof faqGroupRecordSchema>;

export const faqGroupsSection = keptSection({
  name: 'faq-groups',
  table: 'faq_group',
  schema: faqGroupRecordSchema,
  present: (row): FaqGroupRecord => ({ id: row.id, position: row.position, titles: row.titles, archived: row.archived_at !== null }),
  rowResource: () => ({ type: 'faq-group', confidentiality: 'public' }),
  resource: () => ({ type: 'faq-group', confidentiality: 'public' }),
  changed: () => [],
  async write(trx, by, r, before) {
    const { actor, viewer } = writerOf(by);
    authorizeChange(viewer, before ? 'update' : 'create', { type: 'faq-group', confidentiality: 'public' }, 'this group of the FAQ');
    const input = { position: r.position, titles: r.titles as Record<string, string> };
    return before
      ? reviseFaqGroup(trx, actor, r.id, null, input, { archived: r.archived, action: 'import' })
      : insertFaqGroup(trx, actor, input, { id: r.id, archived: r.archived });
  },
});

export const faqQuestionRecordSchema = z.strictObject({
  id: recordId,
  groupId: recordId,
  position: faqGroupSchema.shape.position,
  texts: faqQuestionSchema.shape.texts,
  archived: z.boolean().default(false),
});
export type FaqQuestionRecord = z.output<typeof faqQuestionRecordSchema>;

export const faqQuestionsSection = keptSection({
  name: 'faq-questions',
  table: 'faq_question',
  schema: faqQuestionRecordSchema as unknown as z.ZodType<FaqQuestionRecord>,
  present: (row): FaqQuestionRecord => ({
    id: row.id,
    groupId: row.group_id,
    position: row.position,
    texts: row.texts as FaqQuestionRecord['texts'],
    archived: row.archived_at !== null,
  }),
  rowResource: () => ({ type: 'faq-question', confidentiality: 'public' }),
  resource: () => ({ type: 'faq-question', confidentiality: 'public' }),
  references: (r) => [{ field: 'groupId', section: 'faq-groups', key: r.groupId, noun: 'group of the FAQ' }],
  changed: () => [],
  async write(trx, by, r, before) {
    const { actor, viewer } = writerOf(by);
    authorizeChange(viewer, before ? 'update' : 'create', { type: 'faq-question', confidentiality: 'public' }, 'this question of the FAQ');
    const input = { groupId: r.groupId, position: r.position, texts: r.texts };
    return before
      ? reviseFaqQuestion(trx, actor, r.id, null, input, { archived: r.archived, action: 'import' })
      : insertFaqQuestion(trx, actor, input, { id: r.id, archived: r.archived });
  },
});
