import { type Locale, type LocalizedText, pick } from '../../platform/i18n/locales.ts';
import { groupData } from '../member-states/index.ts';

/**
 * The one taxonomy that requests, offers, matrix fields and plans share: operative paragraph,
 * weapon type, area, kind of help, language and region. Codes are stable (stored in rows, used by
 * the matching engine and the API); labels are reference data in the six languages.
 */

export const paragraphs = ['OP1', 'OP2', 'OP3a', 'OP3b', 'OP3c', 'OP3d'] as const;
export type Paragraph = (typeof paragraphs)[number];

export const weaponTypes = ['nuclear', 'chemical', 'biological', 'delivery'] as const;
export type WeaponType = (typeof weaponTypes)[number];

export const areas = [
  'legislation',
  'export-control',
  'border-control',
  'accounting-protection',
  'biosafety-biosecurity',
  'chemical-security',
  'nuclear-security',
  'financing',
  'industry-outreach',
  'coordination',
  'reporting',
] as const;
export type Area = (typeof areas)[number];

export const helpKinds = ['expert-advice', 'training', 'equipment', 'legal-review', 'awareness', 'financial', 'visit'] as const;
export type HelpKind = (typeof helpKinds)[number];

/** Languages in which help is asked for or given: the six UN languages and Portuguese. */
export const helpLanguages = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'pt'] as const;
export type HelpLanguage = (typeof helpLanguages)[number];

/** Regions are the UN regional groups (`member_state.regional_group`). */
export const regions = [...groupData().keys()] as readonly string[];
export type Region = string;

export type Dimension = 'paragraph' | 'weapon' | 'area' | 'kind' | 'language' | 'region';

const L = (en: string, fr: string, es: string, ru: string, zh: string, ar: string): LocalizedText => ({ en, fr, es, ru, zh, ar });

export const paragraphLabels: Record<Paragraph, LocalizedText> = {
  OP1: L('OP1: reporting', 'PO1 : rapports', 'PO1: informes', 'П1: доклады', '执行段落1：报告', 'الفقرة 1: التقارير'),
  OP2: L('OP2: prohibitions', 'PO2 : interdictions', 'PO2: prohibiciones', 'П2: запреты', '执行段落2：禁止', 'الفقرة 2: أوجه الحظر'),
  OP3a: L(
    'OP3 (a): accounting and securing',
    'PO3 a) : comptabilité et sécurisation',
    'PO3 a): contabilidad y protección',
    'П3 (a): учет и сохранность',
    '执行段落3(a)：衡算和保安',
    'الفقرة 3 (أ): حصر المواد وتأمينها',
  ),
  OP3b: L(
    'OP3 (b): physical protection',
    'PO3 b) : protection physique',
    'PO3 b): protección física',
    'П3 (b): физическая защита',
    '执行段落3(b)：实物保护',
    'الفقرة 3 (ب): الحماية المادية',
  ),
  OP3c: L(
    'OP3 (c): border controls and law enforcement',
    'PO3 c) : contrôles aux frontières et répression',
    'PO3 c): controles fronterizos y aplicación de la ley',
    'П3 (c): пограничный контроль и правоприменение',
    '执行段落3(c)：边境管制和执法',
    'الفقرة 3 (ج): الضوابط الحدودية وإنفاذ القانون',
  ),
  OP3d: L(
    'OP3 (d): export and trans-shipment controls',
    'PO3 d) : contrôles des exportations et du transbordement',
    'PO3 d): controles de exportación y transbordo',
    'П3 (d): экспортный контроль и контроль за перевалкой',
    '执行段落3(d)：出口和转运管制',
    'الفقرة 3 (د): ضوابط التصدير وإعادة الشحن',
  ),
};

export const weaponLabels: Record<WeaponType, LocalizedText> = {
  nuclear: L('nuclear weapons', 'armes nucléaires', 'armas nucleares', 'ядерное оружие', '核武器', 'الأسلحة النووية'),
  chemical: L('chemical weapons', 'armes chimiques', 'armas químicas', 'химическое оружие', '化学武器', 'الأسلحة الكيميائية'),
  biological: L('biological weapons', 'armes biologiques', 'armas biológicas', 'биологическое оружие', '生物武器', 'الأسلحة البيولوجية'),
  delivery: L('means of delivery', 'vecteurs', 'sistemas vectores', 'средства доставки', '运载工具', 'وسائل الإيصال'),
};

