// The review's files, one function for every door (the pages, the API, the command line, the
// benchmark): the printable HTML, the DOCX and the PDF, all from the one document model.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { docxMediaType } from '../../platform/formats/docx.ts';
import { type PdfPrinter, pdfMediaType } from '../../platform/formats/pdf.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { type ReviewDocument, reviewDocument } from './document.ts';
import { reviewDocx } from './docx.ts';
import { reviewPdf, reviewPrintHtml } from './print.tsx';
import type { ReviewRow } from './queries.ts';

export const reviewFormats = ['html', 'docx', 'pdf'] as const;
export type ReviewFormat = (typeof reviewFormats)[number];

export interface ReviewFile {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  /** The name a download is saved under: review-2018-zh.pdf. */
  name: string;
}

/** A document already assembled, as a file of the format. */
export async function reviewFileOf(m: Messages, doc: ReviewDocument, format: ReviewFormat, printer: () => PdfPrinter): Promise<ReviewFile> {
  const name = `review-${doc.year}-${doc.locale}.${format}`;
  if (format === 'docx') return { body: new Uint8Array(await reviewDocx(m, doc)), type: docxMediaType, name };
  if (format === 'pdf') return { body: new Uint8Array(await reviewPdf(printer(), m, doc)), type: pdfMediaType, name };
  return { body: new TextEncoder().encode(reviewPrintHtml(m, doc)), type: 'text/html; charset=utf-8', name };
}

/** The review of a row in the reader's language, as a file of the format. */
export async function reviewFile(
  db: Kysely<DB>,
  m: Messages,
  review: ReviewRow,
  format: ReviewFormat,
  printer: () => PdfPrinter,
): Promise<ReviewFile> {
  return reviewFileOf(m, await reviewDocument(db, m, review), format, printer);
}
