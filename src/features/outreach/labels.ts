import type { MessageKey, Messages } from '../../platform/i18n/i18n.ts';
import { pick } from '../../platform/i18n/locales.ts';
import { can, type Viewer } from '../../platform/policy/policy.ts';
import { listStates } from '../member-states/index.ts';
import { listOrganizations } from '../organizations/index.ts';
import { splitLink } from './links.ts';
import type { Db, EventRow } from './queries.ts';

/** A key of this feature's catalogue entries, built from a value (`outreach.group.regional`). */
export const label = (m: Messages, key: string): string => (m.has(`outreach.${key}`) ? m.t(`outreach.${key}` as MessageKey) : key);

/** The names of the States and organizations the viewer may see, in the reader's language. */
export interface Names {
  states: Map<string, string>;
  organizations: Map<string, string>;
  /** Each organization's kind (organizations feature's reference data). */
  kinds: Map<string, string>;
  /** Each State's regional group. */
  regions: Map<string, string>;
}

export async function namesFor(db: Db, viewer: Viewer | null, m: Messages): Promise<Names> {
  const [states, organizations] = await Promise.all([listStates(db as never, {}), listOrganizations(db as never, {})]);
  const seenStates = states.filter((s) =>
    can(viewer, 'read', { type: 'member-state', confidentiality: s.confidentiality, stateIso3: s.iso3 }),
  );
  const seenOrganizations = organizations.filter((o) => can(viewer, 'read', { type: 'organization', confidentiality: o.confidentiality }));
  return {
    states: new Map(seenStates.map((s) => [s.iso3, pick(s.names, m.locale)])),
    organizations: new Map(seenOrganizations.map((o) => [o.code, pick(o.acronyms, m.locale) || pick(o.names, m.locale) || o.code])),
    kinds: new Map(seenOrganizations.map((o) => [o.code, o.kind])),
    regions: new Map(seenStates.map((s) => [s.iso3, s.regional_group])),
  };
}

export const stateName = (names: Names, iso3: string) => names.states.get(iso3) ?? iso3;
export const organizationName = (names: Names, code: string) => names.organizations.get(code) ?? code;

/** "14–17 August 2018", or one day. */
export function datesText(m: Messages, e: Pick<EventRow, 'starts_on' | 'ends_on'>): string {
  return m.dateRange(e.starts_on, e.ends_on);
}

/** The organizers and hosts, in words: States, organizations and the Committee. */
export function organizersText(m: Messages, e: EventRow, names: Names): string {
  return m.list([
    ...e.organizer_states.map((s) => stateName(names, s)),
    ...e.organizer_organizations.map((o) => organizationName(names, o)),
    ...(e.by_committee ? [m.t('outreach.committee')] : []),
  ]);
}

export function linkLabel(m: Messages, link: string): string {
  return label(m, `link.${splitLink(link).type}`);
}

export function organizationKindLabel(m: Messages, kind: string): string {
  const key = `orgKind.${kind}`;
  return m.has(key) ? m.t(key) : kind;
}
