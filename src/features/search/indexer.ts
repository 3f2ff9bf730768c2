import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { searchSources } from '../../platform/registry.ts';
import type { SearchEntry } from '../../platform/search.ts';
import { buildChunks } from './vector.ts';

/** One re-indexer at a time, on every app server of a PostgreSQL database. */
const lockKey = 1540_0009;
const batchSize = 100;

export interface IndexStats {
  records: number;
  chunks: number;
  characters: number;
}

async function write(trx: Kysely<DB>, entries: SearchEntry[], stats: IndexStats): Promise<void> {
  const rows = entries.flatMap((e) => {
    const titleVector = buildChunks(e.title, '')[0]!.vector;
    return buildChunks(e.title, e.text, e.keywords).map((c) => ({
      source_type: e.sourceType,
      source_id: e.sourceId,
      seq: c.seq,
      title: e.title,
      titles: JSON.stringify(e.titles),
      path: e.path,
      state_iso3: e.stateIso3,
      states: e.states,
      kind: e.sourceType,
      subkind: e.subkind,
      dated: e.dated,
      language: e.language,
      confidentiality: e.confidentiality,
      body: c.body,
      lexemes: sql<string>`${c.vector}::tsvector` as unknown as string,
      title_lexemes: sql<string>`${titleVector}::tsvector` as unknown as string,
    }));
  });
  stats.chunks += rows.length;
  stats.characters += entries.reduce((n, e) => n + e.text.length, 0);
  // A few large chunks per statement: a statement's parameters stay well under the engines' limits.
  for (let i = 0; i < rows.length; ) {
    let bytes = 0;
    let j = i;
    while (j < rows.length && (j === i || bytes < 4_000_000)) bytes += rows[j++]!.body.length * 3;
    await trx.insertInto('search_chunk').values(rows.slice(i, j)).execute();
    i = j;
  }
}

/**
 * Re-indexes every queued record: its chunks are replaced by new ones, or removed when the record
 * is archived. Runs in batches, each one transaction; a record written meanwhile is queued again
 * by its trigger and taken by the next batch.
 */
export async function refreshSearchIndex(db: Kysely<DB>): Promise<IndexStats> {
  const stats: IndexStats = { records: 0, chunks: 0, characters: 0 };
  for (;;) {
    const taken = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${lockKey})`.execute(trx);
      const queued = await trx
        .selectFrom('search_queue')
        .select(['source_type', 'source_id'])
        .orderBy('queued_at')
        .limit(batchSize)
        .forUpdate()
        .execute();
      if (!queued.length) return 0;
      const byType = new Map<string, string[]>();
      for (const q of queued) byType.set(q.source_type, [...(byType.get(q.source_type) ?? []), q.source_id]);
      for (const [type, ids] of byType) {
        await trx.deleteFrom('search_chunk').where('source_type', '=', type).where('source_id', 'in', ids).execute();
        await trx.deleteFrom('search_queue').where('source_type', '=', type).where('source_id', 'in', ids).execute();
        const source = searchSources().find((s) => s.type === type);
        // A type no longer indexed leaves nothing behind.
        if (source) await write(trx, await source.load(trx, ids), stats);
      }
      return queued.length;
    });
    if (!taken) return stats;
    stats.records += taken;
  }
}

/** Cheap when nothing is queued, which is the usual case: one indexed lookup. */
export async function refreshIfQueued(db: Kysely<DB>): Promise<void> {
  const any = await db.selectFrom('search_queue').select('source_id').limit(1).executeTakeFirst();
  if (any) await refreshSearchIndex(db);
}

/** Queues every record of every indexed kind, then re-indexes them: after a change of the tokenizer. */
export async function rebuildSearchIndex(db: Kysely<DB>): Promise<IndexStats> {
  await db.transaction().execute(async (trx) => {
    for (const { type, table, key } of searchSources())
      await sql`insert into search_queue (source_type, source_id) select ${type}, ${sql.ref(key)}::text from ${sql.table(table)} on conflict do nothing`.execute(
        trx,
      );
  });
  return refreshSearchIndex(db);
}
