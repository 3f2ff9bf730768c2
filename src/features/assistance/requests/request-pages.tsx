// One request: its fields and items, the procedure's steps as a timeline, the circulation and the
// providers' responses, each item's matches with their reasons in words, and the forms of those who
// may act on it (the Committee side's next step and matches, a provider's response, the requesting
// State's withdrawal and objection).
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../../platform/errors.ts';
import { CsrfField } from '../../../platform/http/layout.tsx';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import { type Reason, reasonsText } from '../matching/matching.ts';
import type { Flag, RequestAction } from '../procedure/procedure.ts';
import { matchMovesFrom } from '../procedure/procedure.ts';
import {
  actionLabel,
  channelLabel,
  codeList,
  ErrorSummary,
  errorIdOf,
  FieldError,
  flagText,
  matchStatusLabel,
  type Names,
  priorityLabel,
  providerHref,
  providerName,
  stateName,
  statusLabel,
} from '../pages.tsx';
import type { CirculationRow, ItemRow, MatchView, OfferRow, RequestRow, ResponseRow, StepRow } from '../queries.ts';
import { offerProviderKey, providerKey } from '../queries.ts';
import type { MatchStatus } from '../schema.ts';

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

const short = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

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

const Version: FC<{ r: { row_version: number } }> = ({ r }) => <input type="hidden" name="version" value={String(r.row_version)} />;

const ConflictNote: FC<{ m: Messages; problems: FieldProblem[]; prefix: string }> = ({ m, problems, prefix }) =>
  problems.some((p) => p.field === 'version') ? (
    <p id={`${prefix}version-note`} class="notice">
      {m.t('assistance.conflict')}
    </p>
  ) : null;

const StepForm: FC<{
  m: Messages;
  base: string;
  r: RequestRow;
  actions: RequestAction[];
  values: StepValues;
  problems: FieldProblem[];
  names: Names;
  today: string;
  csrfToken: string;
}> = ({ m, base, r, actions, values, problems, names, today, csrfToken }) => {
  const p = 'step-';
  const err = (field: string) => errorIdOf(problems, field, p);
  const organizations = [...names.organizations].sort((a, b) => m.compare(a[1], b[1]));
  return (
    <form method="post" action={`${base}/steps`} class="record-form" id="step-form" novalidate>
      <h3>{m.t('assistance.step.title')}</h3>
      <ErrorSummary m={m} problems={problems} prefix={p} />
      <ConflictNote m={m} problems={problems} prefix={p} />
      <CsrfField token={csrfToken} />
      <Version r={r} />
      <div class="field">
        <label for="step-action">{m.t('assistance.field.action')}</label>
        <select id="step-action" name="action" aria-describedby={err('action')} aria-invalid={err('action') ? 'true' : undefined}>
          {actions.map((a) => (
            <option value={a} selected={values.action === a}>
              {actionLabel(m, a)}
            </option>
          ))}
        </select>
        <FieldError problems={problems} field="action" prefix={p} />
      </div>
      <div class="field">
        <label for="step-on">{m.t('assistance.field.on')}</label>
        <input
          id="step-on"
          name="on"
          type="date"
          required
          max={today}
          value={values.on || today}
          aria-describedby={err('on')}
          aria-invalid={err('on') ? 'true' : undefined}
        />
        <FieldError problems={problems} field="on" prefix={p} />
      </div>
      <div class="field">
        <label for="step-note">{m.t('assistance.field.note')}</label>
        <textarea id="step-note" name="note" rows={2} maxlength={4000} aria-describedby={err('note')}>
          {values.note}
        </textarea>
        <FieldError problems={problems} field="note" prefix={p} />
      </div>
      {actions.includes('circulate') && (
        <fieldset id="step-providers" aria-describedby={['step-providers-help', err('providers')].filter(Boolean).join(' ')}>
          <legend>{m.t('assistance.step.providers')}</legend>
          <p class="help" id="step-providers-help">
            {m.t('assistance.step.providersHelp')}
          </p>
          <FieldError problems={problems} field="providers" prefix={p} />
          <div class="columns">
            {organizations.map(([code, name]) => (
              <div class="check">
                <input
                  type="checkbox"
                  id={`step-provider-${code}`}
                  name="providers"
                  value={`organization:${code}`}
                  checked={values.providers.includes(`organization:${code}`)}
                />
                <label for={`step-provider-${code}`}>{name}</label>
              </div>
            ))}
          </div>
          <div class="field">
            <label for="step-providerStates">{m.t('assistance.step.providerStates')}</label>
            <input
              id="step-providerStates"
              name="providerStates"
              dir="ltr"
              value={values.providerStates}
              aria-describedby="step-providerStates-help"
            />
            <p class="help" id="step-providerStates-help">
              {m.t('assistance.step.providerStatesHelp')}
            </p>
          </div>
        </fieldset>
      )}
      <button type="submit">{m.t('assistance.step.submit')}</button>
    </form>
  );
};

