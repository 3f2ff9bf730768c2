// A small DOCX (WordprocessingML, ECMA-376 transitional) writer for the documents r1540 produces in
// the six UN languages: headings, paragraphs with bold and italic runs, bulleted lists, tables with
// a header row that repeats on every page, and page breaks, on A4 in portrait or landscape.
//
// Arabic: paragraphs carry w:bidi, runs with Arabic (or neutral) text w:rtl, tables w:bidiVisual,
// the section w:bidi, and the complex-script language ar-SA; Latin, Cyrillic or Chinese stretches
// inside Arabic text get runs of their own without w:rtl, as Word itself writes them.
// Chinese: the East Asian language zh-CN and an East Asian font.
// Fonts (Debian: fonts-noto-core, fonts-noto-cjk): Noto Sans for Latin and Cyrillic, Noto Naskh
// Arabic for complex scripts, Noto Sans CJK SC for East Asian text, whatever the document's language,
// so that a Chinese name in an English table is not drawn as empty boxes.
//
// Every text is XML-escaped; characters XML 1.0 forbids (C0 controls other than tab and line feed,
// U+FFFE, U+FFFF, unpaired surrogates) are removed; a line feed becomes a line break, a tab a tab.
import { writeZip } from './zip.ts';

export type DocxLanguage = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';

export type Run = string | { text: string; bold?: boolean; italic?: boolean };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'list'; items: string[] }
  /** `widths`: relative column widths (e.g. [1, 3, 2]), scaled to the width of the text; equal when absent. */
  | { type: 'table'; header: string[]; rows: string[][]; widths?: number[] }
  | { type: 'page-break' };

export interface DocxDocument {
  title: string;
  language: DocxLanguage;
  subtitle?: string;
  blocks: Block[];
  /** Landscape suits wide tables (default portrait). */
  orientation?: 'portrait' | 'landscape';
  /** The creation date in docProps/core.xml; a fixed date when absent, so the same document gives the same bytes. */
  created?: Date;
}

export const docxMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const docxFonts = { latin: 'Noto Sans', complex: 'Noto Naskh Arabic', eastAsia: 'Noto Sans CJK SC' } as const;

const languageTag: Record<DocxLanguage, string> = { ar: 'ar-SA', zh: 'zh-CN', en: 'en-GB', fr: 'fr-FR', ru: 'ru-RU', es: 'es-ES' };

const fixedDate = new Date('2000-01-01T00:00:00Z');

// A4 in twentieths of a point; 2 cm margins.
const a4 = { short: 11906, long: 16838 };
const margin = 1134;

