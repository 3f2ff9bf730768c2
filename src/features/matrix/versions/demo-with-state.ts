// A demonstration matrix with the State up to the day of seeding: Mali's next version, started by
// the demo expert with a few measures found, sent to Mali, commented on by Mali's point of contact
// (a comment taken into account, a proposal open, one declined). Made up (the version is marked
// `demo`, every citation says so), through the commands the pages use, as the demo accounts.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Viewer } from '../../../platform/policy/policy.ts';
import type { CellSource } from '../schema.ts';
import { todayIso } from '../../../platform/values/dates.ts';
import { viewerOf } from '../../accounts/index.ts';
import { decide, propose } from '../proposals/proposals.ts';
import { findTemplate } from '../templates/templates.ts';
import { moveMatrix, saveCells, startDraft } from './commands.ts';
import { addDays } from './demo-odds.ts';
import { cellsOf, latestApproved, openMatrix } from './matrices.ts';

const note = '(demonstration data)';

/** The fields of the version's changes: the first OP2/OP3 measures the State lacks, in the template's order. */
export function fieldsToChange(
  fields: readonly { code: string; paragraph: string }[],
  values: ReadonlyMap<string, string>,
  count: number,
): string[] {
  return fields
    .filter((f) => f.paragraph !== 'OP1' && !['X', 'NA'].includes(values.get(f.code) ?? ''))
    .slice(0, count)
    .map((f) => f.code);
}

/**
 * Gives the State (Mali by default) a version with the State, once: nothing happens when it has a
 * version in the works already, no approved one to start from, or the demo accounts are missing.
 * Returns the version's number, or null.
 */
export async function seedDemoMatrixWithState(db: Kysely<DB>, today: string = todayIso(), iso3 = 'MLI'): Promise<number | null> {
  const users = await db
    .selectFrom('app_user')
    .selectAll()
    .where('disabled_at', 'is', null)
    .where('email', 'in', ['expert@demo.r1540.org', `poc.${iso3.toLowerCase()}@demo.r1540.org`])
    .execute();
  const expertRow = users.find((u) => u.role === 'expert');
  const pocRow = users.find((u) => u.role !== 'expert');
  if (!expertRow || !pocRow || (await openMatrix(db, iso3)) || !(await latestApproved(db, iso3))) return null;
  const expert: Viewer = viewerOf(expertRow);
  const poc: Viewer = viewerOf(pocRow);
  const asExpert = { id: expert.id, label: expert.displayName };
  const asPoc = { id: poc.id, label: poc.displayName };

  const draft = await startDraft(db, asExpert, iso3, { demo: true });
  const template = await findTemplate(db, draft.template_version);
  const cells = await cellsOf(db, draft.id);
  const values = new Map(cells.map((c) => [c.field_code, c.value]));
  const [a, b, c, d, e] = fieldsToChange(template!.definition.fields, values, 5);
  const year = Number(today.slice(0, 4));
  const law = (n: number): CellSource => ({
    kind: 'law',
    citation: `Illustrative law No. ${n}/${year - 1} ${note}`,
    locator: `art. ${n}`,
    language: 'fr',
  });
  const found = addDays(today, -60);
  await saveCells(
    db,
    asExpert,
    expert,
    draft.id,
    [a, b]
      .filter((f): f is string => !!f)
      .map((field, i) => ({ field, expectedVersion: 0, value: 'X', sources: [law(12 + i)], infoDate: found })),
  );
  await moveMatrix(db, asExpert, expert, draft.id, 'sent');
  // Mali's point of contact answers: a comment, and two proposals.
  const comment = a
    ? await propose(db, asPoc, poc, iso3, {
        field: a,
        kind: 'comment',
        comment: `The law cited was amended last year; the article is now 14. ${note}`,
      })
    : null;
  if (c)
    await propose(db, asPoc, poc, iso3, {
      field: c,
      kind: 'proposal',
      value: 'X',
      sources: [law(31)],
      infoDate: addDays(today, -20),
      comment: `Adopted by the National Assembly ${note}.`,
    });
  const declined = d
    ? await propose(db, asPoc, poc, iso3, {
        field: d,
        kind: 'proposal',
        value: 'X',
        sources: [law(7)],
        comment: `Covered by the general provisions ${note}.`,
      })
    : null;
  if (e) await propose(db, asPoc, poc, iso3, { field: e, kind: 'comment', comment: `A draft decree is before the Government ${note}.` });
  if (comment) await decide(db, asExpert, expert, comment.id, { decision: 'accept', note: 'Article corrected.' });
  if (declined)
    await decide(db, asExpert, expert, declined.id, {
      decision: 'decline',
      note: 'The general provisions cited do not cover this measure for this weapon type.',
    });
  return draft.number;
}
