import type { Child, FC, PropsWithChildren } from 'hono/jsx';
import type { FieldProblem } from '../errors.ts';
import type { Messages } from '../i18n/i18n.ts';

/** The problems of a form that was sent back (422), each naming its field. */
export const FieldErrors: FC<{ m: Messages; problems: FieldProblem[] }> = ({ m, problems }) =>
  problems.length ? (
    <div class="form-errors" role="alert">
      <p>{m.t('form.errors')}</p>
      <ul>
        {problems.map((p) => (
          <li>
            <code>{p.field}</code>: {p.problem}
          </li>
        ))}
      </ul>
    </div>
  ) : null;

/** A list's filters: a GET form in a search landmark, its fields, and the button. */
export const FilterForm: FC<PropsWithChildren<{ submit: string; label?: string; action?: string }>> = ({
  submit,
  label,
  action,
  children,
}) => (
  <search>
    <form method="get" class="filters" action={action} aria-label={label}>
      {children}
      <button type="submit">{submit}</button>
    </form>
  </search>
);

/** The words of a list's search. */
export const SearchField: FC<{ name?: string; label: string; value: string | null | undefined }> = ({ name = 'q', label, value }) => (
  <div class="field">
    <label for={name}>{label}</label>
    <input id={name} name={name} type="search" value={value ?? ''} autocomplete="off" />
  </div>
);

/** A choice among options, the first being "all" (an empty value); `id` when the name is not unique on its page. */
export const SelectField: FC<{
  name: string;
  id?: string;
  label: string;
  all: string;
  value: string | null | undefined;
  options: readonly { value: string; label: Child }[];
}> = ({ name, id = name, label, all, value, options }) => (
  <div class="field">
    <label for={id}>{label}</label>
    <select id={id} name={name}>
      <option value="">{all}</option>
      {options.map((o) => (
        <option value={o.value} selected={value === o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);