// ---------------------------------------------------------------------------------------------
// Text

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
function bidiSegments(text: string): { text: string; rtl: boolean }[] {
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

interface Ctx {
  rtl: boolean;
  language: DocxLanguage;
}

/** The run content: w:t with line feeds as w:br and tabs as w:tab. */
function runContent(text: string): string {
  const lines = xmlSafe(text).replace(/\r\n?/g, '\n').split('\n');
  return lines
    .map((line) =>
      line
        .split('\t')
        .map((piece) => (piece === '' ? '' : `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`))
        .join('<w:tab/>'),
    )
    .join('<w:br/>');
}

function runs(run: Run, ctx: Ctx): string {
  const { text, bold, italic } = typeof run === 'string' ? { text: run, bold: false, italic: false } : run;
  const style = `${bold ? '<w:b/><w:bCs/>' : ''}${italic ? '<w:i/><w:iCs/>' : ''}`;
  const segments = ctx.rtl ? bidiSegments(text) : [{ text, rtl: false }];
  return segments
    .map((s) => {
      const rPr = `${style}${s.rtl ? '<w:rtl/>' : ''}`;
      return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${runContent(s.text)}</w:r>`;
    })
    .join('');
}

function paragraph(content: Run[], ctx: Ctx, props = ''): string {
  const pPr = `${props}${ctx.rtl ? '<w:bidi/>' : ''}`;
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${content.map((r) => runs(r, ctx)).join('')}</w:p>`;
}

// pPr children must come in schema order: pStyle, keepNext, …, numPr, …, bidi, …, jc.
const styled = (id: string) => `<w:pStyle w:val="${id}"/>`;

// ---------------------------------------------------------------------------------------------
// Blocks

function table(block: Extract<Block, { type: 'table' }>, ctx: Ctx, textWidth: number): string {
  const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length), 1);
  const weights = block.widths ?? new Array<number>(columns).fill(1);
  if (weights.length !== columns) throw new RangeError(`the table has ${columns} columns but ${weights.length} widths`);
  if (weights.some((w) => !Number.isFinite(w) || w <= 0)) throw new RangeError('table widths must be positive numbers');
  const total = weights.reduce((a, b) => a + b, 0);
  const grid = weights.map((w) => Math.max(Math.floor((textWidth * w) / total), 200));

  const cell = (text: string, i: number, header: boolean) => {
    const lines = xmlSafe(text).replace(/\r\n?/g, '\n').split('\n');
    const tcPr = `<w:tcW w:w="${grid[i]}" w:type="dxa"/>${header ? '<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>' : ''}`;
    const paras = lines.map((l) => paragraph(l === '' ? [] : [header ? { text: l, bold: true } : l], ctx, styled('TableText')));
    return `<w:tc><w:tcPr>${tcPr}</w:tcPr>${paras.join('')}</w:tc>`;
  };
  const row = (cells: string[], header: boolean) => {
    const padded = [...cells, ...new Array<string>(columns - cells.length).fill('')];
    const trPr = header ? '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>';
    return `<w:tr>${trPr}${padded.map((c, i) => cell(c, i, header)).join('')}</w:tr>`;
  };

  const tblPr =
    '<w:tblPr><w:tblStyle w:val="R1540Table"/>' +
    `${ctx.rtl ? '<w:bidiVisual/>' : ''}` +
    `<w:tblW w:w="${grid.reduce((a, b) => a + b, 0)}" w:type="dxa"/>` +
    '<w:tblLayout w:type="fixed"/>' +
    '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>' +
    '</w:tblPr>';
  const tblGrid = `<w:tblGrid>${grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const header = block.header.length > 0 ? row(block.header, true) : '';
  // A table must be followed by a paragraph before the section ends or another table begins.
  return `<w:tbl>${tblPr}${tblGrid}${header}${block.rows.map((r) => row(r, false)).join('')}</w:tbl>${paragraph([], ctx, styled('TableAfter'))}`;
}

function block(b: Block, ctx: Ctx, textWidth: number): string {
  switch (b.type) {
    case 'heading':
      return paragraph([b.text], ctx, styled(`Heading${b.level}`));
    case 'paragraph':
      return paragraph(b.runs, ctx);
    case 'list':
      return b.items
        .map((item) => paragraph([item], ctx, `${styled('ListBullet')}<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`))
        .join('');
    case 'table':
      return table(b, ctx, textWidth);
    case 'page-break':
      return `<w:p>${ctx.rtl ? '<w:pPr><w:bidi/></w:pPr>' : ''}<w:r><w:br w:type="page"/></w:r></w:p>`;
  }
}

// ---------------------------------------------------------------------------------------------
// Parts

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const wNs =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function documentXml(doc: DocxDocument): string {
  const ctx: Ctx = { rtl: doc.language === 'ar', language: doc.language };
  const landscape = doc.orientation === 'landscape';
  const [w, h] = landscape ? [a4.long, a4.short] : [a4.short, a4.long];
  const textWidth = w - 2 * margin;
  const body = [
    paragraph([doc.title], ctx, styled('Title')),
    ...(doc.subtitle ? [paragraph([doc.subtitle], ctx, styled('Subtitle'))] : []),
    ...doc.blocks.map((b) => block(b, ctx, textWidth)),
  ].join('');
  const sectPr =
    `<w:sectPr><w:pgSz w:w="${w}" w:h="${h}"${landscape ? ' w:orient="landscape"' : ''}/>` +
    `<w:pgMar w:top="${margin}" w:right="${margin}" w:bottom="${margin}" w:left="${margin}" w:header="567" w:footer="567" w:gutter="0"/>` +
    `${ctx.rtl ? '<w:bidi/>' : ''}</w:sectPr>`;
  return `${xmlHead}<w:document ${wNs}><w:body>${body}${sectPr}</w:body></w:document>`;
}

function langXml(language: DocxLanguage): string {
  const eastAsia = language === 'zh' ? ` w:eastAsia="${languageTag.zh}"` : '';
  const bidi = language === 'ar' ? ` w:bidi="${languageTag.ar}"` : '';
  return `<w:lang w:val="${languageTag[language]}"${eastAsia}${bidi}/>`;
}

function stylesXml(language: DocxLanguage): string {
  const { latin, complex, eastAsia } = docxFonts;
  const hint = language === 'zh' ? ' w:hint="eastAsia"' : language === 'ar' ? ' w:hint="cs"' : '';
  const rFonts = `<w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${eastAsia}" w:cs="${complex}"${hint}/>`;
  const para = (id: string, name: string, pPr: string, rPr: string, extra = '') =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>${extra}<w:qFormat/><w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;
  const size = (halfPoints: number) => `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`;
  return (
    `${xmlHead}<w:styles ${wNs}>` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${rFonts}${size(22)}${langXml(language)}</w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>' +
    para('Title', 'Title', '<w:keepNext/><w:spacing w:before="0" w:after="240"/><w:jc w:val="center"/>', `<w:b/><w:bCs/>${size(32)}`) +
    para(
      'Subtitle',
      'Subtitle',
      '<w:keepNext/><w:spacing w:before="0" w:after="360"/><w:jc w:val="center"/>',
      `<w:i/><w:iCs/>${size(24)}`,
    ) +
    para(
      'Heading1',
      'heading 1',
      '<w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/>',
      `<w:b/><w:bCs/>${size(28)}`,
    ) +
    para(
      'Heading2',
      'heading 2',
      '<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/>',
      `<w:b/><w:bCs/>${size(24)}`,
    ) +
    para(
      'Heading3',
      'heading 3',
      '<w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="2"/>',
      `<w:b/><w:bCs/><w:i/><w:iCs/>${size(22)}`,
    ) +
    para('ListBullet', 'List Bullet', '<w:spacing w:after="60"/><w:ind w:left="567" w:hanging="283"/>', '') +
    para('TableText', 'Table Text', '<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>', size(20)) +
    para('TableAfter', 'Table After', '<w:spacing w:before="0" w:after="120"/>', size(8)) +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '<w:style w:type="table" w:styleId="R1540Table"><w:name w:val="r1540 Table"/><w:basedOn w:val="TableNormal"/><w:qFormat/>' +
    `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
    '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/></w:tcPr></w:tblStylePr>' +
    '</w:style></w:styles>'
  );
}

function numberingXml(): string {
  return (
    `${xmlHead}<w:numbering ${wNs}>` +
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>' +
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>' +
    '<w:pPr><w:ind w:left="567" w:hanging="283"/></w:pPr></w:lvl></w:abstractNum>' +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
  );
}

function settingsXml(language: DocxLanguage): string {
  const eastAsia = language === 'zh' ? ` w:eastAsia="${languageTag.zh}"` : '';
  const bidi = language === 'ar' ? ` w:bidi="${languageTag.ar}"` : '';
  return (
    `${xmlHead}<w:settings ${wNs}><w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/>` +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    `<w:themeFontLang w:val="${languageTag[language]}"${eastAsia}${bidi}/></w:settings>`
  );
}

function coreXml(doc: DocxDocument): string {
  const when = (doc.created ?? fixedDate).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${xmlHead}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeXml(doc.title)}</dc:title>${doc.subtitle ? `<dc:subject>${escapeXml(doc.subtitle)}</dc:subject>` : ''}` +
    `<dc:creator>r1540</dc:creator><dc:language>${languageTag[doc.language]}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const contentTypes =
  `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
const relsNs = 'http://schemas.openxmlformats.org/package/2006/relationships';
const officeRel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const packageRels =
  `${xmlHead}<Relationships xmlns="${relsNs}">` +
  rel('rId1', `${officeRel}/officeDocument`, 'word/document.xml') +
  rel('rId2', `${relsNs}/metadata/core-properties`, 'docProps/core.xml') +
  '</Relationships>';

const documentRels =
  `${xmlHead}<Relationships xmlns="${relsNs}">` +
  rel('rId1', `${officeRel}/styles`, 'styles.xml') +
  rel('rId2', `${officeRel}/numbering`, 'numbering.xml') +
  rel('rId3', `${officeRel}/settings`, 'settings.xml') +
  '</Relationships>';

/** The DOCX package. The same document (and `created`) always gives the same bytes. */
export function writeDocx(doc: DocxDocument): Buffer {
  return writeZip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: packageRels },
    { name: 'word/document.xml', data: documentXml(doc) },
    { name: 'word/_rels/document.xml.rels', data: documentRels },
    { name: 'word/styles.xml', data: stylesXml(doc.language) },
    { name: 'word/numbering.xml', data: numberingXml() },
    { name: 'word/settings.xml', data: settingsXml(doc.language) },
    { name: 'docProps/core.xml', data: coreXml(doc) },
  ]);
}
