import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { pick } from '../../platform/i18n/locales.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { readableStates } from '../member-states/index.ts';
import { readableOrganizations } from '../organizations/index.ts';
import { donorCode, loadTrustFund, type TrustFund } from './queries.ts';

/** The names a page of administration shows, in the reader's language, and the choices its forms offer. */
export interface Names {
  state(iso3: string | null): string;
  organization(code: string | null): string;
  /** A donor by id: its State's or organization's name. */
  donor(id: string): string;
  /** A contribution by id: its donor and year. */
  contribution(id: string): string;
  /** The donor of a contribution, by the contribution's id. */
  donorOfContribution(id: string): string;
  states: { value: string; label: string }[];
  organizations: { value: string; label: string }[];
  donors: { value: string; label: string }[];
  contributions: { value: string; label: string }[];
  fund: TrustFund;
}

/** The names the viewer may see (States and organizations it may not see are shown by their codes). */
export async function loadNames(db: Kysely<DB>, viewer: Viewer | null, m: Messages, withFund = false): Promise<Names> {
  const [states, organizations, fund] = await Promise.all([
    readableStates(db, viewer, {}),
    readableOrganizations(db, viewer, {}),
    withFund ? loadTrustFund(db, viewer) : Promise.resolve({ donors: [], contributions: [], grants: [] }),
  ]);
  const stateNames = new Map(states.map((s) => [s.iso3.trim(), pick(s.names, m.locale)]));
  const orgNames = new Map(organizations.map((o) => [o.code, pick(o.acronyms, m.locale) || pick(o.names, m.locale)]));
  const state = (iso3: string | null) => (iso3 ? (stateNames.get(iso3.trim()) ?? iso3) : '');
  const organization = (code: string | null) => (code ? (orgNames.get(code) ?? code) : '');
  const donorName = new Map(
    fund.donors.map((d) => [d.id, d.donor_kind === 'state' ? state(d.state_iso3) : organization(d.organization_code)] as const),
  );
  const donor = (id: string) => donorName.get(id) ?? id;
  const contributions = new Map(fund.contributions.map((c) => [c.id, c]));
  const donorOfContribution = (id: string) => {
    const c = contributions.get(id);
    return c ? donor(c.donor_id) : id;
  };
  const contribution = (id: string) => {
    const c = contributions.get(id);
    return c ? `${donor(c.donor_id)}, ${c.year}` : id;
  };
  const sorted = (list: { value: string; label: string }[]) => list.sort((a, b) => m.compare(a.label, b.label));
  return {
    state,
    organization,
    donor,
    contribution,
    donorOfContribution,
    states: sorted([...stateNames].map(([value, label]) => ({ value, label }))),
    organizations: sorted(organizations.map((o) => ({ value: o.code, label: `${organization(o.code)} (${o.code})` }))),
    donors: sorted(fund.donors.map((d) => ({ value: d.id, label: `${donor(d.id)} (${donorCode(d)})` }))),
    contributions: sorted(fund.contributions.map((c) => ({ value: c.id, label: contribution(c.id) }))),
    fund,
  };
}
