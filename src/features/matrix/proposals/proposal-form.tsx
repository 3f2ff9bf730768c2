import { valueClass } from '../versions/matrix-pages.tsx';
import { FieldErrors } from '../../../platform/ui/forms.tsx';
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../../platform/errors.ts';
import { CsrfField } from '../../../platform/http/layout.tsx';
import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import { pick } from '../../../platform/i18n/locales.ts';
import type { CellRow, MatrixRow } from '../versions/matrices.ts';
import { sourceKinds } from '../versions/cells.ts';
import { Disclaimer, Evidence, fieldLabeller, optionLabel, statusLabel } from '../versions/matrix-pages.tsx';
import { cellValues } from '../templates/template.ts';
import type { TemplateRow } from '../templates/templates.ts';

/* The form of a new comment or proposal on a field of the version with the State. */

/** A value as the matrix shows it: X, ?, NA or "Blank". */
export const ValueBadge: FC<{ m: Messages; v: string }> = ({ m, v }) => <span class={valueClass(v)}>{v || m.t('matrix.blank')}</span>;

export interface ProposalFormValues {
  field: string;
  kind: string;
  comment: string;
  value: string;
  sourceKind: string;
  citation: string;
  locator: string;
  url: string;
  language: string;
  infoDate: string;
}

export const emptyProposalForm = (field = ''): ProposalFormValues => ({
  field,
  kind: 'proposal',
  comment: '',
  value: 'X',
  sourceKind: 'law',
  citation: '',
  locator: '',
  url: '',
  language: '',
  infoDate: '',
});

export const ProposalForm: FC<{
  m: Messages;
  matrix: MatrixRow;
  template: TemplateRow;
  current: CellRow | undefined;
  values: ProposalFormValues;
  problems: FieldProblem[];
  base: string;
  csrfToken: string;
}> = ({ m, matrix, template, current, values, problems, base, csrfToken }) => {
  const l = m.locale;
  const label = fieldLabeller(m, [template]);
  const rows = new Map(template.definition.rows.map((r) => [r.code, r]));
  const bad = (part: 'field' | 'comment' | 'value' | 'sources' | 'infoDate') =>
    problems.some((p) =>
      part === 'field' || part === 'comment'
        ? p.field === part
        : p.field === `${values.field}.${part}` || p.field.startsWith(`${values.field}.${part}[`),
    )
      ? 'true'
      : undefined;
  return (
    <>
      <Disclaimer m={m} demo={matrix.demo} />
      <p class="lead">
        {m.t('matrix.versionNumber', { count: matrix.number })} · {statusLabel(m, matrix.status)}. {m.t('proposal.formLead')}
      </p>
      <p class="actions">
        <a href={`${base}/proposals`}>{m.t('proposal.backToList')}</a>
        <a href={base}>{m.t('proposal.backToMatrix')}</a>
      </p>
      {template.definition.fields.some((f) => f.code === values.field) && (
        <section aria-labelledby="now-h" class="proposal-now">
          <h2 id="now-h">{m.t('proposal.currentOf', { name: label(values.field) })}</h2>
          <p>
            <ValueBadge m={m} v={current?.value ?? ''} />
          </p>
          {current && (
            <Evidence
              m={m}
              cell={{
                value: current.value,
                remarks: current.remarks,
                sources: current.sources,
                infoDate: current.info_date,
                instrumentStatus: current.instrument_status,
                instrumentDate: current.instrument_date,
              }}
            />
          )}
        </section>
      )}
      <form method="post" action={`${base}/proposals/new`} class="record-form" novalidate>
        <FieldErrors m={m} problems={problems} />
        <CsrfField token={csrfToken} />
        <div class="field">
          <label for="field">{m.t('matrix.field')}</label>
          <select id="field" name="field" aria-invalid={bad('field')}>
            <option value="">{m.t('proposal.chooseField')}</option>
            {template.definition.sections.map((s) => (
              <optgroup label={pick(s.labels, l)}>
                {template.definition.fields
                  .filter((f) => rows.get(f.row)?.section === s.code)
                  .map((f) => (
                    <option value={f.code} selected={values.field === f.code}>
                      {label(f.code)}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{m.t('proposal.kind')}</legend>
          {(['proposal', 'comment'] as const).map((k) => (
            <div class="check">
              <input type="radio" id={`kind-${k}`} name="kind" value={k} checked={values.kind === k} />
              <label for={`kind-${k}`}>{m.t(`proposal.kindChoice.${k}` as MessageKey)}</label>
            </div>
          ))}
        </fieldset>
        <div class="field">
          <label for="comment">{m.t('proposal.comment')}</label>
          <textarea id="comment" name="comment" rows={4} aria-invalid={bad('comment')} aria-describedby="comment-help">
            {values.comment}
          </textarea>
          <p id="comment-help" class="help">
            {m.t('proposal.commentHelp')}
          </p>
        </div>
        <fieldset>
          <legend>{m.t('proposal.proposed')}</legend>
          <p class="help">{m.t('proposal.valueHelp')}</p>
          <div class="field">
            <label for="value">{m.t('matrix.value')}</label>
            <select id="value" name="value" aria-invalid={bad('value')}>
              {cellValues.map((v) => (
                <option value={v} selected={values.value === v}>
                  {optionLabel(m, v)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="sourceKind">{m.t('matrix.sourceKind')}</label>
            <select id="sourceKind" name="sourceKind" aria-invalid={bad('sources')}>
              {sourceKinds.map((k) => (
                <option value={k} selected={values.sourceKind === k}>
                  {m.t(`matrix.sourceKind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="citation">{m.t('matrix.citation')}</label>
            <input id="citation" name="citation" value={values.citation} maxlength={1000} aria-invalid={bad('sources')} />
          </div>
          <div class="field">
            <label for="locator">{m.t('matrix.locator')}</label>
            <input id="locator" name="locator" value={values.locator} maxlength={200} />
          </div>
          <div class="field">
            <label for="url">{m.t('matrix.url')}</label>
            <input id="url" name="url" type="url" dir="ltr" value={values.url} maxlength={2000} aria-invalid={bad('sources')} />
          </div>
          <div class="field">
            <label for="language">{m.t('proposal.language')}</label>
            <input
              id="language"
              name="language"
              dir="ltr"
              value={values.language}
              maxlength={35}
              autocomplete="off"
              aria-invalid={bad('sources')}
            />
          </div>
          <div class="field">
            <label for="infoDate">{m.t('matrix.infoDate')}</label>
            <input id="infoDate" name="infoDate" type="date" value={values.infoDate} aria-invalid={bad('infoDate')} />
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit">{m.t('proposal.submit')}</button>
          <a href={`${base}/proposals`}>{m.t('form.cancel')}</a>
        </div>
      </form>
    </>
  );
};
