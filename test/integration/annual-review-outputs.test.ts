import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { createContext } from '../../src/app/context.ts';
import { createApp } from '../../src/app/http.tsx';
import { codesIn, type ReviewDocument, reviewDocument } from '../../src/features/annual-review/document.ts';
import { reviewOfYear } from '../../src/features/annual-review/queries.ts';
import { stateNames } from '../../src/features/member-states/index.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { closePrinterOf, printerOf } from '../../src/platform/formats/pdf.ts';
import { messages } from '../../src/platform/i18n/i18n.ts';
import { type Locale, pick } from '../../src/platform/i18n/locales.ts';
import type { StateNames } from '../../src/platform/search.ts';
import { cliDatabase } from '../support/cli.ts';

/*
 * The 2018 review's files read back by other programs (issue 15, items 7, 9 and 10): `r1540 review
 * draft` writes the Chinese, Arabic and English DOCX, LibreOffice Writer converts them to PDF and
 * poppler's pdftotext reads them; the PDFs Chromium prints from the HTML are read the same way.
 * Every generated paragraph of the document model is found whole in the text (the figures of the
 * seed among them: 182 of 193, 11 non-reporting, 3 plans and 32 since 2007, 9 requests against 3),
 * in its language's words and State names. Then the routes: the PDF from the API and the page, and
 * a clear 503 when Chromium is missing; bad arguments of the command, refused with nothing written.
 *
 * Without LibreOffice or poppler the reading is skipped and says so, unless R1540_REQUIRE_SYSTEM_TOOLS
 * is set (as `.ci/run` does): then their absence fails it.
 */
const run = promisify(execFile);
const has = (cmd: string, args: string[]) =>
  run(cmd, args, { timeout: 60_000 }).then(
    () => true,
    () => false,
  );
const tools = (await has('soffice', ['--version'])) && (await has('pdftotext', ['-v']));
const skip = tools || process.env.R1540_REQUIRE_SYSTEM_TOOLS ? false : 'LibreOffice (soffice) or poppler (pdftotext) is not installed';

/**
 * The text as compared: no white space or hyphens (lines wrap anywhere; Chinese has none), compatibility forms
 * folded (Arabic presentation forms), no direction marks or Arabic vowel signs (pdftotext moves them).
 */
const squash = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u064b-\u0652]/g, '')
    .replace(/\s+/g, '')
    // A hyphen where a line breaks (Al-Qaida) may come out without it: no hyphens on either side.
    .replace(/[-\u00ad\u2010\u2011]/g, '');

/**
 * Whether a text holds a sentence: whole in Chinese and English; in Arabic word by word, as
 * pdftotext gives right-to-left lines in visual order (mirrored brackets, numbers moved).
 */
