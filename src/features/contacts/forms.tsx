import { FieldErrors } from '../../platform/ui/forms.tsx';
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField } from '../../platform/http/layout.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { RecordForm } from '../reports/index.ts';
import { valuesOfRecord } from '../reports/index.ts';
import type { ContactRow } from './contacts.ts';
import { contactRecord } from './present.ts';
import { contactLocations } from './schema.ts';

/** The values of a contact form, as typed (re-shown with its errors). */
export interface ContactFormValues extends Record<string, string> {
  location: string;
  name: string;
  title: string;
  institution: string;
  email: string;
  phone: string;
  languages: string;
  designatedOn: string;
  version: string;
}

export const emptyContact: ContactFormValues = {
  location: 'capital',
  name: '',
  title: '',
  institution: '',
  email: '',
  phone: '',
  languages: '',
  designatedOn: '',
  version: '',
};

export const contactFormValues = (c: ContactRow): ContactFormValues => valuesOfRecord(contactRecord(c), emptyContact);

const invalidIf = (problems: FieldProblem[], field: string) => (problems.some((p) => p.field === field) ? 'true' : undefined);

export function locationLabel(m: Messages, location: string): string {
  return location === 'capital' ? m.t('contacts.capital') : m.t('contacts.newYorkMission');
}

export const ContactForm: FC<{
  m: Messages;
  action: string;
  cancel: string;
  values: ContactFormValues;
  problems: FieldProblem[];
  csrfToken: string;
  /** Whether the reader dates designations (the keepers): for the State's point of contact the date is shown, not changed. */
  mayDesignate?: boolean;
}> = ({ m, action, cancel, values: v, problems, csrfToken, mayDesignate = true }) => {
  const input = (
    name: 'name' | 'title' | 'institution' | 'email' | 'phone',
    label: string,
    extra: Record<string, string | number | boolean> = {},
  ) => (
    <div class="field">
      <label for={name}>{label}</label>
      <input id={name} name={name} value={v[name]} aria-invalid={invalidIf(problems, name)} {...extra} />
    </div>
  );
  return (
    <RecordForm m={m} action={action} cancel={cancel} version={v.version} problems={problems} csrfToken={csrfToken}>
      <fieldset>
        <legend>{m.t('contacts.location')}</legend>
        {contactLocations.map((l) => (
          <div class="check">
            <input id={`location-${l}`} type="radio" name="location" value={l} checked={v.location === l} />
            <label for={`location-${l}`}>{locationLabel(m, l)}</label>
          </div>
        ))}
      </fieldset>
      {input('name', m.t('contacts.name'), { required: true, maxlength: 200, autocomplete: 'off' })}
      {input('title', m.t('contacts.jobTitle'), { maxlength: 200 })}
      {input('institution', m.t('contacts.institution'), { maxlength: 300 })}
      {input('email', m.t('contacts.email'), { type: 'email', maxlength: 254, dir: 'ltr', autocomplete: 'off' })}
      {input('phone', m.t('contacts.phone'), { type: 'tel', maxlength: 60, dir: 'ltr', autocomplete: 'off' })}
      <div class="field">
        <label for="languages">{m.t('contacts.languages')}</label>
        <input
          id="languages"
          name="languages"
          value={v.languages}
          maxlength={200}
          dir="ltr"
          aria-describedby="languages-help"
          aria-invalid={invalidIf(problems, 'languages')}
        />
        <p class="help" id="languages-help">
          {m.t('contacts.languagesHelp')}
        </p>
      </div>
      <div class="field">
        <label for="designatedOn">{m.t('contacts.designatedOn')}</label>
        <input
          id="designatedOn"
          name="designatedOn"
          type="date"
          value={v.designatedOn}
          required
          readonly={!mayDesignate}
          aria-invalid={invalidIf(problems, 'designatedOn')}
        />
      </div>
    </RecordForm>
  );
};

export const EndForm: FC<{
  m: Messages;
  action: string;
  cancel: string;
  contact: ContactRow;
  endedOn: string;
  version: string;
  problems: FieldProblem[];
  csrfToken: string;
}> = ({ m, action, cancel, contact, endedOn, version, problems, csrfToken }) => (
  <form method="post" action={action} class="record-form narrow" novalidate>
    <FieldErrors m={m} problems={problems} />
    <CsrfField token={csrfToken} />
    <input type="hidden" name="version" value={version} />
    <p>
      {contact.name} · {locationLabel(m, contact.location)} · {m.t('contacts.designatedOn')}: {m.date(contact.designated_on, 'medium')}
    </p>
    <div class="field">
      <label for="endedOn">{m.t('contacts.endedOn')}</label>
      <input
        id="endedOn"
        name="endedOn"
        type="date"
        value={endedOn}
        required
        aria-describedby="endedOn-help"
        aria-invalid={invalidIf(problems, 'endedOn')}
      />
      <p class="help" id="endedOn-help">
        {m.t('contacts.endHelp')}
      </p>
    </div>
    <div class="actions">
      <button type="submit">{m.t('contacts.end')}</button>
      <a href={cancel}>{m.t('form.cancel')}</a>
    </div>
  </form>
);

/** A one-button form that confirms a contact's details today, then goes back to `next`. */
export const ConfirmButton: FC<{ m: Messages; contact: ContactRow; next: string; csrfToken: string }> = ({
  m,
  contact,
  next,
  csrfToken,
}) => (
  <form method="post" action={`/${m.locale}/states/${contact.state_iso3}/contacts/${contact.id}/confirm`} class="inline">
    <CsrfField token={csrfToken} />
    <input type="hidden" name="version" value={String(contact.row_version)} />
    <input type="hidden" name="next" value={next} />
    <button type="submit" class="secondary" aria-label={`${m.t('contacts.confirm')}: ${contact.name}`}>
      {m.t('contacts.confirm')}
    </button>
  </form>
);
