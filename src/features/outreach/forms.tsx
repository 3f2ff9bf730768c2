import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { type FormBody, text, texts } from '../../platform/http/forms.ts';
import { CsrfField, languageNames } from '../../platform/http/layout.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { FieldErrors } from '../../platform/ui/forms.tsx';
import type { EventInput } from './inputs.ts';
import { label } from './labels.ts';
import type { EventRow } from './queries.ts';
import { audiences, eventGroups, eventStatuses, type TranslationLanguage, translationLanguages } from './schema.ts';

/*
 * The form of an event, without JavaScript (a cooperation record's is cooperation-form.tsx, with
 * the fields both use): a refused form comes back as it was sent, with each problem named by its field.
 */

export const split = (s: string) => s.split(/[\s,;]+/).filter(Boolean);

export const eventFormKeys = [
  'title',
  'description',
  'group',
  'status',
  'confirmed',
  'listed',
  'startsOn',
  'endsOn',
  'city',
  'stateIso3',
  'organizerStates',
  'organizerOrganizations',
  'byCommittee',
  'participants',
  'links',
  'confidentiality',
  'version',
] as const;
/** The translated fields of an event, by language: `translations.zh.title` and the like. */
const textFields = ['title', 'description', 'city'] as const;
type TranslationKey = `translations.${TranslationLanguage}.${(typeof textFields)[number]}`;
const translationKey = (l: TranslationLanguage, f: (typeof textFields)[number]) => `translations.${l}.${f}` as TranslationKey;
const translationKeys = translationLanguages.flatMap((l) => textFields.map((f) => translationKey(l, f)));
export type EventFormValues = Record<(typeof eventFormKeys)[number] | TranslationKey, string> & { audiences: string[] };

export const emptyEvent: EventFormValues = {
  ...(Object.fromEntries([...eventFormKeys, ...translationKeys].map((k) => [k, ''])) as Record<
    (typeof eventFormKeys)[number] | TranslationKey,
    string
  >),
  group: 'other',
  status: 'planned',
  listed: 'on',
  confidentiality: 'public',
  audiences: ['officials'],
};

export function eventValuesOf(e: EventRow): EventFormValues {
  return {
    title: e.title,
    description: e.description,
    group: e.event_group,
    status: e.status,
    confirmed: e.confirmed ? 'on' : '',
    listed: e.listed ? 'on' : '',
    startsOn: e.starts_on,
    endsOn: e.ends_on === e.starts_on ? '' : e.ends_on,
    city: e.city,
    ...(Object.fromEntries(
      translationLanguages.flatMap((l) => textFields.map((f) => [translationKey(l, f), e.translations[l]?.[f] ?? ''])),
    ) as Record<TranslationKey, string>),
    stateIso3: e.state_iso3 ?? '',
    organizerStates: e.organizer_states.join(' '),
    organizerOrganizations: e.organizer_organizations.join(' '),
    byCommittee: e.by_committee ? 'on' : '',
    participants: e.participants.map((p) => [p.role, p.mode, p.expertId ?? ''].filter(Boolean).join(' ')).join('\n'),
    links: e.links.join(' '),
    confidentiality: e.confidentiality,
    version: String(e.row_version),
    audiences: [...e.audiences],
  };
}

export function eventFormValues(body: FormBody): EventFormValues {
  const v = Object.fromEntries([...eventFormKeys, ...translationKeys].map((k) => [k, text(body, k)])) as unknown as EventFormValues;
  v.audiences = texts(body, 'audiences');
  return v;
}

/** The write core's input from the form; a line of participants that cannot be read is a problem of its own. */
export function eventInputOf(v: EventFormValues, problems: FieldProblem[]): EventInput {
  const participants = v.participants
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [role = '', mode = 'in-person', expertId] = line.split(/\s+/);
      if (!/^[a-z-]+$/.test(role))
        problems.push({ field: 'participants', problem: `"${line.slice(0, 60)}": write a role, a mode and an expert's id if any` });
      return { role, mode, expertId: expertId ?? null };
    });
  return {
    title: v.title,
    description: v.description,
    group: v.group,
    status: v.status,
    confirmed: v.confirmed === 'on',
    listed: v.listed === 'on',
    startsOn: v.startsOn.trim(),
    endsOn: v.endsOn.trim() || null,
    city: v.city,
    // Every language as the form sends it: the input schema leaves out those left empty.
    translations: Object.fromEntries(
      translationLanguages.map((l) => [l, Object.fromEntries(textFields.map((f) => [f, v[translationKey(l, f)]]))]),
    ),
    stateIso3: v.stateIso3.trim() || null,
    organizerStates: split(v.organizerStates),
    organizerOrganizations: split(v.organizerOrganizations),
    byCommittee: v.byCommittee === 'on',
    audiences: v.audiences,
    participants,
    links: split(v.links),
    confidentiality: v.confidentiality || 'public',
  };
}

export const Field: FC<{ name: string; label: string; value: string; type?: string; hint?: string; lang?: string }> = ({
  name,
  label: l,
  value,
  type = 'text',
  hint,
  lang,
}) => (
  <div class="field">
    <label for={name}>{l}</label>
    <input
      id={name}
      name={name}
      type={type}
      value={value}
      lang={lang}
      dir={lang ? 'auto' : undefined}
      aria-describedby={hint ? `${name}-hint` : undefined}
    />
    {hint && (
      <p class="help" id={`${name}-hint`}>
        {hint}
      </p>
    )}
  </div>
);

