import type { Api } from '../../platform/http/api-common.ts';
import { authorize } from '../../platform/http/guard.ts';
import { can, type Viewer } from '../../platform/policy/policy.ts';
import { todayIso } from '../../platform/values/dates.ts';
import type { AppContextOf } from '../../platform/http/env.ts';
import { createMeeting, saveCoordinator, updateMeeting } from './commands.ts';
import { meetingDefinitions, meetingFigures, workingGroupFigures } from './figures.ts';
import { meetingFilters } from './inputs.ts';
import { presentMeeting, presentMeetings } from './present.ts';
import { visibleLinks } from './programme-forms.tsx';
import {
  coordinatorsOf,
  countedMeetings,
  itemsOf,
  listMeetings,
  listProgrammes,
  listWorkingGroups,
  meetingResource,
  visibleMeeting,
  visibleProgramme,
  visibleWorkingGroup,
  type WorkingGroupRow,
} from './queries.ts';
import {
  coordinatorRoute,
  createRouteDef,
  figuresRoute,
  getRoute,
  groupRoute,
  groupsRoute,
  listRoute,
  meetingJson,
  programmeJson,
  programmeRoute,
  programmesRoute,
  updateRouteDef,
} from './api-routes.ts';

export function registerMeetingsApi(api: Api) {
  const groupsById = async (c: AppContextOf, viewer: Viewer | null) =>
    new Map((await listWorkingGroups(c.get('app').database.db, viewer, true)).map((g) => [g.id, g]));

  api.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const page = { limit: q.limit ?? 100, offset: q.offset ?? 0 };
    const { total, rows } = await listMeetings(
      db,
      viewer,
      meetingFilters({ year: q.year, kind: q.kind, body: q.body, state: q.state, organization: q.organization }),
      page,
    );
    const groups = await groupsById(c, viewer);
    return c.json({ count: total, ...page, data: (await presentMeetings(db, viewer, rows)).map((v) => meetingJson(v, groups)) }, 200);
  });

  api.openapi(figuresRoute, async (c) => {
    const query = c.req.valid('query');
    const q = { ...query, year: query.year ?? Number(todayIso().slice(0, 4)) };
    const db = c.get('app').database.db;
    const [meetings, groups] = await Promise.all([countedMeetings(db), listWorkingGroups(db, c.get('viewer'))]);
    const f = meetingFigures(meetings, q.year, q.asAt);
    const perGroup = workingGroupFigures(
      meetings,
      groups.map((g) => g.id),
      q.year,
      q.asAt,
    );
    return c.json(
      {
        year: q.year,
        asAt: q.asAt ?? null,
        formal: f.formal,
        informal: f.informal,
        briefings: f.briefings,
        councilBriefings: f.councilBriefings,
        workingGroups: groups.map((g, i) => ({ code: g.code, names: g.names, meetings: perGroup[i]!.meetings })),
        definitions: { ...meetingDefinitions },
      },
      200,
    );
  });

  api.openapi(getRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const row = await visibleMeeting(db, viewer, c.req.valid('param').id);
    return c.json(meetingJson((await presentMeeting(db, viewer, row))!, await groupsById(c, viewer)), 200);
  });

  api.openapi(createRouteDef, async (c) => {
    const viewer = c.get('viewer');
    const body = c.req.valid('json');
    authorize(
      c,
      can(viewer, 'create', meetingResource({ confidentiality: body.confidentiality ?? 'committee', state_iso3: body.state ?? null })),
      'the recording of meetings',
    );
    const db = c.get('app').database.db;
    const row = await createMeeting(db, viewer!, body);
    return c.json(meetingJson((await presentMeeting(db, viewer, row))!, await groupsById(c, viewer)), 201);
  });

  api.openapi(updateRouteDef, async (c) => {
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const before = await visibleMeeting(db, viewer, c.req.valid('param').id);
    authorize(c, can(viewer, 'update', meetingResource(before)), 'the editing of this meeting');
    const { rowVersion, ...body } = c.req.valid('json');
    const row = await updateMeeting(db, viewer!, before.id, rowVersion, body);
    return c.json(meetingJson((await presentMeeting(db, viewer, row))!, await groupsById(c, viewer)), 200);
  });

  const groupJson = async (
    db: Parameters<typeof coordinatorsOf>[0],
    viewer: Parameters<typeof coordinatorsOf>[1],
    groups: WorkingGroupRow[],
  ) => {
    const coordinators = await coordinatorsOf(
      db,
      viewer,
      groups.map((g) => g.id),
    );
    return groups.map((g) => ({
      id: g.id,
      code: g.code,
      names: g.names,
      archived: g.archived_at !== null,
      coordinators: coordinators
        .filter((k) => k.working_group_id === g.id)
        .map((k) => ({ id: k.id, state: k.state_iso3, person: k.person, startedOn: k.started_on, endedOn: k.ended_on, source: k.source })),
    }));
  };

  api.openapi(groupsRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    return c.json({ data: await groupJson(db, viewer, await listWorkingGroups(db, viewer)) }, 200);
  });

  api.openapi(groupRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const g = await visibleWorkingGroup(db, viewer, c.req.valid('param').code);
    return c.json((await groupJson(db, viewer, [g]))[0]!, 200);
  });

  api.openapi(coordinatorRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    authorize(c, can(viewer, 'create', { type: 'working-group-coordinator', confidentiality: 'public' }), 'the recording of coordinators');
    const g = await visibleWorkingGroup(db, viewer, c.req.valid('param').code);
    const body = c.req.valid('json');
    const k = await saveCoordinator(db, viewer!, g.id, { ...body, endedOn: body.endedOn ?? null });
    return c.json({ id: k.id, state: k.state_iso3, person: k.person, startedOn: k.started_on, endedOn: k.ended_on, source: k.source }, 201);
  });

  api.openapi(programmesRoute, async (c) => {
    return c.json({ data: (await listProgrammes(c.get('app').database.db, c.get('viewer'))).map(programmeJson) }, 200);
  });

  api.openapi(programmeRoute, async (c) => {
    const db = c.get('app').database.db;
    const viewer = c.get('viewer');
    const p = await visibleProgramme(db, viewer, c.req.valid('param').number);
    const items = await itemsOf(db, viewer, p.id);
    const withRecords = await Promise.all(
      items.map(async (i) => ({
        id: i.id,
        reference: i.reference,
        title: i.title,
        area: i.area,
        status: i.status,
        records: (await visibleLinks(db, viewer, null, i)).map((l) => ({ recordType: l.recordType, recordId: l.recordId, dated: l.dated })),
      })),
    );
    return c.json({ ...programmeJson(p), items: withRecords }, 200);
  });
}
