// The DOCX writer (over the `docx` package): the zip opens with a reader written here from the
// specification, the parts are well-formed XML with every text escaped, footnotes, the running
// header and page numbers are there, Arabic carries its right-to-left markers and English none;
// then a real reader: LibreOffice Writer converts English, Arabic and Chinese documents to text and
// to PDF, and the headings, table cells and the Arabic and Chinese strings come out (pdftotext on the
// PDF, with the Arabic and CJK fonts embedded: glyphs, not empty boxes).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { crc32, inflateRawSync } from 'node:zlib';
import { documentXmlText, examine } from '../../features/documents/content.ts';
import { type DocxDocument, docxFonts, docxMediaType, writeDocx } from './docx.ts';

const run = promisify(execFile);

// ---------------------------------------------------------------------------------------------
// A zip reader from APPNOTE, independent of the writer: end record, central directory, local
// headers that agree with it, inflate, CRC-32.

function readZip(buf: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  assert.ok(eocd >= 0, 'the end of central directory record is there');
  const count = buf.readUInt16LE(eocd + 10);
  assert.equal(buf.readUInt16LE(eocd + 8), count, 'entries on this disk = entries in all');
  const size = buf.readUInt32LE(eocd + 12);
  let p = buf.readUInt32LE(eocd + 16);
  assert.equal(p + size, eocd, 'the central directory ends where the end record begins');
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'a central directory header');
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressed = buf.readUInt32LE(p + 20);
    const uncompressed = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);

    assert.equal(buf.readUInt32LE(local), 0x04034b50, `${name}: a local header`);
    assert.equal(buf.readUInt16LE(local + 8), method, `${name}: same method`);
    assert.equal(buf.readUInt32LE(local + 14), crc, `${name}: same CRC`);
    assert.equal(buf.readUInt32LE(local + 18), compressed, `${name}: same compressed size`);
    assert.equal(buf.toString('utf8', local + 30, local + 30 + buf.readUInt16LE(local + 26)), name, `${name}: same name`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compressed);
    assert.ok(method === 0 || method === 8, `${name}: stored or deflated`);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    assert.equal(data.length, uncompressed, `${name}: size`);
    assert.equal(crc32(data), crc, `${name}: CRC-32`);
    assert.ok(!out.has(name), `${name} once`);
    out.set(name, data);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// An XML well-formedness check for what the writer emits: one root, tags nest and match, attributes
// quoted and unique, only the five entities and character references, no character XML 1.0 forbids.

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the characters XML forbids is the point
const forbidden = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const name = '[A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?';
const badAmp = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/;

function assertWellFormed(xml: string, part: string): void {
  assert.ok(!forbidden.test(xml), `${part}: no character that XML 1.0 forbids`);
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const startTag = new RegExp(`^<(${name})((?:\\s+${name}="[^"<]*")*)\\s*(/?)>$`);
  for (const m of body.matchAll(/<[^>]*>|[^<]+/g)) {
    const token = m[0];
    if (!token.startsWith('<')) {
      assert.ok(stack.length > 0 || token.trim() === '', `${part}: text outside the root`);
      assert.ok(!badAmp.test(token) && !token.includes('>'), `${part}: escaped text: ${token.slice(0, 60)}`);
      continue;
    }
    const end = token.match(new RegExp(`^</(${name})\\s*>$`));
    if (end) {
      assert.equal(stack.pop(), end[1], `${part}: </${end[1]}> closes what was opened`);
      continue;
    }
    const start = token.match(startTag);
    assert.ok(start, `${part}: a well-formed tag: ${token.slice(0, 80)}`);
    const attrs = [...start[2]!.matchAll(new RegExp(`(${name})="([^"]*)"`, 'g'))];
    assert.equal(new Set(attrs.map((a) => a[1])).size, attrs.length, `${part}: unique attributes in ${token.slice(0, 60)}`);
    for (const a of attrs) assert.ok(!badAmp.test(a[2]!), `${part}: escaped attribute ${a[1]}`);
    if (stack.length === 0) roots++;
    if (start[3] !== '/') stack.push(start[1]!);
  }
  assert.deepEqual(stack, [], `${part}: every element closed`);
  assert.equal(roots, 1, `${part}: one root element`);
}

