import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../../src/platform/errors.ts';
import { createApiToken } from '../../src/features/accounts/commands.ts';
import { viewerOf } from '../../src/features/accounts/viewer.ts';
import { moveMatrix } from '../../src/features/matrix/versions/commands.ts';
import { convertAllMatrices, convertMatrix, inConversionTransaction } from '../../src/features/matrix/convert/convert-commands.ts';
import { cellsOf, latestApproved, openMatrix } from '../../src/features/matrix/versions/matrices.ts';
import type { MatrixStatus } from '../../src/features/matrix/schema.ts';
import { findTemplate } from '../../src/features/matrix/templates/templates.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';
import { Client, type TestApp, testApp } from '../support/app.ts';
import { actor, type Definition, edited, labels, nerCells, publish, rename, tcdCells } from '../support/matrix-convert.ts';

interface ApiTemplate extends Definition {
  version: string;
  locked: boolean;
  basedOn: string | null;
  fieldCount: number;
  rowVersion: number;
}
interface Report {
  dryRun: boolean;
  state: string;
  from: { number: number; template: string };
  number: number;
  template: string;
  converted: number;
  renamed: { from: string; to: string }[];
  notMapped: { field: string; value: string; sources: unknown[] }[];
  unmappable: string[];
  unfilled: string[];
}
interface Problem {
  detail: string;
  errors?: { field: string; problem: string }[];
}

