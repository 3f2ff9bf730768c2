import type { Feature } from '../../platform/feature.ts';
import { registerCorrespondenceApi } from './api.ts';
import { lettersSection } from './bundle.ts';
import { seedDemoCorrespondence } from './demo.ts';
import { seedDemoCorrespondenceSince2018 } from './demo-later.ts';
import { letterWebRoutes } from './routes.tsx';
import { searchSources } from './search.ts';

export { type LetterRow, listLetters } from './queries.ts';

/** The Chair's letters and notes, notes verbales and replies, with their recipients and the records they concern. */
export const correspondence: Feature = {
  name: 'correspondence',
  tables: [
    { name: 'letter', backup: { key: 'id', textKey: false, serial: false, selfReferencing: true }, bundle: 'letters' },
    { name: 'letter_recipient', backup: { key: 'id', textKey: false, serial: false }, bundle: 'letters' },
    { name: 'letter_concern', backup: { key: 'id', textKey: false, serial: false }, bundle: 'letters' },
  ],
  // Recorded by the experts and the secretariat; read by confidentiality (the State concerned: state_iso3).
  records: { letter: { keepers: ['expert', 'secretariat', 'admin'] } },
  web: [{ path: '/letters', routes: letterWebRoutes }],
  api: [registerCorrespondenceApi],
  nav: [{ path: '/letters', label: 'letters.nav', order: 40 }],
  bundle: [lettersSection],
  search: searchSources,
  seed: {
    demo: async (db, { today }) => {
      const seeded = await seedDemoCorrespondence(db);
      const later = await seedDemoCorrespondenceSince2018(db, today);
      return `created ${seeded.letters} letters (the 2018 review's), and ${later.letters} after 2018 (illustrative)`;
    },
  },
};
