// A match on a request's page, with its reasons in words and the moves the reader may make, and the
// form that adds a match by hand.
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../../platform/errors.ts';
import { CsrfField } from '../../../platform/http/layout.tsx';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import { ConflictNote, ErrorSummary, errorIdOf, FieldError } from '../form-parts.tsx';
import { matchStatusLabel, type Names, providerHref, providerName } from '../labels.ts';
import { matchMovesFrom } from '../procedure/procedure.ts';
import type { ItemRow, MatchView, OfferRow } from '../queries.ts';
import { offerProviderKey } from '../queries.ts';
import { Version } from '../requests/procedure-forms.tsx';
import type { Refusal } from '../requests/request-page.tsx';
import type { MatchStatus } from '../schema.ts';
import { type Reason, reasonsText } from './matching.ts';

const short = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const moveLabel = (m: Messages, to: MatchStatus) => m.t(`assistance.move.${to}`);

export const MatchEntry: FC<{
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

export const AddMatchForm: FC<{
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
