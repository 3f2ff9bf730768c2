import { type Row, s, type Who } from '../../platform/testing/access-rows.ts';

/*
 * The access-policy rows of the annual review (test/support/access-policy.ts walks them).
 * Each role that may write starts a draft of its own year (2040 + its place in the list), so the
 * rows do not depend on one another; drafts are the Committee side's: 404 for everyone else.
 */
const yearOf: Record<Who, number> = {
  public: 2040,
  poc: 2041,
  provider: 2042,
  expert: 2043,
  committee: 2044,
  secretariat: 2045,
  admin: 2046,
};
const review = (y: number) => ({
  year: String(y),
  programmeNumber: '40',
  programmeSymbol: '',
  periodFrom: `${y}-02-01`,
  periodTo: `${y + 1}-01-31`,
  cutOff: `${y}-12-20`,
  symbol: `S/${y}/1`,
  datedOn: '',
  chairName: 'Policy walk',
  originalLanguage: 'en',
  letterLanguage: 'fr',
});
const version = async (db: Parameters<NonNullable<Row['body']>>[0]['db'], w: Who) =>
  String((await db.selectFrom('annual_review').select('row_version').where('year', '=', yearOf[w]).executeTakeFirst())?.row_version ?? 1);

// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  { method: 'GET', route: '/{lang}/reviews', path: '/en/reviews', expect: s(200, 200, 200, 200, 200, 200, 200) },
  { method: 'POST', route: '/{lang}/reviews', path: '/en/reviews', body: (_ctx, w) => review(yearOf[w]), expect: s(401, 403, 403, 303, 403, 303, 303), note: 'each role its own year' },
  { method: 'POST', route: '/{lang}/reviews', path: '/en/reviews', body: () => ({ ...review(2050), cutOff: '2052-01-01' }), expect: s(401, 403, 403, 422, 403, 422, 422), note: 'a cut-off outside the period' },
  // The expert's draft of 2043: the Committee side reads it, nobody else learns it exists.
  { method: 'GET', route: '/{lang}/reviews/:year', path: '/zh/reviews/2043', expect: s(404, 404, 404, 200, 200, 200, 200), note: 'a draft' },
  { method: 'GET', route: '/{lang}/reviews/:year/docx', path: '/ar/reviews/2043/docx', expect: s(404, 404, 404, 200, 200, 200, 200), note: 'a draft' },
  { method: 'GET', route: '/{lang}/reviews/:year/pdf', path: '/zh/reviews/2043/pdf', expect: s(404, 404, 404, 200, 200, 200, 200), note: 'a draft, printed by Chromium' },
  { method: 'GET', route: '/{lang}/reviews/:year/paragraphs/:key', path: '/en/reviews/2043/paragraphs/I.context', expect: s(401, 403, 403, 200, 403, 200, 200) },
  { method: 'POST', route: '/{lang}/reviews/:year/paragraphs/:key', path: (_ctx, w) => `/en/reviews/2043/paragraphs/III.${yearOf[w] - 2039}`, body: () => ({ body: 'Written in the policy walk <b>as text</b>.', translationStatus: 'original', rowVersion: '0' }), expect: s(401, 403, 403, 303, 403, 303, 303) },
  // The Committee side's working pages around a draft (the expert's of 2043): everyone else is refused before the draft is looked up.
  { method: 'GET', route: '/{lang}/reviews/:year/figures/:key', path: '/en/reviews/2043/figures/requests', expect: s(401, 403, 403, 200, 200, 200, 200), note: 'a draft' },
  { method: 'GET', route: '/{lang}/reviews/:year/figures/:key', path: '/ar/reviews/2043/figures/no-such-figure', expect: s(401, 403, 403, 404, 404, 404, 404) },
  { method: 'GET', route: '/{lang}/reviews/:year/translations', path: '/zh/reviews/2043/translations', expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/reviews/:year/previous-year', path: '/en/reviews/2043/previous-year', expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/reviews/:year/versions', path: '/fr/reviews/2043/versions', expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/reviews/:year/versions/diff', path: '/en/reviews/2043/versions/diff?from=1&to=now', expect: s(401, 403, 403, 200, 200, 200, 200) },
  { method: 'GET', route: '/{lang}/reviews/:year/versions/diff', path: '/en/reviews/2043/versions/diff?from=99&to=now', expect: s(401, 403, 403, 404, 404, 404, 404), note: 'no such version' },
  { method: 'POST', route: '/{lang}/reviews/:year/paragraphs/:key/reconcile', path: (_ctx, w) => `/en/reviews/${yearOf[w]}/paragraphs/II.A.reports/reconcile`, body: () => ({ rowVersion: '1' }), expect: s(401, 403, 403, 409, 403, 409, 409), note: 'not edited: nothing to reconcile' },
  { method: 'POST', route: '/{lang}/reviews/:year/regenerate', path: (_ctx, w) => `/en/reviews/${yearOf[w]}/regenerate`, body: async (ctx, w) => ({ rowVersion: await version(ctx.db, w) }), expect: s(401, 403, 403, 303, 403, 303, 303) },
  { method: 'POST', route: '/{lang}/reviews/:year/new-draft', path: (_ctx, w) => `/en/reviews/${yearOf[w]}/new-draft`, expect: s(401, 403, 403, 409, 403, 409, 409), note: 'a draft is edited, not copied' },
  { method: 'POST', route: '/{lang}/reviews/:year/advance', path: (_ctx, w) => `/en/reviews/${yearOf[w]}/advance`, body: async (ctx, w) => ({ to: 'working-group', rowVersion: await version(ctx.db, w) }), expect: s(401, 403, 403, 303, 403, 303, 303) },
  { method: 'GET', route: '/api/v1/reviews/:year', path: '/api/v1/reviews/2043?lang=zh', expect: s(404, 404, 404, 200, 200, 200, 200), note: 'a draft' },
  { method: 'GET', route: '/api/v1/reviews/:year', path: '/api/v1/reviews/2043.docx?lang=ar', expect: s(404, 404, 404, 200, 200, 200, 200), note: 'a draft, as Word' },
  { method: 'GET', route: '/api/v1/reviews/:year', path: '/api/v1/reviews/2043.pdf?lang=ar', expect: s(404, 404, 404, 200, 200, 200, 200), note: 'a draft, as PDF' },
  // A figure and the records behind it: the Committee side's, like the figure's page.
  { method: 'GET', route: '/api/v1/reviews/:year/figures/:key', path: '/api/v1/reviews/2043/figures/requests?lang=fr', expect: s(401, 403, 403, 200, 200, 200, 200), note: 'a draft' },
  { method: 'GET', route: '/api/v1/reviews/:year/figures/:key', path: '/api/v1/reviews/2043/figures/no-such-figure', expect: s(401, 403, 403, 404, 404, 404, 404) },
  { method: 'GET', route: '/api/v1/reviews/:year/figures/:key', path: '/api/v1/reviews/2043/figures/requests?lang=de', expect: s(401, 403, 403, 422, 422, 422, 422), note: 'not one of the six languages' },
  { method: 'GET', route: '/static/annual-review-print.css', path: '/static/annual-review-print.css', expect: s(200, 200, 200, 200, 200, 200, 200), note: 'the print stylesheet' },
  { method: 'GET', route: '/api/v1/reviews/:year', path: '/api/v1/reviews/2043?lang=de', expect: s(422, 422, 422, 422, 422, 422, 422), note: 'not one of the six languages' },
];
