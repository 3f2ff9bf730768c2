import type { CsvCell } from '../../platform/formats/csv.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { type ContactProjection, type ContactRow, maySeeContacts, projectContacts } from './contacts.ts';
import type { ContactLocation, RecordSource } from './schema.ts';

/*
 * What a reader sees of a State's points of contact, whatever the door (the State's contacts page
 * and its CSV, the API, the bundle, the State's page): whether the State has one and since when,
 * for everyone; the names, addresses and history only for the Committee side and the State
 * concerned.
 */

/** A contact in the camelCase shape of the API and of its history. */
export function contactRecord(row: ContactRow) {
  return {
    id: row.id,
    stateIso3: row.state_iso3,
    location: row.location,
    name: row.name,
    title: row.title,
    institution: row.institution,
    email: row.email,
    phone: row.phone,
    languages: row.languages,
    designatedOn: row.designated_on,
    endedOn: row.ended_on,
    lastConfirmedOn: row.last_confirmed_on,
    source: row.source,
    rowVersion: row.row_version,
  };
}

/** A contact as the bundle carries it: its details, its State, archived or not. */
export interface ContactView {
  id: string;
  state: string;
  location: ContactLocation;
  name: string;
  title: string;
  institution: string;
  email: string;
  phone: string;
  languages: string[];
  designatedOn: string;
  endedOn: string | null;
  lastConfirmedOn: string | null;
  source: RecordSource;
  archived: boolean;
}

export function presentContact(row: ContactRow): ContactView {
  const { stateIso3, rowVersion: _version, ...details } = contactRecord(row);
  return { ...details, state: stateIso3, archived: row.archived_at !== null };
}

/** What the viewer sees of one State's contacts: the projection, and the rows only if it may see the details. */
export interface StateContactsView {
  projection: ContactProjection;
  details: ContactRow[] | null;
}

export function stateContactsFor(viewer: Viewer | null, stateIso3: string, rows: readonly ContactRow[], today: string): StateContactsView {
  return { projection: projectContacts(stateIso3, rows, today), details: maySeeContacts(viewer, stateIso3) ? [...rows] : null };
}

/** One State's contacts as CSV: the details for those who may see them, else the projection alone. */
export function stateContactsCsv(view: StateContactsView): CsvCell[][] {
  const p = view.projection;
  if (!view.details)
    return [
      ['iso3', 'designated', 'since'],
      [p.stateIso3, p.designated, p.since],
    ];
  return [
    [
      'iso3',
      'location',
      'name',
      'title',
      'institution',
      'email',
      'phone',
      'languages',
      'designated_on',
      'ended_on',
      'last_confirmed_on',
      'source',
    ],
    ...view.details.map((x) => [
      x.state_iso3,
      x.location,
      x.name,
      x.title,
      x.institution,
      x.email,
      x.phone,
      x.languages.join(' '),
      x.designated_on,
      x.ended_on,
      x.last_confirmed_on,
      x.source,
    ]),
  ];
}
