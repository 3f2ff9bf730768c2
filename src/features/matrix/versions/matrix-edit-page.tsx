import { FieldErrors } from '../../../platform/ui/forms.tsx';
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../../platform/errors.ts';
import { CsrfField } from '../../../platform/http/layout.tsx';
import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import { pick } from '../../../platform/i18n/locales.ts';
import type { MatrixRow } from './matrices.ts';
import { sourceKinds } from './cells.ts';
import type { FormCell } from './matrix-form.ts';
import type { SectionLayout } from './matrix-layout.ts';
import { Disclaimer, optionLabel, SectionNav, statusLabel, valueClass } from './matrix-pages.tsx';
import { columnLabel } from '../templates/pages.tsx';
import { cellValues, type TemplateField } from '../templates/template.ts';
import type { TemplateRow } from '../templates/templates.ts';

export interface EditState {
  values: Map<string, FormCell>;
  problems: FieldProblem[];
  /** After a stale save: the value each conflicting field has now. */
  conflicts: Map<string, string>;
  notice: 'saved' | 'nothing' | null;
}

const FieldInputs: FC<{ m: Messages; f: TemplateField; cell: FormCell; problems: FieldProblem[]; now: string | undefined }> = ({
  m,
  f,
  cell,
  problems,
  now,
}) => {
  const id = (part: string) => `f-${f.code}-${part}`;
  const bad = (part: string) =>
    problems.some((p) => p.field === f.code || p.field === `${f.code}.${part}` || p.field.startsWith(`${f.code}.${part}[`))
      ? 'true'
      : undefined;
  const noteId = now === undefined ? undefined : id('now');
  return (
    <div class="cell-inputs">
      <input type="hidden" name={`expected.${f.code}`} value={String(cell.expected)} />
      <input type="hidden" name={`original.${f.code}`} value={cell.original} />
      {now !== undefined && (
        <p id={noteId} class="conflict-note">
          {m.t('matrix.savedMeanwhile')} <span class={valueClass(now)}>{now || m.t('matrix.blank')}</span>
        </p>
      )}
      <div class="field">
        <label for={id('value')}>{m.t('matrix.value')}</label>
        <select id={id('value')} name={`${f.code}.value`} aria-invalid={bad('value')} aria-describedby={noteId}>
          {cellValues.map((v) => (
            <option value={v} selected={cell.value === v}>
              {optionLabel(m, v)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={id('kind')}>{m.t('matrix.sourceKind')}</label>
        <select id={id('kind')} name={`${f.code}.source.kind`} aria-invalid={bad('sources')}>
          {sourceKinds.map((k) => (
            <option value={k} selected={cell.kind === k}>
              {m.t(`matrix.sourceKind.${k}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={id('citation')}>{m.t('matrix.citation')}</label>
        <input id={id('citation')} name={`${f.code}.source.citation`} value={cell.citation} aria-invalid={bad('sources')} />
      </div>
      <div class="field">
        <label for={id('locator')}>{m.t('matrix.locator')}</label>
        <input id={id('locator')} name={`${f.code}.source.locator`} value={cell.locator} />
      </div>
      <div class="field">
        <label for={id('url')}>{m.t('matrix.url')}</label>
        <input id={id('url')} name={`${f.code}.source.url`} type="url" dir="ltr" value={cell.url} aria-invalid={bad('sources')} />
      </div>
      <div class="field">
        <label for={id('infoDate')}>{m.t('matrix.infoDate')}</label>
        <input id={id('infoDate')} name={`${f.code}.infoDate`} type="date" value={cell.infoDate} aria-invalid={bad('infoDate')} />
      </div>
      <div class="field wide">
        <label for={id('remarks')}>{m.t('matrix.remarks')}</label>
        <textarea id={id('remarks')} name={`${f.code}.remarks`} rows={2} aria-invalid={bad('remarks')}>
          {cell.remarks}
        </textarea>
      </div>
    </div>
  );
};

export const MatrixEditForm: FC<{
  m: Messages;
  matrix: MatrixRow;
  template: TemplateRow;
  layout: SectionLayout;
  state: EditState;
  base: string;
  csrfToken: string;
}> = ({ m, matrix, template, layout, state, base, csrfToken }) => {
  const l = m.locale;
  const { problems, conflicts } = state;
  return (
    <>
      <Disclaimer m={m} demo={matrix.demo} />
      <p class="lead">
        {m.t('matrix.versionNumber', { count: matrix.number })} · {statusLabel(m, matrix.status)}. {m.t('matrix.editLead')}
      </p>
      <p class="actions">
        <a href={base}>{m.t('matrix.seeCurrent')}</a>
        <a href={`${base}/grid?section=${encodeURIComponent(layout.section.code)}`}>{m.t('grid.link')}</a>
      </p>
      <SectionNav
        m={m}
        template={template}
        href={(code) => `${base}/edit?section=${encodeURIComponent(code)}`}
        current={layout.section.code}
      />
      <h2 id="section-h">{pick(layout.section.labels, l)}</h2>
      {state.notice && (
        <p class="notice" role="status">
          {m.t(state.notice === 'saved' ? 'matrix.saved' : 'matrix.nothingChanged')}
        </p>
      )}
      <form
        method="post"
        action={`${base}/edit?section=${encodeURIComponent(layout.section.code)}`}
        class="matrix-form"
        novalidate
        aria-labelledby="section-h"
      >
        {conflicts.size > 0 ? (
          <div class="form-errors" role="alert">
            <p>{m.t('matrix.conflict')}</p>
            <ul>
              {problems.map((p) => (
                <li>
                  <code dir="ltr">{p.field}</code>: {p.problem}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <FieldErrors m={m} problems={problems} />
        )}
        <CsrfField token={csrfToken} />
        {layout.rows.map((r) => {
          const fields = layout.columns.map((c) => layout.fieldAt(r, c)).filter((f): f is TemplateField => !!f);
          return (
            <fieldset class="matrix-row">
              <legend>{pick(r.labels, l)}</legend>
              {fields.map((f) =>
                layout.single ? (
                  <FieldInputs m={m} f={f} cell={state.values.get(f.code)!} problems={problems} now={conflicts.get(f.code)} />
                ) : (
                  <fieldset class="matrix-cell">
                    <legend>{columnLabel(m, f)}</legend>
                    <FieldInputs m={m} f={f} cell={state.values.get(f.code)!} problems={problems} now={conflicts.get(f.code)} />
                  </fieldset>
                ),
              )}
            </fieldset>
          );
        })}
        <div class="actions matrix-save">
          <button type="submit">{m.t('form.save')}</button>
          <a href={base}>{m.t('form.cancel')}</a>
        </div>
      </form>
    </>
  );
};

/** For experts when no version is open: the way to start one. */
export const NoOpenVersion: FC<{ m: Messages; base: string; csrfToken: string }> = ({ m, base, csrfToken }) => (
  <>
    <p>{m.t('matrix.noOpenVersion')}</p>
    <form method="post" action={`${base}/drafts`} class="actions">
      <CsrfField token={csrfToken} />
      <button type="submit">{m.t('matrix.startDraft')}</button>
    </form>
    <p class="help">{m.t('matrix.startDraftHelp')}</p>
  </>
);
