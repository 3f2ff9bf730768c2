import type { Feature } from '../../platform/feature.ts';
import { registerPublicationsApi } from './api.ts';
import { registerFaqApi } from './faq-api.ts';
import { faqGroupsSection, faqQuestionsSection, publicationsSection } from './bundle.ts';
import { publicationsCommand, publicationsUsage } from './cli.ts';
import { seedDemoPublications } from './demo.ts';
import { faqWebRoutes } from './faq-routes.tsx';
import { publicationWebRoutes } from './routes.tsx';
import { searchSources } from './search.ts';

export { type PublicationFact, publicationsFigureDefinition, publicationsInYear, publicationsPerYear, yearFigures } from './figures.ts';
export { publicationFacts } from './queries.ts';

const byId = { key: 'id', textKey: false, serial: false } as const;

/**
 * The Committee's publications (¶41, ¶44, ¶46: statements, the Chair's quarterly messages, press
 * releases, news), each language version its own text, written by the experts or the secretariat,
 * approved by the Committee, published by the secretariat; and the FAQ (¶43b), kept by the secretariat.
 */
export const publications: Feature = {
  name: 'publications',
  tables: [
    { name: 'publication', backup: byId, bundle: 'publications' },
    { name: 'publication_text', backup: byId, bundle: 'publications' },
    { name: 'faq_group', backup: byId, bundle: 'faq-groups' },
    { name: 'faq_question', backup: byId, bundle: 'faq-questions' },
  ],
  // Written by the experts and the secretariat; approved by committee members (the policy's
  // `approve`: committee, admin); published by the secretariat (`publish`: secretariat, admin).
  // The FAQ is the secretariat's.
  records: {
    publication: { keepers: ['expert', 'secretariat', 'admin'] },
    'faq-group': { keepers: ['secretariat', 'admin'] },
    'faq-question': { keepers: ['secretariat', 'admin'] },
  },
  web: [
    { path: '/publications', routes: publicationWebRoutes },
    { path: '/faq', routes: faqWebRoutes },
  ],
  api: [registerPublicationsApi, registerFaqApi],
  nav: [
    { path: '/publications', label: 'publications.nav', order: 105 },
    { path: '/faq', label: 'publications.faq.nav', order: 115 },
  ],
  bundle: [publicationsSection, faqGroupsSection, faqQuestionsSection],
  search: searchSources,
  cli: [{ name: 'publications', usage: publicationsUsage, run: publicationsCommand }],
  seed: {
    demo: async (db) => {
      const { publications: p, questions } = await seedDemoPublications(db);
      return `created ${p} publications (the 2018 review's, titles illustrative) and ${questions} questions of the FAQ`;
    },
  },
};
