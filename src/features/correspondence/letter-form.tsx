import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { type FormBody, text } from '../../platform/http/forms.ts';
import { CsrfField } from '../../platform/http/layout.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { FieldErrors, SelectField } from '../../platform/ui/forms.tsx';
import { type Concern, type LetterInput, parseConcerns, parseStateCodes } from './inputs.ts';
import { kindLabel, levelLabel, modeLabel, type Names, senderKindLabel } from './labels.ts';
import type { LetterRow } from './queries.ts';
import { concernTypes, letterKinds, recipientsModes, senderKinds } from './schema.ts';

/** The form's fields as typed, so that a refused form comes back as it was sent. */
export interface LetterFormValues {
  kind: string;
  sentOn: string;
  reference: string;
  senderKind: string;
  senderState: string;
  senderOrganization: string;
  recipientsMode: string;
  recipients: string;
  recipientOther: string;
  subject: string;
  summary: string;
  inReplyTo: string;
  concerns: string;
  confidentiality: string;
  version: string;
}

export const emptyLetter: LetterFormValues = {
  kind: 'letter',
  sentOn: '',
  reference: '',
  senderKind: 'chair',
  senderState: '',
  senderOrganization: '',
  recipientsMode: 'state',
  recipients: '',
  recipientOther: '',
  subject: '',
  summary: '',
  inReplyTo: '',
  concerns: '',
  confidentiality: 'committee',
  version: '',
};

/** The form's values of a stored letter, for its edit form. */
export const valuesOf = (l: LetterRow, recipients: string[], concerns: readonly Concern[]): LetterFormValues => ({
  kind: l.kind,
  sentOn: l.sent_on,
  reference: l.reference,
  senderKind: l.sender_kind,
  senderState: l.sender_state_iso3 ?? '',
  senderOrganization: l.sender_organization_code ?? '',
  recipientsMode: l.recipients_mode,
  recipients: l.recipients_mode === 'state' || l.recipients_mode === 'list' ? recipients.join(' ') : '',
  recipientOther: l.recipient_other,
  subject: l.subject,
  summary: l.summary,
  inReplyTo: l.in_reply_to ?? '',
  concerns: concerns.map((x) => `${x.recordType}:${x.recordId}`).join(', '),
  confidentiality: l.confidentiality,
  version: String(l.row_version),
});

/** The form's values as posted. */
export function formValues(body: FormBody): LetterFormValues {
  const v = {} as LetterFormValues;
  for (const k of Object.keys(emptyLetter) as (keyof LetterFormValues)[]) v[k] = text(body, k);
  return v;
}

/** The command's input from the form; concerns that cannot be read are problems of their own. */
export function inputOf(v: LetterFormValues, problems: FieldProblem[]): LetterInput {
  return {
    kind: v.kind,
    sentOn: v.sentOn.trim(),
    reference: v.reference,
    senderKind: v.senderKind,
    senderState: v.senderState || null,
    senderOrganization: v.senderOrganization || null,
    recipientsMode: v.recipientsMode,
    recipients: parseStateCodes(v.recipients),
    recipientOther: v.recipientOther,
    subject: v.subject,
    summary: v.summary,
    inReplyTo: v.inReplyTo.trim() || null,
    concerns: parseConcerns([v.concerns], problems),
    confidentiality: v.confidentiality || 'committee',
  };
}