// ---------------------------------------------------------------------------------------------
// The documents

const nasty = 'Export control <draft> & "review" of \'2018\'';
const controls = 'bell\u0007 nul\u0000 esc\u001b ffff\uffff lone\ud800 end';

const english: DocxDocument = {
  title: 'Consolidated list of assistance requests',
  subtitle: 'As at 31 December 2018',
  language: 'en',
  header: 'S/2018/1167',
  pageNumbers: true,
  blocks: [
    { type: 'heading', level: 1, text: 'Requests received in 2018' },
    {
      type: 'paragraph',
      runs: [
        'Nine States asked for ',
        { text: 'assistance', bold: true },
        ' in ',
        { text: 'twelve', italic: true },
        ' items.',
        { footnote: 'The data cut-off date was 22 December 2018.' },
      ],
    },
    { type: 'paragraph', runs: [nasty, `\n${controls}`] },
    { type: 'list', items: ['Border control', 'Legislative drafting'] },
    {
      type: 'table',
      header: ['Requesting State', 'Item', 'Status'],
      widths: [2, 5, 2],
      rows: [
        { group: 'Visits at the invitation of States' },
        ['Guinea-Bissau', nasty, 'circulated'],
        ['Madagascar', 'Training for customs officers\nand border police', 'acknowledged'],
        // Enough rows to fill more than one page, so the header row repeats.
        ...Array.from({ length: 70 }, (_, i) => [`State ${i + 1}`, `Illustrative item ${i + 1}`, 'received']),
      ],
    },
    { type: 'page-break' },
    { type: 'heading', level: 2, text: 'Offers of assistance' },
  ],
};

const arabic: DocxDocument = {
  title: 'القائمة الموحدة لطلبات المساعدة',
  language: 'ar',
  blocks: [
    { type: 'heading', level: 1, text: 'الطلبات الواردة في عام 2018' },
    { type: 'paragraph', runs: ['طلبت مالي المساعدة في مراقبة الحدود ونزع السلاح', ' (S/AC.44/2018/1)'] },
    { type: 'list', items: ['التدريب', 'المعدات'] },
    {
      type: 'table',
      header: ['الدولة', 'البند'],
      rows: [
        ['مالي', 'التدريب على مراقبة الحدود'],
        ['بيرو', 'المراجعة القانونية'],
      ],
    },
  ],
};

const chinese: DocxDocument = {
  title: '援助请求综合清单',
  language: 'zh',
  orientation: 'landscape',
  blocks: [
    { type: 'heading', level: 1, text: '二〇一八年收到的请求' },
    { type: 'paragraph', runs: ['马里请求在边境管制方面提供援助。'] },
    {
      type: 'table',
      header: ['国家', '项目'],
      rows: [
        ['马里', '边境管制培训'],
        ['秘鲁', '法律审查'],
      ],
    },
  ],
};

/** assert.match, without printing a whole document when it fails. */
function has(xml: string, re: RegExp, message = `matches ${re}`): void {
  assert.ok(re.test(xml), message);
}

const parts = async (doc: DocxDocument) => readZip(await writeDocx(doc));
const documentXml = async (doc: DocxDocument) => (await parts(doc)).get('word/document.xml')!.toString('utf8');

// ---------------------------------------------------------------------------------------------
// Pure checks

