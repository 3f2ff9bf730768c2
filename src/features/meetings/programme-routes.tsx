import type { Hono } from 'hono';
import { recordHistory } from '../../platform/audit/history.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { formBody, text } from '../../platform/http/forms.ts';
import { confirmFirst } from '../../platform/ui/record-actions.tsx';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { can, visibilityScope } from '../../platform/policy/policy.ts';
import { HistoryList } from '../../platform/ui/history.tsx';
import { kinds, saveItem, saveProgramme, setArchived } from './commands.ts';
import { ItemDetail, ProgrammeDetail, ProgrammeList } from './programme-pages.tsx';
import { itemResource, itemsOf, listProgrammes, programmeResource, visibleItem, visibleProgramme } from './queries.ts';
import { attempt, textsOf } from './web-common.ts';
import {
  itemFieldNames,
  itemForm,
  itemInputOf,
  itemValues,
  programmeFieldNames,
  programmeForm,
  programmeInputOf,
  programmeValues,
  visibleLinks,
} from './programme-forms.tsx';

/** `/{lang}/committee/programme…`: the programmes of work, their items and the progress of each. */
export function programmeRoutes(r: Hono<AppEnv>) {
  const mayCreate = (c: AppContextOf) => can(c.get('viewer'), 'create', { type: 'programme-of-work', confidentiality: 'public' });
  const mayAddItem = (c: AppContextOf) => can(c.get('viewer'), 'create', { type: 'programme-item', confidentiality: 'public' });
  const db = (c: AppContextOf) => c.get('app').database.db;

  r.get('/programme', async (c) => {
    const m = c.get('m');
    return render(
      c,
      { title: m.t('meetings.programme.title') },
      <ProgrammeList m={m} programmes={await listProgrammes(db(c), c.get('viewer'))} mayCreate={mayCreate(c)} />,
    );
  });

  r.get('/programme/new', (c) => {
    const m = c.get('m');
    authorize(c, mayCreate(c), 'the recording of programmes of work');
    return programmeForm(
      c,
      m.t('meetings.programme.new'),
      `/${m.locale}/committee/programme/new`,
      `/${m.locale}/committee/programme`,
      { confidentiality: 'public' },
      [],
      200,
    );
  });

  r.post('/programme/new', async (c) => {
    const m = c.get('m');
    authorize(c, mayCreate(c), 'the recording of programmes of work');
    const values = textsOf(await formBody(c), programmeFieldNames);
    return attempt(
      async () => {
        const p = await saveProgramme(db(c), c.get('viewer')!, programmeInputOf(values));
        return c.redirect(`/${m.locale}/committee/programme/${p.number}`, 303);
      },
      (problems, status) =>
        programmeForm(
          c,
          m.t('meetings.programme.new'),
          `/${m.locale}/committee/programme/new`,
          `/${m.locale}/committee/programme`,
          values,
          problems,
          status,
        ),
    );
  });

  // Items first: `/programme/items/…` is not a programme's number.
  const loadItem = async (c: AppContextOf) => {
    const item = await visibleItem(db(c), c.get('viewer'), c.req.param('id') ?? '');
    const programme = await visibleProgramme(db(c), c.get('viewer'), item.programme_id);
    return { item, programme };
  };

  r.get('/programme/items/:id', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const { item, programme } = await loadItem(c);
    const resource = itemResource(item);
    return render(
      c,
      { title: `${item.reference} — ${item.title.slice(0, 120)}` },
      <ItemDetail
        m={m}
        item={item}
        programme={programme}
        links={await visibleLinks(db(c), viewer, m, item)}
        csrfToken={c.get('csrfToken')}
        actions={{
          edit: can(viewer, 'update', resource),
          archive: can(viewer, item.archived_at ? 'restore' : 'archive', resource),
          history: can(viewer, 'read-history', resource),
        }}
      />,
    );
  });

  r.get('/programme/items/:id/history', async (c) => {
    const m = c.get('m');
    const { item } = await loadItem(c);
    authorize(c, can(c.get('viewer'), 'read-history', itemResource(item)), 'the history of this item');
    const events = await recordHistory(db(c), visibilityScope(c.get('viewer')), 'programme-item', item.id);
    return render(
      c,
      { title: m.t('history.titleOf', { name: item.reference }) },
      <HistoryList m={m} events={events} back={`/${m.locale}/committee/programme/items/${item.id}`} />,
    );
  });

  const editableItem = async (c: AppContextOf) => {
    const loaded = await loadItem(c);
    authorize(c, can(c.get('viewer'), 'update', itemResource(loaded.item)), 'the editing of this item');
    return loaded;
  };

  r.get('/programme/items/:id/edit', async (c) => {
    const m = c.get('m');
    const { item } = await editableItem(c);
    const base = `/${m.locale}/committee/programme/items/${item.id}`;
    return itemForm(c, m.t('meetings.editTitle', { title: item.reference }), `${base}/edit`, base, itemValues(item), [], 200);
  });

  r.post('/programme/items/:id/edit', async (c) => {
    const m = c.get('m');
    const { item } = await editableItem(c);
    const base = `/${m.locale}/committee/programme/items/${item.id}`;
    const values = textsOf(await formBody(c), itemFieldNames);
    return attempt(
      async () => {
        await saveItem(db(c), c.get('viewer')!, item.programme_id, itemInputOf(values), { id: item.id, version: Number(values.version) });
        return c.redirect(base, 303);
      },
      (problems, status) =>
        itemForm(c, m.t('meetings.editTitle', { title: item.reference }), `${base}/edit`, base, values, problems, status),
    );
  });

  for (const archived of [true, false])
    r.post(`/programme/items/:id/${archived ? 'archive' : 'restore'}`, async (c) => {
      const viewer = c.get('viewer');
      const { item } = await loadItem(c);
      authorize(c, can(viewer, archived ? 'archive' : 'restore', itemResource(item)), 'this change');
      const body = await formBody(c);
      if (archived) {
        const m = c.get('m');
        const ask = await confirmFirst(c, body, {
          title: m.t('confirm.archive.title', { name: item.reference }),
          consequence: m.t('confirm.archive'),
          button: m.t('record.archive'),
          cancel: `/${m.locale}/committee/programme/items/${item.id}`,
        });
        if (ask) return ask;
      }
      await setArchived(db(c), viewer!, kinds.item, itemResource, item.id, Number(text(body, 'version')), archived);
      return c.redirect(`/${c.get('m').locale}/committee/programme/items/${item.id}`, 303);
    });

  r.get('/programme/:number', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const p = await visibleProgramme(db(c), viewer, c.req.param('number'));
    const items = await itemsOf(db(c), viewer, p.id);
    const withLinks = await Promise.all(items.map(async (item) => ({ item, links: await visibleLinks(db(c), viewer, null, item) })));
    const resource = programmeResource(p);
    return render(
      c,
      { title: m.t('meetings.programme.ordinal', { number: p.number }) },
      <ProgrammeDetail
        m={m}
        programme={p}
        items={withLinks}
        csrfToken={c.get('csrfToken')}
        actions={{
          edit: can(viewer, 'update', resource),
          archive: can(viewer, p.archived_at ? 'restore' : 'archive', resource),
          history: can(viewer, 'read-history', resource),
          addItem: mayAddItem(c),
        }}
      />,
    );
  });

  const editableProgramme = async (c: AppContextOf) => {
    const p = await visibleProgramme(db(c), c.get('viewer'), c.req.param('number') ?? '');
    authorize(c, can(c.get('viewer'), 'update', programmeResource(p)), 'the editing of this programme');
    return p;
  };

  r.get('/programme/:number/edit', async (c) => {
    const m = c.get('m');
    const p = await editableProgramme(c);
    const base = `/${m.locale}/committee/programme/${p.number}`;
    return programmeForm(
      c,
      m.t('meetings.editTitle', { title: m.t('meetings.programme.ordinal', { number: p.number }) }),
      `${base}/edit`,
      base,
      programmeValues(p),
      [],
      200,
    );
  });

  r.post('/programme/:number/edit', async (c) => {
    const m = c.get('m');
    const p = await editableProgramme(c);
    const base = `/${m.locale}/committee/programme/${p.number}`;
    const values = textsOf(await formBody(c), programmeFieldNames);
    return attempt(
      async () => {
        const after = await saveProgramme(db(c), c.get('viewer')!, programmeInputOf(values), { id: p.id, version: Number(values.version) });
        return c.redirect(`/${m.locale}/committee/programme/${after.number}`, 303);
      },
      (problems, status) =>
        programmeForm(
          c,
          m.t('meetings.editTitle', { title: m.t('meetings.programme.ordinal', { number: p.number }) }),
          `${base}/edit`,
          base,
          values,
          problems,
          status,
        ),
    );
  });

  r.get('/programme/:number/history', async (c) => {
    const m = c.get('m');
    const p = await visibleProgramme(db(c), c.get('viewer'), c.req.param('number'));
    authorize(c, can(c.get('viewer'), 'read-history', programmeResource(p)), 'the history of this programme');
    const events = await recordHistory(db(c), visibilityScope(c.get('viewer')), 'programme-of-work', p.id);
    return render(
      c,
      { title: m.t('history.titleOf', { name: m.t('meetings.programme.ordinal', { number: p.number }) }) },
      <HistoryList m={m} events={events} back={`/${m.locale}/committee/programme/${p.number}`} />,
    );
  });

  for (const archived of [true, false])
    r.post(`/programme/:number/${archived ? 'archive' : 'restore'}`, async (c) => {
      const viewer = c.get('viewer');
      const p = await visibleProgramme(db(c), viewer, c.req.param('number'));
      authorize(c, can(viewer, archived ? 'archive' : 'restore', programmeResource(p)), 'this change');
      const body = await formBody(c);
      if (archived) {
        const m = c.get('m');
        const ask = await confirmFirst(c, body, {
          title: m.t('confirm.archive.title', { name: c.get('m').t('meetings.programme.ordinal', { number: p.number }) }),
          consequence: m.t('confirm.archive'),
          button: m.t('record.archive'),
          cancel: `/${m.locale}/committee/programme/${p.number}`,
        });
        if (ask) return ask;
      }
      await setArchived(db(c), viewer!, kinds.programme, programmeResource, p.id, Number(text(body, 'version')), archived);
      return c.redirect(`/${c.get('m').locale}/committee/programme/${p.number}`, 303);
    });

  r.get('/programme/:number/items/new', async (c) => {
    const m = c.get('m');
    authorize(c, mayAddItem(c), 'the recording of items');
    const p = await visibleProgramme(db(c), c.get('viewer'), c.req.param('number'));
    const base = `/${m.locale}/committee/programme/${p.number}`;
    return itemForm(
      c,
      m.t('meetings.programme.addItem'),
      `${base}/items/new`,
      base,
      { area: 'monitoring', status: 'planned', confidentiality: 'public', position: '0' },
      [],
      200,
    );
  });

  r.post('/programme/:number/items/new', async (c) => {
    const m = c.get('m');
    authorize(c, mayAddItem(c), 'the recording of items');
    const p = await visibleProgramme(db(c), c.get('viewer'), c.req.param('number'));
    const base = `/${m.locale}/committee/programme/${p.number}`;
    const values = textsOf(await formBody(c), itemFieldNames);
    return attempt(
      async () => {
        const item = await saveItem(db(c), c.get('viewer')!, p.id, itemInputOf(values));
        return c.redirect(`/${m.locale}/committee/programme/items/${item.id}`, 303);
      },
      (problems, status) => itemForm(c, m.t('meetings.programme.addItem'), `${base}/items/new`, base, values, problems, status),
    );
  });
}
