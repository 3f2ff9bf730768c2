/*
 * The three formats of a matrix file, and how a file says which it is.
 */

export const transferFormats = ['xlsx', 'csv', 'json'] as const;
export type TransferFormat = (typeof transferFormats)[number];
export const isTransferFormat = (s: string | undefined): s is TransferFormat => (transferFormats as readonly string[]).includes(s ?? '');

/** The format a file name says (its extension); null when it says none of the three. */
export function formatOfName(name: string | undefined): TransferFormat | null {
  const ext = /\.([A-Za-z]+)$/.exec(name ?? '')?.[1]?.toLowerCase();
  return isTransferFormat(ext) ? ext : null;
}

/** The format of a file by its first bytes, for a file whose name says nothing. */
export function sniffFormat(buf: Buffer): TransferFormat {
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  const start = buf
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return start.startsWith('{') ? 'json' : 'csv';
}
