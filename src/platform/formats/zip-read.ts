import { crc32, inflateRawSync } from 'node:zlib';

/*
 * A guarded reader of ZIP archives (XLSX workbooks, DOCX documents): it reads the central
 * directory before it inflates anything, so that a zip bomb is refused from its table of contents,
 * and inflates an entry no further than it declared. Written here rather than taken from a library
 * because the libraries inflate first and check after, and because the checks are few and exact.
 */

/** Where a refusal is: the whole file, or one entry of it. */
export type ZipWhere = { file: true } | { path: string };

/** A refusal of the whole file: nothing of it is read further. */
export class ZipRefused extends Error {
  constructor(
    readonly where: ZipWhere,
    message: string,
  ) {
    super(message);
  }
}

const refuse = (problem: string, where: ZipWhere = { file: true }): never => {
  throw new ZipRefused(where, problem);
};

/** The limits of an archive, and how its refusals name what it should be. */
export interface ZipReadOptions {
  maxEntries: number;
  /** The total inflated size of the entries. */
  maxUncompressedBytes: number;
  /** Above this an entry is checked for its ratio. */
  ratioCheckedAbove: number;
  maxRatio: number;
  /** "this file is not an XLSX workbook" */
  notThis: string;
  /** "a matrix workbook" (… is far smaller; … has at most N entries) */
  such: string;
  /** "encrypted workbooks are not accepted" */
  encrypted: string;
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

/** The archive's table of contents, from its central directory, with the bomb checks. */
export function zipDirectory(buf: Buffer, options: ZipReadOptions): ZipEntry[] {
  const notThis = options.notThis;
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) refuse(notThis);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) refuse(`${notThis} (its zip directory is missing: the file is damaged or cut short)`);
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (disk !== 0 || cdDisk !== 0) refuse(`${notThis} (a zip split over several files is not accepted)`);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    refuse(`ZIP64 archives are not accepted: ${options.such} is far smaller`);
  if (count > options.maxEntries) refuse(`the archive has ${count} entries; ${options.such} has at most ${options.maxEntries}`);
  if (cdOffset + cdSize > eocd) refuse(`${notThis} (its zip directory is damaged)`);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) refuse(`${notThis} (its zip directory is damaged)`);
    const nameLength = buf.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressed: buf.readUInt32LE(p + 20),
      uncompressed: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    };
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const where: ZipWhere = { path: entry.name };
    if (entry.flags & 1) refuse(options.encrypted, where);
    if (entry.method !== 0 && entry.method !== 8)
      refuse(`the entry ${entry.name} uses a compression method (${entry.method}) that is not accepted`, where);
    total += entry.uncompressed;
    if (total > options.maxUncompressedBytes)
      refuse(
        `the archive would inflate to more than ${options.maxUncompressedBytes / 1024 / 1024} MB (a zip bomb?); ${options.such} is far smaller`,
        where,
      );
    if (entry.uncompressed > options.ratioCheckedAbove && entry.uncompressed / Math.max(entry.compressed, 1) > options.maxRatio)
      refuse(
        `the entry ${entry.name} is compressed ${Math.round(entry.uncompressed / Math.max(entry.compressed, 1))} to 1 (a zip bomb?); more than ${options.maxRatio} to 1 is not accepted`,
        where,
      );
    entries.push(entry);
  }
  return entries;
}

/** An entry's bytes, inflated no further than it declared. */
export function inflateEntry(buf: Buffer, e: ZipEntry): Buffer {
  const where: ZipWhere = { path: e.name };
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) refuse(`the entry ${e.name} is damaged`, where);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressed > buf.length) refuse(`the entry ${e.name} is cut short`, where);
  const raw = buf.subarray(start, start + e.compressed);
  let out: Buffer;
  if (e.method === 0) out = raw;
  else
    try {
      out = inflateRawSync(raw, { maxOutputLength: Math.max(e.uncompressed, 1) });
    } catch (err) {
      const tooLarge = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError;
      return refuse(
        tooLarge ? `the entry ${e.name} inflates to more than it declares (a zip bomb?)` : `the entry ${e.name} is damaged`,
        where,
      );
    }
  if (out.length !== e.uncompressed || crc32(out) !== e.crc)
    refuse(`the entry ${e.name} is damaged (its size or checksum is wrong)`, where);
  return out;
}
