import type { Kysely } from 'kysely';
import { systemActor } from '../../platform/audit/record.ts';
import type { DB } from '../../platform/db/schema.ts';
import { insertPublication } from './commands.ts';
import { demoFaq } from './demo-faq.ts';
import { demoPublications } from './demo-publications.ts';
import { insertFaqGroup, insertFaqQuestion } from './faq-commands.ts';

/** The demonstration publications and FAQ, through the write cores, in one transaction; nothing if some are there. */
export async function seedDemoPublications(db: Kysely<DB>): Promise<{ publications: number; questions: number }> {
  const existing = await db.selectFrom('publication').select('id').limit(1).execute();
  if (existing.length) return { publications: 0, questions: 0 };
  return db.transaction().execute(async (trx) => {
    for (const p of demoPublications) {
      const status = p.status ?? 'published';
      await insertPublication(
        trx,
        systemActor,
        { kind: p.kind, dated: p.dated, reference: '', texts: p.texts },
        {
          status,
          approvedOn: status === 'draft' ? null : p.dated,
          publishedOn: status === 'published' ? p.dated : null,
          source: 'illustrative',
        },
      );
    }
    let questions = 0;
    for (const [g, group] of demoFaq.entries()) {
      const row = await insertFaqGroup(trx, systemActor, { position: g + 1, titles: group.titles });
      for (const [i, texts] of group.questions.entries()) {
        await insertFaqQuestion(trx, systemActor, { groupId: row.id, position: i + 1, texts });
        questions++;
      }
    }
    return { publications: demoPublications.length, questions };
  });
}
