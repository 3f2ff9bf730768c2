// The forms of a request's page that move its procedure: the Committee side's next step (with only
// the actions the procedure allows now), the requesting State's own steps, and a provider's response.
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../../platform/errors.ts';
import { CsrfField } from '../../../platform/http/layout.tsx';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import { ConflictNote, ErrorSummary, errorIdOf, FieldError } from '../form-parts.tsx';
import { actionLabel, type Names, providerName } from '../labels.ts';
import type { RequestAction } from '../procedure/procedure.ts';
import type { ItemRow, RequestRow } from '../queries.ts';
import type { StepValues } from './request-page.tsx';

const short = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export const Version: FC<{ r: { row_version: number } }> = ({ r }) => <input type="hidden" name="version" value={String(r.row_version)} />;

export const StepForm: FC<{
  m: Messages;
  base: string;
  r: RequestRow;
  actions: RequestAction[];
  values: StepValues;
  problems: FieldProblem[];
  names: Names;
  today: string;
  csrfToken: string;
}> = ({ m, base, r, actions, values, problems, names, today, csrfToken }) => {
  const p = 'step-';
  const err = (field: string) => errorIdOf(problems, field, p);
  const organizations = [...names.organizations].sort((a, b) => m.compare(a[1], b[1]));
  return (
    <form method="post" action={`${base}/steps`} class="record-form" id="step-form" novalidate>
      <h3>{m.t('assistance.step.title')}</h3>
      <ErrorSummary m={m} problems={problems} prefix={p} />
      <ConflictNote m={m} problems={problems} prefix={p} />
      <CsrfField token={csrfToken} />
      <Version r={r} />
      <div class="field">
        <label for="step-action">{m.t('assistance.field.action')}</label>
        <select id="step-action" name="action" aria-describedby={err('action')} aria-invalid={err('action') ? 'true' : undefined}>
          {actions.map((a) => (
            <option value={a} selected={values.action === a}>
              {actionLabel(m, a)}
            </option>
          ))}
        </select>
        <FieldError problems={problems} field="action" prefix={p} />
      </div>
      <div class="field">
        <label for="step-on">{m.t('assistance.field.on')}</label>
        <input
          id="step-on"
          name="on"
          type="date"
          required
          max={today}
          value={values.on || today}
          aria-describedby={err('on')}
          aria-invalid={err('on') ? 'true' : undefined}
        />
        <FieldError problems={problems} field="on" prefix={p} />
      </div>
      <div class="field">
        <label for="step-note">{m.t('assistance.field.note')}</label>
        <textarea id="step-note" name="note" rows={2} maxlength={4000} aria-describedby={err('note')}>
          {values.note}
        </textarea>
        <FieldError problems={problems} field="note" prefix={p} />
      </div>
      {actions.includes('circulate') && (
        <fieldset id="step-providers" aria-describedby={['step-providers-help', err('providers')].filter(Boolean).join(' ')}>
          <legend>{m.t('assistance.step.providers')}</legend>
          <p class="help" id="step-providers-help">
            {m.t('assistance.step.providersHelp')}
          </p>
          <FieldError problems={problems} field="providers" prefix={p} />
          <div class="columns">
            {organizations.map(([code, name]) => (
              <div class="check">
                <input
                  type="checkbox"
                  id={`step-provider-${code}`}
                  name="providers"
                  value={`organization:${code}`}
                  checked={values.providers.includes(`organization:${code}`)}
                />
                <label for={`step-provider-${code}`}>{name}</label>
              </div>
            ))}
          </div>
          <div class="field">
            <label for="step-providerStates">{m.t('assistance.step.providerStates')}</label>
            <input
              id="step-providerStates"
              name="providerStates"
              dir="ltr"
              value={values.providerStates}
              aria-describedby="step-providerStates-help"
            />
            <p class="help" id="step-providerStates-help">
              {m.t('assistance.step.providerStatesHelp')}
            </p>
          </div>
        </fieldset>
      )}
      <button type="submit">{m.t('assistance.step.submit')}</button>
    </form>
  );
};

export const StateStepForms: FC<{
  m: Messages;
  base: string;
  r: RequestRow;
  actions: RequestAction[];
  today: string;
  problems: FieldProblem[];
  csrfToken: string;
}> = ({ m, base, r, actions, today, problems, csrfToken }) => (
  <>
    <ErrorSummary m={m} problems={problems} prefix="state-" />
    <ConflictNote m={m} problems={problems} prefix="state-" />
    <div class="actions">
      {actions.map((a) => (
        <form method="post" action={`${base}/steps`} class="inline">
          <CsrfField token={csrfToken} />
          <Version r={r} />
          <input type="hidden" name="action" value={a} />
          <input type="hidden" name="on" value={today} />
          <input type="hidden" name="from" value="state" />
          <button type="submit" class={a === 'withdraw' ? 'secondary' : undefined}>
            {m.t(`assistance.state.${a as 'withdraw' | 'object' | 'lift-objection'}`)}
          </button>
        </form>
      ))}
    </div>
  </>
);

export const ResponseForm: FC<{
  m: Messages;
  base: string;
  items: ItemRow[];
  names: Names;
  respond: { providers: string[]; fixed: boolean };
  problems: FieldProblem[];
  today: string;
  csrfToken: string;
}> = ({ m, base, items, names, respond, problems, today, csrfToken }) => {
  const p = 'response-';
  const err = (field: string) => errorIdOf(problems, field, p);
  return (
    <form method="post" action={`${base}/responses`} class="record-form" id="response-form" novalidate>
      <h3>{m.t('assistance.response.title')}</h3>
      <ErrorSummary m={m} problems={problems} prefix={p} />
      <CsrfField token={csrfToken} />
      {respond.fixed ? (
        <p>{m.t('assistance.response.as', { provider: providerName(names, respond.providers[0] ?? '') })}</p>
      ) : (
        <div class="field">
          <label for="response-provider">{m.t('assistance.field.provider')}</label>
          <select
            id="response-provider"
            name="provider"
            aria-describedby={err('provider')}
            aria-invalid={err('provider') ? 'true' : undefined}
          >
            {respond.providers.map((k) => (
              <option value={k}>{providerName(names, k)}</option>
            ))}
          </select>
          <FieldError problems={problems} field="provider" prefix={p} />
        </div>
      )}
      <fieldset id="response-itemIds" aria-describedby={err('itemIds')}>
        <legend>{m.t('assistance.field.itemIds')}</legend>
        <FieldError problems={problems} field="itemIds" prefix={p} />
        {items.map((i) => (
          <div class="check">
            <input type="checkbox" id={`response-item-${i.id}`} name="itemIds" value={i.id} />
            <label for={`response-item-${i.id}`}>
              {m.t('assistance.form.item', { n: i.position })}: {short(i.description)}
            </label>
          </div>
        ))}
      </fieldset>
      <div class="field">
        <label for="response-respondedOn">{m.t('assistance.field.respondedOn')}</label>
        <input
          id="response-respondedOn"
          name="respondedOn"
          type="date"
          max={today}
          value={today}
          aria-describedby={err('respondedOn')}
          aria-invalid={err('respondedOn') ? 'true' : undefined}
        />
        <FieldError problems={problems} field="respondedOn" prefix={p} />
      </div>
      <div class="field">
        <label for="response-text">{m.t('assistance.field.responseText')}</label>
        <textarea id="response-text" name="text" rows={4} maxlength={8000} aria-describedby={err('text')} />
        <FieldError problems={problems} field="text" prefix={p} />
      </div>
      <button type="submit">{m.t('assistance.response.submit')}</button>
    </form>
  );
};
