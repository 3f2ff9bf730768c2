import type { Kysely, Transaction } from 'kysely';
import { visibleCodes } from '../../platform/bundle/fields.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import type { Concern } from './inputs.ts';
import { type ConcernView, concernsOfLetters, type LetterRow, recipientsOfLetters, visibleConcerns, visibleLetterIds } from './queries.ts';

/**
 * What a viewer sees of a letter, whatever the door (its page, the list and its CSV, the API, the
 * bundle): the States it went to that the viewer may see, what it concerns as far as the viewer
 * may see those records (a public letter may concern a restricted one; a request is named only to
 * those who may see it), and the letter it replies to only if the viewer may see that one too.
 */
export interface LetterView {
  letter: LetterRow;
  recipients: string[];
  concerns: ConcernView[];
  inReplyTo: string | null;
}

const keyOf = (c: Concern) => `${c.recordType}:${c.recordId}`;

/** The letters as the viewer sees them, in the order given. */
export async function presentLetters(
  db: Kysely<DB> | Transaction<DB>,
  viewer: Viewer | null,
  rows: readonly LetterRow[],
): Promise<LetterView[]> {
  const ids = rows.map((l) => l.id);
  const [recipients, concerns, originals, seen] = await Promise.all([
    recipientsOfLetters(db, ids),
    concernsOfLetters(db, ids),
    visibleLetterIds(
      db,
      viewer,
      rows.map((l) => l.in_reply_to ?? ''),
    ),
    visibleCodes(db, viewer),
  ]);
  const shown = new Map((await visibleConcerns(db, viewer, [...concerns.values()].flat())).map((c) => [keyOf(c), c]));
  return rows.map((letter) => ({
    letter,
    recipients: (recipients.get(letter.id) ?? []).filter((s) => seen.states.has(s)),
    concerns: (concerns.get(letter.id) ?? []).flatMap((c) => shown.get(keyOf(c)) ?? []),
    inReplyTo: letter.in_reply_to && originals.has(letter.in_reply_to) ? letter.in_reply_to : null,
  }));
}

/** One letter as the viewer sees it. */
export async function presentLetter(db: Kysely<DB> | Transaction<DB>, viewer: Viewer | null, row: LetterRow): Promise<LetterView> {
  const [view] = await presentLetters(db, viewer, [row]);
  return view!;
}
