// The review as one printable HTML document (issue 15, item 7), from the same document model as the
// page and the DOCX: the masthead of a UN document (United Nations and the symbol, the Security
// Council, "Distr.: General", the date, the language and the original's), the covering letter, the
// annex with the review, its numbered paragraphs and footnotes; A4, the symbol at the top of each
// page after the first and the page numbers at the foot (print.css). Chromium prints it to PDF
// (`reviewPdf`); `r1540 review draft --format html` writes it. Everything people wrote is text (JSX
// escapes it); the document names no other file, so that it prints with the network closed.
import { readFileSync } from 'node:fs';
import { AnnexTable } from './annex.tsx';
import { unDate } from './un-dates.ts';
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { PdfPrinter } from '../../platform/formats/pdf.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { DocParagraph, ReviewDocument } from './document.ts';

export const printCssFile = new URL('./print.css', import.meta.url);
const printCss = readFileSync(printCssFile, 'utf8');

const languageName = (m: Messages, l: Locale) => new Intl.DisplayNames([m.locale], { type: 'language' }).of(l) ?? l;

/** A CSS string literal of any text (the symbol in the running header). */
const cssString = (s: string) => `"${[...s].map((ch) => (/[\w ./()-]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `)).join('')}"`;

const Paragraph: FC<{ m: Messages; p: DocParagraph }> = ({ m, p }) =>
  p.text === null ? (
    <p class={p.number === null ? 'para missing' : 'para numbered missing'}>
      {p.number !== null && <span class="n">{m.number(p.number)}.</span>}
      {m.t('annualReview.missing')}
    </p>
  ) : (
    <p class={p.number === null ? 'para' : 'para numbered'}>
      {p.number !== null && <span class="n">{m.number(p.number)}.</span>}
      {p.text}
      {p.footnotes.map((n) => (
        <sup>{m.number(n)}</sup>
      ))}
    </p>
  );

const Review: FC<{ m: Messages; doc: ReviewDocument }> = ({ m, doc }) => (
  <>
    <header class="un-masthead">
      <div class="un-line">
        <span class="un-org">{m.t('annualReview.print.unitedNations')}</span>
        <span class="un-symbol">{doc.symbol || '—'}</span>
      </div>
      <div class="un-organ-line">
        <span class="un-organ">{m.t('annualReview.print.securityCouncil')}</span>
        <div class="un-distr">
          <p>{m.t('annualReview.distr')}</p>
          <p>{doc.datedOn ? unDate(m.locale, doc.datedOn, 'heading') : '—'}</p>
          <p>{languageName(m, doc.locale)}</p>
          <p>{m.t('annualReview.originalLanguage', { language: languageName(m, doc.letterLanguage) })}</p>
        </div>
      </div>
    </header>
    <main>
      {doc.sections.map((section) => {
        const Heading = section.key === 'letter' ? 'h1' : section.key.includes('.') ? 'h3' : 'h2';
        const body = (
          <>
            <Heading>{section.heading}</Heading>
            {section.paragraphs.map((p) => (
              <Paragraph m={m} p={p} />
            ))}
            {section.key === 'letter' && doc.chairName && <p class="signature">{doc.chairName}</p>}
          </>
        );
        return section.key === 'I' ? (
          <section class="annex">
            <h1>{m.t('annualReview.heading.annex')}</h1>
            <h1>{doc.title}</h1>
            <p class="original">{m.t('annualReview.originalLanguage', { language: languageName(m, doc.originalLanguage) })}</p>
            {body}
          </section>
        ) : (
          <section>{body}</section>
        );
      })}
      <AnnexTable m={m} annex={doc.annex} />
      {doc.footnotes.length > 0 && (
        <section class="footnotes">
          <hr />
          <ol>
            {doc.footnotes.map((f) => (
              <li value={f.number}>{f.text}</li>
            ))}
          </ol>
        </section>
      )}
    </main>
  </>
);

/** The whole HTML document of the review in its language, ready to print. */
export function reviewPrintHtml(m: Messages, doc: ReviewDocument): string {
  const symbol = cssString(doc.symbol);
  const running = doc.symbol
    ? `@page :left { @top-left { content: ${symbol}; font-size: 9pt; } }
@page :right { @top-right { content: ${symbol}; font-size: 9pt; } }
@page :first { @top-left { content: none; } @top-right { content: none; } }`
    : '';
  const page = (
    <html lang={doc.locale} dir={doc.dir}>
      <head>
        <meta charset="utf-8" />
        <title>{doc.symbol ? `${doc.symbol} · ${doc.title}` : doc.title}</title>
        <style>{raw(printCss)}</style>
        {running && <style>{raw(running)}</style>}
      </head>
      <body class="review-print">
        <Review m={m} doc={doc} />
      </body>
    </html>
  );
  return `<!doctype html>\n${page.toString()}`;
}

/** The review printed to PDF by Chromium. */
export function reviewPdf(printer: PdfPrinter, m: Messages, doc: ReviewDocument): Promise<Buffer> {
  return printer.print(reviewPrintHtml(m, doc));
}
