import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../../platform/audit/record.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { can, type Viewer } from '../../../platform/policy/policy.ts';
import { findTemplate, listTemplates } from '../templates/templates.ts';
import { type CellChangeInput, cellContent, checkCellChanges, sameContent } from '../versions/cells.ts';
import { type CellRow, cellsByMatrix, type MatrixRow } from '../versions/matrices.ts';
import { editable } from '../versions/workflow.ts';
import { auditIn, createVersions, matrixResource, writeCellChanges } from '../versions/writes.ts';
import { checkImport, describeWhere, type ParsedFile, type TransferCell, type TransferProblem } from './transfer.ts';
import { readCsv } from './transfer-csv.ts';
import type { TransferFormat } from './transfer-formats.ts';
import { readJson } from './transfer-json.ts';
import { readXlsx } from './xlsx-read.ts';

type Db = Kysely<DB> | Transaction<DB>;

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
        if (sameContent(c, now ? cellContent(now) : null)) continue;
        // The stale-save check of saveCells: a file exported from this very version names the
        // row version each cell had; a cell saved since then is not overwritten unknowingly.
        if (target && c.version === target.number && c.rev !== null && (now?.row_version ?? 0) !== c.rev) stale.push({ cell: c, now });
        changes.push(c);
      }
      // The checks of saveCells, as a last guard; each problem is placed at its cell.
      const fieldCodes = new Set(template.definition.fields.map((f) => f.code));
      for (const p of checkCellChanges(
        fieldCodes,
        changes.map((c) => changeInput(c, null)),
      )) {
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

    const touched = plans.filter((p) => p.changes.length);
    const audit = auditIn(trx, actor);
    const fresh = touched.filter((p) => !p.target);
    const drafts = await createVersions(
      trx,
      audit,
      fresh.map((p) => ({
        iso3: p.iso3,
        number: (lastNumber.get(p.iso3) ?? 0) + 1,
        template: template.version,
        base: p.base,
        demo: parsed.demo || parsed.demoStates.has(p.iso3) || (p.base?.demo ?? false),
      })),
    );
    const draftOf = new Map(drafts.map((d) => [d.state_iso3, d]));
    const fieldCodes = new Set(template.definition.fields.map((f) => f.code));
    const targets = touched.map((plan) => ({
      matrix: plan.target ?? draftOf.get(plan.iso3)!,
      fieldCodes,
      current: plan.current,
      changes: plan.changes.map((c) => changeInput(c, plan.target)),
    }));
    await writeCellChanges(trx, audit, viewer, targets);
    for (const { matrix } of targets) summary.states.find((x) => x.state === matrix.state_iso3)!.version = matrix.number;
    return summary;
  });
}

/** A file's cell as a change; one exported from the version it goes into names the row version it had. */
function changeInput(c: TransferCell, target: MatrixRow | null): CellChangeInput {
  return {
    field: c.field,
    ...(target && c.version === target.number && c.rev !== null ? { expectedVersion: c.rev } : {}),
    value: c.value,
    remarks: c.remarks,
    sources: c.sources,
    infoDate: c.infoDate,
    instrumentStatus: c.instrumentStatus,
    instrumentDate: c.instrumentDate,
  };
}
