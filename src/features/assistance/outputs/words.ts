// The words the outputs share: pages, workbook and Word documents say a request, an item, a
// response and a match the same way.
import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import { codeList, matchStatusLabel, type Names, priorityLabel, providerName, stateName, statusLabel } from '../labels.ts';
import type { Flag } from '../procedure/procedure.ts';
import type { ListItem } from './list.ts';
import type { QuarterlyUpdate } from './quarterly.ts';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * `m.date` with its formatter kept: the same text (a date without a time is a UTC day), but
 * `Messages.date` builds a formatter per call, some 0.4 ms, and the consolidated list writes
 * thousands of dates.
 */
export function dateIn(m: Messages, value: string, style: 'long' | 'medium' | 'short' = 'long'): string {
  const key = `${m.locale} ${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(m.locale, { dateStyle: style, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format.format(new Date(value.length === 10 ? `${value}T00:00:00Z` : value));
}

/** A deadline passed, as `flagText` says it. */
export const flagLine = (m: Messages, f: Flag) => m.t(`assistance.flag.${f.code}` as MessageKey, { date: dateIn(m, f.dueOn) });

export const yesNo = (m: Messages, b: boolean) => (b ? m.t('assistance.out.yes') : m.t('assistance.out.no'));

export const statusSince = (m: Messages, status: string, on: string) =>
  m.t('assistance.out.statusSince', { status: statusLabel(m, status), date: dateIn(m, on, 'medium') });

/** "2. Training of customs officers…" (marked when the seed did not give the details). */
export function itemText(m: Messages, i: Pick<ListItem, 'position' | 'description' | 'illustrative'>): string {
  const text = m.t('assistance.out.itemN', { n: i.position, description: i.description });
  return i.illustrative ? `${text} (${m.t('assistance.out.illustrative')})` : text;
}

/** What an item asks for, in the taxonomy: areas; weapon types; kind of help; priority. */
export function itemTerms(m: Messages, i: Pick<ListItem, 'areas' | 'weapons' | 'kinds' | 'priority'>): string {
  return m.t('assistance.out.itemTerms', {
    areas: codeList(m, 'area', i.areas),
    weapons: codeList(m, 'weapon', i.weapons),
    kinds: codeList(m, 'kind', i.kinds),
    priority: priorityLabel(m, i.priority),
  });
}

/** "WCO (12 Mar 2018)". */
export const responseText = (m: Messages, names: Names, r: { provider: string; respondedOn: string }) =>
  m.t('assistance.out.responseOn', { provider: providerName(names, r.provider), date: dateIn(m, r.respondedOn, 'medium') });

/** "WCO (12 Mar 2018): items 1, 2". */
export const requestResponseText = (m: Messages, names: Names, r: { provider: string; respondedOn: string; items: number[] }) =>
  m.t('assistance.out.responseItems', { response: responseText(m, names, r), items: m.list(r.items.map((n) => m.number(n))) });

/** "Border security training (WCO): accepted, 3 Sep 2018". */
export const matchText = (m: Messages, names: Names, x: { offerTitle: string; provider: string; status: string; statusOn: string }) =>
  m.t('assistance.out.matchLine', {
    offer: x.offerTitle,
    provider: providerName(names, x.provider),
    status: matchStatusLabel(m, x.status),
    date: dateIn(m, x.statusOn, 'medium'),
  });

/** The list's filters in words, for a document's subtitle. */
export function filtersText(m: Messages, names: Names, f: { year?: number; state?: string; status?: string }): string {
  const parts = [f.year ? String(f.year) : '', f.state ? stateName(names, f.state) : '', f.status ? statusLabel(m, f.status) : ''].filter(
    Boolean,
  );
  return parts.length ? m.list(parts) : m.t('assistance.out.allRequests');
}

export const quarterTitle = (m: Messages, u: Pick<QuarterlyUpdate, 'year' | 'quarter' | 'from' | 'to'>) =>
  m.t('assistance.out.q.period', { quarter: u.quarter, year: String(u.year), from: dateIn(m, u.from), to: dateIn(m, u.to) });
