import type { MessageKey, Messages } from '../../platform/i18n/i18n.ts';
import type { ConcernView, LetterRow } from './queries.ts';

/*
 * A letter in words, in the reader's language: for its pages and the list's CSV.
 */

/** Names of States and organizations in the reader's language. */
export interface Names {
  states: Map<string, string>;
  organizations: Map<string, string>;
}

export const kindLabel = (m: Messages, kind: string) => m.t(`letters.kind.${kind}` as MessageKey);
export const modeLabel = (m: Messages, mode: string) => m.t(`letters.mode.${mode}` as MessageKey);
export const senderKindLabel = (m: Messages, kind: string) => m.t(`letters.senderKind.${kind}` as MessageKey);
export const levelLabel = (m: Messages, level: string) => m.t(`documents.level.${level}` as MessageKey);
export const stateName = (names: Names, iso3: string) => names.states.get(iso3) ?? iso3;

/** The sender as text: "The Chair of the Committee", a State's or an organization's name. */
export function senderText(m: Messages, l: LetterRow, names: Names): string {
  if (l.sender_kind === 'state' && l.sender_state_iso3) return stateName(names, l.sender_state_iso3);
  if (l.sender_kind === 'organization' && l.sender_organization_code)
    return names.organizations.get(l.sender_organization_code) ?? l.sender_organization_code;
  return senderKindLabel(m, l.sender_kind);
}

/** Recipients often named as "others", said in the reader's language (folded: lower case, no leading "the"). */
const knownRecipients: Record<string, MessageKey> = {
  'president of the security council': 'letters.recipient.presidentSecurityCouncil' as MessageKey,
  'secretary-general': 'letters.recipient.secretaryGeneral' as MessageKey,
  'secretary-general of the united nations': 'letters.recipient.secretaryGeneral' as MessageKey,
};

/** A recipient named in words: in the reader's language when it is a well-known one, else as written. */
export function otherRecipientText(m: Messages, named: string): string {
  const key = knownRecipients[named.trim().toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '').replace(/\.$/, '')];
  return key ? m.t(key) : named;
}

/** The recipients in a few words: a State's name, "3 States", "All non-reporting States (12)", … */
export function recipientsText(m: Messages, l: LetterRow, recipients: string[], names: Names): string {
  switch (l.recipients_mode) {
    case 'state':
      return recipients[0] ? stateName(names, recipients[0]) : modeLabel(m, 'state');
    case 'list':
      return recipients.length <= 3
        ? m.list(recipients.map((s) => stateName(names, s)).sort(m.compare))
        : m.t('letters.statesCount', { count: recipients.length });
    case 'non-reporting':
      return `${modeLabel(m, 'non-reporting')} (${m.number(recipients.length)})`;
    case 'other':
      return otherRecipientText(m, l.recipient_other);
    default:
      return modeLabel(m, l.recipients_mode);
  }
}

/** Where a record a letter concerns is shown, if anywhere. */
export function concernHref(m: Messages, c: ConcernView): string | null {
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

/** A record a letter concerns, named by its State and date or number. */
export function concernText(m: Messages, c: ConcernView, names: Names): string {
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
