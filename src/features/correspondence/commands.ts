import { todayIso } from '../../platform/values/dates.ts';
import type { Kysely, Transaction } from 'kysely';
import { changeScope } from '../../platform/policy/levels.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../platform/errors.ts';
import type { Confidentiality } from '../../platform/policy/levels.ts';
import { type Actor, recordChange } from '../../platform/audit/record.ts';
import { type LetterRow, missingConcerns } from './queries.ts';
import { type Concern, checkLetterInput, type LetterInput, nonReportingAsAt, recipientsOf, stateConcerned } from './rules.ts';
import type { LetterKind, LetterSource, RecipientsMode, SenderKind } from './schema.ts';

type Trx = Transaction<DB>;

export interface LetterChange extends LetterInput {
  source?: LetterSource;
}

/** A letter as its history records it: the row with its recipients and concerns. */
function audited(l: LetterRow, recipients: string[], concerns: Concern[]) {
  return { ...l, created_at: undefined, updated_at: undefined, recipients, concerns };
}

/** The non-reporting Member States as at a date, from every first report recorded (not only those a viewer sees). */
export async function nonReportingOn(trx: Kysely<DB> | Trx, date: string): Promise<string[]> {
  const [states, reports] = await Promise.all([
    trx.selectFrom('member_state').select(['iso3', 'un_member_since']).where('archived_at', 'is', null).execute(),
    trx
      .selectFrom('national_report')
      .select(['state_iso3', 'received_on'])
      .where('kind', '=', 'first-report')
      .where('archived_at', 'is', null)
      .execute(),
  ]);
  return nonReportingAsAt(
    states.map((s) => ({ iso3: s.iso3, unMemberSince: s.un_member_since })),
    reports.map((r) => ({ stateIso3: r.state_iso3, kind: 'first-report' as const, receivedOn: r.received_on })),
    date,
  );
}

/**
 * Checks what needs the database: the States and organization named, the letter replied to (it
 * exists, is not this one nor a reply to it, and is not later), and the records concerned.
 */
async function checkReferences(trx: Trx, input: LetterInput, recipients: string[], selfId?: string): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const named = [
    ...new Set([...(input.senderKind === 'state' && input.senderState ? [input.senderState.trim().toUpperCase()] : []), ...recipients]),
  ];
  const known = new Set(
    named.length
      ? (
          await trx
            .selectFrom('member_state')
            .select('iso3')
            .where(
              'iso3',
              'in',
              named.filter((c) => /^[A-Z]{3}$/.test(c)),
            )
            .execute()
        ).map((s) => s.iso3)
      : [],
  );
  if (input.senderKind === 'state' && input.senderState && !known.has(input.senderState.trim().toUpperCase()))
    problems.push({ field: 'senderState', problem: `${input.senderState.trim().slice(0, 10) || '(empty)'} is not a Member State` });
  const unknown = recipients.filter((r) => !known.has(r));
  if (unknown.length)
    problems.push({ field: 'recipients', problem: `not Member States: ${unknown.map((u) => u.slice(0, 10)).join(', ')}` });
  if (input.senderKind === 'organization' && input.senderOrganization) {
    const o = await trx.selectFrom('organization').select('code').where('code', '=', input.senderOrganization.trim()).executeTakeFirst();
    if (!o)
      problems.push({
        field: 'senderOrganization',
        problem: `no organization has the code ${input.senderOrganization.trim().slice(0, 20)}`,
      });
  }
  if (input.inReplyTo) {
    const original = await trx
      .selectFrom('letter')
      .select(['id', 'sent_on', 'in_reply_to'])
      .where('id', '=', input.inReplyTo)
      .executeTakeFirst();
    if (!original) problems.push({ field: 'inReplyTo', problem: `no letter has the id ${input.inReplyTo}` });
    else if (original.sent_on > input.sentOn)
      problems.push({ field: 'inReplyTo', problem: `the letter replied to was sent on ${original.sent_on}, after this one` });
    else if (selfId) {
      // A letter may not reply to itself, nor to one of its own replies (a loop).
      let at: string | null = original.id;
      for (let hops = 0; at && hops < 1000; hops++) {
        if (at === selfId) {
          problems.push({ field: 'inReplyTo', problem: 'a letter cannot reply to itself or to one of its replies' });
          break;
        }
        const up: { in_reply_to: string | null } | undefined = await trx
          .selectFrom('letter')
          .select('in_reply_to')
          .where('id', '=', at)
          .executeTakeFirst();
        at = up?.in_reply_to ?? null;
      }
    }
  }
  for (const c of await missingConcerns(trx, input.concerns ?? []))
    problems.push({ field: 'concerns', problem: `no ${c.recordType} has the id ${c.recordId}` });
  return problems;
}

