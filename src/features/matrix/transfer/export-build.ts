import { setImmediate as turn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import type { ExportHead, ExportMatrix } from './transfer.ts';
import type { TransferFormat } from './transfer-formats.ts';
import { type FromWorker, type ToWorker, writeExport } from './export-worker.ts';

/*
 * An export's file written without holding the event loop: a workbook of every State takes seconds
 * of CPU, during which no other request would be answered. Anything but a small CSV or JSON file is
 * written in a worker thread (export-worker.ts), the matrices sent to it a few at a time so that no
 * single copy holds the loop either.
 */

/** Up to this many matrices, a CSV or JSON file is written in this thread (a few milliseconds). */
const inThreadUpTo = 3;
/** Matrices per message to the worker (each message is copied on this thread). */
const perMessage = 4;

/**
 * The worker's module beside this one: `.js` in the build (dist/), started as it is; `.ts` under tsx
 * (tests, bench), where Node 20 does not apply the parent's `--import tsx` to a worker's own entry
 * module: a two-line entry registers tsx's loader in the worker (tsx's `tsx/esm/api`), then imports
 * the TypeScript module.
 */
const fromSources = import.meta.url.endsWith('.ts');
const workerUrl = new URL(`./export-worker${fromSources ? '.ts' : '.js'}`, import.meta.url);

function startWorker(): Worker {
  if (!fromSources) return new Worker(workerUrl);
  const api = import.meta.resolve('tsx/esm/api');
  const entry = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); });`;
  return new Worker(entry, { eval: true });
}

export function mayWriteInThread(count: number, format: TransferFormat): boolean {
  return format !== 'xlsx' && count <= inThreadUpTo;
}

/**
 * The bytes of an export's file, written in a worker thread unless it is a small CSV or JSON file.
 * The matrices come in parts (`count` in all), each passed on to the worker as soon as it comes, so
 * that this thread need not keep them.
 */
export async function buildExport(
  head: ExportHead,
  parts: AsyncIterable<ExportMatrix[]> | Iterable<ExportMatrix[]>,
  count: number,
  format: TransferFormat,
  m: Messages,
): Promise<Buffer> {
  if (mayWriteInThread(count, format)) {
    const matrices: ExportMatrix[] = [];
    for await (const part of parts) matrices.push(...part);
    return writeExport({ ...head, matrices }, format, m);
  }
  const worker = startWorker();
  try {
    const result = new Promise<Buffer>((resolve, reject) => {
      worker.once('message', (msg: FromWorker) =>
        msg.kind === 'file'
          ? resolve(Buffer.from(msg.body.buffer, msg.body.byteOffset, msg.body.byteLength))
          : reject(new Error(msg.message)),
      );
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the export worker stopped (code ${code})`)));
    });
    // A failure of the worker while the parts are still being read ends the reading too.
    result.catch(() => {});
    const send = (msg: ToWorker) => worker.postMessage(msg);
    send({ kind: 'head', template: head.template, exportedAt: head.exportedAt, format, locale: m.locale });
    for await (const part of parts)
      for (let i = 0; i < part.length; i += perMessage) {
        send({ kind: 'matrices', matrices: part.slice(i, i + perMessage) });
        await turn();
      }
    send({ kind: 'end' });
    return await result;
  } finally {
    void worker.terminate();
  }
}
