// The pieces of the clearinghouse's forms: fields with their label, help and problem, the summary of
// a refused form (each problem linking to its field, named in words), checkboxes of taxonomy codes,
// the note after a conflict, and the filters of a list.
import type { FC, PropsWithChildren } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import type { MessageKey, Messages } from '../../platform/i18n/i18n.ts';
import { type Names, stateOptions, statusOptions, yearOptions } from './labels.ts';
import { codesOf, type Dimension, labelOf } from './taxonomy.ts';

/** The element id of a field: `items[1].areas` → `items-1-areas`. */
export const fieldId = (field: string) =>
  field
    .replace(/[[\].]+/g, '-')
    .replace(/[^A-Za-z0-9_-]/g, '')
    .replace(/-+$/, '');

const fieldKeys: Record<string, MessageKey> = {
  stateIso3: 'assistance.field.state',
  receivedOn: 'assistance.field.receivedOn',
  channel: 'assistance.field.channel',
  reference: 'assistance.field.reference',
  contactName: 'assistance.field.contactName',
  contactEmail: 'assistance.field.contactEmail',
  languages: 'assistance.field.languages',
  earlierAssistance: 'assistance.field.earlierAssistance',
  otherProviders: 'assistance.field.otherProviders',
  consentSummary: 'assistance.field.consentSummary',
  summary: 'assistance.field.summary',
  invitesVisit: 'assistance.field.invitesVisit',
  items: 'assistance.field.items',
  description: 'assistance.field.description',
  areas: 'assistance.field.areas',
  weapons: 'assistance.field.weapons',
  paragraphs: 'assistance.field.paragraphs',
  kinds: 'assistance.field.kinds',
  priority: 'assistance.field.priority',
  timeframe: 'assistance.field.timeframe',
  matrixFields: 'assistance.field.matrixFields',
  action: 'assistance.field.action',
  on: 'assistance.field.on',
  note: 'assistance.field.note',
  providers: 'assistance.field.providers',
  provider: 'assistance.field.provider',
  itemIds: 'assistance.field.itemIds',
  itemId: 'assistance.field.item',
  offerId: 'assistance.field.offer',
  respondedOn: 'assistance.field.respondedOn',
  text: 'assistance.field.responseText',
  to: 'assistance.field.matchStatus',
  providerFeedback: 'assistance.field.providerFeedback',
  stateFeedback: 'assistance.field.stateFeedback',
  title: 'assistance.field.title',
  regions: 'assistance.field.regions',
  programmes: 'assistance.field.programmes',
  capacity: 'assistance.field.capacity',
  periodFrom: 'assistance.field.periodFrom',
  periodTo: 'assistance.field.periodTo',
  confidentiality: 'assistance.field.confidentiality',
  version: 'assistance.field.version',
};

/** A field's name for a reader: "Item 2: areas of work". */
export function fieldName(m: Messages, field: string): string {
  const item = /^items\[(\d+)\](?:\.(\w+))?/.exec(field);
  if (item) {
    const sub = item[2] && fieldKeys[item[2]] ? m.t(fieldKeys[item[2]]!) : '';
    return sub
      ? m.t('assistance.form.itemField', { n: Number(item[1]) + 1, field: sub })
      : m.t('assistance.form.item', { n: Number(item[1]) + 1 });
  }
  const programme = /^programmes\[\d+\]/.exec(field);
  const key = fieldKeys[programme ? 'programmes' : field.split('.')[0]!];
  return key ? m.t(key) : field;
}

/** The problems of one field (a programme's problems belong to the programmes field). */
export const problemsOf = (problems: FieldProblem[], field: string) =>
  problems.filter((p) => p.field === field || (field === 'programmes' && p.field.startsWith('programmes[')));
export const invalid = (problems: FieldProblem[], field: string) => (problemsOf(problems, field).length ? 'true' : undefined);
/** The id of a field's error message, to name in `aria-describedby`, when it has one. */
export const errorIdOf = (problems: FieldProblem[], field: string, prefix = '') =>
  problemsOf(problems, field).length ? `${prefix}${fieldId(field)}-error` : undefined;

/** The problem next to its field. */
export const FieldError: FC<{ problems: FieldProblem[]; field: string; prefix?: string }> = ({ problems, field, prefix = '' }) => {
  const mine = problemsOf(problems, field);
  return mine.length ? (
    <p class="form-errors" id={`${prefix}${fieldId(field)}-error`}>
      {mine.map((p) => p.problem).join('; ')}
    </p>
  ) : null;
};

