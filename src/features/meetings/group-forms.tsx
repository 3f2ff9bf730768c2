import type { FieldProblem } from '../../platform/errors.ts';
import type { AppContextOf } from '../../platform/http/env.ts';
import { render } from '../../platform/http/render.tsx';
import { languageNames } from '../../platform/http/layout.tsx';
import { locales } from '../../platform/i18n/locales.ts';
import { type Field, RecordForm } from './form.tsx';
import { levelLabel } from './labels.ts';
import type { CoordinatorRow, WorkingGroupRow } from './queries.ts';
import { namesFor } from './web-common.ts';

// The forms of working groups and coordinators.

export const levels = (c: AppContextOf) => ['public', 'committee'].map((l) => ({ value: l, label: levelLabel(c.get('m'), l) }));
export const groupFieldNames = ['code', ...locales.map((l) => `names.${l}`), 'position', 'confidentiality', 'version'];
export const coordinatorFieldNames = ['state', 'person', 'startedOn', 'endedOn', 'confidentiality', 'version'];

export function groupForm(
  c: AppContextOf,
  title: string,
  action: string,
  cancel: string,
  values: Record<string, string>,
  problems: FieldProblem[],
  status: 200 | 409 | 422,
) {
  const m = c.get('m');
  const fields: Field[] = [
    { name: 'code', label: m.t('meetings.group.code'), dir: 'ltr', help: m.t('meetings.group.codeHelp'), required: true },
    ...locales.map((l): Field => ({ name: `names.${l}`, label: m.t('meetings.group.nameIn', { language: languageNames[l] }) })),
    { name: 'position', label: m.t('meetings.position'), type: 'number' },
    { name: 'confidentiality', label: m.t('meetings.confidentiality'), type: 'select', options: levels(c) },
  ];
  return render(
    c,
    { title, status },
    <RecordForm m={m} action={action} cancel={cancel} fields={fields} values={values} problems={problems} csrfToken={c.get('csrfToken')} />,
  );
}

export const groupInputOf = (v: Record<string, string>) => ({
  code: v.code ?? '',
  names: Object.fromEntries(locales.map((l) => [l, v[`names.${l}`] ?? ''])),
  position: v.position || '0',
  confidentiality: v.confidentiality || 'public',
});

export const groupValues = (g: WorkingGroupRow): Record<string, string> => ({
  code: g.code,
  ...Object.fromEntries(locales.map((l) => [`names.${l}`, g.names[l] ?? ''])),
  position: String(g.position),
  confidentiality: g.confidentiality,
  version: String(g.row_version),
});

export async function coordinatorForm(
  c: AppContextOf,
  title: string,
  action: string,
  cancel: string,
  values: Record<string, string>,
  problems: FieldProblem[],
  status: 200 | 409 | 422,
) {
  const m = c.get('m');
  const names = await namesFor(c);
  const states = [...names.states].sort((a, b) => m.compare(a[1], b[1]));
  const fields: Field[] = [
    {
      name: 'state',
      label: m.t('meetings.state'),
      type: 'select',
      options: [{ value: '', label: '—' }, ...states.map(([value, label]) => ({ value, label }))],
    },
    { name: 'person', label: m.t('meetings.group.person'), required: true, help: m.t('meetings.group.personHelp') },
    { name: 'startedOn', label: m.t('meetings.group.startedOn'), type: 'date', required: true },
    { name: 'endedOn', label: m.t('meetings.group.endedOn'), type: 'date', help: m.t('meetings.group.endedOnHelp') },
    { name: 'confidentiality', label: m.t('meetings.confidentiality'), type: 'select', options: levels(c) },
  ];
  return render(
    c,
    { title, status },
    <RecordForm m={m} action={action} cancel={cancel} fields={fields} values={values} problems={problems} csrfToken={c.get('csrfToken')} />,
  );
}

export const coordinatorInputOf = (v: Record<string, string>) => ({
  state: v.state ?? '',
  person: v.person ?? '',
  startedOn: v.startedOn ?? '',
  endedOn: v.endedOn || null,
  confidentiality: v.confidentiality || 'public',
});

export const coordinatorValues = (r: CoordinatorRow): Record<string, string> => ({
  state: r.state_iso3,
  person: r.person,
  startedOn: r.started_on,
  endedOn: r.ended_on ?? '',
  confidentiality: r.confidentiality,
  version: String(r.row_version),
});
