import { isIsoDate, todayIso } from '../../platform/values/dates.ts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../platform/errors.ts';
import { type Actor, recordChange } from '../../platform/audit/record.ts';
import { type ContactInput, type ContactRow, checkContactInput, contactRecord } from './contacts.ts';
import type { ContactLocation } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** What an edit may change: the details and the date of designation (not the end, not the confirmation). */
export type ContactEdit = Partial<Omit<ContactInput, 'endedOn' | 'lastConfirmedOn'>>;

export async function findContact(db: Db, id: string): Promise<ContactRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return db.selectFrom('point_of_contact').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks a contact for a change, refusing it if someone changed it since `expectedVersion` or if it is archived. */
async function lockContact(trx: Transaction<DB>, id: string, expectedVersion: number): Promise<ContactRow> {
  const before = await trx.selectFrom('point_of_contact').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!before) throw notFound('the point of contact');
  if (before.row_version !== expectedVersion)
    throw new AppError(
      'conflict',
      `this point of contact was changed by someone else (version ${before.row_version}, yours ${expectedVersion}): reload to see the change`,
    );
  if (before.archived_at) throw new AppError('conflict', 'this point of contact is archived: it is no longer changed');
  return before;
}

async function change(
  trx: Transaction<DB>,
  actor: Actor,
  action: 'update' | 'confirm' | 'end',
  before: ContactRow,
  set: Partial<Omit<ContactRow, 'id' | 'state_iso3' | 'confidentiality' | 'created_at'>>,
): Promise<ContactRow> {
  const after = await trx
    .updateTable('point_of_contact')
    .set({ ...set, row_version: before.row_version + 1, updated_at: new Date() })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordChange(trx, actor, {
    action,
    recordType: 'point-of-contact',
    recordId: before.id,
    confidentiality: 'committee-and-state',
    stateIso3: before.state_iso3,
    before: contactRecord(before),
    after: contactRecord(after),
  });
  return after;
}

/** Changes a contact's details: the fields given replace the stored ones, and the whole is checked again. */
export async function updateContact(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  expectedVersion: number,
  edit: ContactEdit,
  today: string = todayIso(),
): Promise<ContactRow> {
  return db.transaction().execute(async (trx) => {
    const before = await lockContact(trx, id, expectedVersion);
    const r = contactRecord(before);
    const input: ContactInput = { ...r, ...edit, endedOn: null, lastConfirmedOn: null };
    const problems: FieldProblem[] = checkContactInput(input, today);
    if (before.ended_on && input.designatedOn > before.ended_on)
      problems.push({ field: 'designatedOn', problem: `is after the end of the designation (${before.ended_on})` });
    if (before.last_confirmed_on && input.designatedOn > before.last_confirmed_on)
      problems.push({ field: 'designatedOn', problem: `is after the last confirmation (${before.last_confirmed_on})` });
    if (problems.length) throw invalid(problems);
    return change(trx, actor, 'update', before, {
      location: input.location as ContactLocation,
      name: input.name.trim(),
      title: input.title?.trim() ?? '',
      institution: input.institution?.trim() ?? '',
      email: input.email?.trim() ?? '',
      phone: input.phone?.trim() ?? '',
      languages: input.languages ?? [],
      designated_on: input.designatedOn,
    });
  });
}

function checkDay(field: string, value: string | undefined | null, today: string, notBefore: string, what: string): FieldProblem[] {
  if (!value) return [{ field, problem: 'is required (YYYY-MM-DD)' }];
  if (!isIsoDate(value)) return [{ field, problem: 'must be a date (YYYY-MM-DD)' }];
  if (value > today) return [{ field, problem: `is in the future (today is ${today})` }];
  if (value < notBefore) return [{ field, problem: `is before ${what} (${notBefore})` }];
  return [];
}

/**
 * Records that a contact's details were confirmed on a date (today by default): the reminder list
 * counts a year from it. Only a designation still running is confirmed.
 */
export async function confirmContact(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  expectedVersion: number,
  on?: string,
  today: string = todayIso(),
): Promise<ContactRow> {
  const date = on || today;
  return db.transaction().execute(async (trx) => {
    const before = await lockContact(trx, id, expectedVersion);
    if (before.ended_on) throw new AppError('conflict', `this designation ended on ${before.ended_on}: there is nothing to confirm`);
    const problems = checkDay('confirmedOn', date, today, before.designated_on, 'the designation');
    if (problems.length) throw invalid(problems);
    if (before.last_confirmed_on && date < before.last_confirmed_on)
      throw invalid([{ field: 'confirmedOn', problem: `is before the last confirmation (${before.last_confirmed_on})` }]);
    return change(trx, actor, 'confirm', before, { last_confirmed_on: date });
  });
}

/** Ends a designation on a date: the contact stays in the history, no longer in office from that day. */
export async function endContact(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  expectedVersion: number,
  endedOn: string,
  today: string = todayIso(),
): Promise<ContactRow> {
  return db.transaction().execute(async (trx) => {
    const before = await lockContact(trx, id, expectedVersion);
    if (before.ended_on) throw new AppError('conflict', `this designation ended already, on ${before.ended_on}`);
    const problems = checkDay('endedOn', endedOn, today, before.designated_on, 'the designation');
    if (problems.length) throw invalid(problems);
    return change(trx, actor, 'end', before, { ended_on: endedOn });
  });
}