export const Choice: FC<{ name: string; label: string; value: string; options: readonly { value: string; label: string }[] }> = ({
  name,
  label: l,
  value,
  options,
}) => (
  <div class="field">
    <label for={name}>{l}</label>
    <select id={name} name={name}>
      {options.map((o) => (
        <option value={o.value} selected={value === o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);

export const Check: FC<{ name: string; label: string; checked: boolean; value?: string }> = ({ name, label: l, checked, value = 'on' }) => (
  <div class="field checkbox">
    <input id={`${name}-${value}`} name={name} type="checkbox" value={value} checked={checked} />
    <label for={`${name}-${value}`}>{l}</label>
  </div>
);

export const Area: FC<{ name: string; label: string; value: string; lang?: string }> = ({ name, label: l, value, lang }) => (
  <div class="field">
    <label for={name}>{l}</label>
    <textarea id={name} name={name} rows={4} lang={lang} dir={lang ? 'auto' : undefined}>
      {value}
    </textarea>
  </div>
);

/** The title, description and city in the other five languages; open when one is given or refused. */
const Translations: FC<{ m: Messages; v: EventFormValues; problems: FieldProblem[] }> = ({ m, v, problems }) => (
  <details open={translationKeys.some((k) => v[k]) || problems.some((p) => p.field.startsWith('translations'))}>
    <summary>{m.t('outreach.translations')}</summary>
    <p class="help">{m.t('outreach.translations.hint')}</p>
    {translationLanguages.map((l) => (
      <fieldset>
        <legend lang={l}>{languageNames[l]}</legend>
        <Field name={translationKey(l, 'title')} label={m.t('outreach.field.title')} value={v[translationKey(l, 'title')]} lang={l} />
        <Area
          name={translationKey(l, 'description')}
          label={m.t('outreach.description')}
          value={v[translationKey(l, 'description')]}
          lang={l}
        />
        <Field name={translationKey(l, 'city')} label={m.t('outreach.field.city')} value={v[translationKey(l, 'city')]} lang={l} />
      </fieldset>
    ))}
  </details>
);

export const levels = (m: Messages) => confidentialityLevels.map((c) => ({ value: c, label: label(m, `level.${c}`) }));

export const EventForm: FC<{
  m: Messages;
  action: string;
  cancel: string;
  values: EventFormValues;
  problems: FieldProblem[];
  csrfToken: string;
}> = ({ m, action, cancel, values: v, problems, csrfToken }) => (
  <form method="post" action={action} class="record-form">
    <FieldErrors m={m} problems={problems} />
    <CsrfField token={csrfToken} />
    <input type="hidden" name="version" value={v.version} />
    <Field name="title" label={m.t('outreach.field.title')} value={v.title} />
    <Area name="description" label={m.t('outreach.description')} value={v.description} />
    <Choice
      name="group"
      label={m.t('outreach.group')}
      value={v.group}
      options={eventGroups.map((g) => ({ value: g, label: label(m, `group.${g}`) }))}
    />
    <Choice
      name="status"
      label={m.t('outreach.status')}
      value={v.status}
      options={eventStatuses.map((s) => ({ value: s, label: label(m, `status.${s}`) }))}
    />
    <Check name="confirmed" label={m.t('outreach.confirmed')} checked={v.confirmed === 'on'} />
    <Field name="startsOn" type="date" label={m.t('outreach.field.startsOn')} value={v.startsOn} />
    <Field name="endsOn" type="date" label={m.t('outreach.field.endsOn')} value={v.endsOn} />
    <Field name="city" label={m.t('outreach.field.city')} value={v.city} />
    <Field name="stateIso3" label={m.t('outreach.field.stateIso3')} value={v.stateIso3} />
    <Translations m={m} v={v} problems={problems} />
    <Field
      name="organizerStates"
      label={m.t('outreach.field.organizerStates')}
      value={v.organizerStates}
      hint={m.t('outreach.codesHint')}
    />
    <Field
      name="organizerOrganizations"
      label={m.t('outreach.field.organizerOrganizations')}
      value={v.organizerOrganizations}
      hint={m.t('outreach.codesHint')}
    />
    <Check name="byCommittee" label={m.t('outreach.field.byCommittee')} checked={v.byCommittee === 'on'} />
    <fieldset>
      <legend>{m.t('outreach.audience')}</legend>
      {audiences.map((a) => (
        <Check name="audiences" value={a} label={label(m, `audience.${a}`)} checked={v.audiences.includes(a)} />
      ))}
    </fieldset>
    <Area name="participants" label={m.t('outreach.field.participants')} value={v.participants} />
    <Field name="links" label={m.t('outreach.field.links')} value={v.links} />
    <Check name="listed" label={m.t('outreach.listed')} checked={v.listed === 'on'} />
    <Choice name="confidentiality" label={m.t('outreach.confidentiality')} value={v.confidentiality} options={levels(m)} />
    <p class="actions">
      <button type="submit">{m.t('form.save')}</button> <a href={cancel}>{m.t('form.cancel')}</a>
    </p>
  </form>
);
