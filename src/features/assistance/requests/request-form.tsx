// The request form (the Committee's template): the request's fields and its items as fieldsets.
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../../platform/errors.ts';
import { CsrfField } from '../../../platform/http/layout.tsx';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import { Check, CodeChecks, ConflictNote, describedBy, ErrorSummary, errorIdOf, Field, FieldError, fieldId } from '../form-parts.tsx';
import { channelLabel, type Names, priorityLabel } from '../labels.ts';
import { channels, priorities } from '../schema.ts';
import { areas, helpKinds, helpLanguages, paragraphs, weaponTypes } from '../taxonomy.ts';
import type { ItemValues, RequestFormValues } from './request-values.ts';

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
      <ConflictNote m={m} problems={problems} />
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
