import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField } from '../../platform/http/layout.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { FieldErrors } from '../../platform/ui/forms.tsx';

/** One field of a record's form. */
export interface Field {
  name: string;
  label: string;
  type?: 'text' | 'date' | 'number' | 'textarea' | 'select';
  options?: readonly { value: string; label: string }[];
  help?: string;
  dir?: 'ltr';
  required?: boolean;
}

/** A record's form, posted without JavaScript; a refused one comes back with its values and problems. */
export const RecordForm: FC<{
  m: Messages;
  action: string;
  cancel: string;
  fields: readonly Field[];
  values: Record<string, string>;
  problems: FieldProblem[];
  csrfToken: string;
}> = ({ m, action, cancel, fields, values, problems, csrfToken }) => (
  <form method="post" action={action} class="record-form" novalidate>
    <FieldErrors m={m} problems={problems} />
    <CsrfField token={csrfToken} />
    {values.version && <input type="hidden" name="version" value={values.version} />}
    {fields.map((f) => {
      const invalid = problems.some((p) => p.field === f.name || p.field.startsWith(`${f.name}[`) || p.field.startsWith(`${f.name}.`))
        ? 'true'
        : undefined;
      const help = f.help ? `${f.name}-help` : undefined;
      const value = values[f.name] ?? '';
      return (
        <div class="field">
          <label for={f.name}>{f.label}</label>
          {f.type === 'textarea' ? (
            <textarea id={f.name} name={f.name} rows={4} aria-invalid={invalid} aria-describedby={help} dir={f.dir}>
              {value}
            </textarea>
          ) : f.type === 'select' ? (
            <select id={f.name} name={f.name} aria-invalid={invalid} aria-describedby={help}>
              {(f.options ?? []).map((o) => (
                <option value={o.value} selected={value === o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={f.name}
              name={f.name}
              type={f.type ?? 'text'}
              value={value}
              required={f.required}
              aria-invalid={invalid}
              aria-describedby={help}
              dir={f.dir}
            />
          )}
          {f.help && (
            <p class="help" id={help}>
              {f.help}
            </p>
          )}
        </div>
      );
    })}
    <div class="actions">
      <button type="submit">{m.t('meetings.save')}</button>
      <a href={cancel}>{m.t('meetings.cancel')}</a>
    </div>
  </form>
);
