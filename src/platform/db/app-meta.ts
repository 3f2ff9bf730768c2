import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

export async function getMeta<T>(db: Kysely<DB> | Transaction<DB>, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value as T | undefined;
}

export async function setMeta(db: Kysely<DB> | Transaction<DB>, key: string, value: unknown): Promise<void> {
  await db
    .insertInto('app_meta')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
    .execute();
}
