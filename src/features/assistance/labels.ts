// The words the clearinghouse's pages, documents and workbooks share: the names of States,
// organizations and providers in the reader's language, and the labels of statuses, actions,
// channels, priorities, deadlines and taxonomy codes.
import type { MessageKey, Messages } from '../../platform/i18n/i18n.ts';
import type { Flag } from './procedure/procedure.ts';
import { requestStatuses } from './schema.ts';
import { type Dimension, labelOf } from './taxonomy.ts';

/** Names of States and organizations in the reader's language. */
export interface Names {
  states: Map<string, string>;
  organizations: Map<string, string>;
}

export const statusLabel = (m: Messages, s: string) => (m.has(`assistance.status.${s}`) ? m.t(`assistance.status.${s}` as MessageKey) : s);
export const actionLabel = (m: Messages, a: string) => (m.has(`assistance.action.${a}`) ? m.t(`assistance.action.${a}` as MessageKey) : a);
export const matchStatusLabel = (m: Messages, s: string) =>
  m.has(`assistance.match.${s}`) ? m.t(`assistance.match.${s}` as MessageKey) : s;
export const channelLabel = (m: Messages, s: string) =>
  m.has(`assistance.channel.${s}`) ? m.t(`assistance.channel.${s}` as MessageKey) : s;
export const priorityLabel = (m: Messages, s: string) =>
  m.has(`assistance.priority.${s}`) ? m.t(`assistance.priority.${s}` as MessageKey) : s;
export const flagText = (m: Messages, f: Flag) => m.t(`assistance.flag.${f.code}` as MessageKey, { date: m.date(f.dueOn) });
export const stateName = (names: Names, iso3: string) => names.states.get(iso3.trim()) ?? iso3.trim();

/** The taxonomy labels of some codes, as the language lists them; an empty list is a dash. */
export const codeList = (m: Messages, dimension: Dimension, codes: readonly string[]) =>
  codes.length ? m.list(codes.map((c) => labelOf(dimension, c, m.locale))) : '—';

/** A provider key ('organization:WCO', 'state:FRA') as a name. */
export function providerName(names: Names, key: string): string {
  const [kind, code = ''] = key.split(':');
  if (kind === 'state') return names.states.get(code) ?? code;
  return names.organizations.get(code) ?? code;
}

export const providerHref = (m: Messages, key: string) => {
  const [kind, code = ''] = key.split(':');
  return kind === 'state' ? `/${m.locale}/states/${code}` : `/${m.locale}/organizations/${code}`;
};

/** The States as filter options, by name in the reader's language. */
export const stateOptions = (m: Messages, names: Names) => [...names.states].sort((a, b) => m.compare(a[1], b[1]));
export const yearOptions = (years: number[]) => years.map((y) => [String(y), String(y)] as const);
export const statusOptions = (m: Messages) => requestStatuses.map((s) => [s, statusLabel(m, s)] as const);
