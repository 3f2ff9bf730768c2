import { csvField } from '../../platform/formats/csv.ts';
import { isIsoDate, todayIso } from '../../platform/values/dates.ts';
import { parseArgs } from 'node:util';
import { type Command, write, writeLine, writeWhole } from '../../platform/cli.ts';
import { invalid } from '../../platform/errors.ts';
import { may } from '../../platform/policy/policy.ts';
import { accountNamed } from '../accounts/index.ts';
import { allContacts, contactRecord, maySeeContacts, unconfirmedContacts } from './contacts.ts';

export const contactsUsage = `  contacts reminders [--format csv|json] [--as-of DATE] [--as E] [--out FILE]
                             the points of contact in office whose details were not confirmed for
                             over a year (as at DATE, by default today), oldest first; with --as,
                             as that account may see them (the Committee side)`;

/** `r1540 contacts reminders [--format csv|json] [--as-of DATE] [--as E]` */
const remindersCommand: Command = async (args, cli) => {
  const { values } = parseArgs({
    args,
    options: { format: { type: 'string', default: 'csv' }, 'as-of': { type: 'string' }, as: { type: 'string' }, out: { type: 'string' } },
  });
  if (values.format !== 'csv' && values.format !== 'json') throw invalid([{ field: '--format', problem: 'must be csv or json' }]);
  const asOf = values['as-of'] ?? todayIso();
  if (!isIsoDate(asOf)) throw invalid([{ field: '--as-of', problem: 'must be a date (YYYY-MM-DD)' }]);
  const app = await cli.open();
  try {
    const db = app.database.db;
    // Without --as the operator, who holds the database itself, sees the whole list.
    const viewer = values.as ? await accountNamed(db, values.as) : undefined;
    if (viewer && !may(viewer, 'read-contact-reminders'))
      throw invalid([{ field: '--as', problem: `${viewer.email} may not see the reminder list (the Committee side keeps it)` }]);
    const states = new Map(
      (await db.selectFrom('member_state').select(['iso3', 'names']).execute()).map((s) => [
        s.iso3,
        (s.names as Record<string, string>).en ?? s.iso3,
      ]),
    );
    const due = unconfirmedContacts(await allContacts(db), asOf).filter(
      (c) => viewer === undefined || maySeeContacts(viewer, c.state_iso3),
    );
    let body: string;
    if (values.format === 'json') {
      body = `${JSON.stringify(
        {
          asOf,
          count: due.length,
          data: due.map((c) => ({
            ...contactRecord(c),
            state: states.get(c.state_iso3) ?? c.state_iso3,
            dueSince: c.last_confirmed_on ?? c.designated_on,
          })),
        },
        null,
        2,
      )}\n`;
    } else {
      const header = ['iso3', 'state', 'location', 'name', 'title', 'institution', 'email', 'phone', 'designated_on', 'last_confirmed_on'];
      const lines = due.map((c) => [
        c.state_iso3,
        states.get(c.state_iso3) ?? c.state_iso3,
        c.location,
        c.name,
        c.title,
        c.institution,
        c.email,
        c.phone,
        c.designated_on,
        c.last_confirmed_on,
      ]);
      body = `${[header, ...lines].map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
    }
    // Personal data: the file is the operator's alone.
    if (values.out && values.out !== '-') await writeWhole(values.out, body, 0o600);
    else await write(cli.stdout, body);
    writeLine(cli.stderr, `${due.length} point${due.length === 1 ? '' : 's'} of contact not confirmed for over a year as at ${asOf}`);
    return 0;
  } finally {
    await app.database.close();
  }
};

const sub: Record<string, Command> = { reminders: remindersCommand };

/** `r1540 contacts <reminders> …` */
export const contactsCommand: Command = async (args, cli) => {
  const [name, ...rest] = args;
  const command = name ? sub[name] : undefined;
  if (!command) {
    writeLine(cli.stderr, `r1540 contacts: say reminders\n\n${contactsUsage}`);
    return 2;
  }
  return command(rest, cli);
};
