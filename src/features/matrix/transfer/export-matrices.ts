import { setImmediate as turn } from 'node:timers/promises';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { visibleTo } from '../../../platform/db/visibility.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import { pick } from '../../../platform/i18n/locales.ts';
import { can, type Viewer, visibilityScope } from '../../../platform/policy/policy.ts';
import { findTemplate } from '../templates/templates.ts';
import { cellContent } from '../versions/cells.ts';
import { type CellRow, cellsByMatrix, type MatrixRow, matrixVersions } from '../versions/matrices.ts';
import type { ExportCell, ExportData, ExportHead, ExportMatrix } from './transfer.ts';
import { buildExport } from './export-build.ts';
import { csvType } from './transfer-csv.ts';
import type { TransferFormat } from './transfer-formats.ts';
import { jsonType } from './transfer-json.ts';
import { xlsxType } from './transfer-xlsx.ts';

/*
 * Matrices out as files: the versions an export holds, as the viewer may see them, and the file of
 * each format.
 */

export interface ExportOptions {
  /** One State (its ISO3 code); all the viewer may see when absent. */
  state?: string;
  /** A version number of that State; its newest visible version when absent. */
  version?: number;
  /** With all States: only the versions on this template (needed when they use several). */
  template?: string;
  locale: Messages['locale'];
}

/** Matrices whose cells one query reads (some 360 cells each). */
const matricesPerRead = 4;

const cellOf = (c: CellRow): ExportCell => ({ ...cellContent(c), rev: c.row_version });

/** The matrices an export holds, before their cells are read. */
export interface ExportSelection {
  head: ExportHead;
  chosen: MatrixRow[];
  /** Each State's name in the export's language. */
  names: Map<string, string>;
}

/**
 * The versions an export holds, as the viewer may see them: a State's given version or its newest
 * visible one (a draft only for those who may see it), or the newest of every State. Their cells
 * are not read yet (readMatrices).
 */
export async function selectExport(db: Kysely<DB>, viewer: Viewer | null, options: ExportOptions): Promise<ExportSelection> {
  const scope = visibilityScope(viewer);
  const states = await db
    .selectFrom('member_state')
    .select(['iso3', 'names', 'confidentiality'])
    .where('archived_at', 'is', null)
    .execute();
  const readable = new Map(
    states
      .filter((s) => can(viewer, 'read', { type: 'member-state', confidentiality: s.confidentiality, stateIso3: s.iso3 }))
      .map((s) => [s.iso3, pick(s.names, options.locale) || s.iso3]),
  );
  let chosen: MatrixRow[];
  if (options.state) {
    const iso3 = options.state.toUpperCase();
    if (!readable.has(iso3)) throw new AppError('not-found', `no Member State has the code ${iso3}`);
    const versions = await matrixVersions(db, scope, iso3);
    const found = options.version === undefined ? versions[0] : versions.find((v) => v.number === options.version);
    if (!found)
      throw new AppError(
        'not-found',
        options.version === undefined
          ? `${iso3} has no matrix that you may see`
          : `${iso3} has no matrix version ${options.version} that you may see`,
      );
    chosen = [found];
  } else {
    if (options.version !== undefined)
      throw new AppError('bad-request', 'a version number goes with one State: name the State, or leave the version out');
    const rows = await db
      .selectFrom('matrix')
      .selectAll()
      .where('archived_at', 'is', null)
      .where(visibleTo<DB, 'matrix'>(scope, 'state_iso3'))
      .orderBy('state_iso3')
      .orderBy('number', 'desc')
      .execute();
    const newest = new Map<string, MatrixRow>();
    for (const r of rows) if (!newest.has(r.state_iso3) && readable.has(r.state_iso3)) newest.set(r.state_iso3, r);
    chosen = [...newest.values()];
    if (options.template) chosen = chosen.filter((m) => m.template_version === options.template);
    if (!chosen.length)
      throw new AppError('not-found', `no matrix that you may see${options.template ? ` uses the template ${options.template}` : ''}`);
    const templates = [...new Set(chosen.map((m) => m.template_version))].sort();
    if (templates.length > 1)
      throw new AppError(
        'conflict',
        `the matrices use the templates ${templates.join(', ')}: export one template at a time (template=${templates[0]})`,
      );
  }
  const template = await findTemplate(db, chosen[0]!.template_version);
  if (!template) throw new AppError('not-found', `the matrix template ${chosen[0]!.template_version} was not found`);
  return { head: { template: { version: template.version, ...template.definition }, exportedAt: new Date() }, chosen, names: readable };
}

/**
 * The selected matrices with their cells, a few at a time (some 70,000 cells for every State),
 * with a turn of the event loop between reads: on PGlite a query runs on this thread (one query of
 * every cell held it), and a consumer that passes each part on (to the export's worker) keeps no
 * more than one part in memory here.
 */
