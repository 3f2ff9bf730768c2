import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../../platform/errors.ts';
import { docxMediaType } from '../../platform/formats/docx.ts';
import { pdfMediaType, printerOf } from '../../platform/formats/pdf.ts';
import { type Api, bearer, problems } from '../../platform/http/api-common.ts';
import { messages } from '../../platform/i18n/i18n.ts';
import { may } from '../../platform/policy/policy.ts';
import { parseInput } from '../../platform/values/input.ts';
import { reviewDocument } from './document.ts';
import { reviewDocx } from './docx.ts';
import { localeInput } from './inputs.ts';
import { reviewFileOf } from './outputs.ts';
import { reviewOfYear } from './queries.ts';

const tags = ['Annual review'];

const FigureSchema = z
  .object({
    key: z.string(),
    value: z.unknown().openapi({ description: 'A number, a list of State codes, or a list of items (plans, courses)' }),
    shown: z.string().openapi({ description: 'The value as the reader of the language reads it' }),
    definition: z.string(),
    records: z.array(z.object({ type: z.string(), id: z.string() })).openapi({ description: 'The records counted, as at the cut-off' }),
  })
  .openapi('ReviewFigure');

const ParagraphSchema = z
  .object({
    key: z.string(),
    number: z.number().int().nullable(),
    kind: z.enum(['generated', 'narrative']),
    text: z.string().nullable().openapi({ description: 'null: a narrative paragraph not yet written in this language' }),
    generatedText: z.string().nullable(),
    edited: z.boolean(),
    rowVersion: z.number().int(),
    translationStatus: z.enum(['original', 'translated', 'to-be-revised']).nullable(),
    figures: z.array(z.string()),
    flags: z.array(z.object({ figure: z.string(), old: z.string(), now: z.string() })),
    later: z.string().nullable(),
    footnotes: z.array(z.number().int()),
  })
  .openapi('ReviewParagraph');

const DocumentSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    edition: z.number().int(),
    status: z.string(),
    locale: z.string(),
    title: z.string(),
    symbol: z.string(),
    cutOff: z.string().openapi({ format: 'date' }),
    periodFrom: z.string().openapi({ format: 'date' }),
    periodTo: z.string().openapi({ format: 'date' }),
    sections: z.array(z.object({ key: z.string(), heading: z.string(), numbered: z.boolean(), paragraphs: z.array(ParagraphSchema) })),
    footnotes: z.array(z.object({ number: z.number().int(), text: z.string() })),
    annex: z
      .object({
        title: z.string(),
        columns: z.array(z.string()),
        groups: z.array(
          z.object({
            key: z.string(),
            heading: z.string(),
            rows: z.array(z.object({ dates: z.string(), description: z.string(), organizer: z.string(), place: z.string() })),
          }),
        ),
      })
      .nullable()
      .openapi({ description: 'The appendix’s table of outreach events by group (null when the figures hold none)' }),
    figures: z.array(FigureSchema),
  })
  .passthrough()
  .openapi('ReviewDocument');

const route = createRoute({
  method: 'get',
  path: '/reviews/{year}',
  tags,
  summary:
    'The annual review of a year in one language: its document model, each figure with its value, definition and records; `{year}.docx` gives the Word document, `{year}.pdf` the PDF (A4, printed by Chromium)',
  description:
    'The latest edition the caller may see: drafts for the Committee side, the published review for everyone else (404 before it is published).',
  security: bearer,
  request: {
    params: z.object({
      year: z
        .string()
        .regex(/^[0-9]{4}(\.docx|\.pdf)?$/)
        .openapi({ example: '2018' }),
    }),
    query: z.object({ lang: z.string().optional().openapi({ description: 'ar, zh, en, fr, ru or es (default en)' }) }),
  },
  responses: {
    200: {
      description: 'The document model (JSON), the Word document or the PDF',
      content: {
        'application/json': { schema: DocumentSchema },
        [docxMediaType]: { schema: { type: 'string', format: 'binary' } },
        [pdfMediaType]: { schema: { type: 'string', format: 'binary' } },
      },
    },
    404: problems[404],
    422: problems[422],
    503: { description: 'The PDF: Chromium is not installed on the server', content: problems[404].content },
  },
});

export function registerReviewApi(api: Api) {
  api.openapi(route, async (c) => {
    const { year: file } = c.req.valid('param');
    const { lang } = parseInput(localeInput, { lang: c.req.valid('query').lang ?? 'en' });
    const year = Number(file.slice(0, 4));
    const viewer = c.get('viewer');
    const review = await reviewOfYear(c.get('app').database.db, viewer, year);
    if (!review) throw notFound(`the review of ${year}`);
    const m = messages(lang);
    const doc = await reviewDocument(c.get('app').database.db, m, review);
    // The records behind the figures are the Committee side's to follow; others read the values and definitions.
    const shown = may(viewer, 'annual-review.drafts') ? doc : { ...doc, figures: doc.figures.map((f) => ({ ...f, records: [] })) };
    if (file.endsWith('.docx')) {
      c.header('Content-Disposition', `attachment; filename="review-${year}-${lang}.docx"`);
      // biome-ignore lint/suspicious/noExplicitAny: a binary response is outside the JSON schema's types
      return c.body(new Uint8Array(await reviewDocx(m, doc)), 200, { 'Content-Type': docxMediaType }) as any;
    }
    if (file.endsWith('.pdf')) {
      const pdf = await reviewFileOf(m, doc, 'pdf', () => printerOf(c.get('app')));
      c.header('Content-Disposition', `attachment; filename="${pdf.name}"`);
      // biome-ignore lint/suspicious/noExplicitAny: a binary response is outside the JSON schema's types
      return c.body(pdf.body, 200, { 'Content-Type': pdf.type }) as any;
    }
    return c.json(shown, 200);
  });
}