/** All the problems of a form at its top, each linking to its field and naming it. */
export const ErrorSummary: FC<{ m: Messages; problems: FieldProblem[]; prefix?: string }> = ({ m, problems, prefix = '' }) =>
  problems.length ? (
    <div class="form-errors" role="alert">
      <p>{m.t('form.errors')}</p>
      <ul>
        {problems.map((p) => (
          <li>
            <a href={`#${prefix}${fieldId(p.field === 'version' ? 'version-note' : p.field)}`}>{fieldName(m, p.field)}</a> (
            <code>{p.field}</code>): {p.problem}
          </li>
        ))}
      </ul>
    </div>
  ) : null;

export const Field: FC<PropsWithChildren<{ id: string; label: string; help?: string; problems: FieldProblem[]; field: string }>> = ({
  id,
  label,
  help,
  problems,
  field,
  children,
}) => (
  <div class="field">
    <label for={id}>{label}</label>
    {children}
    {help && (
      <p id={`${id}-help`} class="help">
        {help}
      </p>
    )}
    <FieldError problems={problems} field={field} />
  </div>
);

export const describedBy = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** Checkboxes of taxonomy codes, named `name`, in a fieldset whose id is the field's. */
export const CodeChecks: FC<{
  m: Messages;
  dimension: Dimension;
  name: string;
  legend: string;
  checked: string[];
  problems: FieldProblem[];
  codes?: readonly string[];
}> = ({ m, dimension, name, legend, checked, problems, codes }) => {
  const id = fieldId(name);
  return (
    <fieldset id={id} class="checks" aria-describedby={errorIdOf(problems, name)}>
      <legend>{legend}</legend>
      <FieldError problems={problems} field={name} />
      {(codes ?? codesOf[dimension]).map((code) => (
        <div class="check">
          <input type="checkbox" id={`${id}-${code}`} name={name} value={code} checked={checked.includes(code)} />
          <label for={`${id}-${code}`}>{labelOf(dimension, code, m.locale)}</label>
        </div>
      ))}
    </fieldset>
  );
};

export const Check: FC<{ id: string; name: string; label: string; checked: boolean }> = ({ id, name, label, checked }) => (
  <div class="check">
    <input type="checkbox" id={id} name={name} checked={checked} />
    <label for={id}>{label}</label>
  </div>
);

/** After a conflict: the form carries the version now stored; sent again, it overwrites knowingly. */
export const ConflictNote: FC<{ m: Messages; problems: FieldProblem[]; prefix?: string }> = ({ m, problems, prefix = '' }) =>
  problems.some((p) => p.field === 'version') ? (
    <p id={`${prefix}version-note`} class="notice">
      {m.t('assistance.conflict')}
    </p>
  ) : null;

import { FilterForm } from '../../platform/ui/forms.tsx';

export { FilterForm };

/** One filter: a labelled select of [value, text] options, "all" (the empty value) first when given. */
export const FilterSelect: FC<{
  id: string;
  name: string;
  label: string;
  all?: string;
  options: readonly (readonly [string, string])[];
  selected: string;
}> = ({ id, name, label, all, options, selected }) => (
  <div class="field">
    <label for={id}>{label}</label>
    <select id={id} name={name}>
      {all !== undefined && <option value="">{all}</option>}
      {options.map(([value, text]) => (
        <option value={value} selected={selected === value}>
          {text}
        </option>
      ))}
    </select>
  </div>
);

/** The filters of a list of requests: the State, the year received and the status, each with "all" first. */
export const RequestFilterForm: FC<{
  m: Messages;
  names: Names;
  years: number[];
  filters: { state: string; year: string; status: string };
  /** The element ids' prefix: `hub` gives hub-state, hub-year, hub-status. */
  prefix: string;
  words: { submit: string; state: string; allStates: string; year: string; allYears: string; status: string; allStatuses: string };
}> = ({ m, names, years, filters, prefix, words }) => (
  <FilterForm submit={words.submit}>
    <FilterSelect
      id={`${prefix}-state`}
      name="state"
      label={words.state}
      all={words.allStates}
      options={stateOptions(m, names)}
      selected={filters.state.toUpperCase()}
    />
    <FilterSelect
      id={`${prefix}-year`}
      name="year"
      label={words.year}
      all={words.allYears}
      options={yearOptions(years)}
      selected={filters.year}
    />
    <FilterSelect
      id={`${prefix}-status`}
      name="status"
      label={words.status}
      all={words.allStatuses}
      options={statusOptions(m)}
      selected={filters.status}
    />
  </FilterForm>
);
