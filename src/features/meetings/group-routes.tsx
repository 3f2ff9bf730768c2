import type { Hono } from 'hono';
import { recordHistory } from '../../platform/audit/history.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { formBody, text } from '../../platform/http/forms.ts';
import { confirmFirst } from '../../platform/ui/record-actions.tsx';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { can, visibilityScope } from '../../platform/policy/policy.ts';
import { HistoryList } from '../../platform/ui/history.tsx';
import { todayIso } from '../../platform/values/dates.ts';
import { kinds, saveCoordinator, saveWorkingGroup, setArchived } from './commands.ts';
import { workingGroupFigures } from './figures.ts';
import { CoordinatorDetail, GroupDetail, GroupList } from './group-pages.tsx';
import { groupName } from './labels.ts';
import {
  coordinatorResource,
  coordinatorsOf,
  countedMeetings,
  listWorkingGroups,
  meetingYears,
  visibleCoordinator,
  visibleWorkingGroup,
  workingGroupResource,
} from './queries.ts';
import { attempt, namesFor, textsOf } from './web-common.ts';
import {
  coordinatorFieldNames,
  coordinatorForm,
  coordinatorInputOf,
  coordinatorValues,
  groupFieldNames,
  groupForm,
  groupInputOf,
  groupValues,
} from './group-forms.tsx';

