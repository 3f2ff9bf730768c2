// The offer form: its values as typed, the offer's input made from them, and the form itself.
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../../platform/errors.ts';
import { type FormBody, text, texts } from '../../../platform/http/forms.ts';
import { CsrfField } from '../../../platform/http/layout.tsx';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import { CodeChecks, ConflictNote, describedBy, ErrorSummary, errorIdOf, Field, FieldError } from '../form-parts.tsx';
import { type Names, providerName } from '../labels.ts';
import type { OfferRow } from '../queries.ts';
import { regions } from '../taxonomy.ts';
import { type OfferInput, offerInputOf } from './inputs.ts';

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

export const offerFormInput = (v: OfferFormValues): OfferInput => ({
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

export function offerValuesFrom(o: OfferRow): OfferFormValues {
  const input = offerInputOf(o);
  return {
    ...input,
    programmes: input.programmes.map((g) => (g.url ? `${g.name} | ${g.url}` : g.name)).join('\n'),
    periodFrom: input.periodFrom ?? '',
    periodTo: input.periodTo ?? '',
    version: String(o.row_version),
  };
}

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
      <ConflictNote m={m} problems={problems} />
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