const holds = (text: string, sentence: string, lang: Locale) =>
  lang !== 'ar'
    ? text.includes(squash(sentence))
    : sentence
        .split(/[\s()[\].,،:؛«»"“”'\-–/]+/)
        // A Latin name joined to an Arabic conjunction (وHongliu) comes out in visual order: each script's part alone.
        .flatMap((word) => word.split(/(?<=\p{Script=Arabic})(?=\p{Script=Latin})|(?<=\p{Script=Latin})(?=\p{Script=Arabic})/u))
        .map(squash)
        .filter(Boolean)
        .every((word) => text.includes(word));

/**
 * The running text of a PDF: pdftotext's pages without their running header (the symbol) and page
 * number, and without the footnotes at their foot, joined, so that a paragraph running over a page
 * reads as one.
 */
function runningText(pdf: string, doc: ReviewDocument): string {
  const notes = doc.footnotes.map((f) => squash(f.text)).filter(Boolean);
  return readFileSync(pdf, 'utf8')
    .split('\f')
    .map((page) => {
      let text = squash(
        page
          .split('\n')
          .filter((line) => !/^\s*(?:\d+\s*(?:\/\s*\d+)?|[\d٠-٩]+)\s*$/.test(line) && line.trim() !== doc.symbol)
          .join('\n'),
      );
      for (const note of notes) text = text.replace(note, '');
      return text;
    })
    .join('');
}

describe('the 2018 review read back from its DOCX (LibreOffice) and its PDF (Chromium) by pdftotext', () => {
  const cli = cliDatabase('review-outputs', { demo: true }); // the demonstration data, seeded as on demoToday
  const docs = new Map<Locale, ReviewDocument>();
  let names: StateNames = {};
  let work = '';
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'r1540-review-outputs-'));
    const app = await createContext(loadConfig(cli.env));
    try {
      const review = (await reviewOfYear(app.database.db, null, 2018))!;
      for (const l of ['zh', 'ar', 'en'] as const) docs.set(l, await reviewDocument(app.database.db, messages(l), review));
      names = await stateNames(app.database.db, codesIn(docs.get('en')!.figures.map((f) => f.value)));
    } finally {
      await app.database.close();
    }
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test('bad arguments of r1540 review draft: each named, nothing written', async () => {
    const out = join(work, 'bad.pdf');
    for (const [args, field] of [
      [['--year', '18'], '--year'],
      [['--year', '2018', '--lang', 'de'], '--lang'],
      [['--year', '2018', '--format', 'odt'], '--format'],
      [['--lang', 'zh'], '--year'],
    ] as const) {
      const r = await cli.r1540(['review', 'draft', ...args, '--out', out]);
      assert.equal(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`- ${field}: `), args.join(' '));
    }
    const none = await cli.r1540(['review', 'draft', '--year', '2031', '--out', out]);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /the review of 2031 was not found/);
    // The public may read the published 2018 review, and no draft: the 2019 one is the Committee side's.
    const hidden = await cli.r1540(['review', 'draft', '--year', '2019', '--as', 'poc.mli@demo.r1540.org', '--out', out]);
    assert.equal(hidden.code, 1);
    assert.match(hidden.stderr, /the review of 2019 that poc.mli@demo.r1540.org may see was not found/);
    assert.equal(existsSync(out), false);
    assert.equal((await cli.r1540(['review', 'draft'])).code, 1);
    assert.equal((await cli.r1540(['review', 'publish'])).code, 2);
  });

  test('the Chinese, Arabic and English DOCX through LibreOffice, and the Chinese and Arabic PDF printed by Chromium: every generated paragraph in the text', {
    skip,
  }, async () => {
    const files: { name: string; lang: Locale }[] = [];
    for (const lang of ['zh', 'ar', 'en'] as const) {
      const r = await cli.r1540([
        'review',
        'draft',
        '--year',
        '2018',
        '--lang',
        lang,
        '--format',
        'docx',
        '--out',
        join(work, `docx-${lang}.docx`),
      ]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /edition 1, published/);
    }
    for (const lang of ['zh', 'ar'] as const) {
      const r = await cli.r1540([
        'review',
        'draft',
        '--year',
        '2018',
        '--lang',
        lang,
        '--format',
        'pdf',
        '--out',
        join(work, `chromium-${lang}.pdf`),
      ]);
      assert.equal(r.code, 0, r.stderr);
      const pdf = readFileSync(join(work, `chromium-${lang}.pdf`));
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      files.push({ name: `chromium-${lang}`, lang });
    }
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        ...(['zh', 'ar', 'en'] as const).map((l) => join(work, `docx-${l}.docx`)),
      ],
      { timeout: 120_000 },
    );
    for (const lang of ['zh', 'ar', 'en'] as const) files.push({ name: `docx-${lang}`, lang });
    for (const { name, lang } of files) {
      await run('pdftotext', ['-enc', 'UTF-8', join(work, `${name}.pdf`), join(work, `${name}.txt`)], { timeout: 60_000 });
      const doc = docs.get(lang)!;
      const text = runningText(join(work, `${name}.txt`), doc);
      const m = messages(lang);
      assert.ok(readFileSync(join(work, `${name}.txt`), 'utf8').includes(doc.symbol), `${name}: the symbol`);
      assert.ok(holds(text, doc.title, lang), `${name}: the title`);
      const generated = doc.sections.flatMap((s) => s.paragraphs).filter((p) => p.kind === 'generated' && p.figures.length && p.text);
      assert.ok(generated.length >= 6, `${name}: the generated paragraphs`);
      for (const p of generated)
        assert.ok(holds(text, p.text!, lang), `${name}: ¶${p.number} (${p.key}) whole:\n${p.text}\n---\n${text.slice(0, 3000)}`);
      // The seed's figures, as the language writes its numbers, and the States in its words.
      for (const n of [182, 193, 11, 32, 106]) assert.ok(text.includes(squash(m.number(n))), `${name}: ${n}`);
      const figure = (key: string) => doc.figures.find((f) => f.key === key)!;
      assert.deepEqual(figure('plansSince').value, 32);
      assert.deepEqual(figure('requests').value, 9);
      for (const key of ['firstReports', 'visitedStates', 'requestStates'])
        for (const iso3 of figure(key).value as string[]) {
          assert.ok(holds(text, pick(names[iso3], lang), lang), `${name}: ${key} ${iso3} ${pick(names[iso3], lang)}`);
        }
      // The appendix's table: its title, a group's heading and an event's description in the reader's language (the seed's Chinese).
      const annex = doc.annex!;
      assert.ok(holds(text, annex.title, lang), `${name}: the annex's title`);
      assert.ok(holds(text, annex.groups[0]!.heading, lang), `${name}: the annex's first group`);
      assert.ok(
        holds(text, annex.groups[0]!.rows[3]!.description, lang),
        `${name}: an annex row: ${annex.groups[0]!.rows[3]!.description}`,
      );
      if (lang === 'zh') assert.ok(text.includes('支持马里起草初次国家报告的讲习班'), `${name}: the seed's Chinese description`);
      // The seed's: Comoros, Guinea-Bissau and Timor-Leste's first reports; Iraq and Madagascar among the requests.
      for (const iso3 of ['COM', 'GNB', 'TLS', 'IRQ', 'MDG']) assert.ok(holds(text, pick(names[iso3], lang), lang), `${name}: ${iso3}`);
    }
  });

  test('the API and the page give the PDF; without Chromium a 503 that says so', async () => {
    const app = await createContext(loadConfig(cli.env));
    const broken = { ...app };
    try {
      const api = await createApp(app).request('http://localhost/api/v1/reviews/2018.pdf?lang=zh');
      assert.equal(api.status, 200);
      assert.equal(api.headers.get('content-type'), 'application/pdf');
      assert.match(api.headers.get('content-disposition') ?? '', /review-2018-zh\.pdf/);
      assert.equal(
        Buffer.from(await api.arrayBuffer())
          .subarray(0, 5)
          .toString('latin1'),
        '%PDF-',
      );
      const page = await createApp(app).request('http://localhost/ar/reviews/2018/pdf');
      assert.equal(page.status, 200);
      assert.equal(printerOf(app).launches, 1, 'one Chromium for both');
      const html = await (await createApp(app).request('http://localhost/en/reviews/2018')).text();
      assert.ok(html.includes('href="/en/reviews/2018/pdf"'), 'the page links its PDF');
      assert.ok(html.includes('href="/static/annual-review-print.css"'), 'and its print stylesheet');
      const css = await createApp(app).request('http://localhost/static/annual-review-print.css');
      assert.match(await css.text(), /size: A4/);
      printerOf(broken, { executablePath: join(work, 'no-chromium') });
      const missing = await createApp(broken).request('http://localhost/api/v1/reviews/2018.pdf?lang=en');
      assert.equal(missing.status, 503);
      assert.match(((await missing.json()) as { detail: string }).detail, /needs Chromium, and there is none at .*no-chromium/);
    } finally {
      await closePrinterOf(app);
      await closePrinterOf(broken);
      await app.database.close();
    }
  });
});
