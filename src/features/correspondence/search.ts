// What the search index keeps of this feature's records (src/features/search).
import { allNames, labelsInEveryLanguage, lines, type SearchSource } from '../../platform/search.ts';
import { stateNames } from '../member-states/index.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';

const letters: SearchSource['load'] = async (db, ids) => {
  const rows = await db.selectFrom('letter').selectAll().where('id', 'in', ids).where('archived_at', 'is', null).execute();
  const recipients = rows.length
    ? await db
        .selectFrom('letter_recipient')
        .select(['letter_id', 'state_iso3'])
        .where(
          'letter_id',
          'in',
          rows.map((r) => r.id),
        )
        .where('removed_at', 'is', null)
        .execute()
    : [];
  const named = (l: (typeof rows)[number]) => {
    const to = recipients.filter((r) => r.letter_id === l.id).map((r) => r.state_iso3.trim());
    // A letter to a few States is found by their names; one to a hundred, by the State filter.
    return [
      ...new Set([l.state_iso3?.trim(), l.sender_state_iso3?.trim(), ...(to.length <= 20 ? to : [])].filter((x): x is string => !!x)),
    ];
  };
  const names = await stateNames(db, rows.flatMap(named));
  return rows.map((l) => {
    const own = [l.state_iso3?.trim(), l.sender_state_iso3?.trim()].filter((x): x is string => !!x);
    const to = recipients.filter((r) => r.letter_id === l.id).map((r) => r.state_iso3.trim());
    return {
      sourceType: 'letter',
      sourceId: l.id,
      title: l.subject,
      titles: {},
      path: `/letters/${l.id}`,
      stateIso3: l.state_iso3?.trim() ?? null,
      states: [...new Set([...own, ...to])],
      subkind: l.kind,
      dated: l.sent_on,
      language: null,
      confidentiality: l.confidentiality,
      text: l.summary,
      keywords: lines(
        named(l)
          .map((s) => allNames(names, s))
          .join('\n'),
        labelsInEveryLanguage('search.kind.letter' as MessageKey),
        l.reference,
        l.recipient_other,
      ),
    };
  });
};

/** The kinds of record of this feature that the search finds. */
export const searchSources: readonly SearchSource[] = [{ type: 'letter', table: 'letter', key: 'id', order: 9, load: letters }];
