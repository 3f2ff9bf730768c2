import type { FC } from 'hono/jsx';
import type { Messages } from '../i18n/i18n.ts';
import { type AuditRow, changedFields } from '../audit/history.ts';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.join(', ');
  return JSON.stringify(value);
}

export function actionLabel(m: Messages, action: string): string {
  const key = `action.${action}`;
  return m.has(key) ? m.t(key) : action;
}

export function recordTypeLabel(m: Messages, type: string): string {
  const key = `recordType.${type}`;
  return m.has(key) ? m.t(key) : type;
}

/** How a record is named in a feed: accounts by e-mail, tokens by name, others by their key. */
export function recordName(e: AuditRow): string {
  const snapshot = (e.after ?? e.before ?? {}) as Record<string, unknown>;
  if (e.record_type === 'user' && typeof snapshot.email === 'string') return snapshot.email;
  if (e.record_type === 'api-token' && typeof snapshot.name === 'string') return snapshot.name;
  return e.record_id;
}

/** One change: when, who, what, and each field from → to. */
export const ChangeEntry: FC<{ m: Messages; event: AuditRow; showRecord?: boolean }> = ({ m, event: e, showRecord }) => {
  const fields = changedFields(e.before, e.after);
  return (
    <li class="change">
      <p class="change-head">
        <time datetime={e.at.toISOString()}>{m.dateTime(e.at)}</time> · <strong>{e.actor_label}</strong> · {actionLabel(m, e.action)}
        {showRecord && (
          <>
            {' · '}
            {recordTypeLabel(m, e.record_type)} <code>{recordName(e)}</code>
          </>
        )}
      </p>
      {e.action !== 'create' && fields.length > 0 && (
        <table class="diff">
          <thead>
            <tr>
              <th scope="col">{m.t('history.field')}</th>
              <th scope="col">{m.t('history.before')}</th>
              <th scope="col">{m.t('history.after')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr>
                <th scope="row">
                  <code>{f.field}</code>
                </th>
                <td>
                  <del>{show(f.from)}</del>
                </td>
                <td>
                  <ins>{show(f.to)}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
};

export const HistoryList: FC<{ m: Messages; events: AuditRow[]; back: string }> = ({ m, events, back }) => (
  <>
    <p>
      <a href={back}>{m.t('history.back')}</a>
    </p>
    {events.length ? (
      <ol class="changes" reversed>
        {events.map((e) => (
          <ChangeEntry m={m} event={e} />
        ))}
      </ol>
    ) : (
      <p>{m.t('history.none')}</p>
    )}
  </>
);