/** `/{lang}/committee/working-groups…` and `/{lang}/committee/coordinators/…`. */
export function groupRoutes(r: Hono<AppEnv>) {
  const mayCreate = (c: AppContextOf) => can(c.get('viewer'), 'create', { type: 'working-group', confidentiality: 'public' });

  r.get('/working-groups', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const q = c.req.query('year') ?? '';
    const years = await meetingYears(db, viewer);
    const year = /^\d{4}$/.test(q) ? Number(q) : (years[0] ?? Number(todayIso().slice(0, 4)));
    const groups = await listWorkingGroups(db, viewer);
    const [coordinators, meetings, names] = await Promise.all([
      coordinatorsOf(
        db,
        viewer,
        groups.map((g) => g.id),
      ),
      countedMeetings(db),
      namesFor(c),
    ]);
    const asAt = year < Number(todayIso().slice(0, 4)) ? `${year}-12-31` : todayIso();
    const current = new Map(
      groups.map((g) => [
        g.id,
        coordinators
          .filter((k) => k.working_group_id === g.id && k.started_on <= asAt && (!k.ended_on || k.ended_on >= `${year}-01-01`))
          .at(-1),
      ]),
    );
    const counts = new Map(
      workingGroupFigures(
        meetings,
        groups.map((g) => g.id),
        year,
      ).map((f) => [f.workingGroupId, f.meetings]),
    );
    return render(
      c,
      { title: m.t('meetings.groups.title') },
      <GroupList
        m={m}
        groups={groups}
        current={current}
        counts={counts}
        year={year}
        years={years}
        names={names}
        mayCreate={mayCreate(c)}
      />,
    );
  });

  r.get('/working-groups/new', (c) => {
    const m = c.get('m');
    authorize(c, mayCreate(c), 'the recording of working groups');
    return groupForm(
      c,
      m.t('meetings.group.new'),
      `/${m.locale}/committee/working-groups/new`,
      `/${m.locale}/committee/working-groups`,
      { confidentiality: 'public', position: '0' },
      [],
      200,
    );
  });

  r.post('/working-groups/new', async (c) => {
    const m = c.get('m');
    authorize(c, mayCreate(c), 'the recording of working groups');
    const values = textsOf(await formBody(c), groupFieldNames);
    return attempt(
      async () => {
        const g = await saveWorkingGroup(c.get('app').database.db, c.get('viewer')!, groupInputOf(values));
        return c.redirect(`/${m.locale}/committee/working-groups/${g.code}`, 303);
      },
      (problems, status) =>
        groupForm(
          c,
          m.t('meetings.group.new'),
          `/${m.locale}/committee/working-groups/new`,
          `/${m.locale}/committee/working-groups`,
          values,
          problems,
          status,
        ),
    );
  });

  r.get('/working-groups/:code', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const g = await visibleWorkingGroup(db, viewer, c.req.param('code'));
    const [coordinators, meetings, names] = await Promise.all([coordinatorsOf(db, viewer, [g.id]), countedMeetings(db), namesFor(c)]);
    const years = [
      ...new Set(meetings.filter((x) => x.workingGroupId === g.id && !x.archived).map((x) => Number(x.heldOn.slice(0, 4)))),
    ].sort((a, b) => b - a);
    const perYear = years.map((year) => ({ year, meetings: workingGroupFigures(meetings, [g.id], year)[0]!.meetings }));
    const resource = workingGroupResource(g);
    return render(
      c,
      { title: groupName(m, g) },
      <GroupDetail
        m={m}
        group={g}
        coordinators={coordinators}
        perYear={perYear}
        names={names}
        csrfToken={c.get('csrfToken')}
        actions={{
          edit: can(viewer, 'update', resource),
          archive: can(viewer, g.archived_at ? 'restore' : 'archive', resource),
          history: can(viewer, 'read-history', resource),
          addCoordinator: can(viewer, 'create', { type: 'working-group-coordinator', confidentiality: 'public' }),
          editCoordinators: can(viewer, 'read-history', { type: 'working-group-coordinator', confidentiality: 'public' }),
        }}
      />,
    );
  });

  const editableGroup = async (c: AppContextOf) => {
    const g = await visibleWorkingGroup(c.get('app').database.db, c.get('viewer'), c.req.param('code') ?? '');
    authorize(c, can(c.get('viewer'), 'update', workingGroupResource(g)), 'the editing of this working group');
    return g;
  };

  r.get('/working-groups/:code/edit', async (c) => {
    const m = c.get('m');
    const g = await editableGroup(c);
    const base = `/${m.locale}/committee/working-groups/${g.code}`;
    return groupForm(c, m.t('meetings.editTitle', { title: groupName(m, g) }), `${base}/edit`, base, groupValues(g), [], 200);
  });

  r.post('/working-groups/:code/edit', async (c) => {
    const m = c.get('m');
    const g = await editableGroup(c);
    const base = `/${m.locale}/committee/working-groups/${g.code}`;
    const values = textsOf(await formBody(c), groupFieldNames);
    return attempt(
      async () => {
        const after = await saveWorkingGroup(c.get('app').database.db, c.get('viewer')!, groupInputOf(values), {
          id: g.id,
          version: Number(values.version),
        });
        return c.redirect(`/${m.locale}/committee/working-groups/${after.code}`, 303);
      },
      (problems, status) =>
        groupForm(c, m.t('meetings.editTitle', { title: groupName(m, g) }), `${base}/edit`, base, values, problems, status),
    );
  });

  r.get('/working-groups/:code/history', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const g = await visibleWorkingGroup(db, viewer, c.req.param('code'));
    authorize(c, can(viewer, 'read-history', workingGroupResource(g)), 'the history of this working group');
    const events = await recordHistory(db, visibilityScope(viewer), 'working-group', g.id);
    return render(
      c,
      { title: m.t('history.titleOf', { name: groupName(m, g) }) },
      <HistoryList m={m} events={events} back={`/${m.locale}/committee/working-groups/${g.code}`} />,
    );
  });

  for (const archived of [true, false])
    r.post(`/working-groups/:code/${archived ? 'archive' : 'restore'}`, async (c) => {
      const viewer = c.get('viewer');
      const db = c.get('app').database.db;
      const g = await visibleWorkingGroup(db, viewer, c.req.param('code'));
      authorize(c, can(viewer, archived ? 'archive' : 'restore', workingGroupResource(g)), 'this change');
      const body = await formBody(c);
      if (archived) {
        const m = c.get('m');
        const ask = await confirmFirst(c, body, {
          title: m.t('confirm.archive.title', { name: groupName(c.get('m'), g) }),
          consequence: m.t('confirm.archive'),
          button: m.t('record.archive'),
          cancel: `/${m.locale}/committee/working-groups/${g.code}`,
        });
        if (ask) return ask;
      }
      await setArchived(db, viewer!, kinds.workingGroup, workingGroupResource, g.id, Number(text(body, 'version')), archived);
      return c.redirect(`/${c.get('m').locale}/committee/working-groups/${g.code}`, 303);
    });

  const mayAddCoordinator = (c: AppContextOf) =>
    can(c.get('viewer'), 'create', { type: 'working-group-coordinator', confidentiality: 'public' });

  r.get('/working-groups/:code/coordinators/new', async (c) => {
    const m = c.get('m');
    authorize(c, mayAddCoordinator(c), 'the recording of coordinators');
    const g = await visibleWorkingGroup(c.get('app').database.db, c.get('viewer'), c.req.param('code'));
    const base = `/${m.locale}/committee/working-groups/${g.code}`;
    return coordinatorForm(
      c,
      m.t('meetings.group.addCoordinatorOf', { name: groupName(m, g) }),
      `${base}/coordinators/new`,
      base,
      { confidentiality: 'public' },
      [],
      200,
    );
  });

  r.post('/working-groups/:code/coordinators/new', async (c) => {
    const m = c.get('m');
    authorize(c, mayAddCoordinator(c), 'the recording of coordinators');
    const g = await visibleWorkingGroup(c.get('app').database.db, c.get('viewer'), c.req.param('code'));
    const base = `/${m.locale}/committee/working-groups/${g.code}`;
    const values = textsOf(await formBody(c), coordinatorFieldNames);
    return attempt(
      async () => {
        await saveCoordinator(c.get('app').database.db, c.get('viewer')!, g.id, coordinatorInputOf(values));
        return c.redirect(base, 303);
      },
      (problems, status) =>
        coordinatorForm(
          c,
          m.t('meetings.group.addCoordinatorOf', { name: groupName(m, g) }),
          `${base}/coordinators/new`,
          base,
          values,
          problems,
          status,
        ),
    );
  });

  const loadCoordinator = async (c: AppContextOf) => {
    const db = c.get('app').database.db;
    const k = await visibleCoordinator(db, c.get('viewer'), c.req.param('id') ?? '');
    // The coordinator's page is the Committee side's (its history names who changed it); the public reads the group's page.
    authorize(c, can(c.get('viewer'), 'read-history', coordinatorResource(k)), 'this coordinator’s record');
    const group = await visibleWorkingGroup(db, c.get('viewer'), k.working_group_id);
    return { k, group };
  };

  r.get('/coordinators/:id', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const { k, group } = await loadCoordinator(c);
    const resource = coordinatorResource(k);
    return render(
      c,
      { title: `${k.person} — ${groupName(m, group)}` },
      <CoordinatorDetail
        m={m}
        coordinator={k}
        group={group}
        names={await namesFor(c)}
        csrfToken={c.get('csrfToken')}
        actions={{
          edit: can(viewer, 'update', resource),
          archive: can(viewer, k.archived_at ? 'restore' : 'archive', resource),
          history: true,
        }}
      />,
    );
  });

  r.get('/coordinators/:id/history', async (c) => {
    const m = c.get('m');
    const { k } = await loadCoordinator(c);
    const events = await recordHistory(c.get('app').database.db, visibilityScope(c.get('viewer')), 'working-group-coordinator', k.id);
    return render(
      c,
      { title: m.t('history.titleOf', { name: k.person }) },
      <HistoryList m={m} events={events} back={`/${m.locale}/committee/coordinators/${k.id}`} />,
    );
  });

  const editableCoordinator = async (c: AppContextOf) => {
    const loaded = await loadCoordinator(c);
    authorize(c, can(c.get('viewer'), 'update', coordinatorResource(loaded.k)), 'the editing of this coordinator');
    return loaded;
  };

  r.get('/coordinators/:id/edit', async (c) => {
    const m = c.get('m');
    const { k } = await editableCoordinator(c);
    const base = `/${m.locale}/committee/coordinators/${k.id}`;
    return coordinatorForm(c, m.t('meetings.editTitle', { title: k.person }), `${base}/edit`, base, coordinatorValues(k), [], 200);
  });

  r.post('/coordinators/:id/edit', async (c) => {
    const m = c.get('m');
    const { k } = await editableCoordinator(c);
    const base = `/${m.locale}/committee/coordinators/${k.id}`;
    const values = textsOf(await formBody(c), coordinatorFieldNames);
    return attempt(
      async () => {
        await saveCoordinator(c.get('app').database.db, c.get('viewer')!, k.working_group_id, coordinatorInputOf(values), {
          id: k.id,
          version: Number(values.version),
        });
        return c.redirect(base, 303);
      },
      (problems, status) =>
        coordinatorForm(c, m.t('meetings.editTitle', { title: k.person }), `${base}/edit`, base, values, problems, status),
    );
  });

  for (const archived of [true, false])
    r.post(`/coordinators/:id/${archived ? 'archive' : 'restore'}`, async (c) => {
      const viewer = c.get('viewer');
      const { k } = await loadCoordinator(c);
      authorize(c, can(viewer, archived ? 'archive' : 'restore', coordinatorResource(k)), 'this change');
      const body = await formBody(c);
      if (archived) {
        const m = c.get('m');
        const ask = await confirmFirst(c, body, {
          title: m.t('confirm.archive.title', { name: k.person }),
          consequence: m.t('confirm.archive'),
          button: m.t('record.archive'),
          cancel: `/${m.locale}/committee/coordinators/${k.id}`,
        });
        if (ask) return ask;
      }
      await setArchived(
        c.get('app').database.db,
        viewer!,
        kinds.coordinator,
        coordinatorResource,
        k.id,
        Number(text(body, 'version')),
        archived,
      );
      return c.redirect(`/${c.get('m').locale}/committee/coordinators/${k.id}`, 303);
    });
}
