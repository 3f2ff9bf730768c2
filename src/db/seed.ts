import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { addUser } from '../modules/accounts/commands.ts';
import { type Actor, systemActor } from '../modules/audit/record.ts';
import { seedDemoMatrices } from '../modules/matrix/demo.ts';
import { seedDemoReview } from '../modules/matrix/review-demo.ts';
import { seedDemoContacts } from '../modules/contacts/demo.ts';
import { seedDemoEngagement } from '../modules/engagement/demo.ts';
import { seedDemoReports } from '../modules/reports/demo.ts';
import { seedDemoCorrespondence } from '../modules/correspondence/demo.ts';
import { seedDemoAssistance } from '../modules/assistance/demo.ts';
import { seedTemplates } from '../modules/matrix/templates.ts';
import { seedStates } from '../modules/member-states/commands.ts';
import { seedOrganizations } from '../modules/organizations/commands.ts';
import type { Role } from '../policy/levels.ts';
import { getMeta, setMeta } from './app-meta.ts';
import type { DB } from './schema.ts';

/** Shipped reference data: organizations first, since States name the ones they belong to. */
export async function seedReference(db: Kysely<DB>, actor: Actor = systemActor) {
  return db.transaction().execute(async (trx) => {
    const organizations = await seedOrganizations(trx, actor);
    const states = await seedStates(trx, actor);
    const templates = await seedTemplates(trx, actor);
    return { organizations, states, templates };
  });
}

/** The demonstration accounts, one per role. Their password is public: never use them in production. */
export const demoPassword = 'demo-password-1540';
export const demoAccounts: { email: string; displayName: string; role: Role; stateIso3?: string; organizationCode?: string }[] = [
  { email: 'expert@demo.r1540.org', displayName: 'Demo Expert', role: 'expert' },
  { email: 'committee@demo.r1540.org', displayName: 'Demo Committee Member', role: 'committee' },
  { email: 'secretariat@demo.r1540.org', displayName: 'Demo Secretariat', role: 'secretariat' },
  { email: 'admin@demo.r1540.org', displayName: 'Demo Administrator', role: 'admin' },
  { email: 'poc.mli@demo.r1540.org', displayName: 'Demo Point of Contact (Mali)', role: 'state-contact', stateIso3: 'MLI' },
  { email: 'provider@demo.r1540.org', displayName: 'Demo Provider (IAEA)', role: 'provider', organizationCode: 'IAEA' },
];

export async function seedDemoAccounts(db: Kysely<DB>, actor: Actor = systemActor): Promise<number> {
  let added = 0;
  for (const a of demoAccounts) {
    const exists = await db.selectFrom('app_user').select('id').where('email', '=', a.email).executeTakeFirst();
    if (exists) continue;
    await addUser(db, actor, { ...a, password: demoPassword });
    added++;
  }
  await setMeta(db, 'demo', true);
  return added;
}

/**
 * On first start: reference data, and unless R1540_DEMO=false the demo accounts and a
 * demonstration matrix history for every State (made-up data, marked `demo`).
 */
export async function ensureSeeded(
  db: Kysely<DB>,
  config: Pick<Config, 'seedDemo'>,
  log?: (line: string) => void,
): Promise<{ demo: boolean }> {
  const seeded = await getMeta<boolean>(db, 'seeded');
  if (!seeded) {
    const ref = await seedReference(db);
    log?.(`loaded ${ref.states} Member States, ${ref.organizations} organizations and ${ref.templates} matrix template(s)`);
    if (config.seedDemo) {
      const n = await seedDemoAccounts(db);
      log?.(`created ${n} demonstration accounts (password: ${demoPassword})`);
      const m = await seedDemoMatrices(db, systemActor, { log });
      await seedDemoReview(db);
      await seedDemoContacts(db);
      await seedDemoEngagement(db);
      await seedDemoReports(db);
      await seedDemoCorrespondence(db);
      await seedDemoAssistance(db);
      log?.(
        `created ${m.matrices} demonstration matrix versions for ${m.states} States in ${(m.ms / 1000).toFixed(1)} s (made-up data, not the Committee's information)`,
      );
    }
    await setMeta(db, 'seeded', true);
  }
  return { demo: (await getMeta<boolean>(db, 'demo')) === true };
}
