import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { addUser } from '../../src/features/accounts/commands.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { addContact } from '../../src/features/contacts/contacts.ts';
import { cliDatabase } from '../support/cli.ts';
import { engine } from '../support/database.ts';

// `r1540 contacts reminders` in this process, on a database of this file's own: a PGlite folder,
// or (DATABASE_URL set) a PostgreSQL database.
describe(`r1540 contacts reminders (${engine})`, () => {
  const cli = cliDatabase('contacts-cli');
  const { r1540 } = cli;

  // The database as the command finds it.
  before(() =>
    cli.withDatabase(async (db) => {
      await addUser(db, systemActor, {
        email: 'member@example.org',
        displayName: 'Committee member',
        role: 'committee',
        password: 'a long enough password',
      });
      await addUser(db, systemActor, {
        email: 'poc.mli@example.org',
        displayName: 'Point of contact of Mali',
        role: 'state-contact',
        stateIso3: 'MLI',
        password: 'a long enough password',
      });
      await addContact(
        db,
        systemActor,
        'MLI',
        {
          location: 'capital',
          name: '=Traoré, "Awa"',
          email: 'awa.traore@example.org',
          phone: '+223 1',
          designatedOn: '2010-01-01',
          lastConfirmedOn: '2016-05-01',
        },
        '2018-12-31',
      );
      await addContact(
        db,
        systemActor,
        'NER',
        { location: 'new-york-mission', name: 'Issa Niger', email: 'issa@example.org', designatedOn: '2017-01-15' },
        '2018-12-31',
      );
      await addContact(db, systemActor, 'TCD', { location: 'capital', name: 'Recent Chad', designatedOn: '2018-06-01' }, '2018-12-31');
      await addContact(
        db,
        systemActor,
        'BFA',
        { location: 'capital', name: 'Former Burkina', designatedOn: '2010-01-01', endedOn: '2015-01-01' },
        '2018-12-31',
      );
    }),
  );

  test('CSV by default: those in office not confirmed for over a year, oldest first; a formula is defused', async () => {
    const run = await r1540(['contacts', 'reminders', '--as-of', '2018-12-31']);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\r\n');
    assert.equal(lines[0], 'iso3,state,location,name,title,institution,email,phone,designated_on,last_confirmed_on');
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(',')[0]),
      ['MLI', 'NER'],
    );
    assert.match(lines[1]!, /^MLI,Mali,capital,"'=Traoré, ""Awa""",,,awa\.traore@example\.org,'\+223 1,2010-01-01,2016-05-01$/);
    assert.match(lines[2]!, /^NER,Niger,new-york-mission,Issa Niger,,,issa@example\.org,,2017-01-15,$/);
    assert.match(run.stderr, /2 points of contact not confirmed for over a year as at 2018-12-31/);
    // A year earlier, Niger's contact was not yet due.
    const earlier = await r1540(['contacts', 'reminders', '--as-of', '2017-12-31']);
    assert.deepEqual(
      earlier.stdout
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
      ['MLI'],
    );
  });

  test('JSON, and a file', async () => {
    const run = await r1540(['contacts', 'reminders', '--format', 'json', '--as-of', '2018-12-31']);
    assert.equal(run.code, 0, run.stderr);
    const body = JSON.parse(run.stdout) as {
      asOf: string;
      count: number;
      data: { stateIso3: string; state: string; dueSince: string; email: string }[];
    };
    assert.equal(body.asOf, '2018-12-31');
    assert.equal(body.count, 2);
    assert.deepEqual(
      body.data.map((d) => [d.stateIso3, d.state, d.dueSince]),
      [
        ['MLI', 'Mali', '2016-05-01'],
        ['NER', 'Niger', '2017-01-15'],
      ],
    );
    const out = join(cli.dir, 'reminders.json');
    const toFile = await r1540(['contacts', 'reminders', '--format', 'json', '--as-of', '2018-12-31', '--out', out]);
    assert.equal(toFile.code, 0, toFile.stderr);
    assert.equal(toFile.stdout, '');
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), body);
  });

  test('--as: the Committee side gets the list; a point of contact is refused and learns nothing', async () => {
    const member = await r1540(['contacts', 'reminders', '--as-of', '2018-12-31', '--as', 'member@example.org']);
    assert.equal(member.code, 0, member.stderr);
    assert.equal(member.stdout.trimEnd().split('\r\n').length, 3);
    const poc = await r1540(['contacts', 'reminders', '--as-of', '2018-12-31', '--as', 'poc.mli@example.org']);
    assert.equal(poc.code, 1);
    assert.match(poc.stderr, /--as: poc\.mli@example\.org may not see the reminder list/);
    assert.equal(poc.stdout, '');
    const nobody = await r1540(['contacts', 'reminders', '--as', 'nobody@example.org']);
    assert.equal(nobody.code, 1);
    assert.match(nobody.stderr, /--as: no active account has the e-mail nobody@example\.org/);
  });

  test('bad options say which', async () => {
    const format = await r1540(['contacts', 'reminders', '--format', 'xml']);
    assert.equal(format.code, 1);
    assert.match(format.stderr, /--format: must be csv or json/);
    const date = await r1540(['contacts', 'reminders', '--as-of', '2018-02-30']);
    assert.equal(date.code, 1);
    assert.match(date.stderr, /--as-of: must be a date/);
    const none = await r1540(['contacts']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /contacts reminders \[--format csv\|json\]/);
    const help = await r1540(['help']);
    assert.match(help.stdout, /contacts reminders/);
  });
});