/** The recipients to store: those given, or the non-reporting States as at the date. */
async function resolveRecipients(trx: Trx, input: LetterInput): Promise<string[]> {
  const mode = input.recipientsMode as RecipientsMode;
  if (mode === 'non-reporting') return nonReportingOn(trx, input.sentOn);
  return recipientsOf(mode, input.recipients ?? [], () => []);
}

/** Makes the current recipients (or concerns) of a letter the given ones: removed ones are marked, never deleted. */
async function syncRecipients(trx: Trx, letterId: string, wanted: string[]): Promise<void> {
  const now = new Date();
  const current = await trx.selectFrom('letter_recipient').select(['state_iso3', 'removed_at']).where('letter_id', '=', letterId).execute();
  const want = new Set(wanted);
  const gone = current.filter((r) => r.removed_at === null && !want.has(r.state_iso3)).map((r) => r.state_iso3);
  if (gone.length)
    await trx
      .updateTable('letter_recipient')
      .set({ removed_at: now })
      .where('letter_id', '=', letterId)
      .where('state_iso3', 'in', gone)
      .execute();
  const back = current.filter((r) => r.removed_at !== null && want.has(r.state_iso3)).map((r) => r.state_iso3);
  if (back.length)
    await trx
      .updateTable('letter_recipient')
      .set({ removed_at: null })
      .where('letter_id', '=', letterId)
      .where('state_iso3', 'in', back)
      .execute();
  const had = new Set(current.map((r) => r.state_iso3));
  const added = wanted.filter((s) => !had.has(s));
  if (added.length)
    await trx
      .insertInto('letter_recipient')
      .values(added.map((s) => ({ letter_id: letterId, state_iso3: s })))
      .execute();
}

async function syncConcerns(trx: Trx, letterId: string, wanted: Concern[]): Promise<void> {
  const now = new Date();
  const key = (c: { record_type: string; record_id: string }) => `${c.record_type}:${c.record_id}`;
  const current = await trx
    .selectFrom('letter_concern')
    .select(['id', 'record_type', 'record_id', 'removed_at'])
    .where('letter_id', '=', letterId)
    .execute();
  const want = new Set(wanted.map((c) => `${c.recordType}:${c.recordId}`));
  const gone = current.filter((c) => c.removed_at === null && !want.has(key(c))).map((c) => c.id);
  if (gone.length) await trx.updateTable('letter_concern').set({ removed_at: now }).where('id', 'in', gone).execute();
  const back = current.filter((c) => c.removed_at !== null && want.has(key(c))).map((c) => c.id);
  if (back.length) await trx.updateTable('letter_concern').set({ removed_at: null }).where('id', 'in', back).execute();
  const had = new Set(current.map(key));
  const added = wanted.filter((c) => !had.has(`${c.recordType}:${c.recordId}`));
  if (added.length)
    await trx
      .insertInto('letter_concern')
      .values(added.map((c) => ({ letter_id: letterId, record_type: c.recordType, record_id: c.recordId })))
      .execute();
}

/** The row's values from a checked input. */
function columns(input: LetterInput, recipients: string[]) {
  const senderKind = input.senderKind as SenderKind;
  return {
    kind: input.kind as LetterKind,
    sent_on: input.sentOn,
    reference: input.reference?.trim() ?? '',
    sender_kind: senderKind,
    sender_state_iso3: senderKind === 'state' ? input.senderState!.trim().toUpperCase() : null,
    sender_organization_code: senderKind === 'organization' ? input.senderOrganization!.trim() : null,
    recipients_mode: input.recipientsMode as RecipientsMode,
    recipient_other: input.recipientOther?.trim() ?? '',
    subject: input.subject.trim(),
    summary: input.summary?.trim() ?? '',
    in_reply_to: input.inReplyTo || null,
    state_iso3: stateConcerned({ ...input, recipients }),
    confidentiality: (input.confidentiality as Confidentiality | undefined) ?? 'committee',
  };
}

/** The given recipients, upper-case, for the modes that name them. */
function normalise(input: LetterInput): LetterInput {
  const named = input.recipientsMode === 'state' || input.recipientsMode === 'list';
  return { ...input, recipients: named ? [...new Set((input.recipients ?? []).map((r) => r.trim().toUpperCase()).filter(Boolean))] : [] };
}

/** Records a letter, its recipients and what it concerns, in one transaction with its audit event. */
export async function createLetter(db: Kysely<DB>, actor: Actor, raw: LetterChange, today = todayIso()): Promise<LetterRow> {
  const problems = checkLetterInput(normalise(raw), today);
  if (problems.length) throw invalid(problems);
  return db.transaction().execute((trx) => insertLetter(trx, actor, raw, today));
}