describe('template versions and conversion, through the API, the pages and the commands', () => {
  let t: TestApp;
  const who: Record<string, Viewer> = {};
  const tokens: Record<string, string> = {};

  before(async () => {
    t = await testApp();
    const db = t.database.db;
    for (const u of await db.selectFrom('app_user').selectAll().execute()) who[u.email.split('@')[0]!] = viewerOf(u);
    for (const name of ['expert', 'admin', 'poc.mli', 'committee'])
      tokens[name] = (await createApiToken(db, { id: null, label: 'test' }, who[name]!.id, 'test')).token;
  });
  after(() => t.close());

  async function call<T>(name: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
    const res = await t.request(`/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[name]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as T };
  }
  async function expect<T>(status: number, name: string, method: string, path: string, body?: unknown): Promise<T> {
    const res = await call<T>(name, method, path, body);
    assert.equal(res.status, status, `${name} ${method} ${path}: ${JSON.stringify(res.json).slice(0, 2000)}`);
    return res.json;
  }

  test('an administrator copies a template, edits the copy; each problem is named by its path', async () => {
    await expect(403, 'expert', 'POST', '/matrix/templates', { from: '2017', version: '2026-test' });
    const copy = await expect<ApiTemplate>(201, 'admin', 'POST', '/matrix/templates', { from: '2017', version: '2026-test' });
    assert.equal(copy.locked, false);
    assert.equal(copy.basedOn, '2017');
    assert.equal(copy.rowVersion, 1);
    await expect(409, 'admin', 'POST', '/matrix/templates', { from: '2017', version: '2026-test' });
    await expect(404, 'admin', 'POST', '/matrix/templates', { from: '1999', version: '2026-other' });

    // Problems, all at once, each with its path.
    const broken = edited(copy);
    broken.fields[3] = { ...broken.fields[3]!, row: 'OP9.NOWHERE' };
    broken.fields[4] = { ...broken.fields[4]!, code: broken.fields[5]!.code };
    broken.rows[2] = { ...broken.rows[2]!, labels: { ...broken.rows[2]!.labels, zh: '' } };
    const problem = await expect<Problem>(422, 'admin', 'PUT', '/matrix/templates/2026-test', { rowVersion: 1, ...broken });
    const paths = problem.errors!.map((e) => e.field);
    assert.deepEqual(paths.sort(), ['fields[5].code', 'fields[3].row', 'rows[2].labels.zh'].sort());
    await expect(422, 'admin', 'PUT', '/matrix/templates/2026-test', {
      rowVersion: 1,
      sections: copy.sections,
      rows: copy.rows,
      fields: [],
    });
    // Only an administrator; a read-only reader gets 403 before anything is checked.
    await expect(403, 'expert', 'PUT', '/matrix/templates/2026-test', { rowVersion: 1, ...edited(copy) });

    const changed = await expect<ApiTemplate>(200, 'admin', 'PUT', '/matrix/templates/2026-test', {
      ...copy,
      ...edited(copy),
      rowVersion: copy.rowVersion,
      title: labels('Matrix, test format'),
    });
    assert.equal(changed.rowVersion, 2);
    assert.equal(changed.fieldCount, copy.fieldCount);
    const codes = changed.fields.map((f) => f.code);
    assert.ok(codes.includes('OP2.MANUFACTURE.N.LAW') && codes.includes('OP2.BROKER.N.LF'));
    assert.ok(!codes.includes('OP2.MANUFACTURE.N.LF') && !codes.includes('OP2.USE.B.EN'));
    assert.ok(changed.rows.some((r) => r.code === 'OP2.BROKER'));
    // A stale row version is refused, naming the current one.
    const stale = await expect<Problem>(409, 'admin', 'PUT', '/matrix/templates/2026-test', { rowVersion: 1, ...edited(copy) });
    assert.match(stale.detail, /changed since you opened it/);
    // A locked template is refused with a clear message.
    const locked = await expect<Problem>(409, 'admin', 'PUT', '/matrix/templates/2017', { ...copy, rowVersion: 1 });
    assert.match(locked.detail, /2017 is fixed .* copy it to a new version/);
    await expect(404, 'admin', 'PUT', '/matrix/templates/1999', { ...copy, rowVersion: 1 });

    const event = await t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('record_type', '=', 'matrix-template')
      .where('record_id', '=', '2026-test')
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    assert.equal(event.actor_id, who.admin!.id);
    const before = event.before as { fields: string[]; rowVersion: number };
    const afterwards = event.after as { fields: string[]; rowVersion: number };
    assert.ok(before.fields.includes('OP2.USE.B.EN') && !afterwards.fields.includes('OP2.USE.B.EN'));
    assert.deepEqual([before.rowVersion, afterwards.rowVersion], [1, 2]);
  });

  test('the template page: a download link and, for an administrator, a form that keeps the input on a refusal', async () => {
    const admin = new Client(t);
    await admin.login('admin@demo.r1540.org');
    const page = await (await admin.get('/fr/matrix/templates/2026-test')).text();
    assert.match(page, /href="\/api\/v1\/matrix\/templates\/2026-test"/);
    assert.match(page, /Remplacer la définition/);
    assert.match(page, /enctype="multipart\/form-data"/);
    const expert = new Client(t);
    await expert.login('expert@demo.r1540.org');
    assert.doesNotMatch(await (await expert.get('/en/matrix/templates/2026-test')).text(), /Replace the definition/);
    const forbidden = await expert.post('/en/matrix/templates/2026-test/definition', { rowVersion: '2', definition: '{}' });
    assert.equal(forbidden.status, 403);

    const notJson = await admin.post('/en/matrix/templates/2026-test/definition', { rowVersion: '2', definition: '{"sections": [' });
    assert.equal(notJson.status, 422);
    const notJsonPage = await notJson.text();
    assert.match(notJsonPage, /is not valid JSON/);
    assert.match(notJsonPage, /\{&quot;sections&quot;: \[<\/textarea>/);

    const current = (await findTemplate(t.database.db, '2026-test'))!;
    const bad = JSON.stringify({ ...current.definition, fields: [{ ...current.definition.fields[0], row: 'OP9.NOWHERE' }] });
    const refused = await admin.post('/en/matrix/templates/2026-test/definition', { rowVersion: '2', definition: bad });
    assert.equal(refused.status, 422);
    const refusedPage = await refused.text();
    assert.match(refusedPage, /<code>fields\[0\]\.row<\/code>: &quot;OP9.NOWHERE&quot; is not a row of this template/);
    assert.match(refusedPage, /OP9\.NOWHERE/);

    // The same definition, sent back as a file: saved, and the row version moves on.
    const form = new FormData();
    form.append('_csrf', admin.cookies.get('r1540_csrf')!);
    form.append('rowVersion', '2');
    form.append('definition', '');
    form.append('file', new Blob([JSON.stringify(current.definition)], { type: 'application/json' }), 'template.json');
    const saved = await admin.fetch('/en/matrix/templates/2026-test/definition', { method: 'POST', body: form });
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('location'), '/en/matrix/templates/2026-test?saved=1');
    assert.match(await (await admin.get('/en/matrix/templates/2026-test?saved=1')).text(), /The new definition was saved/);
    assert.equal((await findTemplate(t.database.db, '2026-test'))!.row_version, 3);
    // Sent again with the old row version: 409, the input kept.
    const stale = await admin.post('/en/matrix/templates/2026-test/definition', {
      rowVersion: '2',
      definition: JSON.stringify(current.definition),
    });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /is 3 now, not 2/);
  });

  test('a State’s published matrix converts to the edited template: cells carried, renamed, the unmapped listed and audited', async () => {
    const db = t.database.db;
    const ner1 = await publish(db, who.expert!, who.admin!, 'NER', nerCells);
    await publish(db, who.expert!, who.admin!, 'TCD', tcdCells);

    // Refusals first: a point of contact, a State with no approved version, a wrong mapping.
    await expect(403, 'poc.mli', 'POST', '/states/NER/matrix/conversions', { to: '2026-test', mapping: rename });
    await expect(403, 'committee', 'POST', '/states/NER/matrix/conversions', { to: '2026-test', mapping: rename });
    const none = await expect<Problem>(409, 'expert', 'POST', '/states/PER/matrix/conversions', { to: '2026-test' });
    assert.match(none.detail, /no approved matrix/);
    await expect(404, 'expert', 'POST', '/states/NER/matrix/conversions', { to: '1999' });
    const wrong = await expect<Problem>(422, 'expert', 'POST', '/states/NER/matrix/conversions', {
      to: '2026-test',
      mapping: { from: '2017', fields: { 'OP9.X': 'OP2.MANUFACTURE.N.LAW', 'OP2.MANUFACTURE.N.LF': 'OP2.NOPE' } },
    });
    assert.deepEqual(wrong.errors!.map((e) => e.field).sort(), ['mapping.fields.OP2.MANUFACTURE.N.LF', 'mapping.fields.OP9.X']);
    const badShape = await expect<Problem>(422, 'expert', 'POST', '/states/NER/matrix/conversions', {
      to: '2026-test',
      mapping: { fields: { A: 3 } },
    });
    assert.deepEqual(
      badShape.errors!.map((e) => e.field),
      ['mapping.fields.A'],
    );
    // Without a mapping, the renamed field would be lost: a dry run says so, and saves nothing.
    const dry = await expect<Report>(200, 'expert', 'POST', '/states/NER/matrix/conversions', { to: '2026-test', dryRun: true });
    assert.equal(dry.dryRun, true);
    assert.deepEqual(dry.notMapped.map((c) => c.field).sort(), ['OP2.MANUFACTURE.N.LF', 'OP2.USE.B.EN']);
    assert.equal(await openMatrix(db, 'NER'), undefined, 'a dry run saves nothing');
    assert.equal((await findTemplate(db, '2026-test'))!.locked_at, null, 'a dry run does not lock the template');

    const report = await expect<Report>(201, 'expert', 'POST', '/states/NER/matrix/conversions', { to: '2026-test', mapping: rename });
    assert.equal(report.dryRun, false);
    assert.deepEqual(report.from, { number: 1, template: '2017' });
    assert.equal(report.number, 2);
    assert.equal(report.template, '2026-test');
    assert.equal(report.converted, 3);
    assert.deepEqual(report.renamed, [{ from: 'OP2.MANUFACTURE.N.LF', to: 'OP2.MANUFACTURE.N.LAW' }]);
    assert.deepEqual(
      report.notMapped.map((c) => [c.field, c.value]),
      [['OP2.USE.B.EN', '?']],
    );
    assert.deepEqual(report.unmappable, ['OP2.USE.B.EN']);
    assert.deepEqual(report.unfilled, ['OP2.BROKER.N.LF']);

    const draft = (await openMatrix(db, 'NER'))!;
    assert.equal(draft.number, 2);
    assert.equal(draft.status, 'draft');
    assert.equal(draft.template_version, '2026-test');
    assert.equal(draft.based_on, ner1.id);
    const oldCells = new Map((await cellsOf(db, ner1.id)).map((c) => [c.field_code, c]));
    const newCells = new Map((await cellsOf(db, draft.id)).map((c) => [c.field_code, c]));
    assert.deepEqual([...newCells.keys()].sort(), ['OP1.NPT', 'OP2.MANUFACTURE.N.LAW', 'OP3a.ACCOUNT-PRODUCTION.N.LF']);
    const renamed = newCells.get('OP2.MANUFACTURE.N.LAW')!;
    const original = oldCells.get('OP2.MANUFACTURE.N.LF')!;
    assert.equal(renamed.value, 'X');
    assert.deepEqual(renamed.sources, original.sources);
    assert.equal(renamed.info_date, '2017-03-01');
    assert.equal(renamed.remarks, 'Loi de 2016\n[OP2.MANUFACTURE.N.LF (2017) → OP2.MANUFACTURE.N.LAW (2026-test)]');
    for (const code of ['OP1.NPT', 'OP3a.ACCOUNT-PRODUCTION.N.LF']) {
      const [a, b] = [oldCells.get(code)!, newCells.get(code)!];
      assert.deepEqual(
        [b.value, b.remarks, b.sources, b.info_date, b.instrument_status, b.instrument_date],
        [a.value, a.remarks, a.sources, a.info_date, a.instrument_status, a.instrument_date],
        code,
      );
    }
    const event = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('record_type', '=', 'matrix')
      .where('record_id', '=', draft.id)
      .where('action', '=', 'convert')
      .executeTakeFirstOrThrow();
    assert.equal(event.actor_id, who.expert!.id);
    assert.equal(event.state_iso3, 'NER');
    const audited = event.after as {
      convertedFrom: unknown;
      notMapped: { field: string; value: string; remarks: string }[];
      mapping: unknown;
    };
    assert.deepEqual(audited.convertedFrom, { number: 1, template: '2017' });
    assert.deepEqual(
      audited.notMapped.map((c) => [c.field, c.value, c.remarks]),
      [['OP2.USE.B.EN', '?', 'Partial']],
    );
    assert.deepEqual(audited.mapping, rename);

    // The template is in use now: it never changes, through the API or the page.
    const current = (await findTemplate(db, '2026-test'))!;
    assert.ok(current.locked_at);
    const locked = await expect<Problem>(409, 'admin', 'PUT', '/matrix/templates/2026-test', {
      rowVersion: current.row_version,
      ...current.definition,
    });
    assert.match(locked.detail, /fixed/);
    const admin = new Client(t);
    await admin.login('admin@demo.r1540.org');
    const page = await (await admin.get('/en/matrix/templates/2026-test')).text();
    assert.match(page, /Download the definition/);
    assert.doesNotMatch(page, /Replace the definition/);
    assert.equal(
      (await admin.post('/en/matrix/templates/2026-test/definition', { rowVersion: String(current.row_version), definition: '{}' })).status,
      409,
    );

    // A second conversion waits for the version in the works.
    const open = await expect<Problem>(409, 'expert', 'POST', '/states/NER/matrix/conversions', { to: '2026-test', mapping: rename });
    assert.match(open.detail, /in the works/);
  });

  test('converting every State runs in one transaction: all of them, or none', async () => {
    const db = t.database.db;
    const expert = who.expert!;
    const admin = who.admin!;
    // NER's converted draft is still open: nothing is converted, and the refusal names it.
    await assert.rejects(
      db.transaction().execute((trx) => convertAllMatrices(trx, actor(expert), expert, '2026-test', rename)),
      (err) => err instanceof AppError && err.code === 'conflict' && err.fields.map((f) => f.field).join() === 'NER',
    );
    assert.equal((await latestApproved(db, 'TCD'))!.number, 1);
    assert.equal(await openMatrix(db, 'TCD'), undefined);

    // Once NER's conversion is published, the run converts TCD and skips NER.
    const ner = (await openMatrix(db, 'NER'))!;
    for (const to of ['sent', 'agreed', 'approved', 'published'] as MatrixStatus[]) await moveMatrix(db, actor(admin), admin, ner.id, to);
    await assert.rejects(
      db.transaction().execute((trx) => convertAllMatrices(trx, actor(who['poc.mli']!), who['poc.mli']!, '2026-test', rename)),
      (err) => err instanceof AppError && err.code === 'forbidden',
    );
    const dry = await inConversionTransaction(db, true, (trx) => convertAllMatrices(trx, actor(expert), expert, '2026-test', rename));
    assert.deepEqual(
      dry.converted.map((r) => r.state),
      ['TCD'],
    );
    assert.equal(await openMatrix(db, 'TCD'), undefined, 'the dry run was rolled back');

    const result = await inConversionTransaction(db, false, (trx) => convertAllMatrices(trx, actor(expert), expert, '2026-test', rename));
    assert.deepEqual(
      result.converted.map((r) => [r.state, r.number, r.converted, r.notMapped.length]),
      [['TCD', 2, 2, 0]],
    );
    assert.deepEqual(
      result.skipped.find((s) => s.state === 'NER'),
      { state: 'NER', reason: 'already-converted' },
    );
    assert.equal(result.skipped.filter((s) => s.reason === 'no-approved-version').length, result.skipped.length - 1);
    assert.deepEqual(result.plans, [{ from: '2017', to: '2026-test', unmappable: ['OP2.USE.B.EN'], unfilled: ['OP2.BROKER.N.LF'] }]);
    const tcd = (await openMatrix(db, 'TCD'))!;
    assert.deepEqual(
      (await cellsOf(db, tcd.id)).map((c) => [c.field_code, c.value]),
      [
        ['OP2.MANUFACTURE.N.LAW', 'X'],
        ['OP2.USE.N.LF', 'NA'],
      ],
    );

    // A single State in the caller's transaction: refused while its draft is open.
    await assert.rejects(
      db.transaction().execute((trx) => convertMatrix(trx, actor(expert), expert, 'TCD', '2026-test', rename)),
      /in the works/,
    );
  });
});
