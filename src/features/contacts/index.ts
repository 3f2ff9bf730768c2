import type { Feature } from '../../platform/feature.ts';
import { isCommitteeSide, isOwnState, canSee } from '../../platform/policy/policy.ts';
import { registerContactApi } from './api.ts';
import { pointsOfContactSection } from './bundle.ts';
import { contactsCommand, contactsUsage } from './cli.ts';
import { seedDemoContacts } from './demo.ts';
import { seedDemoContactsSince2018 } from './demo-later.ts';
import { contactResource } from './contacts.ts';
import { contactStateRoutes, contactWebRoutes } from './routes.tsx';
import { searchSources } from './search.ts';

export { type ContactProjection, maySeeContacts, projectContacts, stateContacts } from './contacts.ts';
export { stateContactsFor } from './present.ts';
export { type RecordSource, recordSources } from './schema.ts';

/** Points of contact: details for the Committee side and the State concerned, a projection for everyone else. */
export const contacts: Feature = {
  name: 'contacts',
  tables: [{ name: 'point_of_contact', backup: { key: 'id', textKey: false, serial: false }, bundle: 'points-of-contact' }],
  records: {
    // The secretariat keeps them; their details are 'committee-and-state'. A State's point of contact
    // keeps its own State's contact details up to date and confirms them; designating a contact,
    // dating and ending a designation stay with the keepers (the write core decides field by field).
    'point-of-contact': {
      keepers: ['secretariat', 'admin'],
      decide: (viewer, action, resource) =>
        action === 'update' && isOwnState(viewer, resource) ? canSee(viewer, resource.confidentiality, resource.stateIso3) : undefined,
      resources: async (db, ids) => {
        const rows = await db
          .selectFrom('point_of_contact')
          .select(['id', 'state_iso3'])
          .where('id', 'in', [...ids])
          .execute();
        return new Map(rows.map((r) => [r.id, contactResource(r.state_iso3)]));
      },
    },
  },
  abilities: { 'read-contact-reminders': (viewer) => isCommitteeSide(viewer) },
  web: [
    { path: '/states', routes: contactStateRoutes },
    { path: '/contacts', routes: contactWebRoutes },
  ],
  api: [registerContactApi],
  nav: [{ path: '/contacts', label: 'contacts.nav', order: 60 }],
  bundle: [pointsOfContactSection],
  search: searchSources,
  seed: {
    demo: async (db, { today }) => {
      const seeded = await seedDemoContacts(db);
      const later = await seedDemoContactsSince2018(db, today);
      return `created ${seeded} points of contact, and after 2018 ${later.designated} designations and ${later.confirmed} confirmations (illustrative)`;
    },
  },
  cli: [{ name: 'contacts', usage: contactsUsage, run: contactsCommand }],
};
