import { parseArgs } from 'node:util';
import { type Command, write, writeLine, writeWhole } from '../../platform/cli.ts';
import { asOptions, listFormat, printList, withCliApp } from '../../platform/cli-list.ts';
import { invalid } from '../../platform/errors.ts';
import { messages } from '../../platform/i18n/i18n.ts';
import { isLocale } from '../../platform/i18n/locales.ts';
import { accountNamed } from '../accounts/index.ts';
import { filteredCalendar } from './feeds.ts';
import { eventFilters } from './inputs.ts';
import { cooperationFor, cooperationRecord, eventRecord, eventsFor } from './present.ts';
import { listCooperation, listEvents } from './queries.ts';

export const eventsUsage = `  events list [--from D] [--to D] [--group G] [--state ISO3] [--organization O] [--region R]
              [--audience A] [--format table|json|csv] [--as E]
                             the outreach events, by date, as the public (without --as: held and
                             confirmed ones) or the account E sees them
  events ics [the same filters] --out FILE [--lang L] [--base-url URL] [--as E]
                             the same events as the calendar's iCalendar feed (its UIDs), into FILE
                             (- for standard output); the events' links under URL`;

const filterOptions = {
  from: { type: 'string' },
  to: { type: 'string' },
  group: { type: 'string' },
  state: { type: 'string' },
  organization: { type: 'string' },
  region: { type: 'string' },
  audience: { type: 'string' },
  as: { type: 'string' },
} as const;

/** `r1540 events list …` and `r1540 events ics … --out FILE`: the calendar's filters, the same presenter as its page, feed and API. */
export const eventsCommand: Command = async (args, cli) => {
  const [sub, ...rest] = args;
  if (sub !== 'list' && sub !== 'ics') throw invalid([{ field: 'command', problem: 'write events list or events ics' }]);
  const { values } = parseArgs({
    args: rest,
    options: {
      ...filterOptions,
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      'base-url': { type: 'string' },
    },
  });
  const { as, format: f, out, lang = 'en', 'base-url': base, ...given } = values;
  const filters = asOptions(() => eventFilters(given));
  if (sub === 'ics') {
    const problems = [];
    if (!out) problems.push({ field: '--out', problem: 'is required: the file to write (- for standard output)' });
    if (!isLocale(lang)) problems.push({ field: '--lang', problem: 'must be one of ar, zh, en, fr, ru, es' });
    if (base !== undefined && !/^https?:\/\/[^/\s]+$/.test(base))
      problems.push({ field: '--base-url', problem: 'must be the address of the site, such as https://r1540.example.org' });
    if (problems.length) throw invalid(problems);
  }
  const format = sub === 'list' ? listFormat(f) : 'table';
  return withCliApp(cli, async (app) => {
    const db = app.database.db;
    const viewer = as ? await accountNamed(db, as) : null;
    if (sub === 'ics') {
      const origin = base ?? `http://${app.config.host.includes(':') ? `[${app.config.host}]` : app.config.host}:${app.config.port}`;
      const body = await filteredCalendar(db, viewer, messages(lang as 'en'), filters, origin);
      if (out === '-') await write(cli.stdout, body);
      else await writeWhole(out!, body);
      const n = body.match(/^BEGIN:VEVENT/gm)?.length ?? 0;
      writeLine(cli.stderr, `${n} event${n === 1 ? '' : 's'}${out === '-' ? '' : ` written to ${out}`}`);
      return 0;
    }
    // As the API gives them (with the version a change is made on).
    const data = (await eventsFor(db, viewer, await listEvents(db, viewer, filters))).map((e) => ({
      ...eventRecord(e),
      rowVersion: e.row_version,
    }));
    await printList(cli, format, {
      json: { count: data.length, data },
      header: ['starts on', 'ends on', 'group', 'status', 'title', 'city', 'state', 'id'],
      rows: data.map((e) => [e.startsOn, e.endsOn, e.group, e.status, e.title, e.city, e.stateIso3, e.id]),
    });
    writeLine(cli.stderr, `${data.length} event${data.length === 1 ? '' : 's'}`);
    return 0;
  });
};

export const cooperationUsage = `  cooperation list [--organization O] [--format table|json|csv] [--as E]
                             the Committee's cooperation with organizations (¶29–36), by date, as the
                             public or the account E sees it`;

/** `r1540 cooperation list …`: the cooperation records as the API gives them, through the same presenter. */
export const cooperationCommand: Command = async (args, cli) => {
  const [sub, ...rest] = args;
  if (sub !== 'list') throw invalid([{ field: 'command', problem: 'write cooperation list' }]);
  const { values } = parseArgs({
    args: rest,
    options: { organization: { type: 'string' }, format: { type: 'string' }, as: { type: 'string' } },
  });
  const format = listFormat(values.format);
  const organization = values.organization?.trim().toUpperCase();
  if (organization !== undefined && !/^[A-Z0-9-]{2,20}$/.test(organization))
    throw invalid([{ field: '--organization', problem: 'must be the code of an organization, such as OPCW' }]);
  return withCliApp(cli, async (app) => {
    const db = app.database.db;
    const viewer = values.as ? await accountNamed(db, values.as) : null;
    const rows = await cooperationFor(db, viewer, await listCooperation(db, viewer, organization ? { organization } : {}));
    const data = rows.map((r) => ({ ...cooperationRecord(r), rowVersion: r.row_version }));
    await printList(cli, format, {
      json: { count: data.length, data },
      header: ['starts on', 'ends on', 'organization', 'activity', 'state', 'description', 'id'],
      rows: data.map((c) => [c.startsOn, c.endsOn, c.organizationCode, c.activity, c.stateIso3, c.description, c.id]),
    });
    writeLine(cli.stderr, `${data.length} cooperation record${data.length === 1 ? '' : 's'}`);
    return 0;
  });
};
