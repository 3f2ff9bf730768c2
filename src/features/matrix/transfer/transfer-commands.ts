import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { visibleTo } from '../../../platform/db/visibility.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import { pick } from '../../../platform/i18n/locales.ts';
import { can, type Viewer, visibilityScope } from '../../../platform/policy/policy.ts';
import { type Actor, recordChange } from '../../../platform/audit/record.ts';
import { auditedMatrix, type CellChangeInput, checkCellChanges, matrixResource } from '../versions/commands.ts';
import { type CellRow, comparable, type MatrixRow, matrixVersions } from '../versions/matrices.ts';
import type { CellSource } from '../schema.ts';
import { findTemplate, listTemplates } from '../templates/templates.ts';
import {
  checkImport,
  describeWhere,
  type ExportCell,
  type ExportData,
  type ExportMatrix,
  normalSource,
  type ParsedFile,
  sameContent,
  type TransferCell,
  type TransferProblem,
} from './transfer.ts';
import { csvType, readCsv, writeCsv } from './transfer-csv.ts';
import { jsonType, readJson, writeJson } from './transfer-json.ts';
import { readXlsx, writeXlsx, xlsxType } from './transfer-xlsx.ts';
import { editable } from '../versions/workflow.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const transferFormats = ['xlsx', 'csv', 'json'] as const;
export type TransferFormat = (typeof transferFormats)[number];
export const isTransferFormat = (s: string | undefined): s is TransferFormat => (transferFormats as readonly string[]).includes(s ?? '');

/** The format a file name says (its extension); null when it says none of the three. */
export function formatOfName(name: string | undefined): TransferFormat | null {
  const ext = /\.([A-Za-z]+)$/.exec(name ?? '')?.[1]?.toLowerCase();
  return isTransferFormat(ext) ? ext : null;
}

/** The format of a file by its first bytes, for a file whose name says nothing. */
export function sniffFormat(buf: Buffer): TransferFormat {
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  const start = buf
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return start.startsWith('{') ? 'json' : 'csv';
}

/** An import refused for problems of the file, each with its place. Nothing was written. */
export class ImportRefused extends AppError {
  readonly problems: TransferProblem[];
  constructor(problems: TransferProblem[]) {
    super('validation', `${problems.length} problem${problems.length === 1 ? '' : 's'} in the file; nothing was imported`, {
      fields: problems.map((p) => ({ field: describeWhere(p.where), problem: p.problem })),
    });
    this.problems = problems;
  }
}

// ---------------------------------------------------------------------------------------------
// Export

export interface ExportOptions {
  /** One State (its ISO3 code); all the viewer may see when absent. */
  state?: string;
  /** A version number of that State; its newest visible version when absent. */
  version?: number;
  /** With all States: only the versions on this template (needed when they use several). */
  template?: string;
  locale: Messages['locale'];
}

const cellOf = (c: CellRow): ExportCell => ({
  value: c.value,
  sources: c.sources,
  infoDate: c.info_date,
  remarks: c.remarks,
  instrumentStatus: c.instrument_status,
  instrumentDate: c.instrument_date,
  rev: c.row_version,
});

async function cellsByMatrix(db: Db, ids: string[]): Promise<Map<string, CellRow[]>> {
  const out = new Map<string, CellRow[]>(ids.map((id) => [id, []]));
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('matrix_cell')
      .selectAll()
      .where('matrix_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.get(r.matrix_id)!.push(r);
  }
  return out;
}

/**
 * The versions an export holds, as the viewer may see them: a State's given version or its newest
 * visible one (a draft only for those who may see it), or the newest of every State.
 */
export async function exportMatrices(db: Kysely<DB>, viewer: Viewer | null, options: ExportOptions): Promise<ExportData> {
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
  const cells = await cellsByMatrix(
    db,
    chosen.map((m) => m.id),
  );
  const matrices: ExportMatrix[] = chosen.map((m) => ({
    state: m.state_iso3,
    stateName: readable.get(m.state_iso3) ?? m.state_iso3,
    number: m.number,
    status: m.status,
    demo: m.demo,
    cells: new Map(cells.get(m.id)!.map((c) => [c.field_code, cellOf(c)])),
  }));
  return { template: { version: template.version, ...template.definition }, matrices, exportedAt: new Date() };
}

