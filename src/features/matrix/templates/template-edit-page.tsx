import { FieldErrors } from '../../../platform/ui/forms.tsx';
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../../platform/errors.ts';
import { CsrfField } from '../../../platform/http/layout.tsx';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import type { TemplateRow } from './templates.ts';

/** What the definition form shows: what was sent (kept on a refusal), its problems, a notice. */
export interface DefinitionFormState {
  text: string;
  rowVersion: number;
  problems: FieldProblem[];
  saved: boolean;
}

/**
 * For administrators on a template's page: the definition to download, and (while no matrix
 * uses the version) a form to replace it with an edited one, pasted or as a file.
 */
export const TemplateDefinitionEditor: FC<{ m: Messages; template: TemplateRow; state: DefinitionFormState; csrfToken: string }> = ({
  m,
  template: t,
  state,
  csrfToken,
}) => {
  const version = encodeURIComponent(t.version);
  return (
    <section aria-labelledby="definition-title" class="template-definition">
      <h2 id="definition-title">{m.t('convert.definitionTitle')}</h2>
      <p>
        <a href={`/api/v1/matrix/templates/${version}`} download={`template-${t.version}.json`} type="application/json">
          {m.t('convert.download')}
        </a>
      </p>
      {state.saved && (
        <p class="notice" role="status">
          {m.t('convert.saved')}
        </p>
      )}
      {!t.locked_at && (
        <form
          method="post"
          action={`/${m.locale}/matrix/templates/${version}/definition`}
          enctype="multipart/form-data"
          class="record-form"
          novalidate
        >
          <p class="help">{m.t('convert.definitionLead')}</p>
          <FieldErrors m={m} problems={state.problems} />
          <CsrfField token={csrfToken} />
          <input type="hidden" name="rowVersion" value={String(state.rowVersion)} />
          <div class="field">
            <label for="definition">{m.t('convert.definition')}</label>
            <textarea
              id="definition"
              name="definition"
              rows={12}
              dir="ltr"
              class="definition-json"
              spellcheck={false}
              aria-invalid={state.problems.length ? 'true' : undefined}
            >
              {state.text}
            </textarea>
          </div>
          <div class="field">
            <label for="definition-file">{m.t('convert.file')}</label>
            <input id="definition-file" type="file" name="file" accept="application/json,.json" />
          </div>
          <div class="actions">
            <button type="submit">{m.t('convert.save')}</button>
          </div>
        </form>
      )}
    </section>
  );
};
