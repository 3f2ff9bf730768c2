import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { loadConfig } from '../../src/platform/config.ts';
import { createContext } from '../../src/app/context.ts';
import { seedDemoAccounts } from '../../src/features/accounts/index.ts';
import { createOffer, createRequest } from '../../src/features/assistance/requests/commands.ts';
import { systemActor } from '../../src/platform/audit/record.ts';
import { cliDatabase } from '../support/cli.ts';
import { engine } from '../support/database.ts';

// `r1540 assistance` in this process, on a database of this file's own (a PGlite folder, or a
// PostgreSQL database when DATABASE_URL is set).
let id: string;

describe(`r1540 assistance (${engine})`, () => {
  const cli = cliDatabase('assistance-cli');
  const { r1540 } = cli;
  before(async () => {
    const app = await createContext(loadConfig(cli.env));
    try {
      const db = app.database.db;
      await seedDemoAccounts(db);
      const request = await createRequest(db, systemActor, null, {
        stateIso3: 'MLI',
        receivedOn: '2018-06-11',
        channel: 'note-verbale',
        contactEmail: 'awa.traore@gouv.ml',
        languages: ['fr'],
        items: [{ description: 'Training of customs officers', areas: ['border-control'], paragraphs: ['OP3c'], kinds: ['training'] }],
      });
      id = request.id;
      await createOffer(db, systemActor, null, {
        provider: 'organization:WCO',
        title: 'Customs enforcement training',
        areas: ['border-control'],
        paragraphs: ['OP3c'],
        kinds: ['training'],
        languages: ['en'],
      });
      await createOffer(db, systemActor, null, {
        provider: 'organization:IAEA',
        title: 'Regional course in French',
        areas: ['border-control'],
        languages: ['fr'],
      });
    } finally {
      await app.database.close();
    }
  });

  test('list: the operator sees every request; an account what it may see', async () => {
    const all = await r1540(['assistance', 'list', '--json']);
    assert.equal(all.code, 0, all.stderr);
    const body = JSON.parse(all.stdout) as { count: number; data: { id: string; contact: unknown; flags?: { code: string }[] }[] };
    assert.equal(body.count, 1);
    assert.equal(body.data[0]!.id, id);
    assert.equal(body.data[0]!.flags?.[0]?.code, 'acknowledgement-overdue');
    const provider = await r1540(['assistance', 'list', '--json', '--as', 'provider@demo.r1540.org']);
    assert.equal(JSON.parse(provider.stdout).count, 0);
  });

  test('step: as the system or as an account; a refused step names the field and changes nothing', async () => {
    const first = await r1540(['assistance', 'step', id, 'authenticate', '--on', '2018-06-12']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /now authenticated \(version 2\)/);
    const refused = await r1540(['assistance', 'step', id, 'close', '--on', '2018-06-13']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /- action: a request that is authenticated cannot be given "close"/);
    const expert = await r1540(['assistance', 'step', id, 'acknowledge', '--on', '2018-06-14', '--as', 'expert@demo.r1540.org']);
    assert.equal(expert.code, 0, expert.stderr);
    const circulate = await r1540([
      'assistance',
      'step',
      id,
      'circulate',
      '--on',
      '2018-06-22',
      '--providers',
      'organization:IAEA,organization:WCO',
      '--note',
      'By note verbale',
    ]);
    assert.equal(circulate.code, 0, circulate.stderr);
    assert.match(circulate.stdout, /now circulated \(version 4\)/);
  });

  test('show: the steps with their actors; a provider sees no contact', async () => {
    const shown = await r1540(['assistance', 'show', id]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /Status: circulated since 2018-06-22 \(version 4\)/);
    assert.match(shown.stdout, /2018-06-12 {2}authenticate {2}by system/);
    assert.match(shown.stdout, /2018-06-14 {2}acknowledge {2}by Demo Expert/);
    assert.match(shown.stdout, /2018-06-22 {2}circulate {2}by system — By note verbale/);
    assert.match(shown.stdout, /Circulated to: organization:IAEA \(2018-06-22\), organization:WCO \(2018-06-22\)/);
    assert.match(shown.stdout, /awa\.traore@gouv\.ml/);
    const provider = await r1540(['assistance', 'show', id, '--json', '--as', 'provider@demo.r1540.org']);
    assert.equal(provider.code, 0, provider.stderr);
    const body = JSON.parse(provider.stdout) as { contact: unknown; circulation: { provider: string }[] };
    assert.equal(body.contact, null);
    assert.deepEqual(
      body.circulation.map((c) => c.provider),
      ['organization:IAEA'],
    );
    assert.ok(!provider.stdout.includes('awa.traore'));
  });

  test('match: the ranked offers with their reasons in words', async () => {
    const ranked = await r1540(['assistance', 'match', id]);
    assert.equal(ranked.code, 0, ranked.stderr);
    assert.match(ranked.stdout, /Item 1: Training of customs officers/);
    assert.match(
      ranked.stdout,
      /1\. 75 {2}Customs enforcement training \(organization:WCO\)\n {5}both cover OP3 \(c\): border controls and law enforcement; both work on border control and law enforcement; the provider offers the help asked for: training/,
    );
    assert.match(ranked.stdout, /2\. 65 {2}Regional course in French \(organization:IAEA\)\n {5}.*the provider works in French/);
  });

  test('weights: bad ones are refused naming the key and nothing is saved; good ones change the ranking', async () => {
    const bad = join(cli.dir, 'bad.json');
    writeFileSync(bad, '{"area": "x"}');
    const refused = await r1540(['assistance', 'weights', 'set', bad, '--as', 'expert@demo.r1540.org']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /weights\.area: is not a number/);
    const good = join(cli.dir, 'good.json');
    writeFileSync(good, '{"language": 100}');
    assert.equal(JSON.parse((await r1540(['assistance', 'weights', 'show'])).stdout).saved, false, 'nothing was saved');
    const set = await r1540(['assistance', 'weights', 'set', good, '--as', 'expert@demo.r1540.org']);
    assert.equal(set.code, 0, set.stderr);
    const ranked = await r1540(['assistance', 'match', id, '--limit', '1']);
    assert.match(ranked.stdout, /1\. 150 {2}Regional course in French \(organization:IAEA\)/);
  });
});
