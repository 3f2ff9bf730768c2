import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { moveMatrix, saveCells, startDraft } from '../../src/features/matrix/versions/commands.ts';
import { findTemplate } from '../../src/features/matrix/templates/templates.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
const who = ['public', 'poc', 'expert', 'committee', 'secretariat', 'admin'] as const;
const c = {} as Record<(typeof who)[number], Client>;
const emails = {
  poc: 'poc.mli@demo.r1540.org',
  expert: 'expert@demo.r1540.org',
  committee: 'committee@demo.r1540.org',
  secretariat: 'secretariat@demo.r1540.org',
  admin: 'admin@demo.r1540.org',
};
let viewers: Record<string, Viewer>;
let fieldCount = 0;

const grid = '/en/states/GHA/matrix/grid';
const F = 'OP2.MANUFACTURE.N.LF'; // ? in version 1, X in version 2: the value changed
const S = 'OP2.USE.C.LF'; // X in both, another source in version 2
const N = 'OP3a.ACCOUNT-USE.B.LF'; // blank in version 1, NA in version 2
const U = 'OP1.NPT'; // the same in both
const act = (v: Viewer) => ({ id: v.id, label: v.displayName });

before(async () => {
  t = await testApp();
  const db = t.database.db;
  viewers = {};
  for (const u of await db.selectFrom('app_user').selectAll().execute()) viewers[u.email.split('@')[0]!] = viewerOf(u);
  for (const w of who) {
    c[w] = new Client(t);
    if (w === 'public') await c[w].get('/en/');
    else await c[w].login(emails[w]);
  }
  fieldCount = (await findTemplate(db, '2017'))!.definition.fields.length;
});
after(() => t.close());

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]!) : undefined;
};

async function page(client: Client, path: string, status = 200): Promise<string> {
  const res = await client.get(path);
  const html = await res.text();
  assert.equal(res.status, status, `${path}: ${res.status}\n${html.slice(0, 400)}`);
  return html;
}

