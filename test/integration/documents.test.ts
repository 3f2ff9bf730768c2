import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { documentXmlText } from '../../src/features/documents/content.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

/** A one-page PDF written by hand, with correct cross-reference offsets; optionally "encrypted". */
function pdf(text: string, options: { encrypt?: boolean } = {}): Buffer {
  const content = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  if (options.encrypt)
    objects.push('<< /Filter /Standard /V 1 /R 2 /O (0123456789abcdef0123456789abcdef) /U (0123456789abcdef0123456789abcdef) /P -44 >>');
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${options.encrypt ? ' /Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]' : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

async function docx(documentXml: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', contentTypes);
  zip.file('word/document.xml', documentXml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const wordXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>Rapport national</w:t></w:r><w:r><w:t xml:space="preserve"> du Mali &amp; annexes</w:t></w:r></w:p>
<w:p><w:r><w:t>Ligne</w:t></w:r><w:r><w:tab/><w:t>tabulée &#x2460;</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>`;

const limit = 200_000;
let t: TestApp;
let filesDir: string;
const expert = () => new Client(t);
let tokens: Record<'expert' | 'poc' | 'committee' | 'provider', string>;

function storedFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(n);
    }
  };
  try {
    walk(filesDir);
  } catch {
    // no folder yet: no files
  }
  return out;
}

async function rowCount(): Promise<number> {
  const r = await t.database.db
    .selectFrom('document')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

function form(file: Buffer, name: string, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  f.set('file', new File([new Uint8Array(file)], name));
  const all = { title: 'A document', language: 'en', kind: 'report', confidentiality: 'public', ...fields };
  for (const [k, v] of Object.entries(all)) f.set(k, v);
  return f;
}

function upload(token: string, body: FormData): Promise<Response> {
  return t.request('/api/v1/documents', { method: 'POST', body, headers: { authorization: `Bearer ${token}` } });
}

function get(path: string, token?: string): Promise<Response> {
  return t.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});
}

before(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'r1540-files-'));
  t = await testApp({ filesDir, maxDocumentBytes: limit });
  const db = t.database.db;
  const id = async (email: string) =>
    (await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const token = async (email: string) => (await createApiToken(db, systemActor, await id(email), 'documents')).token;
  tokens = {
    expert: await token('expert@demo.r1540.org'),
    poc: await token('poc.mli@demo.r1540.org'),
    committee: await token('committee@demo.r1540.org'),
    provider: await token('provider@demo.r1540.org'),
  };
});
after(async () => {
  await t.close();
  rmSync(filesDir, { recursive: true, force: true });
});

/**
 * poppler's pdftotext is a system package (`apt-get install poppler-utils`). Without it a PDF is
 * stored with its text "not extracted"; this test then checks that instead, unless
 * R1540_REQUIRE_SYSTEM_TOOLS is set (as `.ci/run` does), when its absence fails.
 */
const havePdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const expectExtraction = havePdftotext || !!process.env.R1540_REQUIRE_SYSTEM_TOOLS;

