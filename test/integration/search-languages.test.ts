// Engines: both (full-text search: the tsvectors and phrase matching of each engine)
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { documents } from '../../src/features/documents/index.ts';
import { demoDocuments } from '../../src/features/documents/demo.ts';
import { uploadDocument } from '../../src/features/documents/documents.ts';
import { accountNamed } from '../../src/features/accounts/index.ts';
import { search } from '../../src/features/search/search.ts';
import { actorOf } from '../../src/platform/audit/record.ts';
import { filePath } from '../../src/platform/files/store.ts';
import { type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
let filesDir: string;
/** The demonstration document of each language, by language. */
const byLanguage = new Map<string, string>();

before(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'r1540-search-languages-'));
  t = await testApp({ filesDir });
  const line = await documents.seed!.demo!(t.database.db, { config: t.app.config });
  assert.equal(line, `created ${demoDocuments.length} demonstration documents`);
  const rows = await t.database.db.selectFrom('document').select(['id', 'language', 'sha256', 'title']).execute();
  for (const r of rows) byLanguage.set(r.language, r.id);
});
after(async () => {
  await t.close();
  rmSync(filesDir, { recursive: true, force: true });
});

const found = async (q: string) => (await search(t.database.db, null, { q, kind: 'document' })).hits.map((h) => h.id);

describe('the demonstration documents', () => {
  test('one in each of the six languages, marked as made up, its file in the file store; seeded once', async () => {
    assert.deepEqual([...byLanguage.keys()].sort(), ['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    const rows = await t.database.db.selectFrom('document').select(['title', 'sha256', 'extracted_text']).execute();
    for (const r of rows) {
      assert.ok(existsSync(filePath(filesDir, r.sha256.trim())), r.title);
      assert.match(r.title, /demonstration|démonstration|demostración|демонстрация|للعرض|演示/, r.title);
      assert.ok((r.extracted_text ?? '').length > 100, r.title);
    }
    assert.equal(await documents.seed!.demo!(t.database.db, { config: t.app.config }), 'created 0 demonstration documents');
  });
});

/** For each language: phrases as written, inflected forms (no `*`), and phrases that are not in the document. */
const cases: { language: string; finds: string[]; findsNothing: string[] }[] = [
  {
    language: 'en',
    finds: ['export control', '"export control"', '"export controls"', '"exports of dual-use goods"', '"licences issued"'],
    findsNothing: ['"control export"', '"dual-use exports"'],
  },
  {
    language: 'fr',
    finds: ['contrôle des exportations', '"contrôle des exportations"', '"controles des exportation"', '"biens à double usage"'],
    findsNothing: ['"exportations des contrôle"', '"usage double"'],
  },
  {
    language: 'es',
    finds: [
      'control de las exportaciones',
      '"control de las exportaciones"',
      '"exportaciones de bienes"',
      '"la exportación de bienes"',
      'autoridad',
    ],
    findsNothing: ['"bienes de exportación"', '"exportaciones de armas químicas"'],
  },
  {
    language: 'ru',
    finds: [
      'экспортный контроль',
      '"экспортный контроль"',
      '"экспортного контроля"',
      '"экспортном контроле"',
      'законы',
      '"товары двойного назначения"',
    ],
    findsNothing: ['"контроль экспортный"', '"экспортный закон"'],
  },
  {
    language: 'ar',
    finds: [
      'الرقابة على الصادرات',
      '"الرقابة على الصادرات"',
      'الصادرات',
      'صادرات',
      '"رقابة على صادرات"',
      'صادراتها',
      '"سلطة الجمارك"',
      'الشحنة',
      '"الاستخدام المزدوج"',
    ],
    findsNothing: ['"الصادرات على الرقابة"', '"الرقابة الوطنية"'],
  },
  {
    language: 'zh',
    finds: ['出口管制', '"出口管制"', '两用物项', '运载工具', '许可证'],
    findsNothing: ['管制出口', '出口许可'],
  },
];

describe('phrases and inflected forms in the six languages', () => {
  for (const c of cases)
    test(`${c.language}: ${c.finds.join(', ')} find its document; ${c.findsNothing.join(', ')} nothing`, async () => {
      const id = byLanguage.get(c.language);
      for (const q of c.finds) assert.deepEqual(await found(q), [id], q);
      for (const q of c.findsNothing) assert.deepEqual(await found(q), [], q);
    });

  test('Chinese: a phrase is found across a line break or a space between its characters (a PDF’s layout)', async () => {
    const expert = await accountNamed(t.database.db, 'expert@demo.r1540.org');
    const doc = await uploadDocument(t.database.db, t.app.config, actorOf(expert), expert, {
      title: 'Layout test',
      language: 'zh',
      kind: 'other',
      state: '',
      confidentiality: 'public',
      links: [],
      file: { name: 'layout.txt', bytes: Buffer.from('本条例规定了战略物资的出口\n管制程序和核 查 制度。\n', 'utf8') },
    });
    assert.deepEqual(await found('出口管制程序'), [doc.id]);
    assert.deepEqual(await found('核查制度'), [doc.id]);
    assert.deepEqual((await found('"出口 管制"')).sort(), [byLanguage.get('zh'), doc.id].sort());
    assert.deepEqual(await found('物资的出口管制程序'), [doc.id]);
    assert.deepEqual(await found('条例出口'), []);
  });
});
