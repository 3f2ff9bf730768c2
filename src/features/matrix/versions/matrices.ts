import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { visibleTo } from '../../../platform/db/visibility.ts';
import type { VisibilityScope } from '../../../platform/policy/policy.ts';
import { type CellContent, cellContent } from './cells.ts';
import type { MatrixCellTable, MatrixTable } from '../schema.ts';

export type MatrixRow = Selectable<MatrixTable>;
export type CellRow = Selectable<MatrixCellTable>;
type Db = Kysely<DB> | Transaction<DB>;

export async function findMatrix(db: Db, id: string): Promise<MatrixRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return db.selectFrom('matrix').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The versions of a State's matrix that the scope may see, newest first. */
export async function matrixVersions(db: Db, scope: VisibilityScope, iso3: string): Promise<MatrixRow[]> {
  return db
    .selectFrom('matrix')
    .selectAll()
    .where('state_iso3', '=', iso3)
    .where('archived_at', 'is', null)
    .where(visibleTo<DB, 'matrix'>(scope, 'state_iso3'))
    .orderBy('number', 'desc')
    .execute();
}

/** The version a reader gets by default: the newest they may see (a draft for those who may see drafts). */
export async function currentMatrix(db: Db, scope: VisibilityScope, iso3: string): Promise<MatrixRow | undefined> {
  return (await matrixVersions(db, scope, iso3))[0];
}

/** The newest approved or published version: where the next draft starts. */
export async function latestApproved(db: Db, iso3: string): Promise<MatrixRow | undefined> {
  return db
    .selectFrom('matrix')
    .selectAll()
    .where('state_iso3', '=', iso3)
    .where('status', 'in', ['approved', 'published'])
    .where('archived_at', 'is', null)
    .orderBy('number', 'desc')
    .executeTakeFirst();
}

export async function openMatrix(db: Db, iso3: string): Promise<MatrixRow | undefined> {
  return db
    .selectFrom('matrix')
    .selectAll()
    .where('state_iso3', '=', iso3)
    .where('status', 'not in', ['approved', 'published'])
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

export async function cellsOf(db: Db, matrixId: string): Promise<CellRow[]> {
  return db.selectFrom('matrix_cell').selectAll().where('matrix_id', '=', matrixId).orderBy('field_code').execute();
}

export function cellMap(cells: CellRow[]): Map<string, CellContent> {
  return new Map(cells.map((c) => [c.field_code, cellContent(c)]));
}

/** The cells of many versions, by version, in field order. */
export async function cellsByMatrix(db: Db, ids: string[]): Promise<Map<string, CellRow[]>> {
  const out = new Map<string, CellRow[]>(ids.map((id) => [id, []]));
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('matrix_cell')
      .selectAll()
      .where('matrix_id', 'in', ids.slice(i, i + 500))
      .orderBy('matrix_id')
      .orderBy('field_code')
      .execute();
    for (const r of rows) out.get(r.matrix_id)!.push(r);
  }
  return out;
}
