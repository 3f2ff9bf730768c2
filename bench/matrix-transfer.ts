import type { AppContext } from './../src/platform/context.ts';
import { Messages } from '../src/platform/i18n/i18n.ts';
import { viewerOf } from '../src/features/accounts/viewer.ts';
import { actorOf } from '../src/platform/audit/record.ts';
import type { ExportData } from '../src/features/matrix/transfer/transfer.ts';
import { exportFile, exportMatrices, importMatrices, parseFile } from '../src/features/matrix/transfer/transfer-commands.ts';

export interface TransferResult {
  measure: string;
  ms: number;
  baseline: string;
  baselineMs: number;
  note?: string;
}

/**
 * The XLSX import of every State's matrix: the published versions, exported as one workbook,
 * read, checked and written by an expert into each State's open version (a draft is started
 * where none is open). Two workbooks alternate, the second with every filled cell's remarks
 * changed, so that each measured import writes every filled cell. Baseline: the export of the
 * same workbook (reading the versions and writing the XLSX).
 */
export async function matrixTransferBench(
  ctx: AppContext,
  runs: number,
  timed: (fn: () => Promise<unknown>, n?: number) => Promise<number>,
): Promise<TransferResult | null> {
  const db = ctx.database.db;
  const m = new Messages('en');
  const expert = viewerOf(
    await db.selectFrom('app_user').selectAll().where('email', '=', 'expert@demo.r1540.org').executeTakeFirstOrThrow(),
  );
  let data: ExportData | undefined;
  const exportMs = await timed(async () => {
    data = await exportMatrices(db, null, { locale: 'en', template: '2017' });
    return exportFile(data, 'xlsx', m);
  }, runs);
  const edited: ExportData = {
    ...data!,
    matrices: data!.matrices.map((x) => ({
      ...x,
      cells: new Map([...x.cells].map(([k, c]) => [k, c.value ? { ...c, remarks: `${c.remarks} (bench)`.trim() } : c])),
    })),
  };
  // A workbook is at most 20 MB (maxFileBytes): beyond 193 States the matrices go in workbooks
  // of 193 States each, imported one after the other, as an expert would send them by region.
  const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / 193) }, (_, i) => list.slice(i * 193, i * 193 + 193));
  const workbooks = async (d: ExportData) =>
    Promise.all(chunks(d.matrices).map(async (part) => (await exportFile({ ...d, matrices: part }, 'xlsx', m)).body));
  const files = [await workbooks(data!), await workbooks(edited)];
  let turn = 0;
  let changed = 0;
  const importMs = await timed(async () => {
    changed = 0;
    for (const file of files[turn++ % 2]!) {
      const parsed = await parseFile(db, file, 'xlsx');
      changed += (await importMatrices(db, actorOf(expert), expert, parsed)).changed;
    }
  }, runs);
  const mb = files[0]!.reduce((n, f) => n + f.byteLength, 0) / 1024 / 1024;
  return {
    measure: `XLSX import of all States (${data!.matrices.length} matrices${files[0]!.length > 1 ? ` in ${files[0]!.length} workbooks` : ''})`,
    ms: importMs,
    baseline: 'XLSX export of the same',
    baselineMs: exportMs,
    note: `${mb.toFixed(1)} MB, ${changed} cells written per import`,
  };
}
