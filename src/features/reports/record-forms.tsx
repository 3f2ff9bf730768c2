// The form of a report or a plan, new and edit: each field marked when a problem names it.
import { FieldErrors } from '../../platform/ui/forms.tsx';
import type { FC, PropsWithChildren } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField } from '../../platform/http/layout.tsx';
import { type FormBody, text, texts } from '../../platform/http/forms.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { locales } from '../../platform/i18n/locales.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { invalidIf, kindLabel, languageName, levelLabel, planStatusLabel, weaponLabel } from './labels.ts';
import type { PlanRow, ReportRow } from './queries.ts';
import { planStatuses, reportKinds, reportParagraphs, reportWeaponTypes } from './schema.ts';

export interface ReportFormValues {
  kind: string;
  receivedOn: string;
  symbol: string;
  languages: string[];
  summary: string;
  paragraphs: string[];
  weaponTypes: string[];
  confidentiality: string;
  /** The row version the form was opened on (edit only). */
  version?: string;
}

export interface PlanFormValues {
  number: string;
  status: string;
  startedOn: string;
  submittedOn: string;
  publishedOn: string;
  confidentiality: string;
  version?: string;
}

/** A report's form as typed, from the body sent. */
export function reportValues(body: FormBody): ReportFormValues {
  return {
    kind: text(body, 'kind'),
    receivedOn: text(body, 'receivedOn').trim(),
    symbol: text(body, 'symbol'),
    languages: texts(body, 'languages'),
    summary: text(body, 'summary'),
    paragraphs: texts(body, 'paragraphs'),
    weaponTypes: texts(body, 'weaponTypes'),
    confidentiality: text(body, 'confidentiality'),
    version: text(body, 'version'),
  };
}

export const reportFormOf = (r: ReportRow): ReportFormValues => ({
  kind: r.kind,
  receivedOn: r.received_on,
  symbol: r.symbol,
  languages: r.languages,
  summary: r.summary,
  paragraphs: r.paragraphs,
  weaponTypes: r.weapon_types,
  confidentiality: r.confidentiality,
  version: String(r.row_version),
});

export function planValues(body: FormBody): PlanFormValues {
  return {
    number: text(body, 'number').trim(),
    status: text(body, 'status'),
    startedOn: text(body, 'startedOn').trim(),
    submittedOn: text(body, 'submittedOn').trim(),
    publishedOn: text(body, 'publishedOn').trim(),
    confidentiality: text(body, 'confidentiality'),
    version: text(body, 'version'),
  };
}

export const planFormOf = (p: PlanRow): PlanFormValues => ({
  number: String(p.number),
  status: p.status,
  startedOn: p.started_on ?? '',
  submittedOn: p.submitted_on ?? '',
  publishedOn: p.published_on ?? '',
  confidentiality: p.confidentiality,
  version: String(p.row_version),
});

/** A plan's form in the shape of the write core's input (a number that is not one is NaN, and refused there). */
export const planInputOf = (v: PlanFormValues) => ({
  number: /^\d{1,3}$/.test(v.number) ? Number(v.number) : Number.NaN,
  status: v.status,
  startedOn: v.startedOn || null,
  submittedOn: v.submittedOn || null,
  publishedOn: v.publishedOn || null,
  confidentiality: v.confidentiality,
});

/** What the form of a report or a plan is given. */
export interface FormProps<V> {
  m: Messages;
  action: string;
  cancel: string;
  values: V;
  problems: FieldProblem[];
  csrfToken: string;
}

const Field: FC<PropsWithChildren<{ id: string; label: string; help?: string }>> = ({ id, label, help, children }) => (
  <div class="field">
    <label for={id}>{label}</label>
    {children}
    {help && (
      <p id={`${id}-help`} class="help">
        {help}
      </p>
    )}
  </div>
);

const Checks: FC<{
  name: string;
  legend: string;
  options: readonly string[];
  checked: string[];
  label: (v: string) => string;
  problems: FieldProblem[];
}> = ({ name, legend, options, checked, label, problems }) => (
  <fieldset aria-invalid={invalidIf(problems, name)}>
    <legend>{legend}</legend>
    {options.map((o) => (
      <div class="check">
        <input type="checkbox" id={`${name}-${o}`} name={name} value={o} checked={checked.includes(o)} />
        <label for={`${name}-${o}`}>{label(o)}</label>
      </div>
    ))}
  </fieldset>
);

const Level: FC<{ m: Messages; value: string; problems: FieldProblem[] }> = ({ m, value, problems }) => (
  <Field id="confidentiality" label={m.t('reports.confidentiality')}>
    <select id="confidentiality" name="confidentiality" aria-invalid={invalidIf(problems, 'confidentiality')}>
      {confidentialityLevels.map((c) => (
        <option value={c} selected={value === c}>
          {levelLabel(m, c)}
        </option>
      ))}
    </select>
  </Field>
);