const StateStepForms: FC<{
  m: Messages;
  base: string;
  r: RequestRow;
  actions: RequestAction[];
  today: string;
  problems: FieldProblem[];
  csrfToken: string;
}> = ({ m, base, r, actions, today, problems, csrfToken }) => (
  <>
    <ErrorSummary m={m} problems={problems} prefix="state-" />
    <ConflictNote m={m} problems={problems} prefix="state-" />
    <div class="actions">
      {actions.map((a) => (
        <form method="post" action={`${base}/steps`} class="inline">
          <CsrfField token={csrfToken} />
          <Version r={r} />
          <input type="hidden" name="action" value={a} />
          <input type="hidden" name="on" value={today} />
          <input type="hidden" name="from" value="state" />
          <button type="submit" class={a === 'withdraw' ? 'secondary' : undefined}>
            {m.t(`assistance.state.${a as 'withdraw' | 'object' | 'lift-objection'}`)}
          </button>
        </form>
      ))}
    </div>
  </>
);

const moveLabel = (m: Messages, to: MatchStatus) => m.t(`assistance.move.${to}`);

const MatchEntry: FC<{
  m: Messages;
  base: string;
  match: MatchView;
  names: Names;
  manage: boolean;
  refusal: Refusal | null;
  today: string;
  csrfToken: string;
}> = ({ m, base, match, names, manage, refusal, today, csrfToken }) => {
  const p = `match-${match.id}-`;
  const problems = refusal?.form === `match:${match.id}` ? refusal.problems : [];
  const reasons = Array.isArray(match.reasons) ? (match.reasons as Reason[]) : [];
  return (
    <li class="match" id={`match-${match.id}`}>
      <p>
        <a href={`/${m.locale}/assistance/offers/${match.offer_id}`}>{match.offer_title}</a> ·{' '}
        <a href={providerHref(m, match.provider_key)}>{providerName(names, match.provider_key)}</a> ·{' '}
        {match.score === null
          ? m.t('assistance.matches.noScore')
          : m.t('assistance.matches.score', { score: m.number(Number(match.score)) })}{' '}
        · <strong>{matchStatusLabel(m, match.status)}</strong> ({m.date(match.status_on, 'medium')})
        {match.origin === 'hand' && <> · {m.t('assistance.matches.byHand')}</>}
      </p>
      {reasons.length > 0 && <p class="reasons">{reasonsText(reasons, m.locale, m)}</p>}
      {match.note && <p class="help">{match.note}</p>}
      {(match.provider_feedback || match.state_feedback) && (
        <dl class="facts">
          {match.provider_feedback && (
            <>
              <dt>{m.t('assistance.field.providerFeedback')}</dt>
              <dd>{match.provider_feedback}</dd>
            </>
          )}
          {match.state_feedback && (
            <>
              <dt>{m.t('assistance.field.stateFeedback')}</dt>
              <dd>{match.state_feedback}</dd>
            </>
          )}
        </dl>
      )}
      {manage && (
        <>
          <ErrorSummary m={m} problems={problems} prefix={p} />
          <ConflictNote m={m} problems={problems} prefix={p} />
          <div class="actions">
            {matchMovesFrom(match.status).map((to) =>
              to === 'delivered' ? (
                <form method="post" action={`${base}/matches/${match.id}`} class="record-form">
                  <CsrfField token={csrfToken} />
                  <Version r={match} />
                  <input type="hidden" name="to" value={to} />
                  <input type="hidden" name="on" value={today} />
                  <div class="field">
                    <label for={`${p}providerFeedback`}>{m.t('assistance.field.providerFeedback')}</label>
                    <textarea id={`${p}providerFeedback`} name="providerFeedback" rows={2} maxlength={8000} />
                  </div>
                  <div class="field">
                    <label for={`${p}stateFeedback`}>{m.t('assistance.field.stateFeedback')}</label>
                    <textarea id={`${p}stateFeedback`} name="stateFeedback" rows={2} maxlength={8000} />
                  </div>
                  <button type="submit">{moveLabel(m, to)}</button>
                </form>
              ) : (
                <form method="post" action={`${base}/matches/${match.id}`} class="inline">
                  <CsrfField token={csrfToken} />
                  <Version r={match} />
                  <input type="hidden" name="to" value={to} />
                  <input type="hidden" name="on" value={today} />
                  <button type="submit" class={to === 'set-aside' || to === 'declined' ? 'secondary' : undefined}>
                    {moveLabel(m, to)}
                  </button>
                </form>
              ),
            )}
          </div>
        </>
      )}
    </li>
  );
};

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

