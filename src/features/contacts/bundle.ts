import { todayIso } from '../../platform/values/dates.ts';
import { z } from 'zod';
import { isoDate, recordId, recordSource, stateCode, visibleCodes } from '../../platform/bundle/fields.ts';
import { checkById, importById, storedRecords } from '../../platform/bundle/record-section.ts';
import type { BundleSection } from '../../platform/bundle/section.ts';
import { checkContactInput, type ContactRow, contactRecord, contactResource, maySeeContacts } from './contacts.ts';
import { contactLocations } from './schema.ts';

/*
 * Points of contact, with their details. Those details are confidential to the Committee side and
 * the State concerned, so an export holds only the contacts the viewer may see in full: the
 * public's export has none (the public learns that a State has a point of contact, and since
 * when, from the contacts pages and the API, never from a name or an address).
 */

export const contactRecordSchema = z.strictObject({
  id: recordId,
  state: stateCode,
  location: z.enum(contactLocations, `must be one of ${contactLocations.join(', ')}`),
  name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  title: z.string().trim().max(200, 'must be at most 200 characters').default(''),
  institution: z.string().trim().max(300, 'must be at most 300 characters').default(''),
  email: z.string().trim().max(254, 'must be at most 254 characters').default(''),
  phone: z.string().trim().max(60, 'must be at most 60 characters').default(''),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language code such as fr, en, ar'))
    .max(20, 'at most 20 languages')
    .default([]),
  designatedOn: isoDate,
  endedOn: isoDate.nullable().default(null),
  lastConfirmedOn: isoDate.nullable().default(null),
  source: recordSource.default('entered'),
  archived: z.boolean().default(false),
});
export type ContactBundleRecord = z.output<typeof contactRecordSchema>;

export function contactBundleRecord(row: ContactRow): ContactBundleRecord {
  return {
    id: row.id,
    state: row.state_iso3,
    location: row.location,
    name: row.name,
    title: row.title,
    institution: row.institution,
    email: row.email,
    phone: row.phone,
    languages: row.languages as ContactBundleRecord['languages'],
    designatedOn: row.designated_on,
    endedOn: row.ended_on,
    lastConfirmedOn: row.last_confirmed_on,
    source: row.source,
    archived: row.archived_at !== null,
  };
}

export const pointsOfContactSection: BundleSection<ContactBundleRecord> = {
  name: 'points-of-contact',
  keyField: 'id',
  schema: contactRecordSchema,
  key: (c) => c.id,
  resource: (c) => contactResource(c.state),

  async export(db, viewer) {
    const { states } = await visibleCodes(db, viewer);
    // Filtered in SQL too: the rows of a State whose details the viewer may not see are never read.
    const allowed = [...states].filter((s) => maySeeContacts(viewer, s));
    if (!allowed.length) return [];
    const rows = await db.selectFrom('point_of_contact').selectAll().where('state_iso3', 'in', allowed).orderBy('id').execute();
    return rows.filter((r) => maySeeContacts(viewer, r.state_iso3)).map(contactBundleRecord);
  },

  stored: (db, keys) => storedRecords(db, 'point_of_contact', keys, contactBundleRecord),

  references: (c) => [{ field: 'state', section: 'member-states', key: c.state, noun: 'Member State' }],

  async check(db, records) {
    const today = todayIso();
    return checkById(db, 'point_of_contact', records, {
      toRecord: contactBundleRecord,
      always: (c, before) =>
        before && before.state_iso3 !== c.state
          ? [
              {
                field: 'state',
                problem: `is ${c.state}, and the stored contact is ${before.state_iso3}’s: a point of contact does not move to another State`,
              },
            ]
          : [],
      changed: (c) => checkContactInput(c, today),
    });
  },

  async import(trx, actor, records, report) {
    // The audit's confidentiality is the table's one level, committee-and-state.
    await importById(trx, actor, records, report, {
      table: 'point_of_contact',
      toRecord: contactBundleRecord,
      recordType: 'point-of-contact',
      audited: contactRecord,
      fixed: (c) => ({ state_iso3: c.state }),
      columns: (c) => ({
        location: c.location,
        name: c.name,
        title: c.title,
        institution: c.institution,
        email: c.email,
        phone: c.phone,
        languages: c.languages,
        designated_on: c.designatedOn,
        ended_on: c.endedOn,
        last_confirmed_on: c.lastConfirmedOn,
        source: c.source,
      }),
    });
  },
};
