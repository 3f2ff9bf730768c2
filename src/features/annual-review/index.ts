import type { Feature } from '../../platform/feature.ts';
import { closePrinterOf } from '../../platform/formats/pdf.ts';
import { isUuid } from '../../platform/values/codes.ts';
import { registerReviewApi } from './api.ts';
import { registerReviewFigureApi } from './api-figures.ts';
import { annualReviewsSection } from './bundle.ts';
import { reviewCommand, reviewUsage } from './cli.ts';
import { seedDemoReviews } from './demo.ts';
import { printCssFile } from './print.tsx';
import { reviewResource } from './queries.ts';
import { reviewWebRoutes } from './routes.tsx';

/** The experts draft the review; the Committee side reads and revises the drafts. */
const keepers = ['expert', 'secretariat', 'admin'] as const;

/**
 * The annual review (issue 15), drafted from the records: a review per year and edition with its
 * workflow, the outline of S/2018/1167 as data, generated paragraphs whose figures are counted as
 * at the cut-off and lead back to their records, paragraphs people write per language.
 */
export const annualReview: Feature = {
  name: 'annual-review',
  tables: [
    { name: 'annual_review', backup: { key: 'id', textKey: false, serial: false, selfReferencing: true }, bundle: 'annual-reviews' },
    { name: 'annual_review_paragraph', backup: { key: 'id', textKey: false, serial: false }, bundle: 'annual-reviews' },
    {
      name: 'annual_review_version',
      backup: { key: 'id', textKey: false, serial: false },
      bundle: {
        excluded:
          'the versions of a draft are its history on this installation, as the audit trail is; the bundle carries each review as it stands',
      },
    },
  ],
  records: {
    'annual-review': {
      keepers,
      resources: async (db, ids) => {
        const uuids = ids.filter(isUuid);
        if (!uuids.length) return new Map();
        const rows = await db.selectFrom('annual_review').select(['id', 'confidentiality']).where('id', 'in', uuids).execute();
        return new Map(rows.map((r) => [r.id, reviewResource(r)]));
      },
    },
  },
  abilities: { 'annual-review.drafts': ['expert', 'committee', 'secretariat', 'admin'] },
  web: [{ path: '/reviews', routes: reviewWebRoutes }],
  api: [registerReviewApi, registerReviewFigureApi],
  // The published reviews are everyone's; the drafts (the same pages) the Committee side's.
  nav: [{ path: '/reviews', label: 'annualReview.nav', order: 135 }],
  bundle: [annualReviewsSection],
  cli: [{ name: 'review', usage: reviewUsage, run: reviewCommand }],
  // The print stylesheet the review page links; the PDFs' Chromium, started on the first, stops with the server.
  assets: [{ name: 'annual-review-print.css', file: printCssFile, type: 'text/css; charset=utf-8' }],
  shutdown: (app) => closePrinterOf(app),
  seed: {
    demo: async (db) =>
      `created ${await seedDemoReviews(db)} annual reviews (S/2018/1167 published, its figures from the records; a draft of 2019)`,
  },
};
