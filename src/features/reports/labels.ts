import type { FieldProblem } from '../../platform/errors.ts';
import { languageNames } from '../../platform/http/layout.tsx';
import type { Messages, MessageKey } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';

// Labels the report and plan pages share with other modules' catalogues.
export const levelLabel = (m: Messages, c: string) => m.t(`documents.level.${c}` as MessageKey);
export const weaponLabel = (m: Messages, w: string) => m.t(`matrix.weapon.${w}` as MessageKey);
export const languageName = (tag: string) => languageNames[tag as Locale] ?? tag;
export const invalidIf = (problems: FieldProblem[], field: string) => (problems.some((p) => p.field === field) ? 'true' : undefined);
