import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('the organizations the Committee works with are listed, with names in six languages', async () => {
  const body = (await (await t.request('/api/v1/organizations')).json()) as {
    count: number;
    data: { code: string; names: Record<string, string> }[];
  };
  for (const code of ['IAEA', 'OPCW', 'BWC-ISU', 'WHO', 'WOAH', 'INTERPOL', 'WCO', 'UNODC', 'AU', 'OSCE', 'CTED', 'UNLIREC']) {
    assert.ok(
      body.data.some((o) => o.code === code),
      `${code} is missing`,
    );
  }
  const iaea = body.data.find((o) => o.code === 'IAEA')!;
  assert.match(iaea.names.zh ?? '', /原子能机构/);
});

test('search by acronym in another language and filter by kind', async () => {
  const ru = (await (await t.request(`/api/v1/organizations?q=${encodeURIComponent('МАГАТЭ')}`)).json()) as {
    data: { code: string }[];
  };
  assert.deepEqual(
    ru.data.map((o) => o.code),
    ['IAEA'],
  );
  const regimes = (await (await t.request('/api/v1/organizations?kind=export-control-regime')).json()) as {
    data: { code: string; kind: string }[];
  };
  assert.ok(regimes.data.length >= 4);
  assert.ok(regimes.data.every((o) => o.kind === 'export-control-regime'));
});

test('a regional organization lists its Member States', async () => {
  const page = await (await t.request('/es/organizations/EU')).text();
  assert.match(page, /href="\/es\/states\/FRA"/);
  assert.doesNotMatch(page, /href="\/es\/states\/NOR"/);
});

test('the secretariat edits an organization; the history shows the change', async () => {
  const sec = new Client(t);
  await sec.login('secretariat@demo.r1540.org');
  const form = await (await sec.get('/en/organizations/WCO/edit')).text();
  const version = /name="version" value="(\d+)"/.exec(form)![1]!;
  const fields: Record<string, string> = { kind: 'intergovernmental', version, website: 'https://www.wcoomd.org' };
  fields['names.en'] = 'World Customs Organization (edited)';
  fields['acronyms.en'] = 'WCO';
  const res = await sec.post('/en/organizations/WCO/edit', fields);
  assert.equal(res.status, 303);
  const history = await (await sec.get('/en/organizations/WCO/history')).text();
  assert.match(history, /World Customs Organization \(edited\)/);
  const bad = await sec.post('/en/organizations/WCO/edit', { ...fields, version: String(Number(version) + 1), website: 'ftp://x' });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /website/);
});

test('an organization’s page lists only the member States the reader may see', async () => {
  const db = t.database.db;
  await db.updateTable('member_state').set({ confidentiality: 'committee' }).where('iso3', '=', 'FRA').execute();
  try {
    assert.doesNotMatch(await (await t.request('/es/organizations/EU')).text(), /href="\/es\/states\/FRA"/);
    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    assert.match(await (await expert.get('/es/organizations/EU')).text(), /href="\/es\/states\/FRA"/);
  } finally {
    await db.updateTable('member_state').set({ confidentiality: 'public' }).where('iso3', '=', 'FRA').execute();
  }
});
