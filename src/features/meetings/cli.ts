import { parseArgs } from 'node:util';
import { type Command, writeLine } from '../../platform/cli.ts';
import { asOptions, listFormat, printList, withCliApp } from '../../platform/cli-list.ts';
import { invalid } from '../../platform/errors.ts';
import { accountNamed } from '../accounts/index.ts';
import { meetingJson } from './api-routes.ts';
import { meetingFilters } from './inputs.ts';
import { presentMeetings } from './present.ts';
import { listMeetings, listWorkingGroups } from './queries.ts';

export const meetingsUsage = `  meetings list [--year Y] [--kind K] [--format table|json|csv] [--as E]
                             the meetings of the Committee and its bodies, newest first, as the
                             public (without --as) or the account E sees them: a formal meeting the
                             reader may not read shows only that it took place`;

/** `r1540 meetings list [--year Y] [--kind K] [--format table|json|csv] [--as E]`: the list of the page and the API, by the same presenter. */
export const meetingsCommand: Command = async (args, cli) => {
  const [sub, ...rest] = args;
  if (sub !== 'list') throw invalid([{ field: 'command', problem: 'write meetings list' }]);
  const { values } = parseArgs({
    args: rest,
    options: { year: { type: 'string' }, kind: { type: 'string' }, format: { type: 'string' }, as: { type: 'string' } },
  });
  const format = listFormat(values.format);
  const filters = asOptions(() => meetingFilters({ year: values.year, kind: values.kind }));
  return withCliApp(cli, async (app) => {
    const db = app.database.db;
    const viewer = values.as ? await accountNamed(db, values.as) : null;
    const { total, rows } = await listMeetings(db, viewer, filters, { limit: 100_000, offset: 0 });
    const groups = new Map((await listWorkingGroups(db, viewer, true)).map((g) => [g.id, g]));
    const data = (await presentMeetings(db, viewer, rows)).map((v) => meetingJson(v, groups));
    await printList(cli, format, {
      json: { count: total, data },
      header: ['held on', 'kind', 'body', 'title', 'chair', 'id'],
      rows: data.map((m) => [
        m.heldOn,
        m.kind,
        m.body,
        m.restricted ? '(restricted: only that it took place)' : m.title!,
        m.chair ?? '',
        m.id,
      ]),
    });
    writeLine(cli.stderr, `${data.length} meeting${data.length === 1 ? '' : 's'}`);
    return 0;
  });
};
