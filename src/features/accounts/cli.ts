import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { invalid } from '../../platform/errors.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { addUser, createApiToken, normaliseEmail, resetPassword, setUserDisabled } from './commands.ts';
import { findActiveViewer, findUserByEmail } from './queries.ts';
import type { Actor } from '../../platform/audit/record.ts';
import { type CliServices, type Command, readAll, writeLine } from '../../platform/cli.ts';

/** Changes made from the command line are recorded as made by the operating-system user. */
export function cliActor(): Actor {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // no passwd entry
  }
  return { id: null, label: `command line (${name})` };
}

/** The account a command acts as (`--as E`): it must exist and be active. */
export async function accountNamed(db: Kysely<DB>, email: string): Promise<Viewer> {
  const viewer = await findActiveViewer(db, normaliseEmail(email));
  if (!viewer) throw invalid([{ field: '--as', problem: `no active account has the e-mail ${normaliseEmail(email)}` }]);
  return viewer;
}

async function readPassword(given: string | undefined, cli: CliServices): Promise<string> {
  if (given) return given;
  if (cli.env.R1540_PASSWORD) return cli.env.R1540_PASSWORD;
  if (cli.stdin.isTTY) cli.stderr.write('Password: ');
  const line = (await readAll(cli.stdin)).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (!line) throw invalid([{ field: 'password', problem: 'is required (--password, R1540_PASSWORD or standard input)' }]);
  return line;
}

function need(value: string | undefined, flag: string): string {
  if (!value) throw invalid([{ field: flag, problem: 'is required' }]);
  return value;
}

function tokensRevoked(n: number): string {
  return `${n} API token${n === 1 ? ' was' : 's were'} revoked`;
}

export const userCommand: Command = async (args, cli) => {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      state: { type: 'string' },
      organization: { type: 'string' },
      password: { type: 'string' },
      locale: { type: 'string' },
    },
  });
  const app = await cli.open();
  const db = app.database.db;
  try {
    switch (sub) {
      case 'add': {
        const user = await addUser(db, cliActor(), {
          email: need(values.email, '--email'),
          displayName: need(values.name, '--name'),
          role: need(values.role, '--role'),
          stateIso3: values.state?.toUpperCase() ?? null,
          organizationCode: values.organization?.toUpperCase() ?? null,
          locale: values.locale ?? 'en',
          password: await readPassword(values.password, cli),
        });
        writeLine(cli.stdout, `added ${user.email} (${user.role})`);
        return 0;
      }
      case 'reset-password': {
        const done = await resetPassword(db, cliActor(), need(values.email, '--email'), await readPassword(values.password, cli));
        writeLine(
          cli.stdout,
          `new password set for ${normaliseEmail(values.email ?? '')}; its sessions were ended and ${tokensRevoked(done.tokensRevoked)}`,
        );
        return 0;
      }
      case 'disable':
      case 'enable': {
        const email = normaliseEmail(need(values.email, '--email'));
        const done = await setUserDisabled(db, cliActor(), email, sub === 'disable');
        let line: string;
        if (sub === 'disable')
          line = `${done.changed ? `disabled ${email}` : `${email} was already disabled`}; its sessions were ended and ${tokensRevoked(done.tokensRevoked)}`;
        else if (done.changed)
          line = `enabled ${email}; ${tokensRevoked(done.tokensRevoked)}: API tokens from before it was disabled do not come back`;
        else line = `${email} was already enabled; its API tokens are unchanged`;
        writeLine(cli.stdout, line);
        return 0;
      }
      default:
        writeLine(cli.stderr, 'usage: r1540 user add|reset-password|disable|enable --email E …');
        return 2;
    }
  } finally {
    await app.database.close();
  }
};

export const tokenCommand: Command = async (args, cli) => {
  const [sub, ...rest] = args;
  if (sub !== 'create') {
    writeLine(cli.stderr, 'usage: r1540 token create --email E --name N [--days D]');
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, name: { type: 'string' }, days: { type: 'string' } },
  });
  const app = await cli.open();
  try {
    const email = normaliseEmail(need(values.email, '--email'));
    const user = await findUserByEmail(app.database.db, email);
    if (!user || user.disabled_at) throw invalid([{ field: '--email', problem: `no active account has the e-mail ${email}` }]);
    const days = values.days === undefined ? undefined : Number(values.days);
    const created = await createApiToken(app.database.db, cliActor(), user.id, need(values.name, '--name'), days);
    // The token alone on standard output, so that scripts can capture it.
    writeLine(cli.stdout, created.token);
    writeLine(cli.stderr, `token ${created.prefix}… created for ${email}; it is shown only this once`);
    return 0;
  } finally {
    await app.database.close();
  }
};
