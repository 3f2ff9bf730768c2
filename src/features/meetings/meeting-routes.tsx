import type { Hono } from 'hono';
import { recordHistory } from '../../platform/audit/history.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { formBody, text } from '../../platform/http/forms.ts';
import { confirmFirst } from '../../platform/ui/record-actions.tsx';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { can, type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import { HistoryList } from '../../platform/ui/history.tsx';
import { todayIso } from '../../platform/values/dates.ts';
import { createMeeting, kinds, setArchived, updateMeeting } from './commands.ts';
import { type Field, RecordForm } from './form.tsx';
import { type MeetingInput, meetingFilters, parseCodes, parseLines } from './inputs.ts';
import { groupName, kindLabel, levelLabel } from './labels.ts';
import { MeetingDetail, MeetingList, meetingTitle } from './meeting-pages.tsx';
import { presentMeeting, presentMeetings } from './present.ts';
import {
  itemsLinkedTo,
  listMeetings,
  listWorkingGroups,
  type MeetingRow,
  meetingResource,
  meetingYears,
  visibleMeeting,
} from './queries.ts';
import { meetingKinds } from './schema.ts';
import { attempt, namesFor, textsOf } from './web-common.ts';

const fieldNames = [
  'heldOn',
  'kind',
  'workingGroup',
  'title',
  'chair',
  'participantStates',
  'participantOrganizations',
  'participantsOther',
  'agenda',
  'outcome',
  'documents',
  'state',
  'confidentiality',
  'version',
] as const;

export const mayRecordMeetings = (viewer: Viewer | null) => can(viewer, 'create', { type: 'meeting', confidentiality: 'committee' });

/** The form's values of a stored meeting. */
function valuesOf(r: MeetingRow, groupCode: string): Record<string, string> {
  return {
    heldOn: r.held_on,
    kind: r.kind,
    workingGroup: groupCode,
    title: r.title,
    chair: r.chair,
    participantStates: r.participant_states.join(' '),
    participantOrganizations: r.participant_organizations.join(' '),
    participantsOther: r.participants_other,
    agenda: r.agenda.join('\n'),
    outcome: r.outcome,
    documents: r.document_ids.join(' '),
    state: r.state_iso3 ?? '',
    confidentiality: r.confidentiality,
    version: String(r.row_version),
  };
}

/** The write core's input from the form. */
function inputOf(v: Record<string, string>): MeetingInput {
  return {
    heldOn: v.heldOn ?? '',
    kind: v.kind ?? '',
    workingGroup: v.workingGroup || null,
    title: v.title ?? '',
    chair: v.chair ?? '',
    participantStates: parseCodes(v.participantStates ?? ''),
    participantOrganizations: parseCodes(v.participantOrganizations ?? ''),
    participantsOther: v.participantsOther ?? '',
    agenda: parseLines(v.agenda ?? ''),
    outcome: v.outcome ?? '',
    documents: (v.documents ?? '').split(/[\s,]+/).filter(Boolean),
    state: v.state || null,
    confidentiality: v.confidentiality || 'committee',
  };
}

async function formPage(
  c: AppContextOf,
  title: string,
  action: string,
  cancel: string,
  values: Record<string, string>,
  problems: FieldProblem[],
  status: 200 | 409 | 422,
) {
  const m = c.get('m');
  const groups = await listWorkingGroups(c.get('app').database.db, c.get('viewer'));
  const fields: Field[] = [
    { name: 'heldOn', label: m.t('meetings.heldOn'), type: 'date', required: true },
    {
      name: 'kind',
      label: m.t('meetings.kindField'),
      type: 'select',
      options: meetingKinds.map((k) => ({ value: k, label: kindLabel(m, k) })),
    },
    {
      name: 'workingGroup',
      label: m.t('meetings.workingGroup'),
      type: 'select',
      options: [{ value: '', label: '—' }, ...groups.map((g) => ({ value: g.code, label: groupName(m, g) }))],
      help: m.t('meetings.workingGroupHelp'),
    },
    { name: 'title', label: m.t('meetings.titleField'), required: true },
    { name: 'chair', label: m.t('meetings.chair') },
    { name: 'participantStates', label: m.t('meetings.participantStates'), dir: 'ltr', help: m.t('meetings.codesHelp') },
    { name: 'participantOrganizations', label: m.t('meetings.participantOrganizations'), dir: 'ltr', help: m.t('meetings.orgCodesHelp') },
    { name: 'participantsOther', label: m.t('meetings.participantsOther') },
    { name: 'agenda', label: m.t('meetings.agenda'), type: 'textarea', help: m.t('meetings.agendaHelp') },
    { name: 'outcome', label: m.t('meetings.outcome'), type: 'textarea' },
    { name: 'documents', label: m.t('meetings.documents'), dir: 'ltr', help: m.t('meetings.documentsHelp') },
    { name: 'state', label: m.t('meetings.state'), dir: 'ltr', help: m.t('meetings.stateHelp') },
    {
      name: 'confidentiality',
      label: m.t('meetings.confidentiality'),
      type: 'select',
      options: confidentialityLevels.map((l) => ({ value: l, label: levelLabel(m, l) })),
    },
  ];
  return render(
    c,
    { title, status },
    <RecordForm m={m} action={action} cancel={cancel} fields={fields} values={values} problems={problems} csrfToken={c.get('csrfToken')} />,
  );
}

/** `/{lang}/committee/meetings…`: the list, a meeting (its fact or its record), the forms, archive and restore, its history. */
export function meetingRoutes(r: Hono<AppEnv>) {
  r.get('/meetings', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const q = (name: string) => c.req.query(name) ?? '';
    const raw = { year: q('year'), kind: q('kind'), body: q('body'), state: q('state'), organization: q('organization') };
    const filters = meetingFilters(raw);
    const [{ total, rows }, years, groups, names] = await Promise.all([
      listMeetings(db, viewer, filters, { limit: 500, offset: 0 }),
      meetingYears(db, viewer),
      listWorkingGroups(db, viewer),
      namesFor(c),
    ]);
    return render(
      c,
      { title: m.t('meetings.title') },
      <MeetingList
        m={m}
        meetings={await presentMeetings(db, viewer, rows)}
        total={total}
        groups={groups}
        filters={{ ...raw, state: filters.state ?? '', organization: filters.organization ?? '' }}
        years={years}
        names={names}
        mayCreate={mayRecordMeetings(viewer)}
      />,
    );
  });

  r.get('/meetings/new', async (c) => {
    const m = c.get('m');
    authorize(c, mayRecordMeetings(c.get('viewer')), 'the recording of meetings');
    const values = { kind: 'formal', heldOn: todayIso(), confidentiality: 'committee' };
    return formPage(c, m.t('meetings.new'), `/${m.locale}/committee/meetings/new`, `/${m.locale}/committee/meetings`, values, [], 200);
  });

  r.post('/meetings/new', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    authorize(c, mayRecordMeetings(viewer), 'the recording of meetings');
    const values = textsOf(await formBody(c), fieldNames);
    return attempt(
      async () => {
        const row = await createMeeting(c.get('app').database.db, viewer!, inputOf(values));
        return c.redirect(`/${m.locale}/committee/meetings/${row.id}`, 303);
      },
      (problems, status) =>
        formPage(
          c,
          m.t('meetings.new'),
          `/${m.locale}/committee/meetings/new`,
          `/${m.locale}/committee/meetings`,
          values,
          problems,
          status,
        ),
    );
  });

  r.get('/meetings/:id', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const row = await visibleMeeting(db, viewer, c.req.param('id'));
    const view = (await presentMeeting(db, viewer, row))!;
    const resource = meetingResource(row);
    const [groups, names, items] = await Promise.all([
      listWorkingGroups(db, viewer, true),
      namesFor(c),
      view.full ? itemsLinkedTo(db, viewer, 'meeting', row.id) : Promise.resolve([]),
    ]);
    return render(
      c,
      { title: meetingTitle(m, view) },
      <MeetingDetail
        m={m}
        view={view}
        groups={groups}
        names={names}
        items={items}
        csrfToken={c.get('csrfToken')}
        actions={{
          edit: can(viewer, 'update', resource),
          archive: can(viewer, row.archived_at ? 'restore' : 'archive', resource),
          history: can(viewer, 'read-history', resource),
        }}
      />,
    );
  });

  r.get('/meetings/:id/history', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const row = await visibleMeeting(db, viewer, c.req.param('id'));
    authorize(c, can(viewer, 'read-history', meetingResource(row)), 'the history of this meeting');
    const events = await recordHistory(db, visibilityScope(viewer), 'meeting', row.id);
    return render(
      c,
      { title: m.t('history.titleOf', { name: row.title }) },
      <HistoryList m={m} events={events} back={`/${m.locale}/committee/meetings/${row.id}`} />,
    );
  });

  const editable = async (c: AppContextOf) => {
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const row = await visibleMeeting(db, viewer, c.req.param('id') ?? '');
    authorize(c, can(viewer, 'update', meetingResource(row)), 'the editing of this meeting');
    const groups = await listWorkingGroups(db, viewer, true);
    return { row, groupCode: groups.find((g) => g.id === row.working_group_id)?.code ?? '' };
  };

  r.get('/meetings/:id/edit', async (c) => {
    const m = c.get('m');
    const { row, groupCode } = await editable(c);
    const base = `/${m.locale}/committee/meetings/${row.id}`;
    return formPage(c, m.t('meetings.editTitle', { title: row.title }), `${base}/edit`, base, valuesOf(row, groupCode), [], 200);
  });

  r.post('/meetings/:id/edit', async (c) => {
    const m = c.get('m');
    const { row } = await editable(c);
    const base = `/${m.locale}/committee/meetings/${row.id}`;
    const values = textsOf(await formBody(c), fieldNames);
    return attempt(
      async () => {
        await updateMeeting(c.get('app').database.db, c.get('viewer')!, row.id, Number(values.version), inputOf(values));
        return c.redirect(base, 303);
      },
      async (problems, status) => {
        const fresh =
          status === 409 ? (await visibleMeeting(c.get('app').database.db, c.get('viewer'), row.id)).row_version : values.version;
        return formPage(
          c,
          m.t('meetings.editTitle', { title: row.title }),
          `${base}/edit`,
          base,
          { ...values, version: String(fresh) },
          problems,
          status,
        );
      },
    );
  });

  for (const archived of [true, false])
    r.post(`/meetings/:id/${archived ? 'archive' : 'restore'}`, async (c) => {
      const viewer = c.get('viewer');
      const db = c.get('app').database.db;
      const row = await visibleMeeting(db, viewer, c.req.param('id'));
      authorize(c, can(viewer, archived ? 'archive' : 'restore', meetingResource(row)), 'this change');
      const body = await formBody(c);
      if (archived) {
        const m = c.get('m');
        const ask = await confirmFirst(c, body, {
          title: m.t('confirm.archive.title', { name: row.title }),
          consequence: m.t('confirm.archive'),
          button: m.t('record.archive'),
          cancel: `/${m.locale}/committee/meetings/${row.id}`,
        });
        if (ask) return ask;
      }
      await setArchived(db, viewer!, kinds.meeting, meetingResource, row.id, Number(text(body, 'version')), archived);
      return c.redirect(`/${c.get('m').locale}/committee/meetings/${row.id}`, 303);
    });
}
