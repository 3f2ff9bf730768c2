import type { Kysely, Selectable, Transaction } from 'kysely';
import { findKept } from '../../platform/bundle/record-section.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Resource, Viewer } from '../../platform/policy/policy.ts';
import { can, visibilityScope } from '../../platform/policy/policy.ts';
import type { AppointmentFact, ContributionFact, DonorFact, GrantFact } from './figures.ts';
import type { AppointmentRole, AppointmentTable, TrustFundContributionTable, TrustFundDonorTable, TrustFundGrantTable } from './schema.ts';

export type Db = Kysely<DB> | Transaction<DB>;
export type AppointmentRow = Selectable<AppointmentTable>;
export type DonorRow = Selectable<TrustFundDonorTable>;
export type ContributionRow = Selectable<TrustFundContributionTable>;
export type GrantRow = Selectable<TrustFundGrantTable>;

/** An appointment concerns no one State's point of contact: public, or the Committee side's. */
export function appointmentResource(a: Pick<AppointmentRow, 'confidentiality'>): Resource {
  return { type: 'appointment', confidentiality: a.confidentiality, stateIso3: null };
}

/** The trust fund is the Committee side's only, whatever the record. */
export const donorResource = (): Resource => ({ type: 'trust-fund-donor', confidentiality: 'committee', stateIso3: null });
export const contributionResource = (): Resource => ({ type: 'trust-fund-contribution', confidentiality: 'committee', stateIso3: null });
export const grantResource = (): Resource => ({ type: 'trust-fund-grant', confidentiality: 'committee', stateIso3: null });

/** Whether the viewer may see the trust fund at all (the Committee side). */
export const seesTrustFund = (viewer: Viewer | null) => can(viewer, 'read', donorResource());

export interface AppointmentFilters {
  roles?: readonly AppointmentRole[];
  /** Only those in office on this day. */
  asAt?: string;
  /** The archived ones instead of the current ones. */
  archived?: boolean;
}

/** The appointments the viewer may see (the policy applied in SQL), by role, then start, then name. */
export async function listAppointments(db: Db, viewer: Viewer | null, filters: AppointmentFilters = {}): Promise<AppointmentRow[]> {
  let q = db
    .selectFrom('appointment')
    .selectAll()
    .where('archived_at', filters.archived ? 'is not' : 'is', null);
  if (!visibilityScope(viewer).all) q = q.where('confidentiality', '=', 'public');
  if (filters.roles?.length) q = q.where('role', 'in', [...filters.roles]);
  if (filters.asAt)
    q = q.where('starts_on', '<=', filters.asAt).where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', filters.asAt!)]));
  const rows = await q.orderBy('role').orderBy('starts_on').orderBy('person_name').execute();
  return rows.filter((r) => can(viewer, 'read', appointmentResource(r)));
}

/**
 * The Group of Experts as the viewer may see it: the experts and its coordinator (role tells them
 * apart), by start then name; with `asAt`, those in office that day. The outreach and the annual
 * review name the experts from it.
 */
export function listExperts(db: Db, viewer: Viewer | null, options: { asAt?: string } = {}): Promise<AppointmentRow[]> {
  return listAppointments(db, viewer, { roles: ['expert', 'coordinator'], ...(options.asAt ? { asAt: options.asAt } : {}) });
}

export const findAppointment = (db: Db, id: string) => findKept(db, 'appointment', id);
export const findDonor = (db: Db, id: string) => findKept(db, 'trust_fund_donor', id);
export const findContribution = (db: Db, id: string) => findKept(db, 'trust_fund_contribution', id);
export const findGrant = (db: Db, id: string) => findKept(db, 'trust_fund_grant', id);

/** An appointment as the figures take it. */
export const appointmentFact = (a: AppointmentRow): AppointmentFact => ({
  id: a.id,
  role: a.role,
  personName: a.person_name,
  stateIso3: a.state_iso3.trim(),
  startsOn: a.starts_on,
  endsOn: a.ends_on,
});

export interface TrustFund {
  donors: DonorRow[];
  contributions: ContributionRow[];
  grants: GrantRow[];
}

/** The trust fund's records (not archived, or only the archived ones): nothing for a viewer who may not see it. */
export async function loadTrustFund(db: Db, viewer: Viewer | null, archived = false): Promise<TrustFund> {
  if (!seesTrustFund(viewer)) return { donors: [], contributions: [], grants: [] };
  const live = archived ? 'is not' : 'is';
  const [donors, contributions, grants] = await Promise.all([
    db
      .selectFrom('trust_fund_donor')
      .selectAll()
      .where('archived_at', live, null)
      .orderBy('donor_kind')
      .orderBy('state_iso3')
      .orderBy('organization_code')
      .execute(),
    db.selectFrom('trust_fund_contribution').selectAll().where('archived_at', live, null).orderBy('year').orderBy('id').execute(),
    db.selectFrom('trust_fund_grant').selectAll().where('archived_at', live, null).orderBy('used_in_year').orderBy('id').execute(),
  ]);
  return { donors, contributions, grants };
}

/** A donor's code: the State's ISO3, or the organization's code. */
export const donorCode = (d: Pick<DonorRow, 'state_iso3' | 'organization_code'>) => d.state_iso3?.trim() ?? d.organization_code ?? '';

export const donorFact = (d: DonorRow): DonorFact => ({ id: d.id, code: donorCode(d) });
export const contributionFact = (c: ContributionRow): ContributionFact => ({ id: c.id, donorId: c.donor_id, year: c.year });
export const grantFact = (g: GrantRow): GrantFact => ({ id: g.id, contributionId: g.contribution_id, usedInYear: g.used_in_year });
