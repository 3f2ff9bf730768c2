import type { FC } from 'hono/jsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { sortByName } from '../../platform/i18n/names-order.ts';
import { RecordActions } from '../../platform/ui/record-actions.tsx';
import { sourceLabel } from '../reports/index.ts';
import { concernHref, concernText, kindLabel, levelLabel, type Names, recipientsText, senderText, stateName } from './labels.ts';
import type { LetterView } from './present.ts';
import type { LetterDocument, LetterRow } from './queries.ts';

const Sender: FC<{ m: Messages; l: LetterRow; names: Names }> = ({ m, l, names }) => {
  if (l.sender_kind === 'state' && l.sender_state_iso3)
    return <a href={`/${m.locale}/states/${l.sender_state_iso3}`}>{stateName(names, l.sender_state_iso3)}</a>;
  if (l.sender_kind === 'organization' && l.sender_organization_code)
    return <a href={`/${m.locale}/organizations/${l.sender_organization_code}`}>{senderText(m, l, names)}</a>;
  return <>{senderText(m, l, names)}</>;
};

const LetterLink: FC<{ m: Messages; l: LetterRow; names: Names }> = ({ m, l, names }) => (
  <>
    <a href={`/${m.locale}/letters/${l.id}`}>{l.subject}</a> ({kindLabel(m, l.kind)}, {senderText(m, l, names)},{' '}
    <time datetime={l.sent_on}>{m.date(l.sent_on, 'medium')}</time>)
  </>
);

/** A letter: its facts, summary, what it concerns, its replies and documents, and what the reader may do. */
export const LetterDetail: FC<{
  m: Messages;
  view: LetterView;
  names: Names;
  original: LetterRow | undefined;
  replies: LetterRow[];
  documents: LetterDocument[];
  actions: { edit: boolean; archive: boolean; history: boolean; reply: boolean };
  csrfToken: string;
}> = ({ m, view, names, original, replies, documents, actions, csrfToken }) => {
  const { letter: l, recipients, concerns } = view;
  const base = `/${m.locale}/letters/${l.id}`;
  return (
    <>
      {l.archived_at && (
        <p class="notice" role="status">
          {m.t('record.archived', { date: m.date(l.archived_at) })}
        </p>
      )}
      <dl class="facts">
        <dt>{m.t('letters.kind')}</dt>
        <dd>{kindLabel(m, l.kind)}</dd>
        <dt>{m.t('letters.sentOn')}</dt>
        <dd>
          <time datetime={l.sent_on}>{m.date(l.sent_on)}</time>
        </dd>
        {l.reference && (
          <>
            <dt>{m.t('letters.reference')}</dt>
            <dd dir="ltr">{l.reference}</dd>
          </>
        )}
        <dt>{m.t('letters.sender')}</dt>
        <dd>
          <Sender m={m} l={l} names={names} />
        </dd>
        <dt>{m.t('letters.recipients')}</dt>
        <dd>
          {l.recipients_mode === 'state' && recipients[0] ? (
            <a href={`/${m.locale}/states/${recipients[0]}`}>{stateName(names, recipients[0])}</a>
          ) : l.recipients_mode === 'non-reporting' ? (
            <p>{m.t('letters.nonReportingAsAt', { date: m.date(l.sent_on), count: recipients.length })}</p>
          ) : (
            <p>{recipientsText(m, l, recipients, names)}</p>
          )}
          {recipients.length > 1 && (
            <ul class="columns">
              {sortByName(recipients, (s) => stateName(names, s), m.locale).map((s) => (
                <li>
                  <a href={`/${m.locale}/states/${s}`}>{stateName(names, s)}</a>
                </li>
              ))}
            </ul>
          )}
        </dd>
        {original && (
          <>
            <dt>{m.t('letters.inReplyTo')}</dt>
            <dd>
              <LetterLink m={m} l={original} names={names} />
            </dd>
          </>
        )}
        <dt>{m.t('letters.confidentiality')}</dt>
        <dd>{levelLabel(m, l.confidentiality)}</dd>
        <dt>{m.t('letters.source')}</dt>
        <dd>{sourceLabel(m, l.source)}</dd>
      </dl>
      {l.summary && (
        <>
          <h2>{m.t('letters.summary')}</h2>
          {l.summary
            .split(/\n+/)
            .filter((line) => line.trim())
            .map((line) => (
              <p class="letter-summary">{line}</p>
            ))}
        </>
      )}
      {concerns.length > 0 && (
        <>
          <h2>{m.t('letters.concerns')}</h2>
          <ul>
            {concerns.map((c) => {
              const href = concernHref(m, c);
              const text = concernText(m, c, names);
              return <li>{href ? <a href={href}>{text}</a> : text}</li>;
            })}
          </ul>
        </>
      )}
      {replies.length > 0 && (
        <>
          <h2>{m.t('letters.replies')}</h2>
          <ul>
            {replies.map((r) => (
              <li>
                <LetterLink m={m} l={r} names={names} />
              </li>
            ))}
          </ul>
        </>
      )}
      {documents.length > 0 && (
        <>
          <h2>{m.t('letters.documents')}</h2>
          <ul>
            {documents.map((d) => (
              <li>
                <a href={`/${m.locale}/documents/${d.id}`} lang={d.language}>
                  {d.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="help">{m.t('letters.linkHint', { id: l.id })}</p>
      {(actions.edit || actions.archive || actions.history || actions.reply) && (
        <RecordActions m={m} base={base} archived={l.archived_at !== null} version={l.row_version} csrfToken={csrfToken} actions={actions}>
          {actions.reply && !l.archived_at && <a href={`/${m.locale}/letters/new?inReplyTo=${l.id}`}>{m.t('letters.recordReply')}</a>}
        </RecordActions>
      )}
    </>
  );
};
