import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { StateMatrix } from './figures.ts';
import type { CellValue } from './template.ts';

/**
 * The matrices the figures are computed on: for each State, the newest version published on or
 * before `asOf` on the given template. Published versions only: figures are public, and a draft
 * is not the Committee's word. The figures themselves are pure functions (`figures.ts`).
 */
export async function publishedMatricesAsOf(db: Kysely<DB>, templateVersion: string, asOf: string): Promise<StateMatrix[]> {
  const until = new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000);
  const chosen = await sql<{ id: string; state_iso3: string; regional_group: string; organizations: string[] }>`
    select distinct on (m.state_iso3) m.id, m.state_iso3, s.regional_group, s.organizations
    from matrix m join member_state s on s.iso3 = m.state_iso3
    where m.status = 'published' and m.published_at < ${until} and m.template_version = ${templateVersion}
      and m.archived_at is null and s.archived_at is null
    order by m.state_iso3, m.number desc`.execute(db);
  const byMatrix = new Map<string, StateMatrix>();
  for (const r of chosen.rows)
    byMatrix.set(r.id, { iso3: r.state_iso3, regionalGroup: r.regional_group, organizations: r.organizations, values: {} });
  if (byMatrix.size) {
    // Only the filled cells: a missing field is a blank one.
    const cells = await db
      .selectFrom('matrix_cell')
      .select(['matrix_id', 'field_code', 'value'])
      .where('matrix_id', 'in', [...byMatrix.keys()])
      .where('value', '<>', '')
      .execute();
    for (const c of cells) {
      const m = byMatrix.get(c.matrix_id);
      if (m) m.values[c.field_code] = c.value as CellValue;
    }
  }
  return [...byMatrix.values()];
}
