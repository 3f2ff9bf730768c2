import type { Feature } from '../../platform/feature.ts';
import { isUuid } from '../../platform/values/codes.ts';
import { registerAdministrationApi } from './api.ts';
import { appointmentsSection, contributionsSection, donorsSection, grantsSection } from './bundle.ts';
import { expertsCommand, expertsUsage } from './cli.ts';
import { seedDemoAdministration } from './demo.ts';
import { searchSources } from './search.ts';
import { peopleRoutes, trustFundRoutes } from './routes.tsx';
import type { Resource } from '../../platform/policy/policy.ts';
import { appointmentResource, type Db, contributionResource, donorResource, grantResource } from './queries.ts';

export {
  chairAt,
  definitions as figureDefinitions,
  donorsWithGrantsUsedIn,
  holdersAt,
  newContributionsIn,
  newExpertsIn,
} from './figures.ts';
export { appointmentRecord } from './present.ts';
export {
  appointmentFact,
  appointmentResource,
  type AppointmentRow,
  contributionFact,
  donorCode,
  donorFact,
  grantFact,
  listAppointments,
  listExperts,
  loadTrustFund,
  seesTrustFund,
  type TrustFund,
} from './queries.ts';
export type { AppointmentRole, GrantActivity } from './schema.ts';

/** The stored trust-fund records with these ids: each the Committee side's. */
async function stored(
  db: Db,
  table: 'trust_fund_donor' | 'trust_fund_contribution' | 'trust_fund_grant',
  ids: readonly string[],
  resource: Resource,
) {
  const uuids = ids.filter(isUuid);
  if (!uuids.length) return new Map<string, Resource>();
  const rows = await db.selectFrom(table).select('id').where('id', 'in', uuids).execute();
  return new Map(rows.map((r) => [r.id, resource]));
}

/** The Secretariat (UNODA) keeps the appointments and the trust fund; the Committee side reads them. */
const keepers = ['secretariat', 'admin'] as const;

/** The Chair and vice-chairs, the Group of Experts and its coordinator; the trust fund (S/2018/1167 ¶47–49). */
export const administration: Feature = {
  name: 'administration',
  tables: [
    { name: 'appointment', backup: { key: 'id', textKey: false, serial: false }, bundle: 'appointments' },
    { name: 'trust_fund_donor', backup: { key: 'id', textKey: false, serial: false }, bundle: 'trust-fund-donors' },
    { name: 'trust_fund_contribution', backup: { key: 'id', textKey: false, serial: false }, bundle: 'trust-fund-contributions' },
    { name: 'trust_fund_grant', backup: { key: 'id', textKey: false, serial: false }, bundle: 'trust-fund-grants' },
  ],
  records: {
    appointment: {
      keepers,
      resources: async (db, ids) => {
        const uuids = ids.filter(isUuid);
        if (!uuids.length) return new Map<string, Resource>();
        const rows = await db.selectFrom('appointment').select(['id', 'confidentiality']).where('id', 'in', uuids).execute();
        return new Map(rows.map((r) => [r.id, appointmentResource(r)]));
      },
    },
    'trust-fund-donor': { keepers, resources: async (db, ids) => stored(db, 'trust_fund_donor', ids, donorResource()) },
    'trust-fund-contribution': {
      keepers,
      resources: async (db, ids) => stored(db, 'trust_fund_contribution', ids, contributionResource()),
    },
    'trust-fund-grant': { keepers, resources: async (db, ids) => stored(db, 'trust_fund_grant', ids, grantResource()) },
  },
  web: [
    { path: '/committee/people', routes: peopleRoutes },
    { path: '/committee/trust-fund', routes: trustFundRoutes },
  ],
  api: [registerAdministrationApi],
  bundle: [appointmentsSection, donorsSection, contributionsSection, grantsSection],
  search: searchSources,
  cli: [{ name: 'experts', usage: expertsUsage, run: expertsCommand }],
  seed: {
    demo: async (db) => {
      const a = await seedDemoAdministration(db);
      return `created ${a.appointments} appointments (the Chair, vice-chairs, experts, coordinator), ${a.donors} trust-fund donors and ${a.grants} grants`;
    },
  },
};
