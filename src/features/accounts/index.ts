import type { Feature } from '../../platform/feature.ts';
import { registerAccountApi } from './api.ts';
import { tokenCommand, userCommand } from './cli.ts';
import { demoPassword, seedDemoAccounts } from './demo.ts';
import { accountWebRoutes } from './routes.tsx';

export type { AppUserTable } from './schema.ts';
export { viewerOf } from './viewer.ts';

export { authenticate, csrfProtection } from './auth.ts';
export { clientAddress, trustedProxies } from './client-address.ts';
export { accountNamed } from './cli.ts';
export { normaliseEmail } from './commands.ts';
export { demoAccounts, demoPassword, seedDemoAccounts } from './demo.ts';
export { findActiveViewer } from './queries.ts';
export { accountEventsVisibleTo, accountRecordTypes, historyFor } from './history.ts';

const keptHere = 'accounts belong to this installation: a bundle carries records, not who may sign in';

/** Accounts, passwords, sessions and personal API tokens; the login; the secretariat's account pages. */
export const accounts: Feature = {
  name: 'accounts',
  tables: [
    { name: 'app_user', backup: { key: 'id', textKey: false, serial: false }, bundle: { excluded: keptHere } },
    { name: 'api_token', backup: { key: 'id', textKey: false, serial: false }, bundle: { excluded: keptHere } },
    {
      name: 'session',
      backup: { excluded: 'sessions are short-lived: a restored system starts with everyone signed out' },
      bundle: { excluded: keptHere },
    },
    {
      name: 'login_failure',
      backup: { excluded: 'failed logins only count for the throttling window: a restored system starts without them' },
      bundle: { excluded: keptHere },
    },
  ],
  records: { user: { keepers: ['secretariat', 'admin'] }, 'api-token': { keepers: [] } },
  abilities: {
    'manage-accounts': ['secretariat', 'admin'],
    'use-api-tokens': () => true,
    export: () => true,
  },
  web: [{ path: '/', routes: accountWebRoutes }],
  api: [registerAccountApi],
  nav: [{ path: '/admin/users', label: 'nav.accounts', needs: 'manage-accounts', order: 150 }],
  seed: {
    demo: async (db) => `created ${await seedDemoAccounts(db)} demonstration accounts (password: ${demoPassword})`,
  },
  cli: [
    {
      name: 'user',
      usage: `  user add --email E --name N --role R [--state ISO3] [--organization CODE] [--password P]
  user reset-password --email E [--password P]
  user disable --email E     (user enable --email E brings it back)`,
      run: userCommand,
    },
    { name: 'token', usage: '  token create --email E --name N [--days D]   print a new personal API token', run: tokenCommand },
  ],
};
