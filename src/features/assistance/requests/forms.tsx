// The forms of a request (the Committee's template) and of an offer: their values as typed, the
// command's input made from them, and the forms themselves. No JavaScript: a request's items are
// fieldsets, three to begin with, and "Add another item" sends the form back with one more.
import type { FC, PropsWithChildren } from 'hono/jsx';
import type { FieldProblem } from '../../../platform/errors.ts';
import { CsrfField } from '../../../platform/http/layout.tsx';
import { type FormBody, text, texts } from '../../../platform/http/forms.ts';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import { offerTermsOf, requestFieldsOf } from '../api-schemas.ts';
import type { ItemInput, OfferInput, RequestInput } from './checks.ts';
import { channelLabel, ErrorSummary, errorIdOf, FieldError, fieldId, type Names, priorityLabel, providerName } from '../pages.tsx';
import type { ItemRow, OfferRow, RequestRow } from '../queries.ts';
import { channels, priorities } from '../schema.ts';
import { areas, codesOf, type Dimension, helpKinds, helpLanguages, labelOf, paragraphs, regions, weaponTypes } from '../taxonomy.ts';

// -------------------------------------------------------------------------------------------------
// Values as typed

export interface ItemValues {
  id: string;
  description: string;
  areas: string[];
  weapons: string[];
  paragraphs: string[];
  kinds: string[];
  priority: string;
  timeframe: string;
  matrixFields: string;
  /** An existing item the editor takes off the request. */
  remove: boolean;
}

export interface RequestFormValues {
  stateIso3: string;
  receivedOn: string;
  channel: string;
  reference: string;
  contactName: string;
  contactEmail: string;
  languages: string[];
  earlierAssistance: string;
  otherProviders: string;
  consentSummary: boolean;
  summary: string;
  invitesVisit: boolean;
  items: ItemValues[];
  version: string;
}

/** Empty item fieldsets a new form starts with. */
export const initialItems = 3;
const maxItems = 200;

export const emptyItem = (): ItemValues => ({
  id: '',
  description: '',
  areas: [],
  weapons: [],
  paragraphs: [],
  kinds: [],
  priority: 'medium',
  timeframe: '',
  matrixFields: '',
  remove: false,
});

export const emptyRequest = (over: Partial<RequestFormValues> = {}): RequestFormValues => ({
  stateIso3: '',
  receivedOn: '',
  channel: 'note-verbale',
  reference: '',
  contactName: '',
  contactEmail: '',
  languages: [],
  earlierAssistance: '',
  otherProviders: '',
  consentSummary: false,
  summary: '',
  invitesVisit: false,
  items: Array.from({ length: initialItems }, emptyItem),
  version: '',
  ...over,
});

/** The form as posted: as many items as fieldsets were sent. */
export function requestValuesOf(body: FormBody): RequestFormValues {
  let count = Number.parseInt(text(body, 'itemCount'), 10) || 0;
  for (const key of Object.keys(body)) {
    const m = /^items\[(\d{1,3})\]\./.exec(key);
    if (m) count = Math.max(count, Number(m[1]) + 1);
  }
  count = Math.max(1, Math.min(maxItems, count));
  const items = Array.from({ length: count }, (_, i): ItemValues => {
    const f = (name: string) => `items[${i}].${name}`;
    return {
      id: text(body, f('id')),
      description: text(body, f('description')),
      // Unknown codes are kept so that the command names them.
      areas: texts(body, f('areas')),
      weapons: texts(body, f('weapons')),
      paragraphs: texts(body, f('paragraphs')),
      kinds: texts(body, f('kinds')),
      priority: text(body, f('priority')) || 'medium',
      timeframe: text(body, f('timeframe')),
      matrixFields: text(body, f('matrixFields')),
      remove: text(body, f('remove')) === 'on',
    };
  });
  return {
    stateIso3: text(body, 'stateIso3').trim().toUpperCase(),
    receivedOn: text(body, 'receivedOn').trim(),
    channel: text(body, 'channel'),
    reference: text(body, 'reference'),
    contactName: text(body, 'contactName'),
    contactEmail: text(body, 'contactEmail'),
    languages: texts(body, 'languages'),
    earlierAssistance: text(body, 'earlierAssistance'),
    otherProviders: text(body, 'otherProviders'),
    consentSummary: text(body, 'consentSummary') === 'on',
    summary: text(body, 'summary'),
    invitesVisit: text(body, 'invitesVisit') === 'on',
    items,
    version: text(body, 'version'),
  };
}

