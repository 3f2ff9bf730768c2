import type { Feature } from '../../platform/feature.ts';
import { isCommitteeSide } from '../../platform/policy/policy.ts';
import { matrixCommand, matrixUsage } from './cli.ts';
import { registerConversionApi } from './convert/api-convert.ts';
import { registerFigureApi } from './figures/api-figures.ts';
import { figureWebRoutes } from './figures/figure-routes.tsx';
import { matrixGridRoutes } from './grid/grid-routes.tsx';
import { registerProposalApi } from './proposals/api-proposals.ts';
import { matrixProposalRoutes } from './proposals/proposal-routes.tsx';
import { registerReviewApi } from './reviews/api-reviews.ts';
import { matrixProposalsSection } from './proposals/bundle.ts';
import { reviewCyclesSection } from './reviews/bundle.ts';
import { seedDemoReview } from './reviews/review-demo.ts';
import { reviewWebRoutes } from './reviews/review-routes.tsx';
import { registerTemplateApi } from './templates/api.ts';
import { registerTemplateEditApi } from './templates/api-templates.ts';
import { matrixWebRoutes } from './templates/routes.tsx';
import { seedTemplates } from './templates/templates.ts';
import { registerTransferApi } from './transfer/api-transfer.ts';
import { importBodyLimit, isImportPath, matrixTransferRoutes } from './transfer/transfer-routes.tsx';
import { registerMatrixVersionApi } from './versions/api-matrices.ts';
import { matricesSection } from './versions/bundle.ts';
import { matrixTemplatesSection } from './templates/bundle.ts';
import { seedDemoMatrices } from './versions/demo.ts';
import { seedDemoMatrixWithState } from './versions/demo-with-state.ts';
import { matrixStateRoutes } from './versions/matrix-routes.tsx';

export { cellOf, gaps, type StateMatrix } from './figures/figures.ts';
export type { CellValue, MeasureKind, TemplateData } from './templates/template.ts';

/**
 * The 1540 Matrix: templates as versioned data, each State's matrix in versions through the
 * Committee's workflow, the grid, the State's comments and proposals, review cycles, figures,
 * files (XLSX, CSV, JSON) and conversion between templates.
 */
export const matrix: Feature = {
  name: 'matrix',
  tables: [
    {
      name: 'matrix_template',
      backup: { key: 'version', textKey: true, serial: false, selfReferencing: true },
      bundle: 'matrix-templates',
    },
    { name: 'matrix', backup: { key: 'id', textKey: false, serial: false, selfReferencing: true }, bundle: 'matrices' },
    { name: 'matrix_cell', backup: { key: 'id', textKey: false, serial: true }, bundle: 'matrices' },
    { name: 'matrix_proposal', backup: { key: 'id', textKey: false, serial: false }, bundle: 'matrix-proposals' },
    { name: 'review_cycle', backup: { key: 'id', textKey: false, serial: false }, bundle: 'review-cycles' },
    { name: 'review_assignment', backup: { key: 'id', textKey: false, serial: false }, bundle: 'review-cycles' },
  ],
  records: {
    // The Committee's format: administrators create new versions.
    'matrix-template': { keepers: ['admin'] },
    // The Group of Experts keeps the matrices; the Committee approves, the secretariat publishes.
    matrix: { keepers: ['expert', 'admin'] },
    // Review cycles are the Committee side's own planning: never a State's, a provider's or the public's.
    'review-cycle': { keepers: ['expert', 'secretariat', 'admin'], decide: (viewer) => (isCommitteeSide(viewer) ? undefined : false) },
  },
  abilities: { 'read-review-cycles': (viewer) => isCommitteeSide(viewer) },
  web: [
    { path: '/states', routes: matrixStateRoutes },
    { path: '/', routes: matrixTransferRoutes },
    { path: '/states', routes: matrixGridRoutes },
    { path: '/states', routes: matrixProposalRoutes },
    { path: '/matrix', routes: matrixWebRoutes },
    { path: '/matrix', routes: figureWebRoutes },
    { path: '/matrix', routes: reviewWebRoutes },
  ],
  api: [
    registerFigureApi,
    registerReviewApi,
    registerTemplateEditApi,
    registerConversionApi,
    registerProposalApi,
    registerTransferApi,
    registerTemplateApi,
    registerMatrixVersionApi,
  ],
  nav: [
    { path: '/matrix/templates', label: 'nav.matrixTemplates', order: 90 },
    { path: '/matrix/figures', label: 'figures.nav', order: 100 },
    { path: '/matrix/reviews', label: 'review.nav', needs: 'read-review-cycles', order: 130 },
  ],
  bundle: [matrixTemplatesSection, matricesSection, matrixProposalsSection, reviewCyclesSection],
  seed: {
    reference: async (trx, actor) => `${await seedTemplates(trx, actor)} matrix template(s)`,
    demo: async (db, { log, today }) => {
      // The demonstration matrices are moved along their workflow by the demonstration accounts.
      const m = await seedDemoMatrices(db, undefined, { log });
      await seedDemoReview(db);
      // Mali's next version with the State, commented on by its point of contact.
      const mali = await seedDemoMatrixWithState(db, today);
      return `created ${m.matrices} demonstration matrix versions for ${m.states} States in ${(m.ms / 1000).toFixed(1)} s${mali ? `, and Mali's version ${mali} with the State` : ''} (made-up data, not the Committee's information)`;
    },
  },
  cli: [{ name: 'matrix', usage: matrixUsage, run: matrixCommand }],
  // The grid's script: the entry module the page loads (matrix-grid.js) and the modules it imports
  // with relative URLs, all served flat under /static/ with their file names.
  assets: [
    'matrix-grid.js',
    'matrix-grid-page.js',
    'matrix-grid-cells.js',
    'matrix-grid-selection.js',
    'matrix-grid-save.js',
    'matrix-grid-editor.js',
    'matrix-grid-keys.js',
    'matrix-grid-filters.js',
  ].map((name) => ({ name, file: new URL(`./grid/${name}`, import.meta.url), type: 'text/javascript; charset=utf-8' })),
  // A matrix file may be larger than a form.
  bodyLimit: (path, config) => (isImportPath(path) ? Math.max(config.maxBodyBytes, importBodyLimit) : undefined),
};
