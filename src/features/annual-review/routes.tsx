import { Hono } from 'hono';

import { notFound } from '../../platform/errors.ts';
import { docxMediaType } from '../../platform/formats/docx.ts';
import { printerOf } from '../../platform/formats/pdf.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { formBody, text } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { can, may } from '../../platform/policy/policy.ts';
import { advance, createReview, newDraftFrom, regenerate, writeParagraph } from './commands.ts';
import { reviewDocument } from './document.ts';
import { reviewDocx } from './docx.ts';
import { reviewFile } from './outputs.ts';
import { type Db, listReviews, type ReviewRow, reviewOfYear } from './queries.ts';
import { ParagraphForm, ReviewList, ReviewPage, type Trace } from './pages.tsx';
import { figureQuery, staleness } from './sources.ts';
import { traceRoutes } from './trace-routes.tsx';

/*
 * `/{lang}/reviews`: the reviews a reader may see (drafts on the Committee side, the published ones
 * for everyone), each review in the reader's language with its Word document, and the experts'
 * forms: start a draft, edit a paragraph, regenerate the figures, move the review on.
 */

const draftResource = { type: 'annual-review' as const, confidentiality: 'committee' as const };
const mayWrite = (c: AppContextOf) => can(c.get('viewer'), 'update', draftResource);

/** The review of the year in the path the viewer may see (the latest edition), or 404. */
async function loadReview(c: AppContextOf) {
  const year = Number(c.req.param('year'));
  const review = await reviewOfYear(c.get('app').database.db, c.get('viewer'), year);
  if (!review) throw notFound(`the review of ${year}`);
  return review;
}

async function traceOf(db: Db, review: ReviewRow): Promise<Trace> {
  const period = { year: review.year, cutOff: String(review.cut_off_on) };
  const keys = Object.keys(review.figures?.figures ?? {});
  return { stale: await staleness(db, review), queries: Object.fromEntries(keys.map((k) => [k, figureQuery(k, period)])) };
}

/** The fields of a form, as given (the input schema checks them). */
const fields = (body: Awaited<ReturnType<typeof formBody>>, names: readonly string[]) =>
  Object.fromEntries(names.map((n) => [n, text(body, n)]));

export function reviewWebRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', async (c) => {
    const m = c.get('m');
    const rows = await listReviews(c.get('app').database.db, c.get('viewer'));
    return render(
      c,
      { title: m.t('annualReview.title') },
      <ReviewList m={m} rows={rows} mayCreate={mayWrite(c)} csrfToken={c.get('csrfToken')} />,
    );
  });
  r.post('/', async (c) => {
    authorize(c, mayWrite(c), 'the drafts of the annual review');
    const body = await formBody(c);
    const given = fields(body, [
      'year',
      'programmeNumber',
      'programmeSymbol',
      'periodFrom',
      'periodTo',
      'cutOff',
      'symbol',
      'datedOn',
      'chairName',
      'originalLanguage',
      'letterLanguage',
    ]);
    const review = await createReview(c.get('app').database.db, c.get('viewer')!, given);
    return c.redirect(`/${c.get('m').locale}/reviews/${review.year}`, 303);
  });
  r.get('/:year{[0-9]{4}}', async (c) => {
    const m = c.get('m');
    const review = await loadReview(c);
    const doc = await reviewDocument(c.get('app').database.db, m, review);
    const committee = may(c.get('viewer'), 'annual-review.drafts');
    // The Committee side sees where each figure comes from and whether its records changed since.
    const trace = committee ? await traceOf(c.get('app').database.db, review) : undefined;
    return render(
      c,
      { title: doc.title },
      <ReviewPage m={m} doc={doc} committee={committee} mayEdit={mayWrite(c)} csrfToken={c.get('csrfToken')} trace={trace} />,
    );
  });
  r.get('/:year{[0-9]{4}}/docx', async (c) => {
    const m = c.get('m');
    const review = await loadReview(c);
    const doc = await reviewDocument(c.get('app').database.db, m, review);
    const bytes = await reviewDocx(m, doc);
    c.header('Content-Type', docxMediaType);
    c.header('Content-Disposition', `attachment; filename="review-${review.year}-${m.locale}.docx"`);
    return c.body(new Uint8Array(bytes));
  });
  r.get('/:year{[0-9]{4}}/pdf', async (c) => {
    const review = await loadReview(c);
    const file = await reviewFile(c.get('app').database.db, c.get('m'), review, 'pdf', () => printerOf(c.get('app')));
    c.header('Content-Type', file.type);
    c.header('Content-Disposition', `attachment; filename="${file.name}"`);
    return c.body(file.body);
  });
  r.get('/:year{[0-9]{4}}/paragraphs/:key', async (c) => {
    const m = c.get('m');
    authorize(c, mayWrite(c), 'the drafts of the annual review');
    const review = await loadReview(c);
    const doc = await reviewDocument(c.get('app').database.db, m, review);
    const p = doc.sections.flatMap((s) => s.paragraphs).find((x) => x.key === c.req.param('key'));
    if (!p) throw notFound('the paragraph');
    const title = p.number === null ? m.t('annualReview.editUnnumbered') : m.t('annualReview.edit', { number: p.number });
    return render(c, { title }, <ParagraphForm m={m} doc={doc} p={p} csrfToken={c.get('csrfToken')} />);
  });
  r.post('/:year{[0-9]{4}}/paragraphs/:key', async (c) => {
    const m = c.get('m');
    authorize(c, mayWrite(c), 'the drafts of the annual review');
    const review = await loadReview(c);
    const body = await formBody(c);
    const key = c.req.param('key');
    await writeParagraph(
      c.get('app').database.db,
      c.get('viewer')!,
      review.id,
      key,
      m.locale,
      fields(body, ['body', 'translationStatus', 'rowVersion']),
    );
    return c.redirect(`/${m.locale}/reviews/${review.year}#p-${key}`, 303);
  });
  r.post('/:year{[0-9]{4}}/regenerate', async (c) => {
    authorize(c, mayWrite(c), 'the drafts of the annual review');
    const review = await loadReview(c);
    const body = await formBody(c);
    await regenerate(c.get('app').database.db, c.get('viewer')!, review.id, Number(text(body, 'rowVersion')));
    return c.redirect(`/${c.get('m').locale}/reviews/${review.year}`, 303);
  });
  r.post('/:year{[0-9]{4}}/advance', async (c) => {
    authorize(c, mayWrite(c), 'the drafts of the annual review');
    const review = await loadReview(c);
    const body = await formBody(c);
    const given = Object.fromEntries(
      Object.entries(fields(body, ['to', 'rowVersion', 'letterOn', 'publishedOn'])).filter(([, v]) => v !== ''),
    );
    await advance(c.get('app').database.db, c.get('viewer')!, review.id, given);
    return c.redirect(`/${c.get('m').locale}/reviews/${review.year}`, 303);
  });
  traceRoutes(r, loadReview);
  r.post('/:year{[0-9]{4}}/new-draft', async (c) => {
    authorize(c, mayWrite(c), 'the drafts of the annual review');
    const review = await loadReview(c);
    await newDraftFrom(c.get('app').database.db, c.get('viewer')!, review.id);
    return c.redirect(`/${c.get('m').locale}/reviews/${review.year}`, 303);
  });
  return r;
}
