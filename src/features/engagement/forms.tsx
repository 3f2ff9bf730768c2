import type { FC, PropsWithChildren } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { RecordForm, type FormProps as RecordFormProps } from '../reports/index.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import type { CourseFormValues, VisitFormValues } from './form-values.ts';
import { kindKeys, levelKeys, purposeKeys, statusKeys } from './labels.ts';
import { engagementStatuses, visitKinds, visitPurposes } from './schema.ts';

// The forms of a visit and a course, new and edit: each field marked when a problem names it.

/** A labelled control with its help; the control itself says `aria-invalid` when a problem names its field. */
const Field: FC<PropsWithChildren<{ id: string; label: string; problems: FieldProblem[]; help?: string }>> = ({
  id,
  label,
  help,
  children,
}) => (
  <div class="field">
    <label for={id}>{label}</label>
    {children}
    {help && (
      <p class="help" id={`${id}-help`}>
        {help}
      </p>
    )}
  </div>
);

const invalidIf = (problems: FieldProblem[], field: string) => (problems.some((p) => p.field === field) ? 'true' : undefined);

const StatusAndLevel: FC<{ m: Messages; status: string; confidentiality: string; problems: FieldProblem[] }> = ({
  m,
  status,
  confidentiality,
  problems,
}) => (
  <>
    <Field id="status" label={m.t('engagement.status')} problems={problems} help={m.t('engagement.statusHelp')}>
      <select id="status" name="status" aria-invalid={invalidIf(problems, 'status')} aria-describedby="status-help">
        {engagementStatuses.map((s) => (
          <option value={s} selected={status === s}>
            {m.t(statusKeys[s])}
          </option>
        ))}
      </select>
    </Field>
    <Field id="confidentiality" label={m.t('engagement.confidentiality')} problems={problems}>
      <select id="confidentiality" name="confidentiality" aria-invalid={invalidIf(problems, 'confidentiality')}>
        {confidentialityLevels.map((c) => (
          <option value={c} selected={confidentiality === c}>
            {m.t(levelKeys[c])}
          </option>
        ))}
      </select>
    </Field>
  </>
);

const Dates: FC<{ m: Messages; startsOn: string; endsOn: string; problems: FieldProblem[] }> = ({ m, startsOn, endsOn, problems }) => (
  <>
    <Field id="startsOn" label={m.t('engagement.startsOn')} problems={problems}>
      <input id="startsOn" name="startsOn" type="date" value={startsOn} required aria-invalid={invalidIf(problems, 'startsOn')} />
    </Field>
    <Field id="endsOn" label={m.t('engagement.endsOn')} problems={problems}>
      <input id="endsOn" name="endsOn" type="date" value={endsOn} aria-invalid={invalidIf(problems, 'endsOn')} />
    </Field>
  </>
);

const Codes: FC<{ m: Messages; id: string; label: string; value: string; example: string; problems: FieldProblem[] }> = ({
  m,
  id,
  label,
  value,
  example,
  problems,
}) => (
  <Field id={id} label={label} problems={problems} help={m.t('engagement.codesHelp', { example })}>
    <input
      id={id}
      name={id}
      value={value}
      maxlength={2000}
      dir="ltr"
      aria-invalid={invalidIf(problems, id)}
      aria-describedby={`${id}-help`}
    />
  </Field>
);

/** What the form of a visit or a course is given; the States to choose from, for a visit. */
export interface FormProps<V> extends RecordFormProps<V> {
  states: { iso3: string; name: string }[];
}

