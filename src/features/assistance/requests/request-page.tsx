// One request: its fields and items, the procedure's steps as a timeline, the circulation and the
// providers' responses, each item's matches with their reasons in words, and the forms of those who
// may act on it (the Committee side's next step and matches, a provider's response, the requesting
// State's withdrawal and objection).
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../../platform/errors.ts';
import { CsrfField } from '../../../platform/http/layout.tsx';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import { FieldError } from '../form-parts.tsx';
import {
  actionLabel,
  channelLabel,
  codeList,
  flagText,
  type Names,
  priorityLabel,
  providerHref,
  providerName,
  stateName,
  statusLabel,
} from '../labels.ts';
import { AddMatchForm, MatchEntry } from '../matching/match-forms.tsx';
import type { Flag, RequestAction } from '../procedure/procedure.ts';
import type { CirculationRow, ItemRow, MatchView, OfferRow, RequestRow, ResponseRow, StepRow } from '../queries.ts';
import { providerKey } from '../queries.ts';
import { ResponseForm, StateStepForms, StepForm } from './procedure-forms.tsx';

/** Which form of the page a refusal belongs to, and its problems. */
export interface Refusal {
  form: 'step' | 'state-step' | 'suggest' | 'add-match' | 'response' | `match:${string}`;
  problems: FieldProblem[];
}

/** The step form as typed (kept when it is refused). */
export interface StepValues {
  action: string;
  on: string;
  note: string;
  providers: string[];
  providerStates: string;
}

export interface DetailProps {
  m: Messages;
  r: RequestRow;
  names: Names;
  items: ItemRow[];
  steps: StepRow[];
  /** The deadlines passed (the Committee side only), or null. */
  flags: Flag[] | null;
  circulation: CirculationRow[];
  responses: ResponseRow[];
  matches: MatchView[];
  showContact: boolean;
  /** For those who may manage the procedure: the actions allowed now and the offers to match by hand. */
  manage: { actions: RequestAction[]; offers: OfferRow[] } | null;
  /** The requesting State's own steps (withdraw, object, lift the objection) allowed now. */
  stateActions: RequestAction[];
  /** The providers a response may be recorded for: one (a provider's own), or those circulated to (the Committee side). */
  respond: { providers: string[]; fixed: boolean } | null;
  edit: boolean;
  history: boolean;
  today: string;
  refusal: Refusal | null;
  stepValues: StepValues;
  csrfToken: string;
}

const itemName = (m: Messages, items: ItemRow[], id: string) => {
  const item = items.find((i) => i.id === id);
  return item ? m.t('assistance.form.item', { n: item.position }) : id;
};

const Paragraphs: FC<{ text: string }> = ({ text }) => (
  <>
    {text
      .split(/\n+/)
      .filter((line) => line.trim())
      .map((line) => (
        <p>{line}</p>
      ))}
  </>
);

const ItemSection: FC<{
  m: Messages;
  base: string;
  item: ItemRow;
  matches: MatchView[];
  names: Names;
  manage: boolean;
  refusal: Refusal | null;
  today: string;
  csrfToken: string;
}> = ({ m, base, item, matches, names, manage, refusal, today, csrfToken }) => (
  <section class="request-item" aria-labelledby={`item-${item.id}`}>
    <h3 id={`item-${item.id}`}>{m.t('assistance.form.item', { n: item.position })}</h3>
    <Paragraphs text={item.description} />
    <dl class="facts">
      <dt>{m.t('assistance.field.areas')}</dt>
      <dd>{codeList(m, 'area', item.areas)}</dd>
      <dt>{m.t('assistance.field.weapons')}</dt>
      <dd>{codeList(m, 'weapon', item.weapons)}</dd>
      <dt>{m.t('assistance.field.paragraphs')}</dt>
      <dd>{codeList(m, 'paragraph', item.paragraphs)}</dd>
      <dt>{m.t('assistance.field.kinds')}</dt>
      <dd>{codeList(m, 'kind', item.kinds)}</dd>
      <dt>{m.t('assistance.field.priority')}</dt>
      <dd>{priorityLabel(m, item.priority)}</dd>
      {item.timeframe && (
        <>
          <dt>{m.t('assistance.field.timeframe')}</dt>
          <dd>{item.timeframe}</dd>
        </>
      )}
      {item.matrix_fields.length > 0 && (
        <>
          <dt>{m.t('assistance.field.matrixFields')}</dt>
          <dd dir="ltr">{item.matrix_fields.join(', ')}</dd>
        </>
      )}
    </dl>
    {item.illustrative && <p class="help">{m.t('assistance.illustrative')}</p>}
    <h4>{m.t('assistance.matches.title')}</h4>
    {matches.length ? (
      <ul class="matches">
        {matches.map((match) => (
          <MatchEntry m={m} base={base} match={match} names={names} manage={manage} refusal={refusal} today={today} csrfToken={csrfToken} />
        ))}
      </ul>
    ) : (
      <p>{m.t('assistance.matches.none')}</p>
    )}
  </section>
);