describe('document upload: types from the content, text extracted', () => {
  test('a PDF written by hand: stored by hash, its text extracted, page count known', async () => {
    const res = await upload(
      tokens.expert,
      form(pdf('Mali national report 2018'), 'rapport.pdf', { title: 'Rapport', language: 'fr', state: 'MLI' }),
    );
    assert.equal(res.status, 201, await res.clone().text());
    const d = (await res.json()) as { id: string; sha256: string; mediaType: string; pageCount: number; extraction: { status: string } };
    assert.equal(d.mediaType, 'application/pdf');
    if (!expectExtraction) {
      assert.equal(d.extraction.status, 'not-extracted', 'without pdftotext the text is marked as not extracted');
      return;
    }
    assert.equal(d.extraction.status, 'extracted');
    assert.equal(d.pageCount, 1);
    assert.ok(storedFiles().includes(d.sha256));
    assert.ok(statSync(join(filesDir, d.sha256.slice(0, 2), d.sha256.slice(2, 4), d.sha256)).isFile());
    const meta = (await (await get(`/api/v1/documents/${d.id}`, tokens.committee)).json()) as { excerpt: string };
    assert.match(meta.excerpt, /Mali national report 2018/);
    const file = await get(`/api/v1/documents/${d.id}/file`, tokens.committee);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.match(file.headers.get('content-disposition') ?? '', /^attachment; filename="rapport\.pdf"/);
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.match(file.headers.get('content-security-policy') ?? '', /sandbox/);
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), pdf('Mali national report 2018'));
  });

  test('a DOCX: paragraphs, tabs, table cells and entities; NFKC', async () => {
    const res = await upload(
      tokens.expert,
      form(await docx(wordXml), 'note.docx', { language: 'fr', links: 'member-state:MLI, report:2018-1' }),
    );
    assert.equal(res.status, 201, await res.clone().text());
    const d = (await res.json()) as { id: string; mediaType: string; links: unknown };
    assert.match(d.mediaType, /wordprocessingml/);
    assert.deepEqual(d.links, [
      { recordType: 'member-state', recordId: 'MLI' },
      { recordType: 'report', recordId: '2018-1' },
    ]);
    const row = await t.database.db.selectFrom('document').select('extracted_text').where('id', '=', d.id).executeTakeFirstOrThrow();
    assert.equal(row.extracted_text, 'Rapport national du Mali & annexes\nLigne\ttabulée 1\nA1\tB1');
    assert.equal(documentXmlText('<w:p><w:r><w:t>&lt;x&gt; &#233;</w:t></w:r></w:p>'), '<x> é');
  });

  test('plain text is normalised with NFKC; the same content twice is stored once', async () => {
    const before = storedFiles().length;
    const text = Buffer.from('\uFEFFﬁrst report ① — 专家组访问了马里\n');
    const a = (await (await upload(tokens.expert, form(text, 'a.txt'))).json()) as { id: string; sha256: string };
    const b = (await (await upload(tokens.expert, form(text, 'b.txt', { title: 'Again' }))).json()) as { id: string; sha256: string };
    assert.notEqual(a.id, b.id);
    assert.equal(a.sha256, b.sha256);
    assert.equal(storedFiles().length, before + 1);
    const row = await t.database.db.selectFrom('document').select('extracted_text').where('id', '=', a.id).executeTakeFirstOrThrow();
    assert.equal(row.extracted_text, 'first report 1 — 专家组访问了马里\n');
    const file = await get(`/api/v1/documents/${b.id}/file`, tokens.expert);
    assert.equal(file.headers.get('content-type'), 'text/plain; charset=utf-8');
  });
});

describe('bad files: a clear message, and nothing stored', () => {
  const cases: [string, () => Promise<Buffer> | Buffer, string, RegExp][] = [
    ['an encrypted PDF', () => pdf('secret', { encrypt: true }), 'secret.pdf', /PDF is encrypted/],
    ['a PDF cut short', () => pdf('cut').subarray(0, 300), 'cut.pdf', /damaged or cut short/],
    ['a .pdf that is text', () => Buffer.from('just some text'), 'report.pdf', /plain text, not a PDF/],
    ['a .docx that is a PDF', () => pdf('x'), 'note.docx', /a PDF, not a DOCX/],
    [
      'a DOCX zip bomb',
      () => docx(`<w:document><w:body><w:p><w:r><w:t>${'a'.repeat(20 * 1024 * 1024)}</w:t></w:r></w:p></w:body></w:document>`),
      'bomb.docx',
      /zip bomb/,
    ],
    [
      'a zip that is not a DOCX',
      async () => {
        const z = new JSZip();
        z.file('x.txt', 'x');
        return z.generateAsync({ type: 'nodebuffer' });
      },
      'x.docx',
      /not a DOCX/,
    ],
    ['a binary file', () => Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]), 'tool', /not a PDF, a DOCX document or plain text/],
    ['an executable name', () => Buffer.from('echo hi'), 'run.sh', /files named \.sh are not accepted/],
    ['a file over the limit', () => Buffer.alloc(limit + 1, 'a'), 'big.txt', /over the limit of 0\.2 MB/],
  ];
  for (const [what, make, name, message] of cases)
    test(what, async () => {
      const rows = await rowCount();
      const files = storedFiles().length;
      const res = await upload(tokens.expert, form(await make(), name));
      assert.equal(res.status, 422, `${what}: ${res.status}`);
      const problem = (await res.json()) as { errors: { field: string; problem: string }[] };
      assert.equal(problem.errors[0]?.field, 'file');
      assert.match(problem.errors[0]!.problem, message);
      assert.equal(await rowCount(), rows);
      assert.equal(storedFiles().length, files);
    });

  test('a body past the upload limit is refused with 413', async () => {
    const res = await upload(tokens.expert, form(Buffer.alloc(1_200_000, 'a'), 'huge.txt'));
    assert.equal(res.status, 413);
  });

  test('an upload interrupted midway leaves no row and no file', async () => {
    const rows = await rowCount();
    const files = storedFiles().length;
    const boundary = 'XyZ1540';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nCut\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.txt"\r\nContent-Type: text/plain\r\n\r\n${'x'.repeat(5000)}`;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(head));
        setTimeout(() => controller.error(new Error('connection reset')), 10);
      },
    });
    const res = await t.request('/api/v1/documents', {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${tokens.expert}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    assert.ok(res.status === 400, `status ${res.status}`);
    assert.equal(await rowCount(), rows);
    assert.equal(storedFiles().length, files);
  });

  test('a failed transaction removes the file it wrote', async () => {
    const files = storedFiles().length;
    const res = await upload(tokens.expert, form(Buffer.from('stored first'), 'f.txt', { links: `report:${'a'.repeat(100)}` }));
    assert.equal(res.status, 201);
    const files2 = storedFiles().length;
    assert.equal(files2, files + 1);
    // The database refuses the link inside the transaction, after the file was written.
    await t.database.db.schema.alterTable('document_link').addCheckConstraint('test_no_visit', sql`record_type <> 'visit'`).execute();
    try {
      const bad = await upload(
        tokens.expert,
        form(Buffer.from('another content, refused by the database'), 'g.txt', { links: 'visit:V1' }),
      );
      // A rule of the database refused it: a 422 naming the problem (platform/http/database-errors.ts).
      assert.equal(bad.status, 422);
      assert.equal(storedFiles().length, files2);
    } finally {
      await t.database.db.schema.alterTable('document_link').dropConstraint('test_no_visit').execute();
    }
  });
});

