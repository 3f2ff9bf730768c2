// The Word (DOCX) documents r1540 produces in the six UN languages, written with the `docx` package
// (https://docx.js.org): headings, paragraphs with bold and italic runs and footnotes, bulleted
// lists, tables whose header row repeats on every page (with rows that name a group across every
// column), page breaks, a running header (a document symbol at the top, on the reading side's end)
// and page numbers in the footer, on A4 in portrait or landscape.
//
// Arabic: paragraphs bidirectional, runs with Arabic (or neutral) text right to left, tables visually
// right to left, the complex-script language ar-SA; Latin, Cyrillic or Chinese stretches inside
// Arabic text get runs of their own, left to right, as Word itself writes them.
// Chinese: the East Asian language zh-CN. Fonts (Debian: fonts-noto-core, fonts-noto-cjk): Noto Sans
// for Latin and Cyrillic, Noto Naskh Arabic for complex scripts, Noto Sans CJK SC for East Asian
// text, whatever the document's language, so that a Chinese name in an English table is not drawn
// as empty boxes. The package escapes text; characters XML 1.0 forbids are removed before.
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

export type DocxLanguage = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';

/** Text, styled text, or a footnote (its text) whose number is set here. */
export type Run = string | { text: string; bold?: boolean; italic?: boolean } | { footnote: string };

/** A row of a table, or a row naming the group of the rows after it, across every column. */
export type TableRowInput = string[] | { group: string };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  /** `align`: `end` sets the paragraph on the reading side's end (the right in English, the left in Arabic). */
  | { type: 'paragraph'; runs: Run[]; align?: 'start' | 'center' | 'end' }
  | { type: 'list'; items: string[] }
  /** `widths`: relative column widths (e.g. [1, 3, 2]), scaled to the width of the text; equal when absent. */
  | { type: 'table'; header: string[]; rows: TableRowInput[]; widths?: number[] }
  | { type: 'page-break' };

export interface DocxDocument {
  title: string;
  language: DocxLanguage;
  subtitle?: string;
  /** Drawn before the title (a UN document's masthead); the title is left out when `title` is only metadata. */
  titleInBody?: boolean;
  blocks: Block[];
  /** Landscape suits wide tables (default portrait). */
  orientation?: 'portrait' | 'landscape';
  /** The creation date in docProps/core.xml; a fixed date when absent, so the same document gives the same text. */
  created?: Date;
  /** A running header on every page, set at the end of the line (a document symbol). */
  header?: string;
  /** Page numbers in the footer. */
  pageNumbers?: boolean;
}

export const docxMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const docxFonts = { latin: 'Noto Sans', complex: 'Noto Naskh Arabic', eastAsia: 'Noto Sans CJK SC' } as const;

const languageTag: Record<DocxLanguage, string> = { ar: 'ar-SA', zh: 'zh-CN', en: 'en-GB', fr: 'fr-FR', ru: 'ru-RU', es: 'es-ES' };

const fixedDate = new Date('2000-01-01T00:00:00Z');

// A4 in twentieths of a point; 2 cm margins.
const a4 = { short: 11906, long: 16838 };
const margin = 1134;

/** Removes what XML 1.0 forbids: C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF; unpaired surrogates. */
export function xmlSafe(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
  return s.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** XML-escaped text (element content or attribute value), with the forbidden characters removed. */
export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

// Strong right-to-left letters (Hebrew, Arabic and its supplements and presentation forms) and strong
// left-to-right letters of the scripts r1540 writes (Latin, Greek, Cyrillic, CJK, kana, Hangul).
const rtlChar = '\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF';
const ltrChar =
  'A-Za-z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u052F\\u1E00-\\u1EFF\\u3040-\\u30FF\\u3400-\\u9FFF\\uAC00-\\uD7AF\\uF900-\\uFAFF';
const ltrStretch = new RegExp(`[${ltrChar}](?:[^${rtlChar}\\n]*[${ltrChar}0-9])?`, 'g');

/**
 * Splits text into stretches: from a strong left-to-right letter to the last such letter or digit before
 * the next right-to-left letter (so "S/2018/1" or "UNODA 2018" stay whole), and the rest, which is right-to-left.
 */
export function bidiSegments(text: string): { text: string; rtl: boolean }[] {
  const out: { text: string; rtl: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(ltrStretch)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), rtl: true });
    out.push({ text: m[0], rtl: false });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), rtl: true });
  return out;
}

/** What one document's writing keeps: its direction and its footnotes, numbered in order. */
interface Ctx {
  rtl: boolean;
  footnotes: Record<string, { children: Paragraph[] }>;
  next: number;
}

