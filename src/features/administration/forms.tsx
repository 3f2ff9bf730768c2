import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { RecordForm } from '../reports/index.ts';

// The forms of administration's records, new and edit, drawn from a list of fields: each field marked when a problem names it.

export interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'date' | 'select';
  options?: readonly { value: string; label: string }[];
  help?: string;
  required?: boolean;
  /** A select that may be left empty. */
  optional?: boolean;
}

export type FormValues = Record<string, string>;

export interface SpecFormProps {
  m: Messages;
  action: string;
  cancel: string;
  values: FormValues;
  problems: FieldProblem[];
  csrfToken: string;
  fields: readonly FieldSpec[];
}

const invalidIf = (problems: FieldProblem[], field: string) =>
  problems.some((p) => p.field === field || p.field.startsWith(`${field}[`) || p.field.startsWith(`${field}.`)) ? 'true' : undefined;

const Control: FC<{ m: Messages; f: FieldSpec; value: string; problems: FieldProblem[] }> = ({ m, f, value, problems }) => {
  const common = {
    id: f.name,
    name: f.name,
    'aria-invalid': invalidIf(problems, f.name),
    'aria-describedby': f.help ? `${f.name}-help` : undefined,
    required: f.required,
  };
  if (f.type === 'textarea')
    return (
      <textarea {...common} rows={4}>
        {value}
      </textarea>
    );
  if (f.type === 'select')
    return (
      <select {...common}>
        {(f.optional || !value) && <option value="">{m.t('administration.choose')}</option>}
        {(f.options ?? []).map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  return <input {...common} type={f.type} value={value} />;
};

export const SpecForm: FC<SpecFormProps> = ({ m, action, cancel, values, problems, csrfToken, fields }) => (
  <RecordForm m={m} action={action} cancel={cancel} version={values.version || undefined} problems={problems} csrfToken={csrfToken}>
    {fields.map((f) => (
      <div class="field">
        <label for={f.name}>{f.label}</label>
        <Control m={m} f={f} value={values[f.name] ?? ''} problems={problems} />
        {f.help && (
          <p class="help" id={`${f.name}-help`}>
            {f.help}
          </p>
        )}
      </div>
    ))}
  </RecordForm>
);
