import { TableRegion } from '../../platform/ui/tables.tsx';
import { FieldErrors } from '../../platform/ui/forms.tsx';
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField } from '../../platform/http/layout.tsx';
import type { Messages, MessageKey } from '../../platform/i18n/i18n.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { sourceLabel } from '../reports/index.ts';
import type { ConcernView, LetterDocument, LetterRow } from './queries.ts';
import { concernTypes, letterKinds, recipientsModes, senderKinds } from './schema.ts';

/** Names of States and organizations in the reader's language. */
export interface Names {
  states: Map<string, string>;
  organizations: Map<string, string>;
}

export const kindLabel = (m: Messages, kind: string) => m.t(`letters.kind.${kind}` as MessageKey);
const modeLabel = (m: Messages, mode: string) => m.t(`letters.mode.${mode}` as MessageKey);
const senderKindLabel = (m: Messages, kind: string) => m.t(`letters.senderKind.${kind}` as MessageKey);
const levelLabel = (m: Messages, level: string) => m.t(`documents.level.${level}` as MessageKey);
const stateName = (names: Names, iso3: string) => names.states.get(iso3) ?? iso3;

/** The sender as text: "The Chair of the Committee", a State's or an organization's name. */
export function senderText(m: Messages, l: LetterRow, names: Names): string {
  if (l.sender_kind === 'state' && l.sender_state_iso3) return stateName(names, l.sender_state_iso3);
  if (l.sender_kind === 'organization' && l.sender_organization_code)
    return names.organizations.get(l.sender_organization_code) ?? l.sender_organization_code;
  return senderKindLabel(m, l.sender_kind);
}

/** The recipients in a few words: a State's name, "3 States", "All non-reporting States (12)", … */
export function recipientsText(m: Messages, l: LetterRow, recipients: string[], names: Names): string {
  switch (l.recipients_mode) {
    case 'state':
      return recipients[0] ? stateName(names, recipients[0]) : modeLabel(m, 'state');
    case 'list':
      return recipients.length <= 3
        ? m.list(recipients.map((s) => stateName(names, s)))
        : m.t('letters.statesCount', { count: recipients.length });
    case 'non-reporting':
      return `${modeLabel(m, 'non-reporting')} (${m.number(recipients.length)})`;
    case 'other':
      return l.recipient_other;
    default:
      return modeLabel(m, l.recipients_mode);
  }
}

const Sender: FC<{ m: Messages; l: LetterRow; names: Names }> = ({ m, l, names }) => {
  if (l.sender_kind === 'state' && l.sender_state_iso3)
    return <a href={`/${m.locale}/states/${l.sender_state_iso3}`}>{stateName(names, l.sender_state_iso3)}</a>;
  if (l.sender_kind === 'organization' && l.sender_organization_code)
    return <a href={`/${m.locale}/organizations/${l.sender_organization_code}`}>{senderText(m, l, names)}</a>;
  return <>{senderText(m, l, names)}</>;
};

export interface ListFilters {
  state: string;
  year: string;
  kind: string;
}

