import type { Kysely } from 'kysely';
import { type Actor, systemActor } from '../platform/audit/record.ts';
import type { Config } from '../platform/config.ts';
import { getMeta, setMeta } from '../platform/db/app-meta.ts';
import type { DB } from '../platform/db/schema.ts';
import { features } from '../platform/registry.ts';
import { todayIso } from '../platform/values/dates.ts';

/** Shipped reference data of every feature, in the registry's order, in one transaction. */
export async function seedReference(db: Kysely<DB>, actor: Actor = systemActor): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const loaded: string[] = [];
    for (const f of features()) {
      const line = await f.seed?.reference?.(trx, actor);
      if (line) loaded.push(line);
    }
    return loaded;
  });
}

/**
 * Every feature's demonstration set, in the registry's order (the accounts first: the others act as
 * them), its history continued up to `today` (the real day unless a test asks for another).
 */
export async function seedDemo(db: Kysely<DB>, log?: (line: string) => void, config?: Config, today: string = todayIso()): Promise<void> {
  for (const f of features()) {
    const line = await f.seed?.demo?.(db, { log, config, today });
    if (line) log?.(line);
  }
}

/**
 * On first start: reference data, and, when demonstration data is asked for, every feature's
 * demonstration set (made-up data, marked `demo`). `r1540 seed --demo` runs the same two steps.
 */
export async function ensureSeeded(db: Kysely<DB>, config: Config, log?: (line: string) => void): Promise<{ demo: boolean }> {
  const seeded = await getMeta<boolean>(db, 'seeded');
  if (!seeded) {
    const loaded = await seedReference(db);
    log?.(`loaded ${loaded.join(', ')}`);
    if (config.seedDemo) await seedDemo(db, log, config);
    await setMeta(db, 'seeded', true);
  }
  return { demo: (await getMeta<boolean>(db, 'demo')) === true };
}
