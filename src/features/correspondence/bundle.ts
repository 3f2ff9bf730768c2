import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { sameJson } from '../../platform/bundle/canonical.ts';
import { codeReferences, recordId, visibleCodes } from '../../platform/bundle/fields.ts';
import type { BundleSection, RecordProblem, Reference } from '../../platform/bundle/section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { isUuid } from '../../platform/values/codes.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { insertLetter, type LetterChange, reviseLetter } from './commands.ts';
import { type Concern, concernSchema, letterFields, letterRules } from './inputs.ts';
import { presentLetters } from './present.ts';
import { concernsOfLetters, concernTables, type LetterRow, letterResource, readableLetters, recipientsOfLetters } from './queries.ts';
import { stateConcerned } from './rules.ts';
import { letterSources } from './schema.ts';

/*
 * The `letters` section: a letter with its recipients and the records it concerns, keyed by id so
 * that a bundle carries the correspondence whole (replies with the letters they answer). An export
 * holds what the viewer sees of each letter through its pages and the API (the same presenter); an
 * import writes through the letters' write core, all or nothing.
 */

type Db = Kysely<DB> | Transaction<DB>;

/** A matrix version is named by its key in the bundle (`MLI/2`), as the `matrices` section names it; the rest by id. */
const matrixKey = /^[A-Z]{3}\/[1-9][0-9]{0,3}$/;
const bundleConcern = z.strictObject({
  recordType: concernSchema.shape.recordType,
  recordId: z
    .string()
    .regex(/^[A-Za-z0-9._/-]{1,100}$/, 'must be an id, a matrix version (MLI/2) or a reference')
    .transform((id) => (isUuid(id) ? id.toLowerCase() : id)),
});

export const letterRecordSchema = z
  .strictObject({
    id: recordId,
    ...letterFields,
    concerns: z.array(bundleConcern).max(50, 'at most 50 records').default([]),
    source: z.enum(letterSources, `must be one of ${letterSources.join(', ')}`).default('entered'),
    archived: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    letterRules(undefined, false)(r, ctx);
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if ((r.recipientsMode === 'committee' || r.recipientsMode === 'other') && r.recipients.length)
      problem(['recipients'], `must be empty for a letter to ${r.recipientsMode === 'other' ? 'someone named' : 'the Committee'}`);
    r.concerns.forEach((c, i) => {
      if (c.recordType === 'matrix' ? !matrixKey.test(c.recordId) : c.recordType !== 'assistance-request' && !isUuid(c.recordId))
        problem(
          ['concerns', i, 'recordId'],
          c.recordType === 'matrix' ? 'must name a matrix version as ISO3/number (MLI/2)' : 'must be a record id (a UUID)',
        );
    });
  });
export type LetterRecord = z.output<typeof letterRecordSchema>;

const byKey = (a: Concern, b: Concern) => `${a.recordType}:${a.recordId}`.localeCompare(`${b.recordType}:${b.recordId}`, 'en');

/** A letter in bundle shape, from its row, recipients and concerns (matrix versions already named by key). */
function letterRecord(l: LetterRow, recipients: readonly string[], concerns: readonly Concern[], inReplyTo: string | null): LetterRecord {
  return {
    id: l.id,
    kind: l.kind,
    sentOn: l.sent_on,
    reference: l.reference,
    senderKind: l.sender_kind,
    senderState: l.sender_state_iso3,
    senderOrganization: l.sender_organization_code,
    recipientsMode: l.recipients_mode,
    recipients: [...recipients].sort(),
    recipientOther: l.recipient_other,
    subject: l.subject,
    summary: l.summary,
    inReplyTo,
    concerns: concerns.map((c) => ({ recordType: c.recordType, recordId: c.recordId })).sort(byKey),
    confidentiality: l.confidentiality,
    source: l.source,
    archived: l.archived_at !== null,
  };
}

/** A record as it will be stored: sets sorted and without repeats, a sender's code only for its kind. */
function normalise(r: LetterRecord): LetterRecord {
  const unique = [...new Map(r.concerns.map((c) => [`${c.recordType}:${c.recordId}`, c])).values()];
  return {
    ...r,
    senderState: r.senderKind === 'state' ? (r.senderState ?? null) : null,
    senderOrganization: r.senderKind === 'organization' ? (r.senderOrganization ?? null) : null,
    recipients: [...new Set(r.recipients)].sort(),
    inReplyTo: r.inReplyTo || null,
    concerns: unique.sort(byKey),
  };
}

