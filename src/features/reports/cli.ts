import { isIsoDate, todayIso } from '../../platform/values/dates.ts';
import { sortByName } from '../../platform/i18n/names-order.ts';
import { parseArgs } from 'node:util';
import { type Command, write, writeLine } from '../../platform/cli.ts';
import { invalid } from '../../platform/errors.ts';
import { messages } from '../../platform/i18n/i18n.ts';
import { isLocale, pick } from '../../platform/i18n/locales.ts';
import { accountNamed } from '../accounts/index.ts';
import { listStates } from '../member-states/index.ts';
import { csvText } from '../../platform/formats/csv.ts';
import { type StatusAsOf, statusAsOf } from './queries.ts';

export const reportsUsage = `  reports status [--as-of YYYY-MM-DD] [--format text|csv|json] [--as E] [--lang L]
                             the reporting status as at the date (today by default): the Member States
                             of that date that had submitted a first report and those that had not,
                             the same for every reader (--as names an account, and changes nothing);
                             CSV: one line per State`;

const formats = ['text', 'csv', 'json'] as const;
type Format = (typeof formats)[number];

/** The status as the API gives it (GET /api/v1/reporting-status). */
export function statusJson(s: StatusAsOf) {
  return {
    asOf: s.asOf,
    states: s.states.length,
    reportingCount: s.reporting.length,
    nonReportingCount: s.nonReporting.length,
    reporting: s.reporting,
    nonReporting: s.nonReporting,
    additionalInformationInYear: s.additionalInformationInYear,
  };
}

/** One line per State: its code, its name, reporting or non-reporting, and the date of its first report. */
export function statusCsv(s: StatusAsOf, names: Map<string, string>): string {
  const done = new Set(s.reporting);
  return csvText([
    ['ISO3', 'State', 'Status', 'First report'],
    ...s.states.map((iso3) => [
      iso3,
      names.get(iso3) ?? iso3,
      done.has(iso3) ? 'reporting' : 'non-reporting',
      s.firstReports.get(iso3) ?? null,
    ]),
  ]);
}

/** `r1540 reports status [--as-of D] [--format F] [--as E] [--lang L]` */
const statusCommand: Command = async (args, cli) => {
  const { values } = parseArgs({
    args,
    options: {
      'as-of': { type: 'string' },
      format: { type: 'string', default: 'text' },
      as: { type: 'string' },
      lang: { type: 'string', default: 'en' },
    },
  });
  const asOf = values['as-of'] ?? todayIso();
  const problems = [];
  if (!isIsoDate(asOf)) problems.push({ field: '--as-of', problem: 'must be a date (YYYY-MM-DD)' });
  if (!(formats as readonly string[]).includes(values.format))
    problems.push({ field: '--format', problem: `must be one of ${formats.join(', ')}` });
  if (!isLocale(values.lang)) problems.push({ field: '--lang', problem: 'must be one of ar, zh, en, fr, ru, es' });
  if (problems.length) throw invalid(problems);
  const m = messages(values.lang as Parameters<typeof messages>[0]);
  const app = await cli.open();
  try {
    const db = app.database.db;
    // Whether and when a State reported is public: the account, if named, must exist, and sees what everyone sees.
    if (values.as) await accountNamed(db, values.as);
    const status = await statusAsOf(db, asOf);
    const names = new Map((await listStates(db, {})).map((s) => [s.iso3, pick(s.names, m.locale)]));
    const format = values.format as Format;
    let out: string;
    if (format === 'json') out = `${JSON.stringify(statusJson(status), null, 2)}\n`;
    else if (format === 'csv') out = statusCsv(status, names);
    else {
      const lines = [
        m.t('reports.statusSummary', {
          date: m.date(asOf),
          reporting: m.number(status.reporting.length),
          states: m.number(status.states.length),
          nonReporting: m.number(status.nonReporting.length),
        }),
        '',
        `${m.t('reports.nonReporting')}:`,
        ...sortByName(status.nonReporting, (iso3) => names.get(iso3) ?? iso3, m.locale).map(
          (iso3) => `  ${iso3}  ${names.get(iso3) ?? iso3}`,
        ),
      ];
      out = `${lines.join('\n')}\n`;
    }
    await write(cli.stdout, out);
  } finally {
    await app.database.close();
  }
  return 0;
};

/** `r1540 reports <status> …` */
export const reportsCommand: Command = async (args, cli) => {
  const [name, ...rest] = args;
  if (name !== 'status') {
    writeLine(cli.stderr, `r1540 reports: say status\n\n${reportsUsage}`);
    return 2;
  }
  return statusCommand(rest, cli);
};
