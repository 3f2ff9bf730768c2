// The API of a review's figure with the records behind it (issue 15, items 4 and 9): the same trace
// as the figure's page (sources.ts), for the Committee side: the value stored with the draft, its
// definition and SQL, whether its records changed since, and each record as the caller may see it.
import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../../platform/errors.ts';
import { type Api, bearer, problems } from '../../platform/http/api-common.ts';
import { authorize } from '../../platform/http/guard.ts';
import { messages } from '../../platform/i18n/i18n.ts';
import { may } from '../../platform/policy/policy.ts';
import { parseInput } from '../../platform/values/input.ts';
import { reviewDocument } from './document.ts';
import { localeInput } from './inputs.ts';
import { reviewOfYear } from './queries.ts';
import { traceFigure } from './sources.ts';

const TraceSchema = z
  .object({
    key: z.string(),
    year: z.number().int(),
    edition: z.number().int(),
    cutOff: z.string().openapi({ format: 'date' }),
    countedAt: z.string().nullable().openapi({ description: 'When the draft’s figures were counted' }),
    value: z.unknown().openapi({ description: 'The value stored with the draft' }),
    shown: z.string().openapi({ description: 'The value as the reader of the language reads it' }),
    definition: z.string(),
    query: z
      .string()
      .nullable()
      .openapi({ description: 'The SQL that selects the records behind the figure (null for a figure without one)' }),
    stale: z.boolean().openapi({ description: 'The records behind the figure changed since it was counted' }),
    valueNow: z.unknown().openapi({ description: 'The value counted from the records now, as at the same cut-off' }),
    records: z.array(
      z.object({
        type: z.string(),
        id: z.string(),
        state: z.string().nullable(),
        place: z.string().nullable(),
        on: z.string().nullable(),
        detail: z.string().nullable(),
        href: z.string().nullable().openapi({ description: 'The record’s page in the language asked' }),
        gone: z.boolean().openapi({ description: 'No longer in the records (archived)' }),
        change: z.enum(['added', 'removed', 'updated']).nullable(),
      }),
    ),
    hidden: z.number().int().openapi({ description: 'Records behind the figure the caller may not see' }),
  })
  .openapi('ReviewFigureTrace');

const route = createRoute({
  method: 'get',
  path: '/reviews/{year}/figures/{key}',
  tags: ['Annual review'],
  summary: 'A figure of the review with its definition, its SQL and the records behind it as at the cut-off (the Committee side)',
  security: bearer,
  request: {
    params: z.object({
      year: z
        .string()
        .regex(/^[0-9]{4}$/)
        .openapi({ example: '2018' }),
      key: z.string().max(60).openapi({ example: 'requests' }),
    }),
    query: z.object({ lang: z.string().optional().openapi({ description: 'ar, zh, en, fr, ru or es (default en)' }) }),
  },
  responses: {
    200: { description: 'The figure and its records', content: { 'application/json': { schema: TraceSchema } } },
    401: problems[401],
    403: problems[403],
    404: problems[404],
    422: problems[422],
  },
});

export function registerReviewFigureApi(api: Api) {
  api.openapi(route, async (c) => {
    const viewer = c.get('viewer');
    authorize(c, may(viewer, 'annual-review.drafts'), 'the records behind the review’s figures');
    const { year, key } = c.req.valid('param');
    const { lang } = parseInput(localeInput, { lang: c.req.valid('query').lang ?? 'en' });
    const db = c.get('app').database.db;
    const review = await reviewOfYear(db, viewer, Number(year));
    if (!review) throw notFound(`the review of ${year}`);
    const m = messages(lang);
    const trace = await traceFigure(db, m, viewer, review, key);
    const figure = (await reviewDocument(db, m, review)).figures.find((f) => f.key === key);
    if (!trace || !figure) throw notFound(`the figure ${key}`);
    return c.json(
      {
        key,
        year: review.year,
        edition: review.edition,
        cutOff: String(review.cut_off_on),
        countedAt: review.generated_at ? review.generated_at.toISOString() : null,
        value: trace.stored.value,
        shown: figure.shown,
        definition: figure.definition,
        query: trace.query,
        stale: trace.staleness?.stale ?? false,
        valueNow: trace.staleness ? trace.staleness.freshValue : trace.stored.value,
        records: trace.lines.map((l) => ({
          type: l.type,
          id: l.id,
          state: l.state,
          place: l.place,
          on: l.on,
          detail: l.detail,
          href: l.href,
          gone: l.gone,
          change: l.change,
        })),
        hidden: trace.hidden,
      },
      200,
    );
  });
}
