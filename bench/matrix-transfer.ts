import type { AppContext } from '../src/context.ts';
import { Messages } from '../src/i18n/i18n.ts';
import { viewerOf } from '../src/modules/accounts/viewer.ts';
import { actorOf } from '../src/modules/audit/record.ts';
import type { ExportData } from '../src/modules/matrix/transfer.ts';
import { exportFile, exportMatrices, importMatrices, parseFile } from '../src/modules/matrix/transfer-commands.ts';

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
  const expert = viewerOf(await db.selectFrom('app_user').selectAll().where('email', '=', 'expert@demo.r1540.org').executeTakeFirstOrThrow());
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
  const files = [(await exportFile(data!, 'xlsx', m)).body, (await exportFile(edited, 'xlsx', m)).body];
  let turn = 0;
  let changed = 0;
  const importMs = await timed(async () => {
    const file = files[turn++ % 2]!;
    const parsed = await parseFile(db, file, 'xlsx');
    const summary = await importMatrices(db, actorOf(expert), expert, parsed);
    changed = summary.changed;
  }, runs);
  return {
    measure: `XLSX import of all States (${data!.matrices.length} matrices)`,
    ms: importMs,
    baseline: 'XLSX export of the same',
    baselineMs: exportMs,
    note: `${(files[0]!.byteLength / 1024 / 1024).toFixed(1)} MB, ${changed} cells written per import`,
  };
}
