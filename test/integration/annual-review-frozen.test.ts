// Engines: both (the database's refusal of a change to an approved review is a PL/pgSQL trigger: it must hold on PGlite as on PostgreSQL)
// The rest of the annual review (annual-review.test.ts) is engine-neutral and runs on the server's engine.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { seedDemoReviews } from '../../src/features/annual-review/demo.ts';
import { type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
let id: string;
before(async () => {
  t = await testApp();
  await seedDemoReviews(t.database.db); // S/2018/1167 published (from whatever records there are), and a draft of 2019
  id = (await t.database.db.selectFrom('annual_review').select('id').where('symbol', '=', 'S/2018/1167').executeTakeFirstOrThrow()).id;
});
after(() => t.close());

test('the database refuses any change to an approved review and its paragraphs', async () => {
  const db = t.database.db;
  await assert.rejects(
    sql`update annual_review set symbol = 'S/2018/9999' where id = ${id}`.execute(db),
    /approved annual review never changes/,
  );
  await assert.rejects(
    sql`update annual_review set status = 'draft', confidentiality = 'committee' where id = ${id}`.execute(db),
    /only moves on/,
  );
  await assert.rejects(
    sql`insert into annual_review_paragraph (review_id, paragraph_key, locale, body, source) values (${id}, 'I.context', 'en', 'x', 'entered')`.execute(
      db,
    ),
    /paragraphs of an approved annual review never change/,
  );
  await assert.rejects(sql`update annual_review_paragraph set body = 'x' where review_id = ${id}`.execute(db), /never change/);
  const again = await db.selectFrom('annual_review').select(['symbol', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(again, { symbol: 'S/2018/1167', status: 'published' });
});