/** The grid's cells, rows and sections as the server drew them. */
function gridOf(html: string) {
  const cells = new Map<string, Record<string, string | undefined>>();
  for (const [tag] of html.matchAll(/<td[^>]*data-field="[^"]*"[^>]*>/g))
    cells.set(attr(tag, 'data-field')!, {
      version: attr(tag, 'data-version'),
      value: attr(tag, 'data-value'),
      changed: attr(tag, 'data-changed'),
      weapon: attr(tag, 'data-weapon'),
      cell: attr(tag, 'data-cell'),
      hidden: / hidden=""/.test(tag) ? 'hidden' : undefined,
      headers: attr(tag, 'headers'),
    });
  const rows = new Map<string, boolean>();
  for (const [tag] of html.matchAll(/<tr data-row="[^"]*"[^>]*>/g)) rows.set(attr(tag, 'data-row')!, !/ hidden=""/.test(tag));
  const sections = new Map<string, boolean>();
  for (const [tag] of html.matchAll(/<tbody data-section="[^"]*"[^>]*>/g))
    sections.set(attr(tag, 'data-section')!, !/ hidden=""/.test(tag));
  const shownRows = [...rows].filter(([, v]) => v).map(([k]) => k);
  return { cells, rows, sections, shownRows };
}

async function statuses(path: string) {
  const out: Record<string, number> = {};
  for (const w of who) {
    const res = await c[w].get(path);
    out[w] = res.status;
    await res.body?.cancel();
  }
  return out;
}

test('the grid is for those who may edit the version in the works; with none open it offers to start one', async () => {
  assert.deepEqual(await statuses(grid), { public: 401, poc: 403, expert: 200, committee: 403, secretariat: 403, admin: 200 });
  assert.equal((await c.expert.get('/en/states/XXX/matrix/grid')).status, 404);
  const html = await page(c.expert, grid);
  assert.match(html, /No version of this matrix is in the works/);
  assert.match(html, /action="\/en\/states\/GHA\/matrix\/drafts"/);
  assert.doesNotMatch(html, /matrix-grid\.js/, 'no script without a grid');
});

test('every field of the open version, with its row version, value and what changed since the approved version', async () => {
  const db = t.database.db;
  const expert = viewers.expert!;
  const v1 = await startDraft(db, act(expert), 'GHA');
  await saveCells(db, act(expert), expert, v1.id, [
    { field: F, expectedVersion: 0, value: '?', sources: [{ kind: 'national-report', citation: 'S/AC.44/2004/(02)/12' }] },
    { field: S, expectedVersion: 0, value: 'X', sources: [{ kind: 'law', citation: 'Act 526', locator: 's. 2' }] },
    {
      field: U,
      expectedVersion: 0,
      value: 'X',
      sources: [{ kind: 'organization', citation: 'UNODA' }],
      instrumentStatus: 'ratified',
      instrumentDate: '1970-05-04',
    },
  ]);
  // Version 1 is open: nothing is approved yet, so every filled cell counts as changed.
  const first = gridOf(await page(c.expert, grid));
  assert.equal(first.cells.size, fieldCount);
  assert.deepEqual(
    [...first.cells]
      .filter(([, x]) => x.changed === '1')
      .map(([k]) => k)
      .sort(),
    [F, S, U].sort(),
  );
  for (const [to, by] of [
    ['sent', 'expert'],
    ['agreed', 'expert'],
    ['approved', 'committee'],
  ] as const)
    await moveMatrix(db, act(viewers[by]!), viewers[by]!, v1.id, to);
  assert.match(await page(c.expert, grid), /No version of this matrix is in the works/);

  const v2 = await startDraft(db, act(expert), 'GHA');
  await saveCells(db, act(expert), expert, v2.id, [
    { field: F, expectedVersion: 1, value: 'X', sources: [{ kind: 'national-report', citation: 'S/AC.44/2004/(02)/12' }] },
    { field: S, expectedVersion: 1, value: 'X', sources: [{ kind: 'law', citation: 'Act 526', locator: 's. 3' }] },
    { field: N, expectedVersion: 0, value: 'NA' },
  ]);

  const html = await page(c.expert, grid);
  const g = gridOf(html);
  assert.equal(g.cells.size, fieldCount, 'every field of the template');
  assert.deepEqual(
    [...g.cells]
      .filter(([, x]) => x.changed === '1')
      .map(([k]) => k)
      .sort(),
    [F, N, S].sort(),
    'the value, the source and the new cell changed; the NPT cell did not',
  );
  assert.equal(g.cells.get(F)!.value, 'X');
  assert.equal(g.cells.get(F)!.version, '2');
  assert.equal(g.cells.get(N)!.version, '1');
  assert.equal(g.cells.get('OP2.USE.N.LF')!.version, '0', 'a field without a cell is blank, version 0');
  assert.equal(g.cells.get(U)!.value, 'X');
  assert.deepEqual(JSON.parse(g.cells.get(U)!.cell!).instrumentStatus, 'ratified', 'the whole cell, so that a save keeps it');
  assert.match(g.cells.get(F)!.headers!, /gr-OP2\.MANUFACTURE/);
  for (const id of g.cells.get(F)!.headers!.split(' '))
    assert.match(html, new RegExp(`<th[^>]* id="${id.replace(/\./g, '\\.')}"`), `header ${id}`);
  assert.ok([...g.rows.values()].every(Boolean), 'no filter: every row shown');
  assert.match(html, /Changed since the approved version: 3/);
  assert.match(html, /<meta name="csrf-token" content="[^"]{32,}"\/?>/);
  const messages = JSON.parse(/<script type="application\/json" id="grid-messages">([\s\S]*?)<\/script>/.exec(html)![1]!);
  assert.equal(messages.locale, 'en');
  assert.equal(messages.savedCells, 'Cells saved: {count}');
  assert.match(html, /<script type="module" src="\/static\/matrix-grid\.js"><\/script>/);
  assert.match(
    html,
    /href="\/en\/states\/GHA\/matrix\/edit\?section=OP2#f-OP2\.MANUFACTURE\.N\.LF-value"/,
    'each row links to its section form',
  );
  assert.match(html, /href="\/en\/states\/GHA\/matrix\/diff\?from=1&amp;to=2"/);

  // In Arabic the messages the script shows are Arabic.
  const ar = await page(c.expert, '/ar/states/GHA/matrix/grid');
  assert.match(JSON.parse(/id="grid-messages">([\s\S]*?)<\/script>/.exec(ar)![1]!).savedCells, /الخلايا المحفوظة/);
});

test('the server filters rows by section, weapon type, value and change since the approved version', async () => {
  const bySection = gridOf(await page(c.expert, `${grid}?section=OP1`));
  assert.deepEqual(
    [...bySection.sections].filter(([, v]) => v).map(([k]) => k),
    ['OP1'],
  );
  assert.ok(bySection.shownRows.every((r) => r.startsWith('OP1.')));
  assert.ok(bySection.shownRows.length > 0);

  const chemical = gridOf(await page(c.expert, `${grid}?weapon=chemical`));
  assert.equal(chemical.cells.get('OP2.USE.N.LF')!.hidden, 'hidden', 'the nuclear columns are hidden');
  assert.equal(chemical.cells.get(S)!.hidden, undefined, 'the chemical columns are shown');
  const op1 = [...chemical.cells].filter(([k]) => k.startsWith('OP1.'));
  for (const [k, x] of op1) assert.equal(chemical.rows.get(k), x.weapon === 'chemical', `OP1 row ${k} (${x.weapon})`);
  assert.ok(op1.some(([, x]) => x.weapon === 'chemical'));

  const na = gridOf(await page(c.expert, `${grid}?value=NA`));
  assert.deepEqual(na.shownRows, ['OP3a.ACCOUNT-USE']);
  const x = gridOf(await page(c.expert, `${grid}?value=X&weapon=nuclear`));
  assert.deepEqual(x.shownRows, ['OP1.NPT', 'OP2.MANUFACTURE'], 'an X about nuclear weapons: not the chemical X of OP2.USE');

  const changed = gridOf(await page(c.expert, `${grid}?changed=1`));
  assert.deepEqual(changed.shownRows.sort(), ['OP2.MANUFACTURE', 'OP2.USE', 'OP3a.ACCOUNT-USE'].sort());
  const changedOp2 = gridOf(await page(c.expert, `${grid}?changed=1&section=OP2&weapon=chemical`));
  assert.deepEqual(changedOp2.shownRows, ['OP2.USE']);

  const blank = gridOf(await page(c.expert, `${grid}?value=blank&section=OP1`));
  assert.ok(!blank.shownRows.includes('OP1.NPT'));
  assert.ok(blank.shownRows.length > 0);

  const none = await page(c.expert, `${grid}?value=%3F`);
  assert.deepEqual(gridOf(none).shownRows, []);
  assert.match(none, /<p id="grid-none" class="notice">No cell matches these filters/);
  assert.match(none, /Cells shown: 0/);

  await page(c.expert, `${grid}?weapon=laser`, 400);
  await page(c.expert, `${grid}?value=maybe`, 400);
  await page(c.expert, `${grid}?section=OP9`, 404);
  // The form keeps the filters.
  const kept = await page(c.expert, `${grid}?weapon=biological&changed=1`);
  assert.match(kept, /<option value="biological" selected="">/);
  assert.match(kept, /id="grid-f-changed" name="changed" value="1" checked=""/);
});

test('the cells API, as the script calls it: session cookie, CSRF header, new row versions back', async () => {
  const patch = (headers: Record<string, string>, changes: unknown[]) =>
    c.expert.fetch('/api/v1/states/GHA/matrix/cells', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ version: 2, changes }),
    });
  const csrf = c.expert.cookies.get('r1540_csrf')!;
  const g = gridOf(await page(c.expert, grid));
  const change = (field: string, value: string) => ({ field, expectedVersion: Number(g.cells.get(field)!.version), value });
  const without = await patch({}, [change('OP2.USE.N.LF', 'NA')]);
  assert.equal(without.status, 403, 'no CSRF header');
  const saved = await patch({ 'x-csrf-token': csrf }, [change('OP2.USE.N.LF', 'NA'), { ...change(N, ''), remarks: '' }]);
  assert.equal(saved.status, 200);
  assert.deepEqual(await saved.json(), {
    saved: 2,
    cells: [
      { field: 'OP2.USE.N.LF', rowVersion: 1 },
      { field: N, rowVersion: 2 },
    ],
  });
  const after = gridOf(await page(c.expert, grid));
  assert.equal(after.cells.get('OP2.USE.N.LF')!.version, '1');
  assert.equal(after.cells.get('OP2.USE.N.LF')!.changed, '1');
  assert.equal(after.cells.get(N)!.changed, '0', 'blank again, as in the approved version');
  const stale = await patch({ 'x-csrf-token': csrf }, [change('OP2.USE.N.LF', '')]);
  assert.equal(stale.status, 409);
  const problem = (await stale.json()) as { errors: { field: string; problem: string }[] };
  assert.match(problem.errors[0]!.problem, /now "NA", saved by Demo Expert/);
  const needsSource = await patch({ 'x-csrf-token': csrf }, [{ ...change('OP2.USE.B.LF', 'X') }]);
  assert.equal(needsSource.status, 422);
});