/** Matrix versions by id and by key, for the concerns that name them. */
async function matrixNames(
  db: Db,
  where: { ids?: string[]; keys?: string[] },
): Promise<{ key: Map<string, string>; id: Map<string, string> }> {
  const keys = (where.keys ?? []).map((k) => k.split('/') as [string, string]);
  const rows =
    where.ids?.length || keys.length
      ? await db
          .selectFrom('matrix')
          .select(['id', 'state_iso3', 'number'])
          .where((eb) =>
            eb.or([
              ...(where.ids?.length ? [eb('id', 'in', where.ids)] : []),
              ...keys.map(([state, n]) => eb.and([eb('state_iso3', '=', state), eb('number', '=', Number(n))])),
            ]),
          )
          .execute()
      : [];
  const pairs = rows.map((m) => [m.id, `${m.state_iso3.trim()}/${m.number}`] as const);
  return { key: new Map(pairs), id: new Map(pairs.map(([id, key]) => [key, id])) };
}

/** Concerns with matrix versions named by key (for the bundle) or by id (for the database). */
function renamed(concerns: readonly Concern[], names: Map<string, string>): Concern[] {
  return concerns.map((c) => (c.recordType === 'matrix' ? { ...c, recordId: names.get(c.recordId) ?? c.recordId } : c));
}

/** The stored letters with these ids, in bundle shape, with every current recipient and concern. */
async function storedLetters(db: Db, ids: readonly string[]): Promise<Map<string, LetterRecord>> {
  const wanted = ids.filter(isUuid);
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('letter').selectAll().where('id', 'in', wanted).execute();
  const [recipients, concerns] = await Promise.all([recipientsOfLetters(db, wanted), concernsOfLetters(db, wanted)]);
  const matrices = await matrixNames(db, {
    ids: [...concerns.values()]
      .flat()
      .filter((c) => c.recordType === 'matrix')
      .map((c) => c.recordId),
  });
  return new Map(
    rows.map((l) => [l.id, letterRecord(l, recipients.get(l.id) ?? [], renamed(concerns.get(l.id) ?? [], matrices.key), l.in_reply_to)]),
  );
}

/** Letters before the letters that reply to them (within the bundle), else in the bundle's order. */
function repliesLast(records: readonly LetterRecord[]): LetterRecord[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const placed = new Set<string>();
  const out: LetterRecord[] = [];
  const place = (r: LetterRecord, depth: number) => {
    if (placed.has(r.id)) return;
    placed.add(r.id);
    const original = r.inReplyTo ? byId.get(r.inReplyTo) : undefined;
    if (original && depth < records.length) place(original, depth + 1);
    out.push(r);
  };
  for (const r of records) place(r, 0);
  return out;
}

/** The letter replied to, in the bundle or the database: not later than the reply, and no loop of replies. */
async function replyProblems(db: Db, records: readonly { index: number; record: LetterRecord }[]): Promise<RecordProblem[]> {
  const inBundle = new Map(records.map(({ record }) => [record.id, { sentOn: record.sentOn, inReplyTo: record.inReplyTo ?? null }]));
  const stored = new Map<string, { sentOn: string; inReplyTo: string | null }>();
  const fetch = async (ids: string[]) => {
    const missing = ids.filter((id) => isUuid(id) && !inBundle.has(id) && !stored.has(id));
    if (!missing.length) return;
    for (const l of await db.selectFrom('letter').select(['id', 'sent_on', 'in_reply_to']).where('id', 'in', missing).execute())
      stored.set(l.id, { sentOn: l.sent_on, inReplyTo: l.in_reply_to });
  };
  const find = (id: string) => inBundle.get(id) ?? stored.get(id);
  await fetch(records.flatMap(({ record }) => (record.inReplyTo ? [record.inReplyTo] : [])));
  const problems: RecordProblem[] = [];
  for (const { index, record } of records) {
    if (!record.inReplyTo) continue;
    const original = find(record.inReplyTo);
    if (original && original.sentOn > record.sentOn)
      problems.push({ index, field: 'inReplyTo', problem: `the letter replied to was sent on ${original.sentOn}, after this one` });
    let at: string | null = record.inReplyTo;
    for (let hops = 0; at && hops < 1000; hops++) {
      if (at === record.id) {
        problems.push({ index, field: 'inReplyTo', problem: 'a letter cannot reply to itself or to one of its replies' });
        break;
      }
      await fetch([at]);
      at = find(at)?.inReplyTo ?? null;
    }
  }
  return problems;
}

