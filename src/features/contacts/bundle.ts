import { z } from 'zod';
import { visibleCodes } from '../../platform/bundle/fields.ts';
import { keptSection } from '../../platform/bundle/record-section.ts';
import type { BundleSection } from '../../platform/bundle/section.ts';
import { iso3, recordId } from '../../platform/values/codes.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { choice } from '../reports/index.ts';
import { importContact } from './commands.ts';
import { contactResource, maySeeContacts } from './contacts.ts';
import { checkContactInput, contactFields } from './inputs.ts';
import { type ContactView, presentContact } from './present.ts';
import { recordSources } from './schema.ts';

/*
 * Points of contact, with their details. Those details are confidential to the Committee side and
 * the State concerned, so an export holds only the contacts the viewer may see in full: the
 * public's export has none (the public learns that a State has a point of contact, and since
 * when, from the contacts pages and the API, never from a name or an address).
 */

export const contactRecordSchema: z.ZodType<ContactView> = z.strictObject({
  id: recordId.transform((id) => id.toLowerCase()),
  state: iso3,
  ...contactFields(null),
  source: choice(recordSources).default('entered'),
  archived: z.boolean().default(false),
});
export type ContactBundleRecord = ContactView;

export const pointsOfContactSection: BundleSection<ContactView> = keptSection({
  name: 'points-of-contact',
  table: 'point_of_contact',
  schema: contactRecordSchema,
  present: presentContact,
  rowResource: (row) => contactResource(row.state_iso3),
  resource: (c) => contactResource(c.state),
  references: (c) => [{ field: 'state', section: 'member-states', key: c.state, noun: 'Member State' }],
  async export(db, viewer) {
    const { states } = await visibleCodes(db, viewer);
    // Filtered in SQL too: the rows of a State whose details the viewer may not see are never read.
    const allowed = [...states].filter((s) => maySeeContacts(viewer, s));
    if (!allowed.length) return [];
    const rows = await db.selectFrom('point_of_contact').selectAll().where('state_iso3', 'in', allowed).orderBy('id').execute();
    return rows.filter((r) => maySeeContacts(viewer, r.state_iso3)).map(presentContact);
  },
  context: async () => todayIso(),
  always: (c, before) =>
    before && before.state_iso3 !== c.state
      ? [
          {
            field: 'state',
            problem: `is ${c.state}, and the stored contact is ${before.state_iso3}’s: a point of contact does not move to another State`,
          },
        ]
      : [],
  changed: (c, today) => checkContactInput(c, today),
  write: importContact,
});