export const VisitForm: FC<FormProps<VisitFormValues>> = ({ m, action, cancel, values: v, problems, csrfToken, states }) => (
  <RecordForm m={m} action={action} cancel={cancel} version={v.version} problems={problems} csrfToken={csrfToken}>
    <Field id="stateIso3" label={m.t('engagement.state')} problems={problems}>
      <select id="stateIso3" name="stateIso3" required aria-invalid={invalidIf(problems, 'stateIso3')}>
        <option value="">—</option>
        {states.map((s) => (
          <option value={s.iso3} selected={v.stateIso3 === s.iso3}>
            {s.name}
          </option>
        ))}
      </select>
    </Field>
    <Field id="kind" label={m.t('engagement.kind')} problems={problems}>
      <select id="kind" name="kind" aria-invalid={invalidIf(problems, 'kind')}>
        {visitKinds.map((k) => (
          <option value={k} selected={v.kind === k}>
            {m.t(kindKeys[k])}
          </option>
        ))}
      </select>
    </Field>
    <Dates m={m} startsOn={v.startsOn} endsOn={v.endsOn} problems={problems} />
    <fieldset>
      <legend>{m.t('engagement.purposes')}</legend>
      {visitPurposes.map((p) => (
        <div class="check">
          <input id={`purpose-${p}`} type="checkbox" name="purposes" value={p} checked={v.purposes.includes(p)} />
          <label for={`purpose-${p}`}>{m.t(purposeKeys[p])}</label>
        </div>
      ))}
    </fieldset>
    <Field id="place" label={m.t('engagement.place')} problems={problems}>
      <input id="place" name="place" value={v.place} maxlength={200} aria-invalid={invalidIf(problems, 'place')} />
    </Field>
    <Codes
      m={m}
      id="statesInvolved"
      label={m.t('engagement.statesInvolved')}
      value={v.statesInvolved}
      example="KGZ TJK"
      problems={problems}
    />
    <Field id="whoWent" label={m.t('engagement.whoWent')} problems={problems}>
      <textarea id="whoWent" name="whoWent" rows={2} maxlength={1000} aria-invalid={invalidIf(problems, 'whoWent')}>
        {v.whoWent}
      </textarea>
    </Field>
    <Codes
      m={m}
      id="organizationsInvolved"
      label={m.t('engagement.organizationsInvolved')}
      value={v.organizationsInvolved}
      example="UNODA WCO"
      problems={problems}
    />
    <Codes
      m={m}
      id="supportingOrganizations"
      label={m.t('engagement.supporting')}
      value={v.supportingOrganizations}
      example="UNLIREC"
      problems={problems}
    />
    <Field id="partner" label={m.t('engagement.partner')} problems={problems} help={m.t('engagement.partnerHelp')}>
      <input
        id="partner"
        name="partner"
        value={v.partner}
        maxlength={200}
        aria-invalid={invalidIf(problems, 'partner')}
        aria-describedby="partner-help"
      />
    </Field>
    <Field id="note" label={m.t('engagement.note')} problems={problems}>
      <textarea id="note" name="note" rows={3} maxlength={2000} aria-invalid={invalidIf(problems, 'note')}>
        {v.note}
      </textarea>
    </Field>
    <StatusAndLevel m={m} status={v.status} confidentiality={v.confidentiality} problems={problems} />
  </RecordForm>
);

export const CourseForm: FC<FormProps<CourseFormValues>> = ({ m, action, cancel, values: v, problems, csrfToken }) => (
  <RecordForm m={m} action={action} cancel={cancel} version={v.version} problems={problems} csrfToken={csrfToken}>
    <Field id="title" label={m.t('engagement.courseTitle')} problems={problems}>
      <input id="title" name="title" value={v.title} required maxlength={300} aria-invalid={invalidIf(problems, 'title')} />
    </Field>
    <Dates m={m} startsOn={v.startsOn} endsOn={v.endsOn} problems={problems} />
    <Field id="place" label={m.t('engagement.place')} problems={problems}>
      <input id="place" name="place" value={v.place} required maxlength={200} aria-invalid={invalidIf(problems, 'place')} />
    </Field>
    <Field id="region" label={m.t('engagement.region')} problems={problems}>
      <input id="region" name="region" value={v.region} maxlength={200} aria-invalid={invalidIf(problems, 'region')} />
    </Field>
    <Codes
      m={m}
      id="participatingStates"
      label={m.t('engagement.participants')}
      value={v.participatingStates}
      example="BEN BFA CIV"
      problems={problems}
    />
    <Codes
      m={m}
      id="hostOrganizations"
      label={m.t('engagement.hostOrganizations')}
      value={v.hostOrganizations}
      example="AU"
      problems={problems}
    />
    <Codes
      m={m}
      id="supportingOrganizations"
      label={m.t('engagement.supporting')}
      value={v.supportingOrganizations}
      example="UNODA"
      problems={problems}
    />
    <Field id="teachers" label={m.t('engagement.teachersField')} problems={problems}>
      <textarea id="teachers" name="teachers" rows={2} maxlength={1000} aria-invalid={invalidIf(problems, 'teachers')}>
        {v.teachers}
      </textarea>
    </Field>
    <Codes
      m={m}
      id="teachingOrganizations"
      label={m.t('engagement.teachingOrganizations')}
      value={v.teachingOrganizations}
      example="WCO"
      problems={problems}
    />
    <StatusAndLevel m={m} status={v.status} confidentiality={v.confidentiality} problems={problems} />
  </RecordForm>
);