export async function* readMatrices(db: Kysely<DB>, selection: ExportSelection): AsyncGenerator<ExportMatrix[]> {
  const { chosen, names } = selection;
  for (let i = 0; i < chosen.length; i += matricesPerRead) {
    if (i > 0) await turn();
    const part = chosen.slice(i, i + matricesPerRead);
    const cells = await cellsByMatrix(
      db,
      part.map((m) => m.id),
    );
    yield part.map((m) => ({
      state: m.state_iso3,
      stateName: names.get(m.state_iso3) ?? m.state_iso3,
      number: m.number,
      status: m.status,
      demo: m.demo,
      cells: new Map(cells.get(m.id)!.map((c) => [c.field_code, cellOf(c)])),
    }));
  }
}

/** The versions an export holds, with all their cells, as the viewer may see them (selectExport, readMatrices). */
export async function exportMatrices(db: Kysely<DB>, viewer: Viewer | null, options: ExportOptions): Promise<ExportData> {
  const selection = await selectExport(db, viewer, options);
  const matrices: ExportMatrix[] = [];
  for await (const part of readMatrices(db, selection)) matrices.push(...part);
  return { ...selection.head, matrices };
}

export interface ExportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

const contentTypes: Record<TransferFormat, string> = { xlsx: xlsxType, csv: csvType, json: jsonType };

const fileNameOf = (head: ExportHead, format: TransferFormat, one: { state: string; number: number } | null) => {
  const stamp = head.exportedAt.toISOString().slice(0, 10);
  return `${one ? `matrix-${one.state}-v${one.number}-${stamp}` : `matrices-${head.template.version}-${stamp}`}.${format}`;
};

/**
 * An export as a file of the format asked for, with labels in the exporter's language, written off
 * the event loop (export-build.ts) unless it is small.
 */
export async function exportFile(data: ExportData, format: TransferFormat, m: Messages): Promise<ExportFile> {
  const one = data.matrices.length === 1 ? data.matrices[0]! : null;
  const body = await buildExport(data, [data.matrices], data.matrices.length, format, m);
  return { body, contentType: contentTypes[format], fileName: fileNameOf(data, format, one) };
}

/**
 * The file of the selected matrices, their cells read a few at a time and each part passed on to the
 * worker that writes the file as soon as it is read: the event loop is never held long, and this
 * thread never holds every State's cells at once (their garbage collection held it too).
 */
export async function exportSelectionFile(
  db: Kysely<DB>,
  selection: ExportSelection,
  format: TransferFormat,
  m: Messages,
): Promise<ExportFile> {
  const first = selection.chosen[0]!;
  const one = selection.chosen.length === 1 ? { state: first.state_iso3, number: first.number } : null;
  const body = await buildExport(selection.head, readMatrices(db, selection), selection.chosen.length, format, m);
  return { body, contentType: contentTypes[format], fileName: fileNameOf(selection.head, format, one) };
}

/**
 * The public's export of every State's published matrix, kept in memory per format, language and
 * template until a version is published or a State's record changes: it takes seconds of CPU to
 * build and anyone may ask for it, so it is built once, not once per request.
 */
const publicExports = new Map<string, Promise<ExportFile>>();

export async function publicExportOfAll(db: Kysely<DB>, format: TransferFormat, m: Messages, template?: string): Promise<ExportFile> {
  const stamp = await sql<{ stamp: string }>`
    select concat_ws('/',
      (select count(*) from matrix where status = 'published' and archived_at is null),
      (select max(updated_at) from matrix where status = 'published'),
      (select max(updated_at) from member_state)) as stamp`.execute(db);
  const key = [format, m.locale, template ?? '', stamp.rows[0]?.stamp ?? ''].join('|');
  let file = publicExports.get(key);
  if (!file) {
    for (const k of publicExports.keys()) if (k.startsWith(`${format}|${m.locale}|${template ?? ''}|`)) publicExports.delete(k);
    file = selectExport(db, null, { locale: m.locale, ...(template ? { template } : {}) }).then((selection) =>
      exportSelectionFile(db, selection, format, m),
    );
    publicExports.set(key, file);
    file.catch(() => publicExports.delete(key));
  }
  return file;
}

/**
 * Every State's newest matrix the viewer may see, as one file: the one rule of both doors (the page
 * `/{lang}/matrix/export` and `GET /api/v1/matrix/export`). Published matrices are public: the
 * public gets every published one (the file built once and kept, `publicExportOfAll`); a signed-in
 * viewer gets the newest version of each State it may see (a draft only where it may see drafts).
 */
export async function exportOfAll(
  db: Kysely<DB>,
  viewer: Viewer | null,
  format: TransferFormat,
  m: Messages,
  template?: string,
): Promise<ExportFile> {
  if (!viewer) return publicExportOfAll(db, format, m, template);
  const selection = await selectExport(db, viewer, { locale: m.locale, ...(template ? { template } : {}) });
  return exportSelectionFile(db, selection, format, m);
}
