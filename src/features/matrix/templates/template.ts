import type { LocalizedText } from '../../../platform/i18n/locales.ts';

/**
 * A matrix template: the ordered sections, rows and fields of the 1540 Matrix, kept as
 * versioned reference data (`data/template-<version>.json`), never as code. A field is one cell
 * of the grid: a row (an instrument, an activity, a measure) in one column (a weapon type and a
 * kind of measure). Column labels come from the message catalogue; section and row labels are
 * in the data, in the six languages.
 */
export const paragraphs = ['OP1', 'OP2', 'OP3a', 'OP3b', 'OP3c', 'OP3d'] as const;
export type Paragraph = (typeof paragraphs)[number];

/** `delivery` is the means of delivery of such weapons. */
export const weaponTypes = ['nuclear', 'chemical', 'biological', 'delivery'] as const;
export type WeaponType = (typeof weaponTypes)[number];

/** OP1 rows record an instrument's status; the others a national legal framework or its enforcement. */
export const measureKinds = ['instrument', 'legal-framework', 'enforcement'] as const;
export type MeasureKind = (typeof measureKinds)[number];

/** The Committee's legend; '' is a blank cell: no information found. */
export const cellValues = ['X', '?', 'NA', ''] as const;
export type CellValue = (typeof cellValues)[number];

export interface TemplateSection {
  /** Stable code, e.g. `OP2`, `OP3d`. */
  code: string;
  paragraph: Paragraph;
  labels: LocalizedText;
}

export interface TemplateRow {
  /** Stable code, unique in the template, e.g. `OP2.MANUFACTURE`, `OP1.NPT`. */
  code: string;
  section: string;
  labels: LocalizedText;
}

export interface TemplateField {
  /** Stable code, unique in the template, e.g. `OP2.MANUFACTURE.N.LF`, `OP1.NPT`. */
  code: string;
  row: string;
  paragraph: Paragraph;
  /** The weapon type the field is about; null where it is about none in particular (e.g. OP1 memberships). */
  weaponType: WeaponType | null;
  measureKind: MeasureKind;
}

export interface TemplateData {
  version: string;
  /** When the Committee approved this format (ISO date). */
  approvedOn: string;
  title: LocalizedText;
  /** In display order. */
  sections: TemplateSection[];
  /** In display order within their section. */
  rows: TemplateRow[];
  /** In display order within their row. */
  fields: TemplateField[];
}
