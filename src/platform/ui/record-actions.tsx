import type { FC, PropsWithChildren } from 'hono/jsx';
import { CsrfField } from '../http/layout.tsx';
import type { Messages } from '../i18n/i18n.ts';

/**
 * What the reader may do with a record, below it: its history, then the feature's own actions
 * (`children`), editing (not while archived), archiving or restoring (with the version the reader
 * saw, where the record has one). Shown by the caller when there is at least one.
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
