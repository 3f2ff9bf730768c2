// The engine's reasons in words, in the reader's language, with the taxonomy's labels.
import type { Messages } from '../../../platform/i18n/i18n.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { type Dimension, labelOf } from '../taxonomy.ts';
import type { CodesReason, Reason, ReasonCode } from './matching.ts';

const reasonKeys = {
  paragraph: 'assistance.reason.paragraph',
  weapon: 'assistance.reason.weapon',
  area: 'assistance.reason.area',
  kind: 'assistance.reason.kind',
  language: 'assistance.reason.language',
  'no-language': 'assistance.reason.no-language',
  region: 'assistance.reason.region',
  'all-regions': 'assistance.reason.all-regions',
  'region-not-served': 'assistance.reason.region-not-served',
  'track-record': 'assistance.reason.track-record',
  period: 'assistance.reason.period',
  'period-ended': 'assistance.reason.period-ended',
  'period-later': 'assistance.reason.period-later',
} as const satisfies Record<ReasonCode, string>;

const dimensionOf: Record<CodesReason['code'], Dimension> = {
  paragraph: 'paragraph',
  weapon: 'weapon',
  area: 'area',
  kind: 'kind',
  language: 'language',
};

const labels = (dimension: Dimension, codes: readonly string[] | undefined, locale: Locale, m: Messages) =>
  m.list((codes ?? []).map((c) => labelOf(dimension, c, locale)));

/**
 * One reason in words, in the reader's language, with the taxonomy's labels. Reasons are stored
 * with the matches; one of an unknown kind (from a later version) is shown as its code.
 */
export function reasonText(reason: Reason, locale: Locale, m: Messages): string {
  switch (reason.code) {
    case 'paragraph':
    case 'weapon':
    case 'area':
    case 'kind':
    case 'language':
      return m.t(reasonKeys[reason.code], { list: labels(dimensionOf[reason.code], reason.codes, locale, m) });
    case 'region':
    case 'region-not-served':
      return m.t(reasonKeys[reason.code], { region: labels('region', reason.codes, locale, m) });
    case 'track-record':
      return m.t(reasonKeys[reason.code], { count: reason.count });
    case 'period-ended':
    case 'period-later':
      return m.t(reasonKeys[reason.code], { date: m.date(reason.date) });
    case 'no-language':
    case 'all-regions':
    case 'period':
      return m.t(reasonKeys[reason.code]);
    default:
      return String((reason as { code?: unknown }).code ?? '');
  }
}

const separators: Record<Locale, string> = { ar: '؛ ', zh: '；', en: '; ', fr: ' ; ', ru: '; ', es: '; ' };

/**
 * All the reasons of a pair as one sentence. Shared paragraphs and weapon types read together
 * ("both cover OP3 (d): export and trans-shipment controls for chemical weapons").
 */
export function reasonsText(reasons: readonly Reason[], locale: Locale, m: Messages): string {
  const paragraph = reasons.find((r): r is CodesReason => r.code === 'paragraph');
  const weapon = reasons.find((r): r is CodesReason => r.code === 'weapon');
  const parts: string[] = [];
  for (const r of reasons) {
    if (paragraph && weapon && r === weapon) continue;
    if (paragraph && weapon && r === paragraph) {
      parts.push(
        m.t('assistance.reasons.paragraph-weapon', {
          paragraphs: labels('paragraph', paragraph.codes, locale, m),
          weapons: labels('weapon', weapon.codes, locale, m),
        }),
      );
    } else parts.push(reasonText(r, locale, m));
  }
  return parts.join(separators[locale]);
}