/** An item fieldset left as it was rendered: nothing typed, nothing checked. */
export const isBlankItem = (i: ItemValues) =>
  !i.id &&
  !i.description.trim() &&
  !i.areas.length &&
  !i.weapons.length &&
  !i.paragraphs.length &&
  !i.kinds.length &&
  !i.timeframe.trim() &&
  !i.matrixFields.trim();

/**
 * The items the command is given: blank fieldsets and removed items left out, in order. The form
 * comes back with the same list, so that `items[1].areas` in a problem is the second fieldset.
 */
export function keptItems(v: RequestFormValues): ItemValues[] {
  return v.items.filter((i) => !isBlankItem(i) && !i.remove);
}

/** At least `initialItems` fieldsets: the kept items, then blank ones. */
export function padItems(items: ItemValues[], min = initialItems): ItemValues[] {
  return [...items, ...Array.from({ length: Math.max(0, min - items.length) }, emptyItem)];
}

export const splitCodes = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);

export function requestInputOf(v: RequestFormValues, items = keptItems(v)): RequestInput {
  return {
    stateIso3: v.stateIso3,
    receivedOn: v.receivedOn,
    channel: v.channel,
    reference: v.reference,
    contactName: v.contactName,
    contactEmail: v.contactEmail,
    languages: v.languages,
    earlierAssistance: v.earlierAssistance,
    otherProviders: v.otherProviders,
    consentSummary: v.consentSummary,
    summary: v.summary,
    invitesVisit: v.invitesVisit,
    items: items.map((i) => ({
      ...(i.id ? { id: i.id } : {}),
      description: i.description,
      areas: i.areas,
      weapons: i.weapons,
      paragraphs: i.paragraphs,
      kinds: i.kinds,
      priority: i.priority,
      timeframe: i.timeframe,
      matrixFields: splitCodes(i.matrixFields),
    })),
  };
}

/** An item of a draft (from the matrix gaps) as the form shows it. */
export const itemValuesFromInput = (i: ItemInput): ItemValues => ({
  id: '',
  description: i.description,
  areas: i.areas ?? [],
  weapons: i.weapons ?? [],
  paragraphs: i.paragraphs ?? [],
  kinds: i.kinds ?? [],
  priority: i.priority ?? 'medium',
  timeframe: i.timeframe ?? '',
  matrixFields: (i.matrixFields ?? []).join(' '),
  remove: false,
});

export const requestValuesFrom = (r: RequestRow, items: ItemRow[]): RequestFormValues => ({
  ...requestFieldsOf(r),
  items: items.map((i) => ({
    id: i.id,
    description: i.description,
    areas: i.areas,
    weapons: i.weapons,
    paragraphs: i.paragraphs,
    kinds: i.kinds,
    priority: i.priority,
    timeframe: i.timeframe,
    matrixFields: i.matrix_fields.join(' '),
    remove: false,
  })),
  version: String(r.row_version),
});

// -------------------------------------------------------------------------------------------------
// Pieces

