import type { Kysely, Transaction } from 'kysely';
import { type Actor, recordChange } from '../../platform/audit/record.ts';
import { sameJson } from '../../platform/bundle/canonical.ts';
import { changesSome } from '../../platform/bundle/record-section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { changeScope } from '../../platform/policy/levels.ts';
import { isUuid } from '../../platform/values/codes.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { type Concern, type LetterData, type LetterInput, parseLetter } from './inputs.ts';
import type { LetterRow } from './queries.ts';
import { checkReferences, nonReportingOn, syncConcerns, syncRecipients } from './references.ts';
import { recipientsOf, stateConcerned } from './rules.ts';
import type { LetterSource } from './schema.ts';

/*
 * The write core of letters: every door (the forms, the API, the bundle, the demonstration data)
 * records and changes a letter here, in a transaction with its audit event. Recipients and
 * concerns taken off a letter are marked removed, never deleted.
 */

type Trx = Transaction<DB>;

export { nonReportingOn } from './references.ts';

export interface LetterChange extends LetterInput {
  source?: LetterSource;
}

/** What a bundle carries beyond a letter's fields: its id, the recipients as they were resolved, its archive flag. */
export interface LetterAsKept {
  id?: string;
  recipients?: string[];
  archived?: boolean;
}

/** A letter as its history records it: the row with its recipients and concerns. */
function audited(l: LetterRow, recipients: string[], concerns: Concern[]) {
  return { ...l, created_at: undefined, updated_at: undefined, recipients, concerns };
}

/** The row's values from a checked input. */
function columns(input: LetterData, recipients: string[]) {
  return {
    kind: input.kind,
    sent_on: input.sentOn,
    reference: input.reference,
    sender_kind: input.senderKind,
    sender_state_iso3: input.senderKind === 'state' ? input.senderState! : null,
    sender_organization_code: input.senderKind === 'organization' ? input.senderOrganization! : null,
    recipients_mode: input.recipientsMode,
    recipient_other: input.recipientOther,
    subject: input.subject,
    summary: input.summary,
    in_reply_to: input.inReplyTo || null,
    state_iso3: stateConcerned({ ...input, recipients }),
    confidentiality: input.confidentiality,
    ...(input.source ? { source: input.source } : {}),
  };
}

/** The recipients to store: those given, or the non-reporting States as at the date. */
async function resolveRecipients(trx: Trx, input: LetterData): Promise<string[]> {
  if (input.recipientsMode === 'non-reporting') return nonReportingOn(trx, input.sentOn);
  return recipientsOf(input.recipientsMode, input.recipients, () => []);
}

async function checked(trx: Trx, raw: LetterInput, today: string, recipients: (input: LetterData) => Promise<string[]>, selfId?: string) {
  const input = parseLetter(raw, today);
  const to = await recipients(input);
  const problems = await checkReferences(trx, input, to, selfId);
  if (problems.length) throw invalid(problems);
  return { input, recipients: to };
}

/** Records a letter, its recipients and what it concerns, in one transaction with its audit event. */
export async function createLetter(db: Kysely<DB>, actor: Actor, raw: LetterChange, today = todayIso()): Promise<LetterRow> {
  return db.transaction().execute((trx) => insertLetter(trx, actor, raw, today));
}

/** `createLetter` inside a transaction the caller holds (the demonstration data and the bundle load many at once). */
export async function insertLetter(
  trx: Trx,
  actor: Actor,
  raw: LetterChange,
  today = todayIso(),
  kept: LetterAsKept = {},
): Promise<LetterRow> {
  const { input, recipients } = await checked(trx, raw, today, async (i) => kept.recipients ?? resolveRecipients(trx, i));
  const row = await trx
    .insertInto('letter')
    .values({
      ...columns(input, recipients),
      source: input.source ?? 'entered',
      ...(kept.id ? { id: kept.id } : {}),
      archived_at: kept.archived ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await syncRecipients(trx, row.id, recipients);
  await syncConcerns(trx, row.id, input.concerns);
  await recordChange(trx, actor, {
    action: 'create',
    recordType: 'letter',
    recordId: row.id,
    confidentiality: row.confidentiality,
    stateIso3: row.state_iso3,
    after: audited(row, recipients, input.concerns),
  });
  return row;
}

async function lockLetter(trx: Trx, id: string, expectedVersion: number | null): Promise<LetterRow> {
  const before = isUuid(id) ? await trx.selectFrom('letter').selectAll().where('id', '=', id).forUpdate().executeTakeFirst() : undefined;
  if (!before) throw notFound('the letter');
  if (expectedVersion !== null && before.row_version !== expectedVersion)
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
 * Changes a stored letter inside the caller's transaction: from a form or the API (`update`, on
 * the version the editor saw), or from a bundle (`import`, with the recipients and archive flag it
 * carries). A letter to the non-reporting States keeps the list it was sent to, unless its date
 * or mode changes.
 */
export async function reviseLetter(
  trx: Trx,
  actor: Actor,
  id: string,
  expectedVersion: number | null,
  raw: LetterChange,
  today = todayIso(),
  kept: LetterAsKept & { action?: 'update' | 'import' } = {},
): Promise<LetterRow> {
  const before = await lockLetter(trx, id, expectedVersion);
  const was = await currentOf(trx, id);
  const { input, recipients } = await checked(
    trx,
    raw,
    today,
    async (i) => {
      if (kept.recipients) return kept.recipients;
      const keepList = i.recipientsMode === 'non-reporting' && before.recipients_mode === 'non-reporting' && before.sent_on === i.sentOn;
      return keepList ? was.recipients : resolveRecipients(trx, i);
    },
    id,
  );
  const archived = kept.archived ?? before.archived_at !== null;
  const set = {
    ...columns(input, recipients),
    ...((before.archived_at !== null) === archived ? {} : { archived_at: archived ? new Date() : null }),
  };
  const bump = { row_version: before.row_version + 1, updated_at: new Date() };
  // A change that changes nothing (the row, its recipients, what it concerns) writes nothing: no new version, no audit event.
  let after = await trx
    .updateTable('letter')
    .set({ ...set, ...bump })
    .where('id', '=', id)
    .where(changesSome(set))
    .returningAll()
    .executeTakeFirst();
  if (!after) {
    const concernKeys = (list: Concern[]) => list.map((c) => `${c.recordType}:${c.recordId}`).sort();
    if (sameJson([...recipients].sort(), [...was.recipients].sort()) && sameJson(concernKeys(input.concerns), concernKeys(was.concerns)))
      return before;
    after = await trx.updateTable('letter').set(bump).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }
  await syncRecipients(trx, id, recipients);
  await syncConcerns(trx, id, input.concerns);
  await recordChange(trx, actor, {
    action: kept.action ?? 'update',
    recordType: 'letter',
    recordId: id,
    ...changeScope(before, after),
    before: audited(before, was.recipients, was.concerns),
    after: audited(after, recipients, input.concerns),
  });
  return after;
}

/** Changes a letter, refusing it if someone else changed it since `expectedVersion`. */
export async function updateLetter(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  expectedVersion: number,
  raw: LetterInput,
  today = todayIso(),
): Promise<LetterRow> {
  return db.transaction().execute((trx) => reviseLetter(trx, actor, id, expectedVersion, raw, today));
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
