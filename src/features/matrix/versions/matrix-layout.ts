import type { TemplateField, TemplateRow as TemplateItem, TemplateSection } from '../templates/template.ts';
import type { TemplateRow } from '../templates/templates.ts';

export interface SectionLayout {
  section: TemplateSection;
  rows: TemplateItem[];
  /** One field per column, standing for its (weapon type, kind of measure) pair. */
  columns: TemplateField[];
  /** When each row has a single field (OP1 instruments), one column labelled by the kind only. */
  single: boolean;
  fieldAt: (row: TemplateItem, column: TemplateField) => TemplateField | undefined;
  fields: TemplateField[];
}

/** The grid of one section, as on the template page: rows down, (weapon type, kind) across. */
export function sectionLayout(template: Pick<TemplateRow, 'definition'>, section: TemplateSection): SectionLayout {
  const { rows, fields } = template.definition;
  const sectionRows = rows.filter((r) => r.section === section.code);
  const rowCodes = new Set(sectionRows.map((r) => r.code));
  const sectionFields = fields.filter((f) => rowCodes.has(f.row));
  const perRow = new Map<string, TemplateField[]>();
  for (const f of sectionFields) perRow.set(f.row, [...(perRow.get(f.row) ?? []), f]);
  const single = [...perRow.values()].every((fs) => fs.length <= 1);
  const columns = single
    ? sectionFields.slice(0, 1)
    : [...new Map(sectionFields.map((f) => [`${f.weaponType}|${f.measureKind}`, f])).values()];
  const fieldAt = (row: TemplateItem, column: TemplateField) =>
    single
      ? perRow.get(row.code)?.[0]
      : perRow.get(row.code)?.find((f) => f.weaponType === column.weaponType && f.measureKind === column.measureKind);
  return { section, rows: sectionRows, columns, single, fieldAt, fields: sectionFields };
}
