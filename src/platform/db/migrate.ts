import { readdirSync } from 'node:fs';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';

/**
 * Every migration, in order: the files `NNNN-name.ts` of `migrations/` (`.js` once compiled). A new
 * one is a new file; a landed one never changes.
 */
export function migrationNames(): string[] {
  const dir = new URL('./migrations/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => f.replace(/\.(ts|js)$/, ''))
    .sort();
}

const provider: MigrationProvider = {
  async getMigrations() {
    const dir = new URL('./migrations/', import.meta.url);
    const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
    const entries = await Promise.all(
      migrationNames().map(async (name) => [name, (await import(new URL(`${name}.${ext}`, dir).href)) as Migration] as const),
    );
    return Object.fromEntries(entries);
  },
};

export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