/** Text runs: line feeds become breaks, tabs tabs; in Arabic, one run per direction. */
function textRuns(text: string, style: { bold?: boolean; italic?: boolean }, ctx: Ctx, size?: number): TextRun[] {
  const segments = ctx.rtl ? bidiSegments(xmlSafe(text)) : [{ text: xmlSafe(text), rtl: false }];
  const out: TextRun[] = [];
  for (const s of segments) {
    const lines = s.text.replace(/\r\n?/g, '\n').split('\n');
    for (const [i, line] of lines.entries())
      out.push(
        new TextRun({
          children: line.split('\t').flatMap((piece, j) => (j > 0 ? [new Tab(), piece] : [piece])),
          ...(i > 0 ? { break: 1 } : {}),
          bold: style.bold,
          boldComplexScript: style.bold,
          italics: style.italic,
          italicsComplexScript: style.italic,
          rightToLeft: s.rtl || undefined,
          ...(size ? { size } : {}),
        }),
      );
  }
  return out;
}

function runs(run: Run, ctx: Ctx): (TextRun | FootnoteReferenceRun)[] {
  if (typeof run === 'string') return textRuns(run, {}, ctx);
  if ('footnote' in run) {
    const id = ctx.next++;
    ctx.footnotes[String(id)] = { children: [paragraph([run.footnote], ctx)] };
    return [new FootnoteReferenceRun(id)];
  }
  return textRuns(run.text, run, ctx);
}

const alignment = { start: AlignmentType.START, center: AlignmentType.CENTER, end: AlignmentType.END } as const;

function paragraph(content: Run[], ctx: Ctx, options: { style?: string; align?: 'start' | 'center' | 'end' } = {}): Paragraph {
  return new Paragraph({
    children: content.flatMap((r) => runs(r, ctx)),
    bidirectional: ctx.rtl || undefined,
    ...(options.style ? { style: options.style } : {}),
    ...(options.align ? { alignment: alignment[options.align] } : {}),
  });
}

function table(block: Extract<Block, { type: 'table' }>, ctx: Ctx, textWidth: number): (Table | Paragraph)[] {
  const plain = block.rows.filter((r): r is string[] => Array.isArray(r));
  const columns = Math.max(block.header.length, ...plain.map((r) => r.length), 1);
  const weights = block.widths ?? new Array<number>(columns).fill(1);
  if (weights.length !== columns) throw new RangeError(`the table has ${columns} columns but ${weights.length} widths`);
  if (weights.some((w) => !Number.isFinite(w) || w <= 0)) throw new RangeError('table widths must be positive numbers');
  const total = weights.reduce((a, b) => a + b, 0);
  const grid = weights.map((w) => Math.max(Math.floor((textWidth * w) / total), 200));
  const shading = { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' };

  const cell = (text: string, width: number, header: boolean, span = 1) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      ...(span > 1 ? { columnSpan: span } : {}),
      ...(header ? { shading } : {}),
      children: xmlSafe(text)
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((line) => paragraph(line === '' ? [] : [header ? { text: line, bold: true } : line], ctx, { style: 'TableText' })),
    });
  const row = (r: TableRowInput, header: boolean) =>
    Array.isArray(r)
      ? new TableRow({
          cantSplit: true,
          tableHeader: header || undefined,
          children: [...r, ...new Array<string>(columns - r.length).fill('')].map((c, i) => cell(c, grid[i]!, header)),
        })
      : new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: grid.reduce((a, b) => a + b, 0), type: WidthType.DXA },
              columnSpan: columns,
              children: [paragraph([{ text: r.group, bold: true, italic: true }], ctx, { style: 'TableText' })],
            }),
          ],
        });
  const rows = [...(block.header.length > 0 ? [row(block.header, true)] : []), ...block.rows.map((r) => row(r, false))];
  return [
    new Table({
      rows: rows.length ? rows : [row([''], false)],
      width: { size: grid.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: grid,
      layout: TableLayoutType.FIXED,
      visuallyRightToLeft: ctx.rtl || undefined,
    }),
    // A table must be followed by a paragraph before the section ends or another table begins.
    paragraph([], ctx, { style: 'TableAfter' }),
  ];
}

function block(b: Block, ctx: Ctx, textWidth: number): (Paragraph | Table)[] {
  switch (b.type) {
    case 'heading':
      return [paragraph([b.text], ctx, { style: `Heading${b.level}` })];
    case 'paragraph':
      return [paragraph(b.runs, ctx, b.align ? { align: b.align } : {})];
    case 'list':
      return b.items.map(
        (item) =>
          new Paragraph({
            children: runs(item, ctx),
            numbering: { reference: 'bullets', level: 0 },
            style: 'ListBullet',
            bidirectional: ctx.rtl || undefined,
          }),
      );
    case 'table':
      return table(b, ctx, textWidth);
    case 'page-break':
      return [new Paragraph({ children: [new PageBreak()], bidirectional: ctx.rtl || undefined })];
  }
}

