import { parseArgs } from 'node:util';
import { type Command, write, writeLine } from '../../platform/cli.ts';
import { invalid } from '../../platform/errors.ts';
import { csvField } from '../../platform/formats/csv.ts';
import { isIsoDate } from '../../platform/values/dates.ts';
import { accountNamed } from '../accounts/index.ts';
import { appointmentRecord } from './present.ts';
import { listExperts } from './queries.ts';

export const expertsUsage = `  experts list [--as-at DATE] [--format csv|json] [--as E]
                             the Group of Experts and its coordinator (with --as-at, those in
                             office that day); as the public sees them, or as the account E does`;

/** `r1540 experts list [--as-at DATE] [--format csv|json] [--as E]` */
export const expertsCommand: Command = async (args, cli) => {
  const [sub, ...rest] = args;
  if (sub !== 'list') throw invalid([{ field: 'command', problem: 'write experts list' }]);
  const { values } = parseArgs({
    args: rest,
    options: { 'as-at': { type: 'string' }, format: { type: 'string', default: 'csv' }, as: { type: 'string' } },
  });
  if (values.format !== 'csv' && values.format !== 'json') throw invalid([{ field: '--format', problem: 'must be csv or json' }]);
  const asAt = values['as-at'];
  if (asAt !== undefined && !isIsoDate(asAt)) throw invalid([{ field: '--as-at', problem: 'must be a date (YYYY-MM-DD)' }]);
  const app = await cli.open();
  try {
    const db = app.database.db;
    const viewer = values.as ? await accountNamed(db, values.as) : null;
    const rows = (await listExperts(db, viewer, asAt ? { asAt } : {})).map(appointmentRecord);
    if (values.format === 'json')
      await write(cli.stdout, `${JSON.stringify({ asAt: asAt ?? null, count: rows.length, data: rows }, null, 2)}\n`);
    else {
      const header = ['role', 'name', 'nationality', 'from', 'to'];
      const lines = rows.map((r) => [r.role, r.personName, r.stateIso3, r.startsOn, r.endsOn]);
      await write(cli.stdout, `${[header, ...lines].map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`);
    }
    writeLine(cli.stderr, `${rows.length} expert${rows.length === 1 ? '' : 's'} and coordinator${asAt ? ` in office on ${asAt}` : ''}`);
    return 0;
  } finally {
    await app.database.close();
  }
};
