import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { memberOnSql } from '../../member-states/index.ts';
import type { StateMatrix } from './figures.ts';
import type { CellValue } from '../templates/template.ts';

/** The matrices figures rest on, and whether any of them is demonstration data. */
export interface FigureBasis {
  matrices: StateMatrix[];
  demo: boolean;
}

/**
 * The matrices the figures are computed on: for each State, the newest version published on or
 * before `asOf` on the given template, of the Member States as at `asOf` (a State counts from its
 * admission). Published versions only: figures are public, and a draft
 * is not the Committee's word. The figures themselves are pure functions (`figures.ts`).
 */
export async function publishedMatricesAsOf(db: Kysely<DB>, templateVersion: string, asOf: string): Promise<StateMatrix[]> {
  return (await publishedBasisAsOf(db, templateVersion, asOf)).matrices;
}

/** As `publishedMatricesAsOf`, saying also whether the figures rest on demonstration data. */
export async function publishedBasisAsOf(db: Kysely<DB>, templateVersion: string, asOf: string): Promise<FigureBasis> {
  const until = new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000);
  // One round trip: each chosen version with its filled cells packed into one text (`X OP2.USE.N.LF`
  // per line; a missing field is a blank one). Packing costs the server little and spares the
  // client parsing one row per cell, which dominated the time (bench/matrix.ts).
  const chosen = await sql<{ state_iso3: string; regional_group: string; organizations: string[]; demo: boolean; cells: string | null }>`
    with chosen as (
      select distinct on (m.state_iso3) m.id, m.state_iso3, s.regional_group, s.organizations, m.demo
      from matrix m join member_state s on s.iso3 = m.state_iso3
      where m.status = 'published' and m.published_at < ${until} and m.template_version = ${templateVersion}
        and m.archived_at is null and ${memberOnSql('s', asOf)}
      order by m.state_iso3, m.number desc)
    select c.state_iso3, c.regional_group, c.organizations, c.demo,
      (select string_agg(mc.value || ' ' || mc.field_code, E'\n') from matrix_cell mc
        where mc.matrix_id = c.id and mc.value <> '') as cells
    from chosen c order by c.state_iso3`.execute(db);
  const matrices: StateMatrix[] = chosen.rows.map((r) => {
    const values: StateMatrix['values'] = {};
    if (r.cells)
      for (const line of r.cells.split('\n')) {
        const space = line.indexOf(' ');
        values[line.slice(space + 1)] = line.slice(0, space) as CellValue;
      }
    return { iso3: r.state_iso3, regionalGroup: r.regional_group, organizations: r.organizations, values };
  });
  return { matrices, demo: chosen.rows.some((r) => r.demo) };
}