export const lettersSection: BundleSection<LetterRecord> = {
  name: 'letters',
  keyField: 'id',
  schema: letterRecordSchema,
  key: (r) => r.id,
  resource: (r) => letterResource({ confidentiality: r.confidentiality, state_iso3: stateConcerned(r) }),

  // What the viewer sees of each letter; a letter from or about a State or organization the viewer
  // may not see is left out (its reference could not be satisfied), and so is the letter it replies to.
  async export(db, viewer) {
    const seen = await visibleCodes(db, viewer);
    const rows = (await readableLetters(db, viewer)).filter(
      (l) =>
        [l.state_iso3, l.sender_state_iso3].every((s) => !s || seen.states.has(s)) &&
        (!l.sender_organization_code || seen.organizations.has(l.sender_organization_code)),
    );
    const views = (await presentLetters(db, viewer, rows)).filter(
      (v) => v.recipients.length || (v.letter.recipients_mode !== 'state' && v.letter.recipients_mode !== 'list'),
    );
    const exported = new Set(views.map((v) => v.letter.id));
    const matrices = await matrixNames(db, {
      ids: views.flatMap((v) => v.concerns.filter((c) => c.recordType === 'matrix').map((c) => c.recordId)),
    });
    return views.map((v) =>
      letterRecord(
        v.letter,
        v.recipients,
        renamed(v.concerns, matrices.key),
        v.inReplyTo && exported.has(v.inReplyTo) ? v.inReplyTo : null,
      ),
    );
  },

  stored: storedLetters,

  references: (r) => [
    ...(r.senderKind === 'state' && r.senderState
      ? [{ field: 'senderState', section: 'member-states', key: r.senderState, noun: 'Member State' }]
      : []),
    ...codeReferences('recipients', r.recipients, 'member-states'),
    ...(r.senderKind === 'organization' && r.senderOrganization
      ? [{ field: 'senderOrganization', section: 'organizations', key: r.senderOrganization, noun: 'organization' }]
      : []),
    ...(r.inReplyTo ? [{ field: 'inReplyTo', section: 'letters', key: r.inReplyTo, noun: 'letter' }] : []),
    ...r.concerns.flatMap((c, i): Reference[] =>
      c.recordType === 'assistance-request' && !isUuid(c.recordId)
        ? []
        : [
            {
              field: `concerns[${i}].recordId`,
              key: c.recordId,
              section: concernTables[c.recordType].section,
              noun: concernTables[c.recordType].noun,
            },
          ],
    ),
  ],

  // A letter that is new or changed is held to today's rules; the letter it replies to is earlier.
  async check(db, records) {
    const today = todayIso();
    const stored = await storedLetters(
      db,
      records.map(({ record }) => record.id),
    );
    const problems: RecordProblem[] = [];
    for (const { index, record } of records) {
      const before = stored.get(record.id);
      if (before && sameJson(before, normalise(record))) continue;
      if (record.sentOn > today) problems.push({ index, field: 'sentOn', problem: `is in the future (today is ${today})` });
    }
    problems.push(...(await replyProblems(db, records)));
    return problems;
  },

  async import(trx, actor, records, report) {
    const today = todayIso();
    const ordered = repliesLast(records.map(normalise));
    const stored = await storedLetters(
      trx,
      ordered.map((r) => r.id),
    );
    const matrices = await matrixNames(trx, {
      keys: ordered.flatMap((r) => r.concerns.filter((c) => c.recordType === 'matrix').map((c) => c.recordId)),
    });
    for (const r of ordered) {
      const before = stored.get(r.id);
      if (before && sameJson(before, r)) {
        report.add('unchanged');
        continue;
      }
      const { id, archived, ...fields } = r;
      const change: LetterChange = { ...fields, concerns: renamed(r.concerns, matrices.id) };
      const kept = { id, recipients: r.recipients, archived };
      if (before) await reviseLetter(trx, actor, r.id, null, change, today, { ...kept, action: 'import' });
      else await insertLetter(trx, actor, change, today, kept);
      report.add(before ? 'updated' : 'created');
    }
  },
};
