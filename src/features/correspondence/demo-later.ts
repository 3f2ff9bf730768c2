// The Chair's letters and the States' notes after the 2018 review, up to the day the
// demonstration is seeded on (illustrative), drawn from the demonstration's own records so that
// the two agree: each request received after 2018 arrives with a note verbale; each follow-up
// letter and each forwarding of responses after 2018 is a letter of the Chair to the State; and
// every May the Chair writes to the States that have not reported. Through insertLetter, once.
import type { Kysely } from 'kysely';
import { type Actor, systemActor } from '../../platform/audit/record.ts';
import type { DB } from '../../platform/db/schema.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { insertLetter, type LetterChange } from './commands.ts';

const note = 'Illustrative: made up to continue the demonstration after the 2018 review.';

/** The Chair's yearly letter to the States that have not reported: 15 May of each year from 2019 up to `today`. */
export function yearlyReminders(today: string): string[] {
  const out: string[] = [];
  for (let year = 2019; year <= Number(today.slice(0, 4)); year++) if (`${year}-05-15` <= today) out.push(`${year}-05-15`);
  return out;
}

/** Records the letters after 2018 up to `today`, once (nothing if one is there already). Run after the clearinghouse's demonstration. */
export async function seedDemoCorrespondenceSince2018(
  db: Kysely<DB>,
  today: string = todayIso(),
  actor: Actor = systemActor,
): Promise<{ letters: number }> {
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('letter')
      .select('id')
      .where('source', '=', 'illustrative')
      .where('sent_on', '>', '2018-12-31')
      .executeTakeFirst();
    if (done) return { letters: 0 };
    const letters: LetterChange[] = [];
    const requests = await trx
      .selectFrom('assistance_request')
      .select(['id', 'state_iso3', 'received_on', 'invites_visit'])
      .where('source', 'in', ['seed', 'illustrative'])
      .where('archived_at', 'is', null)
      .execute();
    const stateOf = new Map(requests.map((r) => [r.id, r.state_iso3.trim()]));
    for (const r of requests.filter((x) => x.received_on > '2018-12-31' && x.received_on <= today))
      letters.push({
        kind: 'note-verbale',
        sentOn: r.received_on,
        senderKind: 'state',
        senderState: r.state_iso3.trim(),
        recipientsMode: 'committee',
        subject: 'Request for assistance',
        summary: `The State asks the Committee for assistance in implementing resolution 1540 (2004). ${note}`,
        concerns: [{ recordType: 'assistance-request', recordId: r.id }],
        confidentiality: 'committee-and-state',
      });
    const steps = await trx
      .selectFrom('assistance_step')
      .select(['request_id', 'action', 'taken_on'])
      .where('action', 'in', ['follow-up', 'forward'])
      .where('taken_on', '>', '2018-12-31')
      .where('taken_on', '<=', today)
      .orderBy('taken_on')
      .execute();
    for (const s of steps) {
      const state = stateOf.get(s.request_id);
      if (!state) continue;
      const followUp = s.action === 'follow-up';
      letters.push({
        kind: 'letter',
        sentOn: s.taken_on,
        senderKind: 'chair',
        recipientsMode: 'state',
        recipients: [state],
        subject: followUp ? 'Follow-up to your request for assistance' : 'Responses of assistance providers to your request',
        summary: followUp
          ? `The Chair asks the State whether it still needs the assistance requested, and whether it has been in contact with providers. ${note}`
          : `The Committee conveys the providers’ responses, so that the State may contact them directly. ${note}`,
        concerns: [{ recordType: 'assistance-request', recordId: s.request_id }],
        confidentiality: 'committee-and-state',
      });
    }
    for (const sentOn of yearlyReminders(today))
      letters.push({
        kind: 'letter',
        sentOn,
        senderKind: 'chair',
        recipientsMode: 'non-reporting',
        subject: 'Encouraging the submission of a first national report under resolution 1540 (2004)',
        summary: `The Chair writes to the States that have not yet reported, encouraging them to submit their first reports. ${note}`,
        confidentiality: 'public',
      });
    letters.sort((a, b) => (a.sentOn < b.sentOn ? -1 : a.sentOn > b.sentOn ? 1 : 0));
    for (const l of letters) await insertLetter(trx, actor, { ...l, source: 'illustrative' }, today);
    return { letters: letters.length };
  });
}
