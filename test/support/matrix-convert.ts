import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import { locales } from '../../src/platform/i18n/locales.ts';
import type { Actor } from '../../src/platform/audit/record.ts';
import { type CellChangeInput, moveMatrix, saveCells, startDraft } from '../../src/features/matrix/versions/commands.ts';
import type { MatrixStatus } from '../../src/features/matrix/schema.ts';
import type { TemplateData } from '../../src/features/matrix/templates/template.ts';
import type { Viewer } from '../../src/platform/policy/policy.ts';

// What the conversion tests share (test/integration/matrix-convert*.test.ts).

export type Definition = Pick<TemplateData, 'sections' | 'rows' | 'fields'>;
export const actor = (v: Viewer): Actor => ({ id: v.id, label: v.displayName });
export const law = [{ kind: 'law' as const, citation: 'Loi n° 2016-08', locator: 'art. 3' }];
export const labels = (text: string) =>
  Object.fromEntries(locales.map((l) => [l, `${text} (${l})`])) as Record<(typeof locales)[number], string>;

/** The edit every test makes of a copy of 2017: one field renamed, one removed, a row and its field added. */
export function edited(d: Definition): Definition {
  const fields = d.fields
    .filter((f) => f.code !== 'OP2.USE.B.EN')
    .map((f) => (f.code === 'OP2.MANUFACTURE.N.LF' ? { ...f, code: 'OP2.MANUFACTURE.N.LAW' } : f));
  const at = d.rows.findIndex((r) => r.code === 'OP2.USE');
  const rows: Definition['rows'] = [
    ...d.rows.slice(0, at + 1),
    { code: 'OP2.BROKER', section: 'OP2', labels: labels('Brokering') },
    ...d.rows.slice(at + 1),
  ];
  fields.push({ code: 'OP2.BROKER.N.LF', row: 'OP2.BROKER', paragraph: 'OP2', weaponType: 'nuclear', measureKind: 'legal-framework' });
  return { sections: d.sections, rows, fields };
}

export const rename = { from: '2017', to: '2026-test', fields: { 'OP2.MANUFACTURE.N.LF': 'OP2.MANUFACTURE.N.LAW' } };

/** Takes a State's first version from draft to publication with these cells. */
export async function publish(db: Kysely<DB>, expert: Viewer, admin: Viewer, iso3: string, cells: CellChangeInput[]) {
  const draft = await startDraft(db, actor(expert), iso3);
  await saveCells(db, actor(expert), expert, draft.id, cells);
  for (const to of ['sent', 'agreed', 'approved', 'published'] as MatrixStatus[]) await moveMatrix(db, actor(admin), admin, draft.id, to);
  return draft;
}

export const nerCells: CellChangeInput[] = [
  { field: 'OP2.MANUFACTURE.N.LF', expectedVersion: 0, value: 'X', sources: law, remarks: 'Loi de 2016', infoDate: '2017-03-01' },
  { field: 'OP2.USE.B.EN', expectedVersion: 0, value: '?', sources: law, remarks: 'Partial' },
  { field: 'OP1.NPT', expectedVersion: 0, value: 'X', sources: law, instrumentStatus: 'ratified', instrumentDate: '1970-03-05' },
  { field: 'OP3a.ACCOUNT-PRODUCTION.N.LF', expectedVersion: 0, value: 'NA' },
];
export const tcdCells: CellChangeInput[] = [
  { field: 'OP2.MANUFACTURE.N.LF', expectedVersion: 0, value: 'X', sources: law },
  { field: 'OP2.USE.N.LF', expectedVersion: 0, value: 'NA' },
];