/**
 * The frame of a record's form (reports, plans, points of contact, visits, courses): its problems,
 * the CSRF token, the row version it was opened on (edit only), its fields, and the save and cancel.
 */
export const RecordForm: FC<
  PropsWithChildren<{
    m: Messages;
    action: string;
    cancel: string;
    version: string | undefined;
    problems: FieldProblem[];
    csrfToken: string;
  }>
> = ({ m, action, cancel, version, problems, csrfToken, children }) => (
  <form method="post" action={action} class="record-form" novalidate>
    <FieldErrors m={m} problems={problems} />
    <CsrfField token={csrfToken} />
    {version && <input type="hidden" name="version" value={version} />}
    {children}
    <div class="actions">
      <button type="submit">{m.t('form.save')}</button>
      <a href={cancel}>{m.t('form.cancel')}</a>
    </div>
  </form>
);

export const ReportForm: FC<FormProps<ReportFormValues>> = ({ m, action, cancel, values: v, problems, csrfToken }) => (
  <RecordForm m={m} action={action} cancel={cancel} version={v.version} problems={problems} csrfToken={csrfToken}>
    <Field id="kind" label={m.t('reports.kind')}>
      <select id="kind" name="kind" aria-invalid={invalidIf(problems, 'kind')}>
        {reportKinds.map((k) => (
          <option value={k} selected={v.kind === k}>
            {kindLabel(m, k)}
          </option>
        ))}
      </select>
    </Field>
    <Field id="receivedOn" label={m.t('reports.received')}>
      <input id="receivedOn" name="receivedOn" type="date" value={v.receivedOn} required aria-invalid={invalidIf(problems, 'receivedOn')} />
    </Field>
    <Field id="symbol" label={m.t('reports.symbol')} help={m.t('reports.symbolHelp')}>
      <input
        id="symbol"
        name="symbol"
        value={v.symbol}
        maxlength={100}
        dir="ltr"
        aria-describedby="symbol-help"
        aria-invalid={invalidIf(problems, 'symbol')}
      />
    </Field>
    <Checks
      name="languages"
      legend={m.t('reports.languages')}
      options={locales}
      checked={v.languages}
      label={languageName}
      problems={problems}
    />
    <Field id="summary" label={m.t('reports.summary')}>
      <textarea id="summary" name="summary" rows={4} maxlength={4000} aria-invalid={invalidIf(problems, 'summary')}>
        {v.summary}
      </textarea>
    </Field>
    <Checks
      name="paragraphs"
      legend={m.t('reports.paragraphs')}
      options={reportParagraphs}
      checked={v.paragraphs}
      label={(p) => p}
      problems={problems}
    />
    <Checks
      name="weaponTypes"
      legend={m.t('reports.weaponTypes')}
      options={reportWeaponTypes}
      checked={v.weaponTypes}
      label={(w) => weaponLabel(m, w)}
      problems={problems}
    />
    <Level m={m} value={v.confidentiality} problems={problems} />
  </RecordForm>
);

export const PlanForm: FC<FormProps<PlanFormValues>> = ({ m, action, cancel, values: v, problems, csrfToken }) => (
  <RecordForm m={m} action={action} cancel={cancel} version={v.version} problems={problems} csrfToken={csrfToken}>
    <Field id="number" label={m.t('reports.number')} help={m.t('reports.numberHelp')}>
      <input
        id="number"
        name="number"
        type="number"
        min={1}
        max={99}
        value={v.number}
        required
        aria-describedby="number-help"
        aria-invalid={invalidIf(problems, 'number')}
      />
    </Field>
    <Field id="status" label={m.t('reports.status')}>
      <select id="status" name="status" aria-invalid={invalidIf(problems, 'status')}>
        {planStatuses.map((s) => (
          <option value={s} selected={v.status === s}>
            {planStatusLabel(m, s)}
          </option>
        ))}
      </select>
    </Field>
    <Field id="startedOn" label={m.t('reports.started')}>
      <input id="startedOn" name="startedOn" type="date" value={v.startedOn} aria-invalid={invalidIf(problems, 'startedOn')} />
    </Field>
    <Field id="submittedOn" label={m.t('reports.submitted')}>
      <input id="submittedOn" name="submittedOn" type="date" value={v.submittedOn} aria-invalid={invalidIf(problems, 'submittedOn')} />
    </Field>
    <Field id="publishedOn" label={m.t('reports.published')}>
      <input id="publishedOn" name="publishedOn" type="date" value={v.publishedOn} aria-invalid={invalidIf(problems, 'publishedOn')} />
    </Field>
    <Level m={m} value={v.confidentiality} problems={problems} />
  </RecordForm>
);
