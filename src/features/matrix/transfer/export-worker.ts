import { parentPort } from 'node:worker_threads';
import { Messages } from '../../../platform/i18n/i18n.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import type { ExportData, ExportMatrix } from './transfer.ts';
import { writeCsv } from './transfer-csv.ts';
import type { TransferFormat } from './transfer-formats.ts';
import { writeJson } from './transfer-json.ts';
import { writeXlsx } from './transfer-xlsx.ts';

/*
 * The worker thread that writes an export's file (export-build.ts starts it): the data comes in
 * pieces (a head, then the matrices a few at a time), the file goes back as one transferred buffer,
 * so that the seconds of CPU a workbook of every State takes are spent off the event loop.
 */

export type ToWorker =
  | { kind: 'head'; template: ExportData['template']; exportedAt: Date; format: TransferFormat; locale: Locale }
  | { kind: 'matrices'; matrices: ExportMatrix[] }
  | { kind: 'end' };

export type FromWorker = { kind: 'file'; body: Uint8Array } | { kind: 'error'; message: string };

/** The file of an export in the format asked for (in the thread that calls it). */
export async function writeExport(data: ExportData, format: TransferFormat, m: Messages): Promise<Buffer> {
  if (format === 'xlsx') return writeXlsx(data, m);
  if (format === 'csv') return writeCsv(data, m);
  return writeJson(data, m);
}

const port = parentPort;
if (port) {
  let head: Extract<ToWorker, { kind: 'head' }> | undefined;
  const matrices: ExportMatrix[] = [];
  port.on('message', (msg: ToWorker) => {
    if (msg.kind === 'head') head = msg;
    else if (msg.kind === 'matrices') matrices.push(...msg.matrices);
    else {
      const h = head!;
      writeExport({ template: h.template, exportedAt: h.exportedAt, matrices }, h.format, new Messages(h.locale)).then(
        (buf) => {
          // A buffer of its own (not a slice of Node's pool) may be handed over without a copy.
          const whole = buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength;
          const body = whole ? new Uint8Array(buf.buffer, 0, buf.byteLength) : new Uint8Array(buf);
          port.postMessage({ kind: 'file', body } satisfies FromWorker, [body.buffer as ArrayBuffer]);
        },
        (err: unknown) =>
          port.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) } satisfies FromWorker),
      );
    }
  });
}