/** A required choice: no empty option. */
const Choice: FC<{ name: string; label: string; value: string; options: readonly { value: string; label: string }[] }> = ({
  name,
  label,
  value,
  options,
}) => (
  <div class="field">
    <label for={name}>{label}</label>
    <select id={name} name={name}>
      {options.map((o) => (
        <option value={o.value} selected={value === o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);

/** A letter's form, new or edited; a refused one comes back with its values and problems. */
export const LetterForm: FC<{
  m: Messages;
  action: string;
  cancel: string;
  values: LetterFormValues;
  problems: FieldProblem[];
  names: Names;
  csrfToken: string;
}> = ({ m, action, cancel, values: v, problems, names, csrfToken }) => {
  const states = [...names.states].sort((a, b) => m.compare(a[1], b[1]));
  const organizations = [...names.organizations].sort((a, b) => m.compare(a[1], b[1]));
  return (
    <form method="post" action={action} class="record-form" novalidate>
      <FieldErrors m={m} problems={problems} />
      <CsrfField token={csrfToken} />
      {v.version && <input type="hidden" name="version" value={v.version} />}
      <Choice
        name="kind"
        label={m.t('letters.kind')}
        value={v.kind}
        options={letterKinds.map((k) => ({ value: k, label: kindLabel(m, k) }))}
      />
      <div class="field">
        <label for="sentOn">{m.t('letters.sentOn')}</label>
        <input id="sentOn" name="sentOn" type="date" required value={v.sentOn} />
      </div>
      <div class="field">
        <label for="reference">{m.t('letters.reference')}</label>
        <input id="reference" name="reference" maxlength={100} value={v.reference} dir="ltr" />
      </div>
      <fieldset>
        <legend>{m.t('letters.sender')}</legend>
        <Choice
          name="senderKind"
          label={m.t('letters.senderKindField')}
          value={v.senderKind}
          options={senderKinds.map((k) => ({ value: k, label: senderKindLabel(m, k) }))}
        />
        <SelectField
          name="senderState"
          label={m.t('letters.senderState')}
          all="—"
          value={v.senderState.toUpperCase()}
          options={states.map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          name="senderOrganization"
          label={m.t('letters.senderOrganization')}
          all="—"
          value={v.senderOrganization}
          options={organizations.map(([value, label]) => ({ value, label }))}
        />
      </fieldset>
      <fieldset>
        <legend>{m.t('letters.recipients')}</legend>
        <Choice
          name="recipientsMode"
          label={m.t('letters.recipientsMode')}
          value={v.recipientsMode}
          options={recipientsModes.map((k) => ({ value: k, label: modeLabel(m, k) }))}
        />
        <div class="field">
          <label for="recipients">{m.t('letters.recipientsField')}</label>
          <textarea id="recipients" name="recipients" rows={2} dir="ltr" aria-describedby="recipients-help">
            {v.recipients}
          </textarea>
          <p class="help" id="recipients-help">
            {m.t('letters.recipientsHelp')}
          </p>
        </div>
        <div class="field">
          <label for="recipientOther">{m.t('letters.recipientOther')}</label>
          <input id="recipientOther" name="recipientOther" maxlength={300} value={v.recipientOther} />
        </div>
      </fieldset>
      <div class="field">
        <label for="subject">{m.t('letters.subject')}</label>
        <input id="subject" name="subject" required maxlength={300} value={v.subject} />
      </div>
      <div class="field">
        <label for="summary">{m.t('letters.summary')}</label>
        <textarea id="summary" name="summary" rows={6} maxlength={8000}>
          {v.summary}
        </textarea>
      </div>
      <div class="field">
        <label for="inReplyTo">{m.t('letters.inReplyToField')}</label>
        <input id="inReplyTo" name="inReplyTo" maxlength={36} value={v.inReplyTo} dir="ltr" />
      </div>
      <div class="field">
        <label for="concerns">{m.t('letters.concernsField')}</label>
        <input id="concerns" name="concerns" maxlength={4000} value={v.concerns} dir="ltr" aria-describedby="concerns-help" />
        <p class="help" id="concerns-help">
          {m.t('letters.concernsHelp', { types: concernTypes.join(', ') })}
        </p>
      </div>
      <Choice
        name="confidentiality"
        label={m.t('letters.confidentiality')}
        value={v.confidentiality}
        options={confidentialityLevels.map((k) => ({ value: k, label: levelLabel(m, k) }))}
      />
      <div class="actions">
        <button type="submit">{m.t('form.save')}</button>
        <a href={cancel}>{m.t('form.cancel')}</a>
      </div>
    </form>
  );
};
