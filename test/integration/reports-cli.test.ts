import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { loadConfig } from '../../src/platform/config.ts';
import { cliDatabase } from '../support/cli.ts';
import { engine } from '../support/database.ts';
import { createContext } from '../../src/app/context.ts';
import { seedDemoAccounts } from '../../src/features/accounts/index.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { createReport } from '../../src/features/reports/commands.ts';
import { seedDemoReports } from '../../src/features/reports/demo.ts';

// `r1540 reports status` in this process, on a database of this file's own (a PGlite folder, or a
// PostgreSQL database when DATABASE_URL is set).

describe(`r1540 reports status (${engine})`, () => {
  const cli = cliDatabase('reports-cli');
  const { r1540 } = cli;
  before(async () => {
    // The database as the command finds it: the seed's reports, and one the public may not see.
    const app = await createContext(loadConfig(cli.env));
    try {
      await seedDemoAccounts(app.database.db);
      await seedDemoReports(app.database.db);
      await createReport(app.database.db, systemActor, {
        stateIso3: 'SOM',
        kind: 'first-report',
        receivedOn: '2018-06-01',
        confidentiality: 'committee',
      });
    } finally {
      await app.database.close();
    }
  });

  test('JSON as the API gives it: 183 States had reported as at 31 December 2018 (a restricted first report counts: the fact is public), 10 had not', async () => {
    const run = await r1540(['reports', 'status', '--as-of', '2018-12-31', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const status = JSON.parse(run.stdout) as {
      asOf: string;
      states: number;
      reportingCount: number;
      nonReportingCount: number;
      nonReporting: string[];
      additionalInformationInYear: string[];
    };
    assert.equal(status.asOf, '2018-12-31');
    assert.equal(status.states, 193);
    assert.equal(status.reportingCount, 183);
    assert.equal(status.nonReportingCount, 10);
    assert.ok(!status.nonReporting.includes('SOM'), 'that SOM reported is public, whatever the report’s confidentiality');
    assert.deepEqual(status.additionalInformationInYear, ['ARG', 'AUS', 'BDI', 'GRC', 'HUN', 'IDN', 'KHM', 'MYS']);
    const start = JSON.parse((await r1540(['reports', 'status', '--as-of', '2017-12-31', '--format', 'json'])).stdout) as {
      nonReportingCount: number;
    };
    assert.equal(start.nonReportingCount, 14);
  });

  test('CSV: one line per State; as an expert, as for everyone, the restricted report counts', async () => {
    const run = await r1540([
      'reports',
      'status',
      '--as-of',
      '2018-12-31',
      '--format',
      'csv',
      '--as',
      'expert@demo.r1540.org',
      '--lang',
      'fr',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0], 'ISO3,State,Status,First report');
    assert.equal(lines.length, 1 + 193);
    assert.equal(lines.filter((l) => l.includes(',non-reporting,')).length, 10);
    assert.ok(lines.includes('SOM,Somalie,reporting,2018-06-01'));
    assert.ok(lines.includes('COM,Comores,reporting,2018-03-15'));
    assert.ok(lines.includes('TCD,Tchad,non-reporting,'));
  });

  test('text by default; bad options name themselves', async () => {
    const text = await r1540(['reports', 'status', '--as-of', '2018-12-31']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /183 of 193 States had submitted a first report; 10 had not/);
    assert.match(text.stdout, /^ {2}TCD {2}Chad$/m);
    // By name in the reader's language, not by code (issue 13, item 10).
    const listed = [...text.stdout.matchAll(/^ {2}[A-Z]{3} {2}(.+)$/gm)].map((x) => x[1]!);
    assert.ok(listed.length > 1);
    assert.deepEqual(listed, [...listed].sort(new Intl.Collator('en').compare));
    const bad = await r1540(['reports', 'status', '--as-of', '2018-02-30', '--format', 'xml']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--as-of: must be a date/);
    assert.match(bad.stderr, /--format: must be one of text, csv, json/);
    const nobody = await r1540(['reports', 'status', '--as', 'nobody@example.org']);
    assert.equal(nobody.code, 1);
    assert.match(nobody.stderr, /--as: no active account/);
    const usage = await r1540(['reports']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /reports status \[--as-of YYYY-MM-DD\]/);
  });
});