const size = (points: number) => points * 2;

function styles(language: DocxLanguage) {
  const { latin, complex, eastAsia } = docxFonts;
  const para = (id: string, name: string, run: object, par: object) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run,
    paragraph: par,
  });
  const bold = { bold: true, boldComplexScript: true };
  return {
    default: {
      document: {
        run: {
          font: {
            ascii: latin,
            hAnsi: latin,
            eastAsia,
            cs: complex,
            ...(language === 'zh' ? { hint: 'eastAsia' } : language === 'ar' ? { hint: 'cs' } : {}),
          },
          size: size(11),
          sizeComplexScript: size(11),
          language: {
            value: languageTag[language],
            ...(language === 'zh' ? { eastAsia: languageTag.zh } : {}),
            ...(language === 'ar' ? { bidirectional: languageTag.ar } : {}),
          },
        },
        paragraph: { spacing: { after: 120, line: 264 } },
      },
    },
    paragraphStyles: [
      para(
        'Title',
        'Title',
        { ...bold, size: size(16) },
        { keepNext: true, spacing: { before: 0, after: 240 }, alignment: AlignmentType.CENTER },
      ),
      para(
        'Subtitle',
        'Subtitle',
        { italics: true, size: size(12) },
        { keepNext: true, spacing: { after: 360 }, alignment: AlignmentType.CENTER },
      ),
      para('Heading1', 'heading 1', { ...bold, size: size(14) }, { keepNext: true, spacing: { before: 360, after: 120 }, outlineLevel: 0 }),
      para('Heading2', 'heading 2', { ...bold, size: size(12) }, { keepNext: true, spacing: { before: 240, after: 120 }, outlineLevel: 1 }),
      para(
        'Heading3',
        'heading 3',
        { ...bold, italics: true, size: size(11) },
        { keepNext: true, spacing: { before: 200, after: 80 }, outlineLevel: 2 },
      ),
      para('ListBullet', 'List Bullet', {}, { spacing: { after: 60 } }),
      para('TableText', 'Table Text', { size: size(10), sizeComplexScript: size(10) }, { spacing: { before: 40, after: 40, line: 240 } }),
      para('TableAfter', 'Table After', { size: size(4) }, { spacing: { before: 0, after: 120 } }),
    ],
  };
}

function coreXml(doc: DocxDocument): string {
  const when = (doc.created ?? fixedDate).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(doc.title)}</dc:title>${doc.subtitle ? `<dc:subject>${escapeXml(doc.subtitle)}</dc:subject>` : ''}` +
    `<dc:creator>r1540</dc:creator><dc:language>${languageTag[doc.language]}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** The DOCX package. The same document (and `created`) always gives the same parts. */
export async function writeDocx(doc: DocxDocument): Promise<Buffer> {
  const ctx: Ctx = { rtl: doc.language === 'ar', footnotes: {}, next: 1 };
  const landscape = doc.orientation === 'landscape';
  const textWidth = (landscape ? a4.long : a4.short) - 2 * margin;
  const children = [
    ...(doc.titleInBody === false ? [] : [paragraph([doc.title], ctx, { style: 'Title' })]),
    ...(doc.subtitle ? [paragraph([doc.subtitle], ctx, { style: 'Subtitle' })] : []),
    ...doc.blocks.flatMap((b) => block(b, ctx, textWidth)),
  ];
  const document = new Document({
    creator: 'r1540',
    title: xmlSafe(doc.title),
    styles: styles(doc.language),
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { start: 567, hanging: 283 } } },
            },
          ],
        },
      ],
    },
    footnotes: ctx.footnotes,
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself for landscape.
            size: { width: a4.short, height: a4.long, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: margin, right: margin, bottom: margin, left: margin, header: 567, footer: 567 },
          },
        },
        ...(doc.header ? { headers: { default: new Header({ children: [paragraph([doc.header], ctx, { align: 'end' })] }) } } : {}),
        ...(doc.pageNumbers
          ? {
              footers: {
                default: new Footer({
                  children: [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      bidirectional: ctx.rtl || undefined,
                      children: [new TextRun({ children: [PageNumber.CURRENT] })],
                    }),
                  ],
                }),
              },
            }
          : {}),
        children,
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: coreXml(doc) }]);
}