describe('docx', () => {
  test('a WordprocessingML package: its parts, related and typed, every one well-formed XML', async () => {
    const p = await parts(english);
    for (const part of [
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'word/document.xml',
      'word/styles.xml',
      'word/numbering.xml',
      'word/settings.xml',
      'word/footnotes.xml',
      'word/header1.xml',
      'word/footer1.xml',
    ])
      assert.ok(p.has(part), `the package has ${part}`);
    for (const [n, data] of p) if (n.endsWith('.xml') || n.endsWith('.rels')) assertWellFormed(data.toString('utf8'), n);
    has(p.get('[Content_Types].xml')!.toString(), /application\/vnd.openxmlformats-officedocument.wordprocessingml.document.main\+xml/);
    has(p.get('_rels/.rels')!.toString(), /relationships\/officeDocument" Target="word\/document.xml"/);
    const styles = p.get('word/styles.xml')!.toString();
    for (const id of ['Title', 'Subtitle', 'Heading1', 'Heading2', 'Heading3', 'ListBullet', 'TableText'])
      has(styles, new RegExp(`w:styleId="${id}"`), `style ${id}`);
    has(p.get('word/numbering.xml')!.toString(), /<w:numFmt w:val="bullet"\/>/);
    const core = p.get('docProps/core.xml')!.toString();
    has(core, /<dc:title>Consolidated list of assistance requests<\/dc:title>/);
    has(core, /<dc:language>en-GB<\/dc:language>/);
    has(core, /<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z<\/dcterms:created>/);
    assert.equal(docxMediaType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  test('text is escaped, forbidden control characters are removed, line feeds become breaks', async () => {
    const xml = await documentXml(english);
    assert.ok(!xml.includes(nasty), 'the raw text is not in the XML');
    assert.ok(/Export control &lt;draft&gt; &amp; (&quot;|")review(&quot;|") of (&apos;|')2018(&apos;|')/.test(xml));
    assert.ok(!forbidden.test(xml));
    const text = documentXmlText(xml);
    assert.ok(text.includes(nasty), 'decoded, the text is what was given');
    assert.ok(text.includes('bell nul esc ffff lone end'), 'the forbidden characters are gone, the rest kept');
    has(xml, />Training for customs officers<\/w:t><\/w:r><\/w:p><w:p>/, 'a line feed in a cell starts a paragraph');
    has(xml, /<w:br\/><w:t xml:space="preserve">bell/, 'a line feed in a paragraph is a line break');
    has(xml, /<w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">assistance</);
    has(xml, /<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">twelve</);
  });

  test('tables: the header row repeats (w:tblHeader), fixed column widths in proportion, group rows across every column, A4', async () => {
    const xml = await documentXml(english);
    assert.equal(xml.match(/<w:tblHeader\/>/g)?.length, 1, 'only the header row repeats');
    const cols = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    assert.deepEqual(cols, [2141, 5354, 2141], '2:5:2 of the 9,638 twips between 2 cm margins');
    has(xml, /<w:gridSpan w:val="3"\/>/, 'the group row spans the three columns');
    has(xml, /<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    has(await documentXml(chinese), /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    has(xml, /<w:br w:type="page"\/>/);
    await assert.rejects(
      () => writeDocx({ ...english, blocks: [{ type: 'table', header: ['a', 'b'], rows: [], widths: [1] }] }),
      /2 columns but 1 widths/,
    );
    const short = await documentXml({ ...english, blocks: [{ type: 'table', header: ['a', 'b', 'c'], rows: [['only']] }] });
    assert.equal(short.match(/<w:tc>/g)?.length, 6, 'a short row is padded to the header');
  });

  test('a footnote, the running header with the symbol and the page number in the footer', async () => {
    const p = await parts(english);
    has(p.get('word/document.xml')!.toString(), /<w:footnoteReference w:id="1"\/>/);
    has(p.get('word/footnotes.xml')!.toString(), /The data cut-off date was 22 December 2018\./);
    has(p.get('word/header1.xml')!.toString(), /S\/2018\/1167/);
    has(p.get('word/footer1.xml')!.toString(), /PAGE/);
  });

  test('Arabic carries the right-to-left markers; English carries none; Chinese its East Asian language and font', async () => {
    const ar = await parts(arabic);
    const xml = ar.get('word/document.xml')!.toString();
    has(xml, /<w:pStyle w:val="Title"\/>.*?<w:bidi\/>/);
    has(xml, /<w:rtl\/><\/w:rPr><w:t xml:space="preserve">القائمة الموحدة لطلبات المساعدة<\/w:t>/);
    has(xml, /<w:bidiVisual\/>/);
    has(xml, /<w:r><w:t xml:space="preserve">S\/AC.44\/2018\/1<\/w:t><\/w:r>/, 'a Latin stretch in Arabic text is a left-to-right run');
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>/g) ?? [];
    assert.ok(paragraphs.length > 5 && paragraphs.every((para) => para.includes('<w:bidi/>')), 'every paragraph is right-to-left');
    has(ar.get('word/styles.xml')!.toString(), /<w:lang w:val="ar-SA" w:bidi="ar-SA"\/>/);
    has(ar.get('word/styles.xml')!.toString(), new RegExp(`w:cs="${docxFonts.complex}"`));

    const en = await parts(english);
    const all = [...en.entries()]
      .filter(([n]) => n.startsWith('word/document') || n.startsWith('word/header'))
      .map(([, b]) => b.toString())
      .join('\n');
    for (const marker of ['<w:bidi/>', '<w:rtl/>', '<w:bidiVisual/>'])
      assert.ok(!all.includes(marker), `no ${marker} in an English document`);

    const zhStyles = (await parts(chinese)).get('word/styles.xml')!.toString();
    has(zhStyles, /<w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>/);
    has(zhStyles, new RegExp(`w:eastAsia="${docxFonts.eastAsia}"`));
    assert.ok(!(await documentXml(chinese)).includes('<w:rtl/>'));
  });

  test('the same document gives the same parts, with a given creation date in docProps/core.xml', async () => {
    const [a, b] = [await parts(arabic), await parts(arabic)];
    assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort());
    for (const [n, data] of a) assert.deepEqual(data, b.get(n), n);
    const dated = (await parts({ ...arabic, created: new Date('2019-01-15T09:30:00.000Z') })).get('docProps/core.xml')!.toString();
    has(dated, /<dcterms:created xsi:type="dcterms:W3CDTF">2019-01-15T09:30:00Z</);
    has(dated, /<dc:language>ar-SA<\/dc:language>/);
  });

  test("r1540's own document library accepts the file as a DOCX and reads its text", async () => {
    const extracted = await examine(await writeDocx(english), 'list.docx');
    assert.equal(extracted.mediaType, docxMediaType);
    for (const s of [
      'Consolidated list of assistance requests',
      'Requests received in 2018',
      'Guinea-Bissau\tExport control <draft>',
      'State 70',
    ])
      assert.ok(extracted.text.includes(s), s);
  });
});

// ---------------------------------------------------------------------------------------------
// A real reader: LibreOffice Writer, then poppler on its PDF.

/**
 * LibreOffice Writer (`apt-get install libreoffice-writer-nogui`) and poppler-utils are system
 * packages. Without them the test is skipped and says so, unless R1540_REQUIRE_SYSTEM_TOOLS is set,
 * as `.ci/run` does: then their absence fails the test.
 */
const probe = (cmd: string, args: string[]) =>
  run(cmd, args, { timeout: 60_000 }).then(
    () => true,
    () => false,
  );
const [soffice, poppler] = await Promise.all([probe('soffice', ['--version']), probe('pdftotext', ['-v'])]);
const skip =
  (soffice && poppler) || process.env.R1540_REQUIRE_SYSTEM_TOOLS
    ? false
    : `${soffice ? 'poppler-utils (pdftotext)' : 'LibreOffice (soffice)'} is not installed`;

describe('LibreOffice Writer reads the documents', { skip }, () => {
  let work: string;
  const names = ['english', 'arabic', 'chinese'] as const;
  const text: Record<string, string> = {};
  const pdf: Record<string, string> = {};

  // One soffice run per format for the three files: text, then PDF.
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'r1540-docx-'));
    mkdirSync(join(work, 'in'));
    const docs = { english, arabic, chinese };
    for (const n of names) writeFileSync(join(work, 'in', `${n}.docx`), await writeDocx(docs[n]));
    const files = names.map((n) => join(work, 'in', `${n}.docx`));
    const profile = `-env:UserInstallation=file://${join(work, 'profile')}`;
    for (const [format, out] of [
      ['txt:Text (encoded):UTF8', 'txt'],
      ['pdf', 'pdf'],
    ] as const)
      await run('soffice', [profile, '--headless', '--convert-to', format, '--outdir', join(work, out), ...files], { timeout: 180_000 });
    for (const n of names) {
      text[n] = readFileSync(join(work, 'txt', `${n}.txt`), 'utf8').replace(/^\uFEFF/, '');
      pdf[n] = join(work, 'pdf', `${n}.pdf`);
    }
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  // pdftotext marks right-to-left stretches with bidi controls; lines and spaces differ from the source.
  const plain = (s: string) => s.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
  const pdfText = async (n: string, page?: number) =>
    (await run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', pdf[n]!, '-'])).stdout;
  const fonts = async (n: string) => (await run('pdffonts', [pdf[n]!])).stdout;

  test('English: title, headings, runs, list, every table cell, the escaped text', () => {
    const t = text.english!;
    for (const s of [
      'Consolidated list of assistance requests',
      'As at 31 December 2018',
      'Requests received in 2018',
      'Nine States asked for assistance in twelve items.',
      nasty,
      'bell nul esc ffff lone end',
      'Border control',
      'Requesting State',
      'Guinea-Bissau',
      'Training for customs officers',
      'and border police',
      'acknowledged',
      'Illustrative item 70',
      'Offers of assistance',
    ])
      assert.ok(t.includes(s), `LibreOffice's text has ${JSON.stringify(s)}:\n${t.slice(0, 600)}`);
  });

  test('Arabic and Chinese: title, heading, paragraph and table cells in the text LibreOffice reads', () => {
    for (const s of [
      'القائمة الموحدة لطلبات المساعدة',
      'الطلبات الواردة في عام 2018',
      'طلبت مالي المساعدة في مراقبة الحدود ونزع السلاح (S/AC.44/2018/1)',
      'التدريب',
      'الدولة',
      'البند',
      'مالي',
      'التدريب على مراقبة الحدود',
      'المراجعة القانونية',
    ])
      assert.ok(text.arabic!.includes(s), `Arabic text has ${s}:\n${text.arabic}`);
    for (const s of [
      '援助请求综合清单',
      '二〇一八年收到的请求',
      '马里请求在边境管制方面提供援助。',
      '国家',
      '项目',
      '边境管制培训',
      '秘鲁',
      '法律审查',
    ])
      assert.ok(text.chinese!.includes(s), `Chinese text has ${s}:\n${text.chinese}`);
  });

  test('the PDF: Arabic and Chinese drawn with the Noto fonts and read back by pdftotext', async () => {
    const ar = plain(await pdfText('arabic'));
    for (const s of [
      'القائمة الموحدة لطلبات المساعدة',
      'الطلبات الواردة في عام 2018',
      'مراقبة الحدود ونزع السلاح',
      'التدريب على مراقبة الحدود',
      'المراجعة القانونية',
      'S/AC.44/2018/1',
    ])
      assert.ok(ar.includes(s), `pdftotext (Arabic) has ${s}:\n${ar}`);
    const zh = (await pdfText('chinese')).replace(/\s+/g, '');
    for (const s of ['援助请求综合清单', '二〇一八年收到的请求', '马里请求在边境管制方面提供援助。', '国家', '边境管制培训', '法律审查'])
      assert.ok(zh.includes(s), `pdftotext (Chinese) has ${s}:\n${zh}`);
    // Glyphs, not boxes: the fonts that have them are the ones embedded.
    assert.match(await fonts('arabic'), /NotoNaskhArabic-Regular\s.*\byes\s+yes\s+yes\b/);
    assert.match(await fonts('chinese'), /NotoSansCJK\S*-Regular\S*\s.*\byes\s+yes\s+yes\b/);
    const info = (await run('pdfinfo', [pdf.chinese!])).stdout;
    const [, w, h] = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/)!;
    assert.ok(Number(w) > Number(h), `landscape: ${w} x ${h}`);
  });

  test('the long table breaks across pages and its header row repeats on the next page; the header, footnote and page number are drawn', async () => {
    const page2 = plain(await pdfText('english', 2));
    assert.ok(page2.includes('Requesting State Item Status'), `page 2 starts with the header row:\n${page2.slice(0, 300)}`);
    assert.ok(/State \d+ Illustrative item \d+/.test(page2), 'and continues the table');
    const page1 = plain(await pdfText('english', 1));
    for (const s of ['S/2018/1167', 'The data cut-off date was 22 December 2018.'])
      assert.ok(page1.includes(s), `page 1 has the running header and the footnote: ${s}`);
    assert.ok(page2.includes('S/2018/1167') && /\b2\b/.test(page2), 'page 2 has the header and its number');
    assert.match((await run('pdfinfo', [pdf.english!])).stdout, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });
});
