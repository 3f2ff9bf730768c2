import assert from 'node:assert/strict';
import { all, type Ctx, committeeSide, type Row, s, uuid0, type Who } from '../../platform/testing/access-rows.ts';

/** The access-policy rows of publications and the FAQ (test/support/access-policy.ts walks them). */
// prettier-ignore
// biome-ignore format: one row per route, read as a table
export const accessRows: Row[] = [
  // Publications (publications/routes.tsx, publications/api.ts): a draft is the Committee side's (404 to others); the experts and the
  // secretariat write, committee members approve (the API refuses every write of the public: 403), the secretariat publishes; then everyone reads it. The FAQ is the secretariat's to edit.
  ...((): Row[] => {
    const ids = { draft: uuid0, toPublish: uuid0, group: uuid0, question: uuid0 };
    // The FAQ through the API: the records the secretariat adds, and their versions as last seen.
    const faq = { group: { id: uuid0, version: 0 }, question: { id: uuid0, version: 0 } };
    const seen = (which: 'group' | 'question') => async (res: Response) => {
      if (res.ok) faq[which] = { id: faq[which].id === uuid0 ? ((await res.clone().json()) as { id: string }).id : faq[which].id, version: ((await res.json()) as { rowVersion: number }).rowVersion };
    };
    const hidden = 'Policy walk: a draft release';
    const json = (title: string, over: Record<string, unknown> = {}) => () => ({ kind: 'press-release', dated: '2018-12-10', texts: { en: { title, body: 'Text.' } }, ...over });
    const keep = (key: 'draft' | 'toPublish', by: Who) => async (res: Response, w: Who) => {
      const id = ((await res.json()) as { id: string }).id;
      if (w === by) ids[key] = id;
    };
    const version = async (c: Ctx, id: string) => String((await c.db.selectFrom('publication').select('row_version').where('id', '=', id).executeTakeFirst())?.row_version ?? 0);
    const form = (title: string) => ({ kind: 'press-release', dated: '2018-12-10', 'title.en': title, 'body.en': 'Text.' });
    const lists = async (res: Response, w: Who) => assert.equal((await res.text()).includes(hidden), committeeSide.includes(w), `${w}: the draft`);
    const noDraft = async (res: Response, w: Who) => assert.ok(!(await res.text()).includes(hidden), `${w}: the draft in the feed`);
    const faqId = (key: 'group' | 'question', table: 'faq_group' | 'faq_question') => async (_res: Response, w: Who, c: Ctx) => {
      if (w !== 'secretariat') return;
      const row = await c.db.selectFrom(table).select('id').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      ids[key] = row.id;
    };
    return [
      { method: 'POST', route: '/api/v1/publications', path: '/api/v1/publications', json: json(hidden), check: keep('draft', 'expert'), expect: s(403, 403, 403, 201, 403, 201, 201) },
      { method: 'POST', route: '/api/v1/publications', path: '/api/v1/publications', json: json('Policy walk: to publish'), check: keep('toPublish', 'secretariat'), expect: s(403, 403, 403, 201, 403, 201, 201) },
      { method: 'POST', route: '/api/v1/publications', path: '/api/v1/publications', json: json('x', { texts: { de: { title: 'Deutsch' } } }), expect: s(403, 422, 422, 422, 422, 422, 422), note: 'a language that is not one of the six: the body is checked before the rights' },
      { method: 'GET', route: '/api/v1/publications', path: '/api/v1/publications?year=2018', check: lists, expect: all(200) },
      { method: 'GET', route: '/api/v1/publications', path: '/api/v1/publications?kind=tweet', expect: all(422) },
      { method: 'GET', route: '/api/v1/publications/figures', path: '/api/v1/publications/figures?year=2018', expect: all(200) },
      { method: 'GET', route: '/api/v1/publications/figures', path: '/api/v1/publications/figures?year=12', expect: all(422) },
      { method: 'GET', route: '/api/v1/publications/:id', path: () => `/api/v1/publications/${ids.draft}`, expect: s(404, 404, 404, 200, 200, 200, 200), note: 'a draft' },
      { method: 'GET', route: '/api/v1/publications/:id', path: `/api/v1/publications/${uuid0}`, expect: all(404) },
      { method: 'PUT', route: '/api/v1/publications/:id', path: () => `/api/v1/publications/${ids.draft}`, json: () => ({ ...json('Stale')(), rowVersion: 99999 }), expect: s(403, 404, 404, 409, 403, 409, 409), note: 'a stale version' },
      { method: 'POST', route: '/api/v1/publications/:id/approve', path: () => `/api/v1/publications/${ids.toPublish}/approve`, json: () => ({ rowVersion: 1 }), expect: s(403, 404, 404, 403, 200, 403, 409), note: 'approved by a committee member; then no longer a draft' },
      { method: 'POST', route: '/api/v1/publications/:id/publish', path: () => `/api/v1/publications/${ids.toPublish}/publish`, json: () => ({ rowVersion: 2, publishedOn: '2999-01-01' }), expect: s(403, 404, 404, 403, 403, 422, 422), note: 'a day in the future' },
      { method: 'POST', route: '/api/v1/publications/:id/publish', path: () => `/api/v1/publications/${ids.toPublish}/publish`, json: () => ({ rowVersion: 2, publishedOn: '2018-12-11' }), expect: s(403, 404, 404, 403, 403, 200, 409), note: 'published by the secretariat; then a stale version' },
      { method: 'GET', route: '/api/v1/publications/:id', path: () => `/api/v1/publications/${ids.toPublish}`, expect: all(200), note: 'published' },
      { method: 'GET', route: '/api/v1/faq', path: '/api/v1/faq', expect: all(200) },
      { method: 'POST', route: '/api/v1/faq/groups', path: '/api/v1/faq/groups', json: () => ({ position: 9, titles: { en: 'Policy walk: API group' } }), check: seen('group'), expect: s(403, 403, 403, 403, 403, 201, 201) },
      { method: 'POST', route: '/api/v1/faq/groups', path: '/api/v1/faq/groups', json: () => ({ position: 9, titles: { de: 'Deutsch' } }), expect: s(403, 422, 422, 422, 422, 422, 422), note: 'a language that is not one of the six' },
      { method: 'PUT', route: '/api/v1/faq/groups/:id', path: () => `/api/v1/faq/groups/${faq.group.id}`, json: () => ({ rowVersion: 0, position: 9, titles: { en: 'Stale' } }), expect: s(403, 403, 403, 403, 403, 409, 409), note: 'a stale version' },
      { method: 'PUT', route: '/api/v1/faq/groups/:id', path: () => `/api/v1/faq/groups/${faq.group.id}`, json: () => ({ rowVersion: faq.group.version, position: 8, titles: { en: 'Policy walk: API group', fr: 'Groupe' } }), check: seen('group'), expect: s(403, 403, 403, 403, 403, 200, 200) },
      { method: 'POST', route: '/api/v1/faq/questions', path: '/api/v1/faq/questions', json: () => ({ groupId: faq.group.id, position: 1, texts: { en: { question: 'Policy walk: by the API?', answer: 'Yes.' } } }), check: seen('question'), expect: s(403, 403, 403, 403, 403, 201, 201) },
      { method: 'POST', route: '/api/v1/faq/questions', path: '/api/v1/faq/questions', json: () => ({ groupId: faq.group.id, position: 1, texts: { en: { question: 'Without its answer?' } } }), expect: s(403, 422, 422, 422, 422, 422, 422), note: 'a question without its answer' },
      { method: 'PUT', route: '/api/v1/faq/questions/:id', path: () => `/api/v1/faq/questions/${faq.question.id}`, json: () => ({ rowVersion: 0, groupId: faq.group.id, position: 1, texts: { en: { question: 'Stale?', answer: 'Yes.' } } }), expect: s(403, 403, 403, 403, 403, 409, 409), note: 'a stale version' },
      { method: 'PUT', route: '/api/v1/faq/questions/:id', path: () => `/api/v1/faq/questions/${faq.question.id}`, json: () => ({ rowVersion: faq.question.version, groupId: faq.group.id, position: 2, texts: { en: { question: 'Policy walk: by the API?', answer: 'Yes, and changed.' } } }), check: seen('question'), expect: s(403, 403, 403, 403, 403, 200, 200) },
      { method: 'POST', route: '/api/v1/faq/questions/:id/archive', path: () => `/api/v1/faq/questions/${faq.question.id}/archive`, json: () => ({ rowVersion: faq.question.version }), check: seen('question'), expect: s(403, 403, 403, 403, 403, 200, 200) },
      { method: 'POST', route: '/api/v1/faq/questions/:id/restore', path: () => `/api/v1/faq/questions/${faq.question.id}/restore`, json: () => ({ rowVersion: faq.question.version }), check: seen('question'), expect: s(403, 403, 403, 403, 403, 200, 200) },
      { method: 'POST', route: '/api/v1/faq/groups/:id/archive', path: () => `/api/v1/faq/groups/${faq.group.id}/archive`, json: () => ({ rowVersion: faq.group.version }), check: seen('group'), expect: s(403, 403, 403, 403, 403, 200, 200) },
      { method: 'POST', route: '/api/v1/faq/groups/:id/restore', path: () => `/api/v1/faq/groups/${faq.group.id}/restore`, json: () => ({ rowVersion: 0 }), expect: s(403, 403, 403, 403, 403, 409, 409), note: 'a stale version' },

      { method: 'GET', route: '/{lang}/publications', path: '/en/publications?year=2018&kind=press-release', check: lists, expect: all(200) },
      { method: 'GET', route: '/{lang}/publications', path: '/en/publications?year=12', expect: all(422), note: 'not a year' },
      { method: 'GET', route: '/{lang}/publications/feed.atom', path: '/fr/publications/feed.atom?kind=press-release', check: noDraft, expect: all(200) },
      { method: 'GET', route: '/{lang}/publications/feed.atom', path: '/fr/publications/feed.atom?kind=tweet', expect: all(422) },
      { method: 'GET', route: '/{lang}/publications/new', path: '/ar/publications/new', expect: s(401, 403, 403, 200, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/publications/new', path: '/en/publications/new', body: () => ({ kind: 'news', dated: '2018-12-01' }), expect: s(401, 403, 403, 422, 403, 422, 422), note: 'no version in any language' },
      { method: 'POST', route: '/{lang}/publications/new', path: '/en/publications/new', body: () => form('Policy walk: from the form'), expect: s(401, 403, 403, 303, 403, 303, 303) },
      { method: 'GET', route: '/{lang}/publications/:id', path: () => `/zh/publications/${ids.draft}`, expect: s(404, 404, 404, 200, 200, 200, 200), note: 'a draft' },
      { method: 'GET', route: '/{lang}/publications/:id', path: () => `/zh/publications/${ids.toPublish}`, expect: all(200), note: 'published; no Chinese version' },
      { method: 'GET', route: '/{lang}/publications/:id', path: '/en/publications/not-an-id', expect: all(404) },
      { method: 'GET', route: '/{lang}/publications/:id/history', path: () => `/en/publications/${ids.toPublish}/history`, expect: s(401, 403, 403, 200, 200, 200, 200) },
      { method: 'GET', route: '/{lang}/publications/:id/edit', path: () => `/en/publications/${ids.draft}/edit`, expect: s(404, 404, 404, 200, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/publications/:id/edit', path: () => `/en/publications/${ids.draft}/edit`, body: () => ({ ...form('Policy walk: stale'), version: '0' }), expect: s(404, 404, 404, 409, 403, 409, 409), note: 'a stale version' },
      { method: 'POST', route: '/{lang}/publications/:id/edit', path: () => `/en/publications/${ids.draft}/edit`, body: () => ({ ...form(''), 'body.en': '', version: '1' }), expect: s(404, 404, 404, 422, 403, 422, 422), note: 'no version in any language' },
      { method: 'POST', route: '/{lang}/publications/:id/approve', path: () => `/en/publications/${ids.draft}/approve`, body: async (c) => ({ version: await version(c, ids.draft) }), expect: s(404, 404, 404, 403, 303, 403, 409), note: 'then no longer a draft' },
      { method: 'POST', route: '/{lang}/publications/:id/publish', path: () => `/en/publications/${ids.draft}/publish`, body: async (c) => ({ version: await version(c, ids.draft), publishedOn: '2999-01-01' }), expect: s(404, 404, 404, 403, 403, 422, 422), note: 'a day in the future' },
      { method: 'POST', route: '/{lang}/publications/:id/publish', path: () => `/en/publications/${ids.draft}/publish`, body: async (c) => ({ version: await version(c, ids.draft), publishedOn: '2018-12-12' }), expect: s(404, 404, 404, 403, 403, 303, 409), note: 'then already published' },
      { method: 'POST', route: '/{lang}/publications/:id/archive', path: () => `/en/publications/${ids.draft}/archive`, body: async (c) => ({ version: await version(c, ids.draft) }), expect: s(401, 403, 403, 200, 403, 200, 200), note: 'not confirmed: the confirmation page, nothing changed' },
      { method: 'POST', route: '/{lang}/publications/:id/archive', path: () => `/en/publications/${ids.draft}/archive`, body: async (c) => ({ confirm: 'yes', version: await version(c, ids.draft) }), expect: s(401, 403, 403, 303, 403, 303, 303) },
      { method: 'POST', route: '/{lang}/publications/:id/restore', path: () => `/en/publications/${ids.draft}/restore`, body: async (c) => ({ version: await version(c, ids.draft) }), expect: s(401, 403, 403, 303, 403, 303, 303) },

      { method: 'GET', route: '/{lang}/faq', path: '/ar/faq', expect: all(200) },
      { method: 'GET', route: '/{lang}/faq/history', path: '/en/faq/history', expect: s(401, 403, 403, 200, 200, 200, 200) },
      { method: 'GET', route: '/{lang}/faq/manage', path: '/en/faq/manage', expect: s(401, 403, 403, 403, 403, 200, 200) },
      { method: 'GET', route: '/{lang}/faq/groups/new', path: '/en/faq/groups/new', expect: s(401, 403, 403, 403, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/faq/groups/new', path: '/en/faq/groups/new', body: () => ({ position: '1' }), expect: s(401, 403, 403, 403, 403, 422, 422), note: 'no heading' },
      { method: 'POST', route: '/{lang}/faq/groups/new', path: '/en/faq/groups/new', body: () => ({ position: '1', 'title.en': 'Policy walk group' }), check: faqId('group', 'faq_group'), expect: s(401, 403, 403, 403, 403, 303, 303) },
      { method: 'GET', route: '/{lang}/faq/groups/:id/edit', path: () => `/en/faq/groups/${ids.group}/edit`, expect: s(401, 403, 403, 403, 403, 200, 200) },
      { method: 'GET', route: '/{lang}/faq/groups/:id/edit', path: `/en/faq/groups/${uuid0}/edit`, expect: s(401, 403, 403, 403, 403, 404, 404) },
      { method: 'POST', route: '/{lang}/faq/groups/:id/edit', path: () => `/en/faq/groups/${ids.group}/edit`, body: () => ({ version: '0', position: '2', 'title.en': 'Stale' }), expect: s(401, 403, 403, 403, 403, 409, 409), note: 'a stale version' },
      { method: 'GET', route: '/{lang}/faq/questions/new', path: '/en/faq/questions/new', expect: s(401, 403, 403, 403, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/faq/questions/new', path: '/en/faq/questions/new', body: () => ({ groupId: ids.group, position: '1', 'question.en': 'Policy walk?', 'answer.en': 'Yes.', 'question.fr': 'Sans réponse' }), expect: s(401, 403, 403, 403, 403, 422, 422), note: 'a question without its answer' },
      { method: 'POST', route: '/{lang}/faq/questions/new', path: '/en/faq/questions/new', body: () => ({ groupId: ids.group, position: '1', 'question.en': 'Policy walk?', 'answer.en': 'Yes.' }), check: faqId('question', 'faq_question'), expect: s(401, 403, 403, 403, 403, 303, 303) },
      { method: 'GET', route: '/{lang}/faq/questions/:id/edit', path: () => `/en/faq/questions/${ids.question}/edit`, expect: s(401, 403, 403, 403, 403, 200, 200) },
      { method: 'POST', route: '/{lang}/faq/questions/:id/edit', path: () => `/en/faq/questions/${ids.question}/edit`, body: () => ({ version: '0', groupId: ids.group, position: '1', 'question.en': 'Stale?', 'answer.en': 'Yes.' }), expect: s(401, 403, 403, 403, 403, 409, 409), note: 'a stale version' },
    ];
  })(),
];
