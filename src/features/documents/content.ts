import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { inflateEntry, type ZipReadOptions, ZipRefused, zipDirectory } from '../../platform/formats/zip-read.ts';

/*
 * What a file is, from its content (never from its name), and its text. PDF: a %PDF- header and an
 * end-of-file marker, refused when encrypted; its text by poppler's pdftotext, in a child process
 * bounded in time and memory. DOCX: a zip (read by the guarded reader of the matrix workbooks,
 * which refuses zip bombs from the directory) with [Content_Types].xml and word/document.xml.
 * Plain text: valid UTF-8 without NUL bytes. The text is normalised with NFKC for the search.
 */

export const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const mediaTypes = ['application/pdf', docxType, 'text/plain'] as const;
export type MediaType = (typeof mediaTypes)[number];

const typeName: Record<MediaType, string> = { 'application/pdf': 'a PDF', [docxType]: 'a DOCX document', 'text/plain': 'plain text' };
export const extensionOf: Record<MediaType, string> = { 'application/pdf': 'pdf', [docxType]: 'docx', 'text/plain': 'txt' };
const typeOfExtension: Record<string, MediaType> = {
  pdf: 'application/pdf',
  docx: docxType,
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/plain',
  csv: 'text/plain',
};

/** A file refused for what it is: the message says why, for the `file` field. */
export class ContentRefused extends Error {}
const refuse = (message: string): never => {
  throw new ContentRefused(message);
};

export interface Extracted {
  mediaType: MediaType;
  text: string;
  pageCount: number | null;
  status: 'extracted' | 'not-extracted';
  problem: string | null;
}

function sniff(buf: Buffer): MediaType | 'zip' | null {
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) return 'zip';
  if (buf.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return 'text/plain';
  } catch {
    return null;
  }
}

/** The media type of a file, checked against its name's extension; refuses what is not accepted. */
export function checkType(buf: Buffer, name: string): MediaType {
  if (buf.length === 0) refuse('the file is empty');
  const sniffed = sniff(buf);
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  const named = ext === undefined ? undefined : typeOfExtension[ext];
  if (ext !== undefined && named === undefined)
    refuse(`files named .${ext} are not accepted: upload a PDF, a DOCX document or a plain text file`);
  if (sniffed === null)
    refuse(`this file is not a PDF, a DOCX document or plain text (UTF-8)${named ? `, though its name says ${typeName[named]}` : ''}`);
  if (sniffed === 'zip') {
    if (named && named !== docxType) refuse(`this file is a zip archive, not ${typeName[named]}`);
    return docxType;
  }
  if (named && named !== sniffed) refuse(`this file is ${typeName[sniffed as MediaType]}, not ${typeName[named]}`);
  return sniffed as MediaType;
}

const nfkc = (s: string) => s.normalize('NFKC');

/** Checks the whole file and extracts its text. Refusals throw ContentRefused; extraction failures do not. */
export async function examine(buf: Buffer, name: string): Promise<Extracted> {
  const mediaType = checkType(buf, name);
  if (mediaType === 'text/plain') {
    const s = buf.toString('utf8').replace(/^\uFEFF/, '');
    return { mediaType, text: nfkc(s), pageCount: null, status: 'extracted', problem: null };
  }
  if (mediaType === docxType) return { mediaType, ...docxText(buf) };
  return { mediaType, ...(await pdfText(buf)) };
}

// ---------------------------------------------------------------------------------------------
// DOCX

/** The archive limits of a DOCX document (the refusals are said again in the document's terms below). */
const docxLimits: ZipReadOptions = {
  maxEntries: 100,
  maxUncompressedBytes: 160 * 1024 * 1024,
  ratioCheckedAbove: 1024 * 1024,
  maxRatio: 200,
  notThis: 'this file is not a DOCX document',
  such: 'a DOCX document',
  encrypted: 'encrypted documents are not accepted',
};

function docxText(buf: Buffer): Omit<Extracted, 'mediaType'> {
  let xml: string;
  try {
    const entries = new Map(zipDirectory(buf, docxLimits).map((e) => [e.name, e]));
    if (!entries.has('[Content_Types].xml') || !entries.has('word/document.xml'))
      refuse('this file is a zip archive, not a DOCX document (it has no word/document.xml)');
    xml = inflateEntry(buf, entries.get('word/document.xml')!).toString('utf8');
  } catch (e) {
    if (e instanceof ContentRefused) throw e;
    if (e instanceof ZipRefused) {
      if (/zip bomb/.test(e.message)) refuse('this DOCX document is a zip bomb: it would inflate far beyond its size');
      if (/encrypted/.test(e.message)) refuse('this DOCX document is encrypted: upload it without a password');
      refuse('this DOCX document is damaged: its zip archive cannot be read');
    }
    throw e;
  }
  return { text: nfkc(documentXmlText(xml)), pageCount: null, status: 'extracted', problem: null };
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return entities[e]!;
    const n = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
  });
}

