import type { Kysely } from 'kysely';
import { setMeta } from '../../platform/db/app-meta.ts';
import type { DB } from '../../platform/db/schema.ts';
import { type Actor, systemActor } from '../../platform/audit/record.ts';
import type { Role } from '../../platform/policy/levels.ts';
import { addUser } from './commands.ts';

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