export const RequestDetail: FC<DetailProps> = (props) => {
  const {
    m,
    r,
    names,
    items,
    steps,
    flags,
    circulation,
    responses,
    matches,
    showContact,
    manage,
    stateActions,
    respond,
    refusal,
    today,
    csrfToken,
  } = props;
  const base = `/${m.locale}/assistance/requests/${r.id}`;
  const problemsFor = (form: Refusal['form']) => (refusal?.form === form ? refusal.problems : []);
  return (
    <>
      {r.archived_at && (
        <p class="notice" role="status">
          {m.t('record.archived', { date: m.date(r.archived_at) })}
        </p>
      )}
      {flags && flags.length > 0 && (
        <div class="notice" role="note">
          <ul>
            {flags.map((f) => (
              <li>{flagText(m, f)}</li>
            ))}
          </ul>
        </div>
      )}
      <dl class="facts">
        <dt>{m.t('assistance.field.state')}</dt>
        <dd>
          <a href={`/${m.locale}/states/${r.state_iso3.trim()}`}>{stateName(names, r.state_iso3)}</a>
        </dd>
        <dt>{m.t('assistance.field.status')}</dt>
        <dd>
          <strong>{statusLabel(m, r.status)}</strong> (<time datetime={r.status_on}>{m.date(r.status_on)}</time>)
        </dd>
        <dt>{m.t('assistance.field.receivedOn')}</dt>
        <dd>
          <time datetime={r.received_on}>{m.date(r.received_on)}</time>
        </dd>
        <dt>{m.t('assistance.field.channel')}</dt>
        <dd>{channelLabel(m, r.channel)}</dd>
        {r.reference && (
          <>
            <dt>{m.t('assistance.field.reference')}</dt>
            <dd dir="ltr">{r.reference}</dd>
          </>
        )}
        {showContact && (r.contact_name || r.contact_email) && (
          <>
            <dt>{m.t('assistance.form.contact')}</dt>
            <dd>
              {r.contact_name}
              {r.contact_email && (
                <>
                  {r.contact_name ? ' · ' : ''}
                  <a href={`mailto:${r.contact_email}`} dir="ltr">
                    {r.contact_email}
                  </a>
                </>
              )}
            </dd>
          </>
        )}
        <dt>{m.t('assistance.field.languages')}</dt>
        <dd>{codeList(m, 'language', r.languages)}</dd>
        <dt>{m.t('assistance.field.invitesVisit')}</dt>
        <dd>{r.invites_visit ? m.t('assistance.yes') : m.t('assistance.no')}</dd>
        <dt>{m.t('assistance.field.consentSummary')}</dt>
        <dd>
          {r.consent_summary ? m.t('assistance.yes') : m.t('assistance.no')}
          {r.summary_posted_on && <> · {m.t('assistance.detail.summaryPosted', { date: m.date(r.summary_posted_on) })}</>}
        </dd>
        {r.objected_on && (
          <>
            <dt>{m.t('assistance.detail.objection')}</dt>
            <dd>{m.t('assistance.detail.objectedOn', { date: m.date(r.objected_on) })}</dd>
          </>
        )}
        {r.follow_up_on && (
          <>
            <dt>{m.t('assistance.action.follow-up')}</dt>
            <dd>{m.date(r.follow_up_on)}</dd>
          </>
        )}
      </dl>
      {r.summary && (
        <>
          <h2>{m.t('assistance.field.summary')}</h2>
          <Paragraphs text={r.summary} />
        </>
      )}
      {r.earlier_assistance && (
        <>
          <h2>{m.t('assistance.field.earlierAssistance')}</h2>
          <Paragraphs text={r.earlier_assistance} />
        </>
      )}
      {r.other_providers && (
        <>
          <h2>{m.t('assistance.field.otherProviders')}</h2>
          <Paragraphs text={r.other_providers} />
        </>
      )}
      {(props.edit || props.history || stateActions.length > 0) && (
        <div class="actions">
          {props.history && <a href={`${base}/history`}>{m.t('record.history')}</a>}
          {props.edit && <a href={`${base}/edit`}>{m.t('record.edit')}</a>}
        </div>
      )}
      {stateActions.length > 0 && (
        <StateStepForms
          m={m}
          base={base}
          r={r}
          actions={stateActions}
          today={today}
          problems={problemsFor('state-step')}
          csrfToken={csrfToken}
        />
      )}

      <h2 id="items-heading">{m.t('assistance.field.items')}</h2>
      {manage && (
        <form method="post" action={`${base}/suggest`} class="actions" id="suggest-form">
          <CsrfField token={csrfToken} />
          <button type="submit">{m.t('assistance.matches.suggest')}</button>
          <span class="help">{m.t('assistance.matches.suggestHelp')}</span>
          <FieldError problems={problemsFor('suggest')} field="requestId" />
        </form>
      )}
      {items.map((item) => (
        <ItemSection
          m={m}
          base={base}
          item={item}
          matches={matches.filter((x) => x.item_id === item.id)}
          names={names}
          manage={!!manage}
          refusal={refusal}
          today={today}
          csrfToken={csrfToken}
        />
      ))}
      {manage && manage.offers.length > 0 && (
        <AddMatchForm
          m={m}
          base={base}
          items={items}
          offers={manage.offers}
          names={names}
          problems={problemsFor('add-match')}
          csrfToken={csrfToken}
        />
      )}

      <h2 id="procedure">{m.t('assistance.detail.procedure')}</h2>
      <ol class="timeline">
        {steps.map((s) => (
          <li>
            <time datetime={s.taken_on}>{m.date(s.taken_on, 'medium')}</time> · <strong>{actionLabel(m, s.action)}</strong>
            {s.actor_label && <> · {s.actor_label}</>}
            {s.note && <p class="help">{s.note}</p>}
          </li>
        ))}
      </ol>
      {manage && manage.actions.length > 0 && (
        <StepForm
          m={m}
          base={base}
          r={r}
          actions={manage.actions}
          values={props.stepValues}
          problems={problemsFor('step')}
          names={names}
          today={today}
          csrfToken={csrfToken}
        />
      )}

      <h2 id="circulation">{m.t('assistance.detail.circulation')}</h2>
      {circulation.length ? (
        <ul>
          {circulation.map((c) => {
            const key = providerKey(c.provider_kind, c.provider_code.trim());
            return (
              <li>
                <a href={providerHref(m, key)}>{providerName(names, key)}</a> (
                <time datetime={c.circulated_on}>{m.date(c.circulated_on, 'medium')}</time>)
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{m.t('assistance.detail.notCirculated')}</p>
      )}

      <h2 id="responses">{m.t('assistance.detail.responses')}</h2>
      {responses.length ? (
        <ul class="responses">
          {responses.map((x) => {
            const key = providerKey(x.provider_kind, x.provider_code.trim());
            return (
              <li>
                <p>
                  <strong>{providerName(names, key)}</strong> · <time datetime={x.responded_on}>{m.date(x.responded_on, 'medium')}</time> ·{' '}
                  {m.t('assistance.detail.answers', { items: m.list(x.item_ids.map((id) => itemName(m, items, id))) })}
                  {x.forwarded_on && <> · {m.t('assistance.detail.forwardedOn', { date: m.date(x.forwarded_on, 'medium') })}</>}
                </p>
                {x.text && <Paragraphs text={x.text} />}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{m.t('assistance.detail.noResponses')}</p>
      )}
      {respond && respond.providers.length > 0 && (
        <ResponseForm
          m={m}
          base={base}
          items={items}
          names={names}
          respond={respond}
          problems={problemsFor('response')}
          today={today}
          csrfToken={csrfToken}
        />
      )}
    </>
  );
};