/** `createLetter` inside a transaction the caller holds (the demonstration data loads many at once). */
export async function insertLetter(trx: Trx, actor: Actor, raw: LetterChange, today = todayIso()): Promise<LetterRow> {
  const input = normalise(raw);
  const problems = checkLetterInput(input, today);
  if (problems.length) throw invalid(problems);
  const recipients = await resolveRecipients(trx, input);
  const more = await checkReferences(trx, input, recipients);
  if (more.length) throw invalid(more);
  const row = await trx
    .insertInto('letter')
    .values({ ...columns(input, recipients), source: raw.source ?? 'entered' })
    .returningAll()
    .executeTakeFirstOrThrow();
  await syncRecipients(trx, row.id, recipients);
  const concerns = input.concerns ?? [];
  await syncConcerns(trx, row.id, concerns);
  await recordChange(trx, actor, {
    action: 'create',
    recordType: 'letter',
    recordId: row.id,
    confidentiality: row.confidentiality,
    stateIso3: row.state_iso3,
    after: audited(row, recipients, concerns),
  });
  return row;
}

async function lockLetter(trx: Trx, id: string, expectedVersion: number): Promise<LetterRow> {
  const before = /^[0-9a-f-]{36}$/i.test(id)
    ? await trx.selectFrom('letter').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    : undefined;
  if (!before) throw notFound('the letter');
  if (before.row_version !== expectedVersion)
    throw new AppError(
      'conflict',
      `this letter was changed by someone else (version ${before.row_version}, yours ${expectedVersion}): reload to see the change`,
    );
  return before;
}

async function currentOf(trx: Trx, id: string): Promise<{ recipients: string[]; concerns: Concern[] }> {
  const [r, c] = await Promise.all([
    trx
      .selectFrom('letter_recipient')
      .select('state_iso3')
      .where('letter_id', '=', id)
      .where('removed_at', 'is', null)
      .orderBy('state_iso3')
      .execute(),
    trx
      .selectFrom('letter_concern')
      .select(['record_type', 'record_id'])
      .where('letter_id', '=', id)
      .where('removed_at', 'is', null)
      .orderBy('record_type')
      .orderBy('record_id')
      .execute(),
  ]);
  return { recipients: r.map((x) => x.state_iso3), concerns: c.map((x) => ({ recordType: x.record_type, recordId: x.record_id })) };
}

/**
 * Changes a letter, refusing it if someone else changed it since `expectedVersion`. A letter to
 * the non-reporting States keeps the list it was sent to, unless its date or mode changes.
 */
export async function updateLetter(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  expectedVersion: number,
  raw: LetterInput,
  today = todayIso(),
): Promise<LetterRow> {
  const input = normalise(raw);
  return db.transaction().execute(async (trx) => {
    const before = await lockLetter(trx, id, expectedVersion);
    const problems = checkLetterInput(input, today);
    if (problems.length) throw invalid(problems);
    const was = await currentOf(trx, id);
    const keepList =
      input.recipientsMode === 'non-reporting' && before.recipients_mode === 'non-reporting' && before.sent_on === input.sentOn;
    const recipients = keepList ? was.recipients : await resolveRecipients(trx, input);
    const more = await checkReferences(trx, input, recipients, id);
    if (more.length) throw invalid(more);
    const after = await trx
      .updateTable('letter')
      .set({ ...columns(input, recipients), row_version: before.row_version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await syncRecipients(trx, id, recipients);
    const concerns = input.concerns ?? [];
    await syncConcerns(trx, id, concerns);
    await recordChange(trx, actor, {
      action: 'update',
      recordType: 'letter',
      recordId: id,
      ...changeScope(before, after),
      before: audited(before, was.recipients, was.concerns),
      after: audited(after, recipients, concerns),
    });
    return after;
  });
}

/** Archives a letter (never deleted) or restores it, with its history. */
export async function setLetterArchived(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  expectedVersion: number,
  archived: boolean,
): Promise<LetterRow> {
  return db.transaction().execute(async (trx) => {
    const before = await lockLetter(trx, id, expectedVersion);
    if ((before.archived_at !== null) === archived) return before;
    const after = await trx
      .updateTable('letter')
      .set({ archived_at: archived ? new Date() : null, row_version: before.row_version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const was = await currentOf(trx, id);
    await recordChange(trx, actor, {
      action: archived ? 'archive' : 'restore',
      recordType: 'letter',
      recordId: id,
      ...changeScope(before, after),
      before: audited(before, was.recipients, was.concerns),
      after: audited(after, was.recipients, was.concerns),
    });
    return after;
  });
}