export interface ExportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/** An export as a file of the format asked for, with labels in the exporter's language. */
export async function exportFile(data: ExportData, format: TransferFormat, m: Messages): Promise<ExportFile> {
  const stamp = data.exportedAt.toISOString().slice(0, 10);
  const one = data.matrices.length === 1 ? data.matrices[0]! : null;
  const base = one ? `matrix-${one.state}-v${one.number}-${stamp}` : `matrices-${data.template.version}-${stamp}`;
  if (format === 'xlsx') return { body: await writeXlsx(data, m), contentType: xlsxType, fileName: `${base}.xlsx` };
  if (format === 'csv') return { body: writeCsv(data, m), contentType: csvType, fileName: `${base}.csv` };
  return { body: writeJson(data, m), contentType: jsonType, fileName: `${base}.json` };
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
    file = exportMatrices(db, null, { locale: m.locale, ...(template ? { template } : {}) }).then((data) => exportFile(data, format, m));
    publicExports.set(key, file);
    file.catch(() => publicExports.delete(key));
  }
  return file;
}

// ---------------------------------------------------------------------------------------------
// Import

/** Reads a file of the given format (or the one its bytes show) against the templates in the database. */
export async function parseFile(db: Db, buf: Buffer, format: TransferFormat): Promise<ParsedFile> {
  const templates = await listTemplates(db as Kysely<DB>);
  const stateCount = Number(
    (
      await db
        .selectFrom('member_state')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const fieldCount = Math.max(1, ...templates.map((t) => t.definition.fields.length));
  if (format === 'csv') return readCsv(buf, { fieldCount, stateCount });
  if (format === 'json') return readJson(buf, { fieldCount, stateCount });
  const sections = new Map(
    templates.map((t) => {
      const rowSection = new Map(t.definition.rows.map((r) => [r.code, r.section]));
      const counts = new Map<string, number>(t.definition.sections.map((s) => [s.code, 0]));
      for (const f of t.definition.fields) {
        const s = rowSection.get(f.row) ?? '';
        counts.set(s, (counts.get(s) ?? 0) + 1);
      }
      return [t.version, counts] as const;
    }),
  );
  return readXlsx(buf, { sectionsOf: (v) => sections.get(v), stateCount });
}

export interface StateImport {
  state: string;
  /** The version written (or that a dry run would write). */
  version: number;
  /** Whether that version is a new draft started for the import. */
  newDraft: boolean;
  /** The approved version a new draft starts from. */
  basedOn: number | null;
  /** The fields whose cells change, in file order. */
  changed: string[];
}

export interface ImportSummary {
  dryRun: boolean;
  template: string;
  format: ParsedFile['format'];
  states: StateImport[];
  /** Cells changed in all. */
  changed: number;
  /** Cells the file holds. */
  cells: number;
}

export interface ImportOptions {
  dryRun?: boolean;
  /** Only this State's matrix may be in the file (the State's own import page). */
  onlyState?: string;
}

/** The keepers of the matrices (the Group of Experts, administrators) import; a point of contact comments, never imports. */
export function assertMayImport(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw new AppError('unauthenticated', 'log in to import matrices');
  if (!can(viewer, 'update', { type: 'matrix', confidentiality: 'committee', stateIso3: null }))
    throw new AppError('forbidden', 'your account may not import matrices: the Group of Experts keeps them');
}

const draftResource = (iso3: string) => ({ type: 'matrix' as const, confidentiality: 'committee-and-state' as const, stateIso3: iso3 });

type CellValues = Pick<TransferCell, 'value' | 'sources' | 'infoDate' | 'remarks' | 'instrumentStatus' | 'instrumentDate'>;
const storedContent = (c: CellRow): CellValues => ({
  value: c.value,
  sources: c.sources,
  infoDate: c.info_date,
  remarks: c.remarks,
  instrumentStatus: c.instrument_status,
  instrumentDate: c.instrument_date,
});

/**
 * Loads the cells of a file into each State's open version (a draft started from the latest
 * approved version where none is open): all of them or none. Every cell is checked first (the
 * checks of `checkImport`, then those of `saveCells`), and every State: the viewer may change its
 * matrix, the file follows the template of the version it goes into, and no cell the file changes
 * was saved by someone else since the file was exported from that same version (`rev`). Only the
 * cells that differ are written, in a few statements; each version changed gets the audit event
 * `saveCells` records (and a new draft the one of `startDraft`), in one transaction.
 */
export async function importMatrices(
  db: Kysely<DB>,
  actor: Actor,
  viewer: Viewer | null,
  parsed: ParsedFile,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  assertMayImport(viewer);
  if (parsed.problems.length) throw new ImportRefused(parsed.problems);
  const templateName = parsed.template ?? '';
  const template = templateName ? await findTemplate(db, templateName) : undefined;
  if (!template || template.archived_at)
    throw new ImportRefused([{ where: parsed.templateAt, problem: `no matrix template has the version ${templateName || '(blank)'}` }]);
  if (!parsed.cells.length) throw new ImportRefused([{ where: { file: true }, problem: 'the file holds no cells' }]);

  const stateRows = await db.selectFrom('member_state').select(['iso3', 'confidentiality']).where('archived_at', 'is', null).execute();
  const states = new Set(
    stateRows
      .filter((s) => can(viewer, 'read', { type: 'member-state', confidentiality: s.confidentiality, stateIso3: s.iso3 }))
      .map((s) => s.iso3),
  );
  const problems = checkImport({ version: template.version, ...template.definition }, parsed.cells, { states });
  if (options.onlyState) {
    const others = new Map<string, TransferCell>();
    for (const c of parsed.cells) if (c.state && c.state !== options.onlyState && !others.has(c.state)) others.set(c.state, c);
    for (const [iso3, c] of others)
      problems.push({
        where: c.locate('state'),
        problem: `this page imports the matrix of ${options.onlyState}; the file also holds ${iso3} (import several States through the API or the command line)`,
      });
  }
  if (problems.length) throw new ImportRefused(problems);

  const byState = new Map<string, TransferCell[]>();
  for (const c of parsed.cells) {
    const list = byState.get(c.state);
    if (list) list.push(c);
    else byState.set(c.state, [c]);
  }
  const isos = [...byState.keys()].sort();

  return db.transaction().execute(async (trx) => {
    // The open versions, locked: a save or a step meanwhile waits for this import.
    const open = new Map(
      (
        await trx
          .selectFrom('matrix')
          .selectAll()
          .where('state_iso3', 'in', isos)
          .where('status', 'not in', ['approved', 'published'])
          .where('archived_at', 'is', null)
          .forUpdate()
          .execute()
      ).map((m) => [m.state_iso3, m]),
    );
    const approved = new Map<string, MatrixRow>();
    for (const m of await trx
      .selectFrom('matrix')
      .selectAll()
      .where('state_iso3', 'in', isos)
      .where('status', 'in', ['approved', 'published'])
      .where('archived_at', 'is', null)
      .orderBy('state_iso3')
      .orderBy('number', 'desc')
      .execute())
      if (!approved.has(m.state_iso3)) approved.set(m.state_iso3, m);
    const lastNumber = new Map(
      (
        await trx
          .selectFrom('matrix')
          .select(['state_iso3', (eb) => eb.fn.max('number').as('n')])
          .where('state_iso3', 'in', isos)
          .groupBy('state_iso3')
          .execute()
      ).map((r) => [r.state_iso3, Number(r.n)]),
    );
    // Each State's cells as they stand: its open version's, or those a new draft would copy.
    const sourceOf = (iso3: string) => open.get(iso3) ?? approved.get(iso3) ?? null;
    const cells = await cellsByMatrix(
      trx,
      isos
        .map(sourceOf)
        .filter((m): m is MatrixRow => m !== null)
        .map((m) => m.id),
    );

    const problems: TransferProblem[] = [];
    const plans: {
      iso3: string;
      target: MatrixRow | null;
      base: MatrixRow | null;
      current: Map<string, CellRow>;
      changes: TransferCell[];
    }[] = [];
    const stale: { cell: TransferCell; now: CellRow | undefined }[] = [];
    for (const iso3 of isos) {
      const fileCells = byState.get(iso3)!;
      const first = fileCells[0]!;
      const target = open.get(iso3) ?? null;
      const base = target ? null : (approved.get(iso3) ?? null);
      if (!can(viewer, 'update', target ? matrixResource(target) : draftResource(iso3))) {
        problems.push({ where: first.locate('state'), problem: `your account may not change the matrix of ${iso3}` });
        continue;
      }
      if (target && !editable.includes(target.status)) {
        problems.push({
          where: first.locate('state'),
          problem: `the version ${target.number} of ${iso3} is ${target.status} and never changes`,
        });
        continue;
      }
      const onTemplate = target?.template_version ?? base?.template_version ?? template.version;
      if (onTemplate !== template.version) {
        problems.push({
          where: parsed.templateAt,
          problem: `the file follows the template ${template.version}, but ${target ? `the version ${target.number} of ${iso3} in the works` : `the latest approved version of ${iso3}`} uses ${onTemplate}`,
        });
        continue;
      }
      const fromMatrix = sourceOf(iso3);
      const current = new Map((fromMatrix ? cells.get(fromMatrix.id)! : []).map((c) => [c.field_code, c]));
      const changes: TransferCell[] = [];
      for (const c of fileCells) {
        const now = current.get(c.field);
        if (sameContent(c, now ? storedContent(now) : null)) continue;
        // The stale-save check of saveCells: a file exported from this very version names the
        // row version each cell had; a cell saved since then is not overwritten unknowingly.
        if (target && c.version === target.number && c.rev !== null && (now?.row_version ?? 0) !== c.rev) stale.push({ cell: c, now });
        changes.push(c);
      }
      // The checks of saveCells, as a last guard; each problem is placed at its cell.
      const fieldCodes = new Set(template.definition.fields.map((f) => f.code));
      for (const p of checkCellChanges(fieldCodes, changes.map(changeInput))) {
        const code = changes.find((c) => p.field === c.field || p.field.startsWith(`${c.field}.`));
        problems.push({ where: code ? code.locate('field') : first.locate('state'), problem: `${p.field}: ${p.problem}` });
      }
      plans.push({ iso3, target, base, current, changes });
    }
    if (stale.length) {
      const who = new Map((await trx.selectFrom('app_user').select(['id', 'display_name']).execute()).map((u) => [u.id, u.display_name]));
      for (const { cell, now } of stale)
        problems.push({
          where: cell.locate('rev'),
          problem: `someone else saved ${cell.state} ${cell.field} since this file was exported: now "${now?.value ?? ''}", saved by ${
            now?.updated_by ? (who.get(now.updated_by) ?? 'someone') : 'someone'
          } (version ${now?.row_version ?? 0}; the file has ${cell.rev})`,
        });
    }
    if (problems.length) throw new ImportRefused(problems);

    const summary: ImportSummary = {
      dryRun: options.dryRun === true,
      template: template.version,
      format: parsed.format,
      states: plans.map((p) => ({
        state: p.iso3,
        version: p.target?.number ?? (lastNumber.get(p.iso3) ?? 0) + 1,
        newDraft: !p.target && p.changes.length > 0,
        basedOn: p.target ? null : (p.base?.number ?? null),
        changed: p.changes.map((c) => c.field),
      })),
      changed: plans.reduce((n, p) => n + p.changes.length, 0),
      cells: parsed.cells.length,
    };
    if (options.dryRun) return summary;

    const now = new Date();
    const touched = plans.filter((p) => p.changes.length);
    const drafts = await startDrafts(
      trx,
      actor,
      touched
        .filter((p) => !p.target)
        .map((p) => ({
          iso3: p.iso3,
          number: (lastNumber.get(p.iso3) ?? 0) + 1,
          base: p.base,
          demo: parsed.demo || parsed.demoStates.has(p.iso3) || (p.base?.demo ?? false),
        })),
      template.version,
    );
    const rows = touched.map((plan) => ({ matrix: plan.target ?? drafts.get(plan.iso3)!, plan }));
    // The cells in a few statements: each a batch passed as one JSON parameter (binding tens of
    // thousands of parameters costs more than the writing), inserted or, where the cell exists,
    // updated with its row version moved on, as saveCells does.
    const values = rows.flatMap(({ matrix, plan }) =>
      plan.changes.map((c) => ({
        matrix_id: matrix.id,
        field_code: c.field,
        value: c.value,
        remarks: c.remarks,
        sources: c.sources.map(normalSource),
        info_date: c.infoDate,
        instrument_status: c.instrumentStatus,
        instrument_date: c.instrumentDate,
      })),
    );
    for (let i = 0; i < values.length; i += 5000)
      await sql`
        insert into matrix_cell (matrix_id, field_code, value, remarks, sources, info_date, instrument_status, instrument_date, updated_by, updated_at)
        select x.matrix_id, x.field_code, x.value, x.remarks, x.sources, x.info_date, x.instrument_status, x.instrument_date, ${actor.id}::uuid, ${now}
        from jsonb_to_recordset(${JSON.stringify(values.slice(i, i + 5000))}::jsonb) as x(
          matrix_id uuid, field_code text, value text, remarks text, sources jsonb, info_date date, instrument_status text, instrument_date date)
        on conflict (matrix_id, field_code) do update set
          value = excluded.value, remarks = excluded.remarks, sources = excluded.sources, info_date = excluded.info_date,
          instrument_status = excluded.instrument_status, instrument_date = excluded.instrument_date,
          updated_by = excluded.updated_by, updated_at = excluded.updated_at, row_version = matrix_cell.row_version + 1`.execute(trx);
    if (rows.length)
      await trx
        .updateTable('matrix')
        .set({ updated_at: now, row_version: sql<number>`row_version + 1` })
        .where(
          'id',
          'in',
          rows.map((r) => r.matrix.id),
        )
        .execute();
    for (const { matrix, plan } of rows) {
      // The audit event saveCells records, field by field.
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const c of plan.changes) {
        const old = plan.current.get(c.field);
        before[c.field] = old ? comparable(old) : null;
        after[c.field] = { value: c.value, remarks: c.remarks, sources: c.sources.map(normalSource), infoDate: c.infoDate };
      }
      await recordChange(trx, actor, {
        action: 'update',
        recordType: 'matrix',
        recordId: matrix.id,
        confidentiality: matrix.confidentiality,
        stateIso3: matrix.state_iso3,
        before,
        after,
      });
      const s = summary.states.find((x) => x.state === plan.iso3)!;
      s.version = matrix.number;
    }
    return summary;
  });
}

/**
 * `startDraft` for many States at once: each new version a copy of the latest approved one (the
 * first starts blank), numbered after the State's last, with the same audit event. The callers
 * checked that none is open (the database's one-open-version index guards it too) and that the
 * template is the approved version's.
 */
async function startDrafts(
  trx: Transaction<DB>,
  actor: Actor,
  drafts: { iso3: string; number: number; base: MatrixRow | null; demo: boolean }[],
  templateVersion: string,
): Promise<Map<string, MatrixRow>> {
  const out = new Map<string, MatrixRow>();
  if (!drafts.length) return out;
  const rows = await trx
    .insertInto('matrix')
    .values(
      drafts.map((d) => ({
        state_iso3: d.iso3,
        number: d.number,
        template_version: templateVersion,
        based_on: d.base?.id ?? null,
        demo: d.demo,
      })),
    )
    .returningAll()
    .execute();
  const copied = rows.filter((r) => r.based_on !== null).map((r) => r.id);
  if (copied.length)
    await sql`
      insert into matrix_cell (matrix_id, field_code, value, info_date, remarks, sources, instrument_status, instrument_date, updated_by)
      select m.id, c.field_code, c.value, c.info_date, c.remarks, c.sources, c.instrument_status, c.instrument_date, c.updated_by
      from matrix m join matrix_cell c on c.matrix_id = m.based_on
      where m.id in (${sql.join(copied)})`.execute(trx);
  for (const row of rows) {
    await recordChange(trx, actor, {
      action: 'create',
      recordType: 'matrix',
      recordId: row.id,
      confidentiality: row.confidentiality,
      stateIso3: row.state_iso3,
      after: auditedMatrix(row),
    });
    out.set(row.state_iso3, row);
  }
  return out;
}

function changeInput(c: TransferCell): CellChangeInput {
  return {
    field: c.field,
    expectedVersion: 0,
    value: c.value,
    remarks: c.remarks,
    sources: c.sources.map(normalSource) as CellSource[],
    infoDate: c.infoDate,
    instrumentStatus: c.instrumentStatus,
    instrumentDate: c.instrumentDate,
  };
}