export const areaLabels: Record<Area, LocalizedText> = {
  legislation: L(
    'legislative drafting',
    'rédaction législative',
    'redacción legislativa',
    'разработка законодательства',
    '立法起草',
    'الصياغة التشريعية',
  ),
  'export-control': L(
    'export and trans-shipment control',
    'contrôle des exportations et du transbordement',
    'control de las exportaciones y el transbordo',
    'контроль за экспортом и перевалкой',
    '出口和转运管制',
    'مراقبة التصدير وإعادة الشحن',
  ),
  'border-control': L(
    'border control and law enforcement',
    'contrôle aux frontières et répression',
    'control fronterizo y aplicación de la ley',
    'пограничный контроль и правоприменение',
    '边境管制和执法',
    'مراقبة الحدود وإنفاذ القانون',
  ),
  'accounting-protection': L(
    'accounting and physical protection',
    'comptabilité et protection physique',
    'contabilidad y protección física',
    'учет и физическая защита',
    '衡算和实物保护',
    'الحصر والحماية المادية',
  ),
  'biosafety-biosecurity': L(
    'biosafety and biosecurity',
    'sûreté et sécurité biologiques',
    'seguridad biológica y bioprotección',
    'биобезопасность и биозащита',
    '生物安全和生物安保',
    'السلامة البيولوجية والأمن البيولوجي',
  ),
  'chemical-security': L(
    'chemical security',
    'sécurité chimique',
    'seguridad química',
    'химическая безопасность',
    '化学安保',
    'الأمن الكيميائي',
  ),
  'nuclear-security': L('nuclear security', 'sécurité nucléaire', 'seguridad nuclear', 'ядерная безопасность', '核安保', 'الأمن النووي'),
  financing: L(
    'financing of proliferation',
    'financement de la prolifération',
    'financiación de la proliferación',
    'финансирование распространения',
    '扩散融资',
    'تمويل الانتشار',
  ),
  'industry-outreach': L(
    'industry outreach',
    'sensibilisation de l’industrie',
    'divulgación a la industria',
    'работа с промышленностью',
    '面向工业界的外联',
    'التواصل مع القطاع الصناعي',
  ),
  coordination: L(
    'national coordination',
    'coordination nationale',
    'coordinación nacional',
    'национальная координация',
    '国家协调',
    'التنسيق الوطني',
  ),
  reporting: L(
    'reporting and action plans',
    'rapports et plans d’action',
    'informes y planes de acción',
    'доклады и планы действий',
    '报告和行动计划',
    'التقارير وخطط العمل',
  ),
};

export const kindLabels: Record<HelpKind, LocalizedText> = {
  'expert-advice': L(
    'expert advice',
    'conseils d’experts',
    'asesoramiento de expertos',
    'экспертные консультации',
    '专家咨询',
    'مشورة الخبراء',
  ),
  training: L('training', 'formation', 'capacitación', 'обучение', '培训', 'التدريب'),
  equipment: L('equipment', 'équipement', 'equipo', 'оборудование', '设备', 'المعدات'),
  'legal-review': L('legal review', 'examen juridique', 'examen jurídico', 'правовой анализ', '法律审查', 'المراجعة القانونية'),
  awareness: L('awareness raising', 'sensibilisation', 'sensibilización', 'повышение осведомленности', '提高认识', 'التوعية'),
  financial: L('financial support', 'soutien financier', 'apoyo financiero', 'финансовая поддержка', '资金支助', 'الدعم المالي'),
  visit: L('visit', 'visite', 'visita', 'посещение', '访问', 'الزيارة'),
};

export const languageLabels: Record<HelpLanguage, LocalizedText> = {
  ar: L('Arabic', 'arabe', 'árabe', 'арабский', '阿拉伯文', 'العربية'),
  zh: L('Chinese', 'chinois', 'chino', 'китайский', '中文', 'الصينية'),
  en: L('English', 'anglais', 'inglés', 'английский', '英文', 'الإنكليزية'),
  fr: L('French', 'français', 'francés', 'французский', '法文', 'الفرنسية'),
  ru: L('Russian', 'russe', 'ruso', 'русский', '俄文', 'الروسية'),
  es: L('Spanish', 'espagnol', 'español', 'испанский', '西班牙文', 'الإسبانية'),
  pt: L('Portuguese', 'portugais', 'portugués', 'португальский', '葡萄牙文', 'البرتغالية'),
};

export const regionLabels: Record<string, LocalizedText> = Object.fromEntries([...groupData().values()].map((g) => [g.code, g.names]));

const tables: Record<Dimension, Record<string, LocalizedText>> = {
  paragraph: paragraphLabels,
  weapon: weaponLabels,
  area: areaLabels,
  kind: kindLabels,
  language: languageLabels,
  region: regionLabels,
};

export const codesOf: Record<Dimension, readonly string[]> = {
  paragraph: paragraphs,
  weapon: weaponTypes,
  area: areas,
  kind: helpKinds,
  language: helpLanguages,
  region: regions,
};

/** The label of a code in the reader's language; an unknown code is shown as it is. */
export function labelOf(dimension: Dimension, code: string, locale: Locale): string {
  const t = tables[dimension][code];
  return t ? pick(t, locale) : code;
}

export function isCode(dimension: Dimension, code: string): boolean {
  return codesOf[dimension].includes(code);
}

/** The codes of a dimension that are not known, for a field problem. */
export function unknownCodes(dimension: Dimension, codes: readonly string[]): string[] {
  return codes.filter((c) => !isCode(dimension, c));
}

/**
 * Where a matrix field sits in the taxonomy: its paragraph (the template section) and, from its
 * code and section, the areas it belongs to. Used to turn matrix gaps into request items.
 */
export function areasOfParagraph(paragraph: string, weapon?: WeaponType): Area[] {
  switch (paragraph) {
    case 'OP1':
      return ['reporting'];
    case 'OP2':
      return ['legislation'];
    case 'OP3a':
    case 'OP3b':
      return weapon === 'biological'
        ? ['biosafety-biosecurity']
        : weapon === 'chemical'
          ? ['chemical-security', 'accounting-protection']
          : weapon === 'nuclear'
            ? ['nuclear-security', 'accounting-protection']
            : ['accounting-protection'];
    case 'OP3c':
      return ['border-control'];
    case 'OP3d':
      return ['export-control'];
    default:
      return [];
  }
}

/** The whole taxonomy with labels in one language, for the API and the forms. */
export function taxonomyIn(locale: Locale): Record<Dimension, { code: string; label: string }[]> {
  const out = {} as Record<Dimension, { code: string; label: string }[]>;
  for (const d of Object.keys(codesOf) as Dimension[]) out[d] = codesOf[d].map((code) => ({ code, label: labelOf(d, code, locale) }));
  return out;
}