test('experts find the grid from the matrix page and the section form; the Committee does not', async () => {
  assert.match(await page(c.expert, '/en/states/GHA/matrix'), /href="\/en\/states\/GHA\/matrix\/grid"/);
  assert.match(await page(c.expert, '/en/states/GHA/matrix/edit?section=OP3a'), /href="\/en\/states\/GHA\/matrix\/grid\?section=OP3a"/);
  assert.doesNotMatch(await page(c.committee, '/en/states/GHA/matrix'), /matrix\/grid/);
});

test('the script and every module it imports are served, as JavaScript, with the stylesheet’s caching', async () => {
  // The page loads the entry module; the others are found as a browser finds them, by resolving
  // each relative import against the URL of the module that imports it.
  const seen = new Map<string, string>();
  const queue = ['/static/matrix-grid.js'];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (seen.has(path)) continue;
    const res = await t.request(path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/, path);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=3600', path);
    const text = await res.text();
    seen.set(path, text);
    for (const [, spec] of text.matchAll(/^import\s[^'"]*'([^']+)'/gm)) {
      assert.match(spec!, /^\.\//, `${path} imports ${spec} by a relative URL`);
      queue.push(new URL(spec!, `http://x${path}`).pathname);
    }
  }
  assert.ok(seen.size > 1, 'the entry module imports the others');
  assert.match([...seen.values()].join('\n'), /aria-multiselectable/);
});