describe('confidential documents never reach those who may not see them', () => {
  let secret: string;
  let shared: string;
  before(async () => {
    const r1 = await upload(
      tokens.expert,
      form(Buffer.from('committee only'), 'c.txt', { title: 'Committee eyes', confidentiality: 'committee', state: 'MLI' }),
    );
    secret = ((await r1.json()) as { id: string }).id;
    const r2 = await upload(
      tokens.expert,
      form(Buffer.from('for Mali'), 'm.txt', { title: 'Shared with Mali', confidentiality: 'committee-and-state', state: 'MLI' }),
    );
    shared = ((await r2.json()) as { id: string }).id;
  });

  test('metadata, file and list: 404 and absent for the public, a point of contact and a provider', async () => {
    for (const token of [undefined, tokens.poc, tokens.provider]) {
      assert.equal((await get(`/api/v1/documents/${secret}`, token)).status, 404);
      assert.equal((await get(`/api/v1/documents/${secret}/file`, token)).status, 404);
      const list = (await (await get('/api/v1/documents', token)).json()) as { data: { id: string; confidentiality: string }[] };
      assert.ok(!list.data.some((d) => d.id === secret));
      assert.ok(list.data.every((d) => d.confidentiality === 'public' || (token === tokens.poc && d.id === shared)));
    }
    assert.equal((await get(`/en/documents/${secret}`)).status, 404);
    assert.ok(!(await (await get('/en/documents')).text()).includes('Committee eyes'));
  });

  test('the State concerned sees what is shared with it; the Committee sees all', async () => {
    assert.equal((await get(`/api/v1/documents/${shared}`, tokens.poc)).status, 200);
    assert.equal((await get(`/api/v1/documents/${shared}/file`, tokens.poc)).status, 200);
    assert.equal((await get(`/api/v1/documents/${shared}`, tokens.provider)).status, 404);
    assert.equal((await get(`/api/v1/documents/${secret}`, tokens.committee)).status, 200);
    const list = (await (await get('/api/v1/documents?state=MLI&kind=report', tokens.committee)).json()) as { data: { id: string }[] };
    assert.ok(list.data.some((d) => d.id === secret) && list.data.some((d) => d.id === shared));
  });

  test('only experts, the secretariat and admins upload', async () => {
    for (const token of [tokens.poc, tokens.committee, tokens.provider])
      assert.equal((await upload(token, form(Buffer.from('x'), 'x.txt'))).status, 403);
  });
});

describe('pages', () => {
  test('the upload form keeps the input and shows the problem; a good upload goes to the document page', async () => {
    const c = expert();
    await c.login('expert@demo.r1540.org');
    assert.equal((await c.get('/fr/documents/new')).status, 200);
    const bad = form(Buffer.from('plain'), 'x.pdf', { title: 'Mon titre gardé', language: 'fr' });
    bad.set('_csrf', c.cookies.get('r1540_csrf')!);
    const res = await c.fetch('/fr/documents/new', { method: 'POST', body: bad });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /plain text, not a PDF/);
    assert.match(html, /value="Mon titre gardé"/);
    const good = form(Buffer.from('Texte du document'), 'x.txt', { title: 'Bon document', language: 'fr' });
    good.set('_csrf', c.cookies.get('r1540_csrf')!);
    const ok = await c.fetch('/fr/documents/new', { method: 'POST', body: good });
    assert.equal(ok.status, 303);
    const page = await c.get(ok.headers.get('location')!);
    assert.equal(page.status, 200);
    const text = await page.text();
    assert.match(text, /Texte du document/);
    assert.match(text, /Télécharger le fichier/);
    const list = await (await c.get('/fr/documents?language=fr')).text();
    assert.match(list, /Bon document/);
  });
});
