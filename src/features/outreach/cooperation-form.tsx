import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { type FormBody, text } from '../../platform/http/forms.ts';
import { CsrfField, languageNames } from '../../platform/http/layout.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { FieldErrors } from '../../platform/ui/forms.tsx';
import { Area, Choice, Field, levels, split } from './forms.tsx';
import type { CooperationInput } from './inputs.ts';
import { label } from './labels.ts';
import type { CooperationRow } from './queries.ts';
import { cooperationActivities, type TranslationLanguage, translationLanguages } from './schema.ts';

/* The form of a cooperation record, without JavaScript: its description in English and the other five languages. */

export const cooperationFormKeys = [
  'organizationCode',
  'activity',
  'startsOn',
  'endsOn',
  'description',
  ...translationLanguages.map((l) => `translations.${l}.description` as const),
  'links',
  'stateIso3',
  'confidentiality',
  'version',
] as const;
export type CooperationFormValues = Record<(typeof cooperationFormKeys)[number], string>;

export const emptyCooperation: CooperationFormValues = {
  ...(Object.fromEntries(cooperationFormKeys.map((k) => [k, ''])) as CooperationFormValues),
  activity: 'joint-event',
  confidentiality: 'public',
};

export const cooperationValuesOf = (c: CooperationRow): CooperationFormValues => ({
  organizationCode: c.organization_code,
  activity: c.activity,
  startsOn: c.starts_on,
  endsOn: c.ends_on === c.starts_on ? '' : c.ends_on,
  description: c.description,
  ...(Object.fromEntries(
    translationLanguages.map((l) => [`translations.${l}.description`, c.translations[l]?.description ?? '']),
  ) as Record<`translations.${TranslationLanguage}.description`, string>),
  links: c.links.join(' '),
  stateIso3: c.state_iso3 ?? '',
  confidentiality: c.confidentiality,
  version: String(c.row_version),
});

export const cooperationFormValues = (body: FormBody): CooperationFormValues =>
  Object.fromEntries(cooperationFormKeys.map((k) => [k, text(body, k)])) as CooperationFormValues;

export const cooperationInputOf = (v: CooperationFormValues): CooperationInput => ({
  organizationCode: v.organizationCode,
  activity: v.activity,
  startsOn: v.startsOn.trim(),
  endsOn: v.endsOn.trim() || null,
  description: v.description,
  // Every language as the form sends it: the input schema leaves out those left empty.
  translations: Object.fromEntries(translationLanguages.map((l) => [l, { description: v[`translations.${l}.description`] }])),
  links: split(v.links),
  stateIso3: v.stateIso3.trim() || null,
  confidentiality: v.confidentiality || 'public',
});

export const CooperationForm: FC<{
  m: Messages;
  action: string;
  cancel: string;
  values: CooperationFormValues;
  problems: FieldProblem[];
  csrfToken: string;
}> = ({ m, action, cancel, values: v, problems, csrfToken }) => (
  <form method="post" action={action} class="record-form">
    <FieldErrors m={m} problems={problems} />
    <CsrfField token={csrfToken} />
    <input type="hidden" name="version" value={v.version} />
    <Field name="organizationCode" label={m.t('outreach.cooperation.field.organizationCode')} value={v.organizationCode} />
    <Choice
      name="activity"
      label={m.t('outreach.cooperation.activity')}
      value={v.activity}
      options={cooperationActivities.map((a) => ({ value: a, label: label(m, `cooperation.activity.${a}`) }))}
    />
    <Field name="startsOn" type="date" label={m.t('outreach.field.startsOn')} value={v.startsOn} />
    <Field name="endsOn" type="date" label={m.t('outreach.field.endsOn')} value={v.endsOn} />
    <Area name="description" label={m.t('outreach.description')} value={v.description} />
    <details
      open={
        translationLanguages.some((l) => v[`translations.${l}.description`]) || problems.some((p) => p.field.startsWith('translations'))
      }
    >
      <summary>{m.t('outreach.translations')}</summary>
      <p class="help">{m.t('outreach.cooperation.translations.hint')}</p>
      {translationLanguages.map((l) => (
        <Area
          name={`translations.${l}.description`}
          label={`${m.t('outreach.description')} (${languageNames[l]})`}
          value={v[`translations.${l}.description`]}
          lang={l}
        />
      ))}
    </details>
    <Field name="links" label={m.t('outreach.cooperation.field.links')} value={v.links} />
    <Field name="stateIso3" label={m.t('outreach.cooperation.field.stateIso3')} value={v.stateIso3} />
    <Choice name="confidentiality" label={m.t('outreach.confidentiality')} value={v.confidentiality} options={levels(m)} />
    <p class="actions">
      <button type="submit">{m.t('form.save')}</button> <a href={cancel}>{m.t('form.cancel')}</a>
    </p>
  </form>
);