const Field: FC<PropsWithChildren<{ id: string; label: string; help?: string; problems: FieldProblem[]; field: string }>> = ({
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

const describedBy = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** Checkboxes of taxonomy codes, named `name`, in a fieldset whose id is the field's. */
const CodeChecks: FC<{
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

const Check: FC<{ id: string; name: string; label: string; checked: boolean }> = ({ id, name, label, checked }) => (
  <div class="check">
    <input type="checkbox" id={id} name={name} checked={checked} />
    <label for={id}>{label}</label>
  </div>
);

const ItemFieldset: FC<{ m: Messages; i: number; item: ItemValues; problems: FieldProblem[] }> = ({ m, i, item, problems }) => {
  const f = (name: string) => `items[${i}].${name}`;
  const id = (name: string) => fieldId(f(name));
  return (
    <fieldset class="request-item" id={`items-${i}`}>
      <legend>{m.t('assistance.form.item', { n: i + 1 })}</legend>
      <FieldError problems={problems} field={`items[${i}]`} />
      {item.id && <input type="hidden" name={f('id')} value={item.id} />}
      <FieldError problems={problems} field={f('id')} />
      <Field id={id('description')} label={m.t('assistance.field.description')} problems={problems} field={f('description')}>
        <textarea
          id={id('description')}
          name={f('description')}
          rows={3}
          maxlength={4000}
          aria-invalid={errorIdOf(problems, f('description')) ? 'true' : undefined}
          aria-describedby={errorIdOf(problems, f('description'))}
        >
          {item.description}
        </textarea>
      </Field>
      <CodeChecks
        m={m}
        dimension="area"
        name={f('areas')}
        legend={m.t('assistance.field.areas')}
        checked={item.areas}
        problems={problems}
        codes={areas}
      />
      <CodeChecks
        m={m}
        dimension="weapon"
        name={f('weapons')}
        legend={m.t('assistance.field.weapons')}
        checked={item.weapons}
        problems={problems}
        codes={weaponTypes}
      />
      <CodeChecks
        m={m}
        dimension="paragraph"
        name={f('paragraphs')}
        legend={m.t('assistance.field.paragraphs')}
        checked={item.paragraphs}
        problems={problems}
        codes={paragraphs}
      />
      <CodeChecks
        m={m}
        dimension="kind"
        name={f('kinds')}
        legend={m.t('assistance.field.kinds')}
        checked={item.kinds}
        problems={problems}
        codes={helpKinds}
      />
      <Field id={id('priority')} label={m.t('assistance.field.priority')} problems={problems} field={f('priority')}>
        <select id={id('priority')} name={f('priority')} aria-describedby={errorIdOf(problems, f('priority'))}>
          {priorities.map((p) => (
            <option value={p} selected={item.priority === p}>
              {priorityLabel(m, p)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id={id('timeframe')}
        label={m.t('assistance.field.timeframe')}
        help={m.t('assistance.form.timeframeHelp')}
        problems={problems}
        field={f('timeframe')}
      >
        <input
          id={id('timeframe')}
          name={f('timeframe')}
          maxlength={200}
          value={item.timeframe}
          aria-describedby={describedBy(`${id('timeframe')}-help`, errorIdOf(problems, f('timeframe')))}
          aria-invalid={errorIdOf(problems, f('timeframe')) ? 'true' : undefined}
        />
      </Field>
      <Field
        id={id('matrixFields')}
        label={m.t('assistance.field.matrixFields')}
        help={m.t('assistance.form.matrixFieldsHelp')}
        problems={problems}
        field={f('matrixFields')}
      >
        <input
          id={id('matrixFields')}
          name={f('matrixFields')}
          dir="ltr"
          value={item.matrixFields}
          aria-describedby={describedBy(`${id('matrixFields')}-help`, errorIdOf(problems, f('matrixFields')))}
          aria-invalid={errorIdOf(problems, f('matrixFields')) ? 'true' : undefined}
        />
      </Field>
      {item.id && <Check id={id('remove')} name={f('remove')} label={m.t('assistance.form.removeItem')} checked={item.remove} />}
    </fieldset>
  );
};

// -------------------------------------------------------------------------------------------------
// The request form

export const RequestForm: FC<{
  m: Messages;
  action: string;
  cancel: string;
  values: RequestFormValues;
  problems: FieldProblem[];
  names: Names;
  /** The point of contact's State: the requesting State is fixed. */
  fixedState: string | null;
  submitLabel: string;
  csrfToken: string;
}> = ({ m, action, cancel, values: v, problems, names, fixedState, submitLabel, csrfToken }) => {
  const states = [...names.states].sort((a, b) => m.compare(a[1], b[1]));
  const err = (field: string) => errorIdOf(problems, field);
  return (
    <form method="post" action={action} class="record-form" novalidate>
      <ErrorSummary m={m} problems={problems} />
      <CsrfField token={csrfToken} />
      {v.version && <input type="hidden" name="version" value={v.version} />}
      <input type="hidden" name="itemCount" value={String(v.items.length)} />
      {problems.some((p) => p.field === 'version') && (
        <p id="version-note" class="notice">
          {m.t('assistance.conflict')}
        </p>
      )}
      <p class="help">{m.t('assistance.form.intro')}</p>
      <fieldset>
        <legend>{m.t('assistance.form.request')}</legend>
        {fixedState ? (
          <div class="field" id="stateIso3">
            <span class="label">{m.t('assistance.field.state')}</span>
            <p>{names.states.get(fixedState) ?? fixedState}</p>
            <FieldError problems={problems} field="stateIso3" />
          </div>
        ) : (
          <Field id="stateIso3" label={m.t('assistance.field.state')} problems={problems} field="stateIso3">
            <select
              id="stateIso3"
              name="stateIso3"
              required
              aria-invalid={err('stateIso3') ? 'true' : undefined}
              aria-describedby={err('stateIso3')}
            >
              <option value="">—</option>
              {states.map(([iso3, name]) => (
                <option value={iso3} selected={v.stateIso3 === iso3}>
                  {name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field id="receivedOn" label={m.t('assistance.field.receivedOn')} problems={problems} field="receivedOn">
          <input
            id="receivedOn"
            name="receivedOn"
            type="date"
            required
            value={v.receivedOn}
            aria-invalid={err('receivedOn') ? 'true' : undefined}
            aria-describedby={err('receivedOn')}
          />
        </Field>
        <Field id="channel" label={m.t('assistance.field.channel')} problems={problems} field="channel">
          <select id="channel" name="channel" aria-describedby={err('channel')}>
            {channels.map((ch) => (
              <option value={ch} selected={v.channel === ch}>
                {channelLabel(m, ch)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="reference" label={m.t('assistance.field.reference')} problems={problems} field="reference">
          <input
            id="reference"
            name="reference"
            maxlength={60}
            dir="ltr"
            value={v.reference}
            aria-invalid={err('reference') ? 'true' : undefined}
            aria-describedby={err('reference')}
          />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{m.t('assistance.form.contact')}</legend>
        <Field id="contactName" label={m.t('assistance.field.contactName')} problems={problems} field="contactName">
          <input
            id="contactName"
            name="contactName"
            maxlength={200}
            autocomplete="name"
            value={v.contactName}
            aria-describedby={err('contactName')}
          />
        </Field>
        <Field id="contactEmail" label={m.t('assistance.field.contactEmail')} problems={problems} field="contactEmail">
          <input
            id="contactEmail"
            name="contactEmail"
            type="email"
            maxlength={254}
            dir="ltr"
            autocomplete="email"
            value={v.contactEmail}
            aria-invalid={err('contactEmail') ? 'true' : undefined}
            aria-describedby={err('contactEmail')}
          />
        </Field>
      </fieldset>
      <CodeChecks
        m={m}
        dimension="language"
        name="languages"
        legend={m.t('assistance.field.languages')}
        checked={v.languages}
        problems={problems}
        codes={helpLanguages}
      />
      <Field
        id="earlierAssistance"
        label={m.t('assistance.field.earlierAssistance')}
        help={m.t('assistance.form.earlierHelp')}
        problems={problems}
        field="earlierAssistance"
      >
        <textarea
          id="earlierAssistance"
          name="earlierAssistance"
          rows={3}
          maxlength={8000}
          aria-describedby={describedBy('earlierAssistance-help', err('earlierAssistance'))}
        >
          {v.earlierAssistance}
        </textarea>
      </Field>
      <Field id="otherProviders" label={m.t('assistance.field.otherProviders')} problems={problems} field="otherProviders">
        <textarea id="otherProviders" name="otherProviders" rows={2} maxlength={2000} aria-describedby={err('otherProviders')}>
          {v.otherProviders}
        </textarea>
      </Field>
      <fieldset>
        <legend>{m.t('assistance.form.publication')}</legend>
        <Check id="consentSummary" name="consentSummary" label={m.t('assistance.field.consentSummary')} checked={v.consentSummary} />
        <FieldError problems={problems} field="consentSummary" />
        <Field
          id="summary"
          label={m.t('assistance.field.summary')}
          help={m.t('assistance.form.summaryHelp')}
          problems={problems}
          field="summary"
        >
          <textarea id="summary" name="summary" rows={3} maxlength={4000} aria-describedby={describedBy('summary-help', err('summary'))}>
            {v.summary}
          </textarea>
        </Field>
      </fieldset>
      <Check id="invitesVisit" name="invitesVisit" label={m.t('assistance.field.invitesVisit')} checked={v.invitesVisit} />
      <FieldError problems={problems} field="invitesVisit" />
      <h2 id="items">{m.t('assistance.field.items')}</h2>
      <p class="help">{m.t('assistance.form.itemsHelp')}</p>
      <FieldError problems={problems} field="items" />
      {v.items.map((item, i) => (
        <ItemFieldset m={m} i={i} item={item} problems={problems} />
      ))}
      <div class="actions">
        <button type="submit">{submitLabel}</button>
        <button type="submit" name="add" value="item" class="secondary" formnovalidate>
          {m.t('assistance.form.addItem')}
        </button>
        <a href={cancel}>{m.t('form.cancel')}</a>
      </div>
    </form>
  );
};

// -------------------------------------------------------------------------------------------------
// The offer form

export interface OfferFormValues {
  provider: string;
  title: string;
  description: string;
  paragraphs: string[];
  weapons: string[];
  areas: string[];
  kinds: string[];
  regions: string[];
  languages: string[];
  programmes: string;
  capacity: string;
  periodFrom: string;
  periodTo: string;
  contactName: string;
  contactEmail: string;
  confidentiality: string;
  version: string;
}

export const emptyOffer = (over: Partial<OfferFormValues> = {}): OfferFormValues => ({
  provider: '',
  title: '',
  description: '',
  paragraphs: [],
  weapons: [],
  areas: [],
  kinds: [],
  regions: [],
  languages: [],
  programmes: '',
  capacity: '',
  periodFrom: '',
  periodTo: '',
  contactName: '',
  contactEmail: '',
  confidentiality: 'public',
  version: '',
  ...over,
});

export function offerValuesOf(body: FormBody): OfferFormValues {
  return {
    provider: text(body, 'provider').trim(),
    title: text(body, 'title'),
    description: text(body, 'description'),
    paragraphs: texts(body, 'paragraphs'),
    weapons: texts(body, 'weapons'),
    areas: texts(body, 'areas'),
    kinds: texts(body, 'kinds'),
    regions: texts(body, 'regions'),
    languages: texts(body, 'languages'),
    programmes: text(body, 'programmes'),
    capacity: text(body, 'capacity'),
    periodFrom: text(body, 'periodFrom').trim(),
    periodTo: text(body, 'periodTo').trim(),
    contactName: text(body, 'contactName'),
    contactEmail: text(body, 'contactEmail'),
    confidentiality: text(body, 'confidentiality') || 'public',
    version: text(body, 'version'),
  };
}

/** One programme a line: "Name | https://…" (the link is optional). */
export function parseProgrammes(s: string): { name: string; url: string }[] {
  return s
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const bar = line.lastIndexOf('|');
      return bar < 0 ? { name: line, url: '' } : { name: line.slice(0, bar).trim(), url: line.slice(bar + 1).trim() };
    });
}

export const offerInputOf = (v: OfferFormValues): OfferInput => ({
  provider: v.provider,
  title: v.title,
  description: v.description,
  paragraphs: v.paragraphs,
  weapons: v.weapons,
  areas: v.areas,
  kinds: v.kinds,
  regions: v.regions,
  languages: v.languages,
  programmes: parseProgrammes(v.programmes),
  capacity: v.capacity,
  periodFrom: v.periodFrom || null,
  periodTo: v.periodTo || null,
  contactName: v.contactName,
  contactEmail: v.contactEmail,
  confidentiality: v.confidentiality,
});

export const offerValuesFrom = (o: OfferRow, providerKey: string): OfferFormValues => ({
  provider: providerKey,
  ...offerTermsOf(o),
  programmes: o.programmes.map((g) => (g.url ? `${g.name} | ${g.url}` : g.name)).join('\n'),
  capacity: o.capacity,
  periodFrom: o.period_from ?? '',
  periodTo: o.period_to ?? '',
  contactName: o.contact_name,
  contactEmail: o.contact_email,
  confidentiality: o.confidentiality,
  version: String(o.row_version),
});

export const OfferForm: FC<{
  m: Messages;
  action: string;
  cancel: string;
  values: OfferFormValues;
  problems: FieldProblem[];
  names: Names;
  /** A provider's own account: the provider is fixed. */
  fixedProvider: string | null;
  csrfToken: string;
}> = ({ m, action, cancel, values: v, problems, names, fixedProvider, csrfToken }) => {
  const err = (field: string) => errorIdOf(problems, field);
  const organizations = [...names.organizations].sort((a, b) => m.compare(a[1], b[1]));
  const states = [...names.states].sort((a, b) => m.compare(a[1], b[1]));
  return (
    <form method="post" action={action} class="record-form" novalidate>
      <ErrorSummary m={m} problems={problems} />
      <CsrfField token={csrfToken} />
      {v.version && <input type="hidden" name="version" value={v.version} />}
      {problems.some((p) => p.field === 'version') && (
        <p id="version-note" class="notice">
          {m.t('assistance.conflict')}
        </p>
      )}
      {fixedProvider ? (
        <div class="field" id="provider">
          <span class="label">{m.t('assistance.field.provider')}</span>
          <p>{providerName(names, fixedProvider)}</p>
          <FieldError problems={problems} field="provider" />
        </div>
      ) : (
        <Field id="provider" label={m.t('assistance.field.provider')} problems={problems} field="provider">
          <select
            id="provider"
            name="provider"
            required
            aria-invalid={err('provider') ? 'true' : undefined}
            aria-describedby={err('provider')}
          >
            <option value="">—</option>
            <optgroup label={m.t('assistance.offers.organizations')}>
              {organizations.map(([code, name]) => (
                <option value={`organization:${code}`} selected={v.provider === `organization:${code}`}>
                  {name}
                </option>
              ))}
            </optgroup>
            <optgroup label={m.t('assistance.offers.states')}>
              {states.map(([iso3, name]) => (
                <option value={`state:${iso3}`} selected={v.provider === `state:${iso3}`}>
                  {name}
                </option>
              ))}
            </optgroup>
          </select>
        </Field>
      )}
      <Field id="title" label={m.t('assistance.field.title')} problems={problems} field="title">
        <input
          id="title"
          name="title"
          required
          maxlength={300}
          value={v.title}
          aria-invalid={err('title') ? 'true' : undefined}
          aria-describedby={err('title')}
        />
      </Field>
      <Field id="description" label={m.t('assistance.field.description')} problems={problems} field="description">
        <textarea id="description" name="description" rows={4} maxlength={8000} aria-describedby={err('description')}>
          {v.description}
        </textarea>
      </Field>
      <CodeChecks m={m} dimension="area" name="areas" legend={m.t('assistance.field.areas')} checked={v.areas} problems={problems} />
      <CodeChecks
        m={m}
        dimension="weapon"
        name="weapons"
        legend={m.t('assistance.field.weapons')}
        checked={v.weapons}
        problems={problems}
      />
      <CodeChecks
        m={m}
        dimension="paragraph"
        name="paragraphs"
        legend={m.t('assistance.field.paragraphs')}
        checked={v.paragraphs}
        problems={problems}
      />
      <CodeChecks m={m} dimension="kind" name="kinds" legend={m.t('assistance.field.kinds')} checked={v.kinds} problems={problems} />
      <CodeChecks
        m={m}
        dimension="region"
        name="regions"
        legend={m.t('assistance.field.regions')}
        checked={v.regions}
        problems={problems}
        codes={regions}
      />
      <p class="help">{m.t('assistance.offers.regionsHelp')}</p>
      <CodeChecks
        m={m}
        dimension="language"
        name="languages"
        legend={m.t('assistance.offers.languages')}
        checked={v.languages}
        problems={problems}
      />
      <Field
        id="programmes"
        label={m.t('assistance.field.programmes')}
        help={m.t('assistance.offers.programmesHelp')}
        problems={problems}
        field="programmes"
      >
        <textarea
          id="programmes"
          name="programmes"
          rows={3}
          dir="ltr"
          aria-describedby={describedBy('programmes-help', err('programmes'))}
          aria-invalid={err('programmes') ? 'true' : undefined}
        >
          {v.programmes}
        </textarea>
      </Field>
      <Field id="capacity" label={m.t('assistance.field.capacity')} problems={problems} field="capacity">
        <input id="capacity" name="capacity" maxlength={500} value={v.capacity} aria-describedby={err('capacity')} />
      </Field>
      <Field id="periodFrom" label={m.t('assistance.field.periodFrom')} problems={problems} field="periodFrom">
        <input
          id="periodFrom"
          name="periodFrom"
          type="date"
          value={v.periodFrom}
          aria-invalid={err('periodFrom') ? 'true' : undefined}
          aria-describedby={err('periodFrom')}
        />
      </Field>
      <Field id="periodTo" label={m.t('assistance.field.periodTo')} problems={problems} field="periodTo">
        <input
          id="periodTo"
          name="periodTo"
          type="date"
          value={v.periodTo}
          aria-invalid={err('periodTo') ? 'true' : undefined}
          aria-describedby={err('periodTo')}
        />
      </Field>
      <Field id="contactName" label={m.t('assistance.field.contactName')} problems={problems} field="contactName">
        <input id="contactName" name="contactName" maxlength={200} value={v.contactName} aria-describedby={err('contactName')} />
      </Field>
      <Field id="contactEmail" label={m.t('assistance.field.contactEmail')} problems={problems} field="contactEmail">
        <input
          id="contactEmail"
          name="contactEmail"
          type="email"
          dir="ltr"
          maxlength={254}
          value={v.contactEmail}
          aria-invalid={err('contactEmail') ? 'true' : undefined}
          aria-describedby={err('contactEmail')}
        />
      </Field>
      <Field id="confidentiality" label={m.t('assistance.field.confidentiality')} problems={problems} field="confidentiality">
        <select id="confidentiality" name="confidentiality" aria-describedby={err('confidentiality')}>
          {(['public', 'committee'] as const).map((c) => (
            <option value={c} selected={v.confidentiality === c}>
              {m.t(`documents.level.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      <div class="actions">
        <button type="submit">{m.t('form.save')}</button>
        <a href={cancel}>{m.t('form.cancel')}</a>
      </div>
    </form>
  );
};