/** The text of word/document.xml: runs of <w:t>, tabs and breaks; paragraphs and table rows end lines, cells are tab-separated. */
export function documentXmlText(xml: string): string {
  let out = '';
  let inText = false;
  let cells = 0;
  for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)\b[^>]*?(\/?)>|([^<]+)/g)) {
    const [, close, , local, selfClose, chars] = m;
    if (chars !== undefined) {
      if (inText) out += decode(chars);
      continue;
    }
    if (local === 't') inText = !close && !selfClose;
    else if (!close && local === 'tab') out += '\t';
    else if (!close && (local === 'br' || local === 'cr')) out += '\n';
    else if (local === 'tc' && !selfClose) {
      cells += close ? -1 : 1;
      if (close) out = `${out.replace(/ +$/, '')}\t`;
    } else if (close && local === 'p') out += cells > 0 ? ' ' : '\n';
    else if (close && local === 'tr') out = `${out.replace(/\t$/, '')}\n`;
  }
  return out.replace(/\n{3,}/g, '\n\n').trim();
}

// ---------------------------------------------------------------------------------------------
// PDF

/** Limits of the text extractor: it runs in a child process, killed past these. */
export const pdfLimits = { timeoutMs: 20_000, memoryBytes: 768 * 1024 * 1024, maxTextBytes: 64 * 1024 * 1024 };

function checkPdf(buf: Buffer): void {
  const tail = buf.subarray(Math.max(0, buf.length - 2048)).toString('latin1');
  if (!tail.includes('%%EOF')) refuse('this PDF is damaged or cut short: it has no end-of-file marker');
  const s = buf.toString('latin1');
  if (/\/Encrypt\s*(\d+\s+\d+\s+R|<<)/.test(s)) refuse('this PDF is encrypted: upload a copy without a password or restrictions');
  if (!/\bobj\b/.test(s)) refuse('this PDF is damaged: it holds no objects');
}

async function pdfText(buf: Buffer): Promise<Omit<Extracted, 'mediaType'>> {
  checkPdf(buf);
  const withLimits = existsSync('/usr/bin/prlimit');
  const args = ['-q', '-enc', 'UTF-8', '-eol', 'unix', '-', '-'];
  const [cmd, argv] = withLimits
    ? ['/usr/bin/prlimit', [`--as=${pdfLimits.memoryBytes}`, `--cpu=${Math.ceil(pdfLimits.timeoutMs / 1000)}`, '--', 'pdftotext', ...args]]
    : ['pdftotext', args];
  const result = await new Promise<{ ok: true; out: string } | { ok: false; problem: string }>((resolve) => {
    const child = execFile(
      cmd as string,
      argv as string[],
      { timeout: pdfLimits.timeoutMs, maxBuffer: pdfLimits.maxTextBytes, encoding: 'utf8', killSignal: 'SIGKILL' },
      (err, stdout) => {
        if (!err) return resolve({ ok: true, out: stdout });
        const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: string | number };
        if (e.code === 'ENOENT')
          return resolve({ ok: false, problem: 'the PDF text extractor (pdftotext, from poppler-utils) is not installed' });
        if (e.killed)
          return resolve({
            ok: false,
            problem: `the text extractor took longer than ${pdfLimits.timeoutMs / 1000} s or used too much memory`,
          });
        if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
          return resolve({ ok: false, problem: 'the text is longer than the extractor keeps' });
        return resolve({ ok: false, problem: `the text extractor could not read this PDF (exit ${String(e.code)})` });
      },
    );
    child.stdin?.on('error', () => {});
    child.stdin?.end(buf);
  });
  if (!result.ok) return { text: '', pageCount: null, status: 'not-extracted', problem: result.problem };
  const pages = result.out.split('\f');
  const pageCount = pages.length > 1 ? pages.length - 1 : null;
  const text = nfkc(
    pages
      .join('\n')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  );
  if (text === '') return { text: '', pageCount, status: 'not-extracted', problem: 'the PDF holds no text (a scan without OCR?)' };
  return { text, pageCount, status: 'extracted', problem: null };
}