export const LetterList: FC<{
  m: Messages;
  rows: LetterRow[];
  total: number;
  recipients: Map<string, string[]>;
  names: Names;
  filters: ListFilters;
  years: number[];
  csvHref: string;
  pages: { previous: string | null; next: string | null };
  mayCreate: boolean;
}> = ({ m, rows, total, recipients, names, filters, years, csvHref, pages, mayCreate }) => {
  const states = [...names.states].sort((a, b) => m.compare(a[1], b[1]));
  return (
    <>
      {mayCreate && (
        <p>
          <a href={`/${m.locale}/letters/new`}>{m.t('letters.new')}</a>
        </p>
      )}
      <search>
        <form method="get" class="filters">
          <div class="field">
            <label for="letters-state">{m.t('letters.state')}</label>
            <select id="letters-state" name="state">
              <option value="">{m.t('letters.allStates')}</option>
              {states.map(([iso3, name]) => (
                <option value={iso3} selected={filters.state === iso3}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="letters-year">{m.t('letters.year')}</label>
            <select id="letters-year" name="year">
              <option value="">{m.t('letters.allYears')}</option>
              {years.map((y) => (
                <option value={String(y)} selected={filters.year === String(y)}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="letters-kind">{m.t('letters.kind')}</label>
            <select id="letters-kind" name="kind">
              <option value="">{m.t('letters.allKinds')}</option>
              {letterKinds.map((k) => (
                <option value={k} selected={filters.kind === k}>
                  {kindLabel(m, k)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{m.t('letters.filter')}</button>
        </form>
      </search>
      <p role="status" class="count">
        {m.t('letters.count', { count: total })} · <a href={csvHref}>{m.t('letters.csv')}</a>
      </p>
      {rows.length ? (
        <TableRegion labelledBy="letters-caption">
          <table class="list">
            <caption id="letters-caption" class="visually-hidden">
              {m.t('letters.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{m.t('letters.sentOn')}</th>
                <th scope="col">{m.t('letters.kind')}</th>
                <th scope="col">{m.t('letters.sender')}</th>
                <th scope="col">{m.t('letters.recipients')}</th>
                <th scope="col">{m.t('letters.subject')}</th>
                <th scope="col">{m.t('letters.reference')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr>
                  <td>
                    <time datetime={l.sent_on}>{m.date(l.sent_on, 'medium')}</time>
                  </td>
                  <td>{kindLabel(m, l.kind)}</td>
                  <td>{senderText(m, l, names)}</td>
                  <td>{recipientsText(m, l, recipients.get(l.id) ?? [], names)}</td>
                  <th scope="row">
                    <a href={`/${m.locale}/letters/${l.id}`}>{l.subject}</a>
                  </th>
                  <td dir="ltr">{l.reference}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>{m.t('letters.none')}</p>
      )}
      {(pages.previous || pages.next) && (
        <nav class="actions" aria-label={m.t('letters.pages')}>
          {pages.previous && <a href={pages.previous}>{m.t('letters.previous')}</a>}
          {pages.next && <a href={pages.next}>{m.t('letters.next')}</a>}
        </nav>
      )}
    </>
  );
};

const LetterLink: FC<{ m: Messages; l: LetterRow; names: Names }> = ({ m, l, names }) => (
  <>
    <a href={`/${m.locale}/letters/${l.id}`}>{l.subject}</a> ({kindLabel(m, l.kind)}, {senderText(m, l, names)},{' '}
    <time datetime={l.sent_on}>{m.date(l.sent_on, 'medium')}</time>)
  </>
);

function concernHref(m: Messages, c: ConcernView): string | null {
  if (!c.stateIso3) return null;
  switch (c.recordType) {
    case 'national-report':
    case 'action-plan':
      return `/${m.locale}/states/${c.stateIso3}/reports`;
    case 'visit':
      return `/${m.locale}/visits?year=${c.label.slice(0, 4)}`;
    case 'matrix':
      return `/${m.locale}/states/${c.stateIso3}/matrix`;
    case 'assistance-request':
      return `/${m.locale}/assistance/requests/${c.recordId}`;
    default:
      return null;
  }
}

function concernText(m: Messages, c: ConcernView, names: Names): string {
  const state = c.stateIso3 ? stateName(names, c.stateIso3) : '';
  switch (c.recordType) {
    case 'national-report':
      return m.t('letters.concern.national-report', { state, date: m.date(c.label, 'medium') });
    case 'action-plan':
      return m.t('letters.concern.action-plan', { state, number: c.label });
    case 'visit':
      return m.t('letters.concern.visit', { state, date: m.date(c.label, 'medium') });
    case 'matrix':
      return m.t('letters.concern.matrix', { state, number: c.label });
    default:
      // A request recorded in the clearinghouse (its State known), or a reference of its own.
      return c.stateIso3
        ? m.t('letters.concern.assistance-request-of', { state, date: m.date(c.label, 'medium') })
        : m.t('letters.concern.assistance-request', { id: c.recordId });
  }
}

export const LetterDetail: FC<{
  m: Messages;
  l: LetterRow;
  recipients: string[];
  names: Names;
  original: LetterRow | undefined;
  replies: LetterRow[];
  concerns: ConcernView[];
  documents: LetterDocument[];
  actions: { edit: boolean; archive: boolean; history: boolean; reply: boolean };
  csrfToken: string;
}> = ({ m, l, recipients, names, original, replies, concerns, documents, actions, csrfToken }) => {
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
              {recipients.map((s) => (
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
        <div class="actions">
          {actions.history && <a href={`${base}/history`}>{m.t('record.history')}</a>}
          {actions.reply && !l.archived_at && <a href={`/${m.locale}/letters/new?inReplyTo=${l.id}`}>{m.t('letters.recordReply')}</a>}
          {actions.edit && !l.archived_at && <a href={`${base}/edit`}>{m.t('record.edit')}</a>}
          {actions.archive && (
            <form method="post" action={`${base}/${l.archived_at ? 'restore' : 'archive'}`} class="inline">
              <CsrfField token={csrfToken} />
              <input type="hidden" name="version" value={String(l.row_version)} />
              <button type="submit" class="secondary">
                {l.archived_at ? m.t('record.restore') : m.t('record.archive')}
              </button>
            </form>
          )}
        </div>
      )}
    </>
  );
};

/** The form's fields as typed, so that a refused form comes back as it was sent. */
export interface LetterFormValues {
  kind: string;
  sentOn: string;
  reference: string;
  senderKind: string;
  senderState: string;
  senderOrganization: string;
  recipientsMode: string;
  recipients: string;
  recipientOther: string;
  subject: string;
  summary: string;
  inReplyTo: string;
  concerns: string;
  confidentiality: string;
  version: string;
}

export const emptyLetter: LetterFormValues = {
  kind: 'letter',
  sentOn: '',
  reference: '',
  senderKind: 'chair',
  senderState: '',
  senderOrganization: '',
  recipientsMode: 'state',
  recipients: '',
  recipientOther: '',
  subject: '',
  summary: '',
  inReplyTo: '',
  concerns: '',
  confidentiality: 'committee',
  version: '',
};

export const LetterForm: FC<{
  m: Messages;
  action: string;
  cancel: string;
  values: LetterFormValues;
  problems: FieldProblem[];
  names: Names;
  csrfToken: string;
}> = ({ m, action, cancel, values: v, problems, names, csrfToken }) => {
  const states = [...names.states].sort((a, b) => m.compare(a[1], b[1]));
  const organizations = [...names.organizations].sort((a, b) => m.compare(a[1], b[1]));
  return (
    <form method="post" action={action} class="record-form" novalidate>
      <FieldErrors m={m} problems={problems} />
      <CsrfField token={csrfToken} />
      {v.version && <input type="hidden" name="version" value={v.version} />}
      <div class="field">
        <label for="kind">{m.t('letters.kind')}</label>
        <select id="kind" name="kind">
          {letterKinds.map((k) => (
            <option value={k} selected={v.kind === k}>
              {kindLabel(m, k)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="sentOn">{m.t('letters.sentOn')}</label>
        <input id="sentOn" name="sentOn" type="date" required value={v.sentOn} />
      </div>
      <div class="field">
        <label for="reference">{m.t('letters.reference')}</label>
        <input id="reference" name="reference" maxlength={100} value={v.reference} dir="ltr" />
      </div>
      <fieldset>
        <legend>{m.t('letters.sender')}</legend>
        <div class="field">
          <label for="senderKind">{m.t('letters.senderKindField')}</label>
          <select id="senderKind" name="senderKind">
            {senderKinds.map((k) => (
              <option value={k} selected={v.senderKind === k}>
                {senderKindLabel(m, k)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="senderState">{m.t('letters.senderState')}</label>
          <select id="senderState" name="senderState">
            <option value="">—</option>
            {states.map(([iso3, name]) => (
              <option value={iso3} selected={v.senderState.toUpperCase() === iso3}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="senderOrganization">{m.t('letters.senderOrganization')}</label>
          <select id="senderOrganization" name="senderOrganization">
            <option value="">—</option>
            {organizations.map(([code, name]) => (
              <option value={code} selected={v.senderOrganization === code}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset>
        <legend>{m.t('letters.recipients')}</legend>
        <div class="field">
          <label for="recipientsMode">{m.t('letters.recipientsMode')}</label>
          <select id="recipientsMode" name="recipientsMode">
            {recipientsModes.map((k) => (
              <option value={k} selected={v.recipientsMode === k}>
                {modeLabel(m, k)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="recipients">{m.t('letters.recipientsField')}</label>
          <textarea id="recipients" name="recipients" rows={2} dir="ltr" aria-describedby="recipients-help">
            {v.recipients}
          </textarea>
          <p class="help" id="recipients-help">
            {m.t('letters.recipientsHelp')}
          </p>
        </div>
        <div class="field">
          <label for="recipientOther">{m.t('letters.recipientOther')}</label>
          <input id="recipientOther" name="recipientOther" maxlength={300} value={v.recipientOther} />
        </div>
      </fieldset>
      <div class="field">
        <label for="subject">{m.t('letters.subject')}</label>
        <input id="subject" name="subject" required maxlength={300} value={v.subject} />
      </div>
      <div class="field">
        <label for="summary">{m.t('letters.summary')}</label>
        <textarea id="summary" name="summary" rows={6} maxlength={8000}>
          {v.summary}
        </textarea>
      </div>
      <div class="field">
        <label for="inReplyTo">{m.t('letters.inReplyToField')}</label>
        <input id="inReplyTo" name="inReplyTo" maxlength={36} value={v.inReplyTo} dir="ltr" />
      </div>
      <div class="field">
        <label for="concerns">{m.t('letters.concernsField')}</label>
        <input id="concerns" name="concerns" maxlength={4000} value={v.concerns} dir="ltr" aria-describedby="concerns-help" />
        <p class="help" id="concerns-help">
          {m.t('letters.concernsHelp', { types: concernTypes.join(', ') })}
        </p>
      </div>
      <div class="field">
        <label for="confidentiality">{m.t('letters.confidentiality')}</label>
        <select id="confidentiality" name="confidentiality">
          {confidentialityLevels.map((c) => (
            <option value={c} selected={v.confidentiality === c}>
              {levelLabel(m, c)}
            </option>
          ))}
        </select>
      </div>
      <div class="actions">
        <button type="submit">{m.t('form.save')}</button>
        <a href={cancel}>{m.t('form.cancel')}</a>
      </div>
    </form>
  );
};
