import type { FieldProblem } from '../../platform/errors.ts';
import { languageNames } from '../../platform/http/layout.tsx';
import type { MessageKey, Messages } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';

// The words of reports and plans in the reader's language; and labels their pages share with other modules' catalogues.

export function kindLabel(m: Messages, kind: string): string {
  return kind === 'first-report' ? m.t('reports.kindFirst') : m.t('reports.kindAdditional');
}

export function sourceLabel(m: Messages, source: string): string {
  if (source === 'seed') return m.t('reports.sourceSeed');
  if (source === 'illustrative') return m.t('reports.sourceIllustrative');
  return m.t('reports.sourceEntered');
}

export function planStatusLabel(m: Messages, status: string): string {
  switch (status) {
    case 'drafting':
      return m.t('reports.planDrafting');
    case 'drafting-with-experts':
      return m.t('reports.planDraftingWithExperts');
    case 'submitted':
      return m.t('reports.planSubmitted');
    default:
      return m.t('reports.planPublished');
  }
}

export const levelLabel = (m: Messages, c: string) => m.t(`documents.level.${c}` as MessageKey);
export const weaponLabel = (m: Messages, w: string) => m.t(`matrix.weapon.${w}` as MessageKey);
export const languageName = (tag: string) => languageNames[tag as Locale] ?? tag;
export const invalidIf = (problems: FieldProblem[], field: string) => (problems.some((p) => p.field === field) ? 'true' : undefined);