const ResponseForm: FC<{
  m: Messages;
  base: string;
  items: ItemRow[];
  names: Names;
  respond: { providers: string[]; fixed: boolean };
  problems: FieldProblem[];
  today: string;
  csrfToken: string;
}> = ({ m, base, items, names, respond, problems, today, csrfToken }) => {
  const p = 'response-';
  const err = (field: string) => errorIdOf(problems, field, p);
  return (
    <form method="post" action={`${base}/responses`} class="record-form" id="response-form" novalidate>
      <h3>{m.t('assistance.response.title')}</h3>
      <ErrorSummary m={m} problems={problems} prefix={p} />
      <CsrfField token={csrfToken} />
      {respond.fixed ? (
        <p>{m.t('assistance.response.as', { provider: providerName(names, respond.providers[0] ?? '') })}</p>
      ) : (
        <div class="field">
          <label for="response-provider">{m.t('assistance.field.provider')}</label>
          <select
            id="response-provider"
            name="provider"
            aria-describedby={err('provider')}
            aria-invalid={err('provider') ? 'true' : undefined}
          >
            {respond.providers.map((k) => (
              <option value={k}>{providerName(names, k)}</option>
            ))}
          </select>
          <FieldError problems={problems} field="provider" prefix={p} />
        </div>
      )}
      <fieldset id="response-itemIds" aria-describedby={err('itemIds')}>
        <legend>{m.t('assistance.field.itemIds')}</legend>
        <FieldError problems={problems} field="itemIds" prefix={p} />
        {items.map((i) => (
          <div class="check">
            <input type="checkbox" id={`response-item-${i.id}`} name="itemIds" value={i.id} />
            <label for={`response-item-${i.id}`}>
              {m.t('assistance.form.item', { n: i.position })}: {short(i.description)}
            </label>
          </div>
        ))}
      </fieldset>
      <div class="field">
        <label for="response-respondedOn">{m.t('assistance.field.respondedOn')}</label>
        <input
          id="response-respondedOn"
          name="respondedOn"
          type="date"
          max={today}
          value={today}
          aria-describedby={err('respondedOn')}
          aria-invalid={err('respondedOn') ? 'true' : undefined}
        />
        <FieldError problems={problems} field="respondedOn" prefix={p} />
      </div>
      <div class="field">
        <label for="response-text">{m.t('assistance.field.responseText')}</label>
        <textarea id="response-text" name="text" rows={4} maxlength={8000} aria-describedby={err('text')} />
        <FieldError problems={problems} field="text" prefix={p} />
      </div>
      <button type="submit">{m.t('assistance.response.submit')}</button>
    </form>
  );
};

const AddMatchForm: FC<{
  m: Messages;
  base: string;
  items: ItemRow[];
  offers: OfferRow[];
  names: Names;
  problems: FieldProblem[];
  csrfToken: string;
}> = ({ m, base, items, offers, names, problems, csrfToken }) => {
  const p = 'add-';
  const err = (field: string) => errorIdOf(problems, field, p);
  return (
    <form method="post" action={`${base}/matches`} class="record-form" id="add-match-form" novalidate>
      <h3>{m.t('assistance.matches.addTitle')}</h3>
      <ErrorSummary m={m} problems={problems} prefix={p} />
      <CsrfField token={csrfToken} />
      <div class="field">
        <label for="add-itemId">{m.t('assistance.field.item')}</label>
        <select id="add-itemId" name="itemId" aria-describedby={err('itemId')} aria-invalid={err('itemId') ? 'true' : undefined}>
          {items.map((i) => (
            <option value={i.id}>
              {m.t('assistance.form.item', { n: i.position })}: {short(i.description, 60)}
            </option>
          ))}
        </select>
        <FieldError problems={problems} field="itemId" prefix={p} />
      </div>
      <div class="field">
        <label for="add-offerId">{m.t('assistance.field.offer')}</label>
        <select id="add-offerId" name="offerId" aria-describedby={err('offerId')} aria-invalid={err('offerId') ? 'true' : undefined}>
          {offers.map((o) => (
            <option value={o.id}>
              {short(o.title, 60)} ({providerName(names, offerProviderKey(o))})
            </option>
          ))}
        </select>
        <FieldError problems={problems} field="offerId" prefix={p} />
      </div>
      <div class="field">
        <label for="add-note">{m.t('assistance.field.note')}</label>
        <textarea id="add-note" name="note" rows={2} maxlength={4000} aria-describedby={err('note')} />
        <FieldError problems={problems} field="note" prefix={p} />
      </div>
      <button type="submit">{m.t('assistance.matches.add')}</button>
    </form>
  );
};

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
