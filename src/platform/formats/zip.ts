// A minimal ZIP writer (PKWARE APPNOTE 6.3): local headers, deflated or stored data, the central
// directory and its end record. Deterministic: every entry carries the same fixed timestamp, and
// the entries are written in the order given, so the same input gives the same bytes.
// No ZIP64, no encryption, no data descriptors: the documents r1540 writes are far smaller.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntryInput {
  /** The path inside the archive, with forward slashes ("word/document.xml"). */
  name: string;
  /** The content; a string is written as UTF-8. */
  data: Buffer | string;
}

export interface ZipOptions {
  /** zlib level, 0–9 (default 6). An entry that deflate would not shrink is stored. */
  level?: number;
}

/** 1980-01-01 00:00:00, the first moment MS-DOS time can say: date = (0 << 9) | (1 << 5) | 1, time = 0. */
const dosDate = 0x0021;
const dosTime = 0x0000;
const utf8Flag = 0x0800;
const maxU16 = 0xffff;
const maxU32 = 0xffffffff;

function checkName(name: string, seen: Set<string>): void {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').some((s) => s === '..' || s === '.'))
    throw new RangeError(`zip entry name ${JSON.stringify(name)} is not a relative path with forward slashes`);
  if (seen.has(name)) throw new RangeError(`zip entry ${JSON.stringify(name)} is given twice`);
  if (Buffer.byteLength(name) > maxU16) throw new RangeError('zip entry name is too long');
  seen.add(name);
}

/** The archive, as one Buffer. */
export function writeZip(entries: readonly ZipEntryInput[], options: ZipOptions = {}): Buffer {
  const level = options.level ?? 6;
  if (entries.length > maxU16) throw new RangeError(`a zip without ZIP64 holds at most ${maxU16} entries`);
  const seen = new Set<string>();
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;

  for (const entry of entries) {
    checkName(entry.name, seen);
    const name = Buffer.from(entry.name, 'utf8');
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const deflated = level > 0 && raw.length > 0 ? deflateRawSync(raw, { level }) : null;
    const stored = deflated === null || deflated.length >= raw.length;
    const body = stored ? raw : deflated;
    const method = stored ? 0 : 8;
    const crc = crc32(raw);
    if (raw.length > maxU32 || offset + 30 + name.length + body.length > maxU32)
      throw new RangeError('a zip without ZIP64 is at most 4 GB');
    const flags = /[^\x20-\x7e]/.test(entry.name) ? utf8Flag : 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // extra field length

    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // version made by: MS-DOS, 2.0
    dir.writeUInt16LE(20, 6); // version needed
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt16LE(dosTime, 12);
    dir.writeUInt16LE(dosDate, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(raw.length, 24);
    dir.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal and external attributes: 0
    dir.writeUInt32LE(offset, 42);

    parts.push(local, name, body);
    central.push(dir, name);
    offset += local.length + name.length + body.length;
  }

  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  // this disk and the directory's disk: 0
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  // comment length: 0
  return Buffer.concat([...parts, directory, end]);
}
