import type { FC, PropsWithChildren } from 'hono/jsx';
import type { AppContextOf } from '../http/env.ts';
import { type FormBody, text } from '../http/forms.ts';
import { CsrfField } from '../http/layout.tsx';
import { render } from '../http/render.tsx';
import type { Messages } from '../i18n/i18n.ts';

/**
 * What the reader may do with a record, below it: its history, then the feature's own actions
 * (`children`), editing (not while archived), archiving or restoring (with the version the reader
 * saw, where the record has one). Shown by the caller when there is at least one. Archiving asks
 * for confirmation first (`confirmFirst` in the archive route).
 */
export const RecordActions: FC<
  PropsWithChildren<{
    m: Messages;
    /** The record's page: `/en/letters/{id}`. */
    base: string;
    archived: boolean;
    version?: number;
    csrfToken: string;
    actions: { history?: boolean; edit: boolean; archive: boolean };
  }>
> = ({ m, base, archived, version, csrfToken, actions, children }) => (
  <div class="actions">
    {actions.history && <a href={`${base}/history`}>{m.t('record.history')}</a>}
    {children}
    {actions.edit && !archived && <a href={`${base}/edit`}>{m.t('record.edit')}</a>}
    {actions.archive && (
      <form method="post" action={`${base}/${archived ? 'restore' : 'archive'}`} class="inline">
        <CsrfField token={csrfToken} />
        {version !== undefined && <input type="hidden" name="version" value={String(version)} />}
        <button type="submit" class="secondary">
          {archived ? m.t('record.restore') : m.t('record.archive')}
        </button>
      </form>
    )}
  </div>
);

/** Whether a destructive POST carries its confirmation: `confirm=yes`, sent by the confirmation page. */
export const isConfirmed = (body: FormBody): boolean => text(body, 'confirm') === 'yes';

export interface Confirmation {
  /** The page's title, a question naming the record: "Archive “Mali”?". */
  title: string;
  /** What will happen, and whether it can be undone. */
  consequence: string;
  /** The confirm button's label, the action's own word ("Archive", "Revoke"). */
  button: string;
  /** Where Cancel leads: the record's page, which the language switcher leads to in each language too. */
  cancel: string;
}

/**
 * The confirmation step of a destructive action (archive, revoke, withdraw, close…), without
 * JavaScript. The record's button posts its form as before; when the POST does not carry
 * `confirm=yes`, nothing is changed and this answers a page that names the record and says what
 * will happen, with a button that posts the same form again (its fields kept) with `confirm=yes`,
 * and Cancel back to the record. Returns null once confirmed: the route goes on and acts. The
 * page's address is the POST's, no page to switch language to: the language links lead to the
 * record's page in each language.
 */
export async function confirmFirst(c: AppContextOf, body: FormBody, p: Confirmation): Promise<Response | null> {
  if (isConfirmed(body)) return null;
  const m = c.get('m');
  const kept = Object.entries(body).flatMap(([name, value]) =>
    name === '_csrf' || name === 'confirm'
      ? []
      : (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string').map((v) => [name, v]),
  );
  const url = new URL(c.req.url);
  return render(
    c,
    { title: p.title, page: p.cancel },
    <form method="post" action={`${url.pathname}${url.search}`} class="record-form narrow confirmation">
      <CsrfField token={c.get('csrfToken')} />
      {kept.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="confirm" value="yes" />
      <p>{p.consequence}</p>
      <p class="notice" role="status">
        {m.t('confirm.notYet')}
      </p>
      <p class="actions">
        <button type="submit">{p.button}</button> <a href={p.cancel}>{m.t('form.cancel')}</a>
      </p>
    </form>,
  );
}
