import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { isIso3 } from '../../platform/values/codes.ts';
import type { Concern, LetterData } from './inputs.ts';
import { missingConcerns } from './queries.ts';
import { nonReportingAsAt } from './rules.ts';

/*
 * What the write core of letters needs from other records: the rules across records (the States,
 * organization and records named exist; the letter replied to is earlier and not a reply to this
 * one) and the recipients and concerns kept beside a letter.
 */

type Trx = Transaction<DB>;

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

/** The letter replied to: it exists, is not later than this one, and is not this one nor one of its replies (a loop). */
async function replyProblems(trx: Trx, input: LetterData, selfId?: string): Promise<FieldProblem[]> {
  if (!input.inReplyTo) return [];
  const original = await trx
    .selectFrom('letter')
    .select(['id', 'sent_on', 'in_reply_to'])
    .where('id', '=', input.inReplyTo)
    .executeTakeFirst();
  if (!original) return [{ field: 'inReplyTo', problem: `no letter has the id ${input.inReplyTo}` }];
  if (original.sent_on > input.sentOn)
    return [{ field: 'inReplyTo', problem: `the letter replied to was sent on ${original.sent_on}, after this one` }];
  let at: string | null = selfId ? original.id : null;
  for (let hops = 0; at && hops < 1000; hops++) {
    if (at === selfId) return [{ field: 'inReplyTo', problem: 'a letter cannot reply to itself or to one of its replies' }];
    const up: { in_reply_to: string | null } | undefined = await trx
      .selectFrom('letter')
      .select('in_reply_to')
      .where('id', '=', at)
      .executeTakeFirst();
    at = up?.in_reply_to ?? null;
  }
  return [];
}

/** Checks what needs the database: the States and organization named, the letter replied to, and the records concerned. */
export async function checkReferences(trx: Trx, input: LetterData, recipients: string[], selfId?: string): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const sender = input.senderKind === 'state' ? input.senderState : null;
  const named = [...new Set([...(sender ? [sender] : []), ...recipients])].filter(isIso3);
  const known = new Set(
    named.length ? (await trx.selectFrom('member_state').select('iso3').where('iso3', 'in', named).execute()).map((s) => s.iso3) : [],
  );
  if (sender && !known.has(sender))
    problems.push({ field: 'senderState', problem: `${sender.slice(0, 10) || '(empty)'} is not a Member State` });
  const unknown = recipients.filter((r) => !known.has(r));
  if (unknown.length)
    problems.push({ field: 'recipients', problem: `not Member States: ${unknown.map((u) => u.slice(0, 10)).join(', ')}` });
  const organization = input.senderKind === 'organization' ? input.senderOrganization : null;
  if (organization && !(await trx.selectFrom('organization').select('code').where('code', '=', organization).executeTakeFirst()))
    problems.push({ field: 'senderOrganization', problem: `no organization has the code ${organization.slice(0, 20)}` });
  problems.push(...(await replyProblems(trx, input, selfId)));
  for (const c of await missingConcerns(trx, input.concerns))
    problems.push({ field: 'concerns', problem: `no ${c.recordType} has the id ${c.recordId}` });
  return problems;
}

/** Makes the current recipients of a letter the given ones: removed ones are marked, never deleted. */
export async function syncRecipients(trx: Trx, letterId: string, wanted: string[]): Promise<void> {
  const current = await trx
    .selectFrom('letter_recipient')
    .select(['id', 'state_iso3', 'removed_at'])
    .where('letter_id', '=', letterId)
    .execute();
  await syncRows(trx, 'letter_recipient', current, new Set(wanted), (r) => r.state_iso3);
  const had = new Set(current.map((r) => r.state_iso3));
  const added = wanted.filter((s) => !had.has(s));
  if (added.length)
    await trx
      .insertInto('letter_recipient')
      .values(added.map((s) => ({ letter_id: letterId, state_iso3: s })))
      .execute();
}

/** Makes the current concerns of a letter the given ones, in the same way. */
export async function syncConcerns(trx: Trx, letterId: string, wanted: Concern[]): Promise<void> {
  const key = (c: { record_type: string; record_id: string }) => `${c.record_type}:${c.record_id}`;
  const current = await trx
    .selectFrom('letter_concern')
    .select(['id', 'record_type', 'record_id', 'removed_at'])
    .where('letter_id', '=', letterId)
    .execute();
  await syncRows(trx, 'letter_concern', current, new Set(wanted.map((c) => `${c.recordType}:${c.recordId}`)), key);
  const had = new Set(current.map(key));
  const added = wanted.filter((c) => !had.has(`${c.recordType}:${c.recordId}`));
  if (added.length)
    await trx
      .insertInto('letter_concern')
      .values(added.map((c) => ({ letter_id: letterId, record_type: c.recordType, record_id: c.recordId })))
      .execute();
}

/** Marks removed the current rows no longer wanted, and brings back the removed ones wanted again. */
async function syncRows<R extends { id: string; removed_at: Date | null }>(
  trx: Trx,
  table: 'letter_recipient' | 'letter_concern',
  current: readonly R[],
  want: ReadonlySet<string>,
  key: (row: R) => string,
): Promise<void> {
  const gone = current.filter((r) => r.removed_at === null && !want.has(key(r))).map((r) => r.id);
  if (gone.length) await trx.updateTable(table).set({ removed_at: new Date() }).where('id', 'in', gone).execute();
  const back = current.filter((r) => r.removed_at !== null && want.has(key(r))).map((r) => r.id);
  if (back.length) await trx.updateTable(table).set({ removed_at: null }).where('id', 'in', back).execute();
}
