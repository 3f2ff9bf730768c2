import type { Insertable, Kysely, Transaction } from 'kysely';
import { type Actor, type Change, systemActor } from '../../../platform/audit/record.ts';
import type { AuditEventTable } from '../../../platform/audit/schema.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Viewer } from '../../../platform/policy/policy.ts';
import { viewerOf } from '../../accounts/index.ts';
import type { MatrixStatus } from '../schema.ts';
import { findTemplate } from '../templates/templates.ts';
import { type DemoCell, type DemoVersion, demoHistory } from './demo-history.ts';
import type { CellRow, MatrixRow } from './matrices.ts';
import { type Auditor, createVersions, stepMatrix, writeCellChanges } from './writes.ts';

export { type DemoCell, type DemoState, type DemoVersion, demoCapacity, demoHistory } from './demo-history.ts';

export interface DemoOptions {
  /** Only these States (ISO 3166-1 alpha-3 codes); all Member States by default. */
  states?: readonly string[];
  templateVersion?: string;
  /** Progress lines, every `progressEvery` States. */
  log?: (line: string) => void;
  progressEvery?: number;
}

export interface DemoResult {
  /** States given a demonstration history by this call. */
  states: number;
  matrices: number;
  /** States left alone because they have a matrix already (demonstration or not). */
  skipped: number;
  ms: number;
}

type DemoAccounts = Record<'expert' | 'committee' | 'secretariat', Viewer>;

async function demoViewers(db: Kysely<DB>): Promise<DemoAccounts> {
  const users = await db
    .selectFrom('app_user')
    .selectAll()
    .where('email', 'in', ['expert@demo.r1540.org', 'committee@demo.r1540.org', 'secretariat@demo.r1540.org'])
    .where('disabled_at', 'is', null)
    .execute();
  const byRole = (role: string) => {
    const u = users.find((x) => x.role === role);
    if (!u) throw new Error(`the demonstration matrices need the demo ${role} account: load the demo accounts first (r1540 seed --demo)`);
    return viewerOf(u);
  };
  return { expert: byRole('expert'), committee: byRole('committee'), secretariat: byRole('secretariat') };
}

/** The steps that take a version where it stands, the demo account that takes each, and when. */
function stepsTo(version: DemoVersion, who: DemoAccounts): [MatrixStatus, Viewer, string][] {
  const all: [MatrixStatus, Viewer, string | undefined][] = [
    ['sent', who.expert, version.sent],
    ['agreed', who.expert, version.agreed],
    ['approved', who.committee, version.approved],
    ['published', who.secretariat, version.published],
  ];
  const taken = version.status === 'published' ? all : version.status === 'sent' ? all.slice(0, 1) : [];
  return taken.map(([to, viewer, at]) => [to, viewer, at ?? version.started]);
}

/**
 * The audit events of a State's history, collected and written in one statement at the end: the
 * events are the write core's, each naming the demo account that took the step.
 */
function collector(audit: Insertable<AuditEventTable>[], actor: Actor): Auditor {
  return {
    actor,
    record: async (change: Change) => {
      audit.push({
        actor_id: actor.id,
        actor_label: actor.label,
        action: change.action,
        record_type: change.recordType,
        record_id: change.recordId,
        confidentiality: change.confidentiality,
        state_iso3: change.stateIso3 ?? null,
        before: change.before === undefined ? null : JSON.stringify(change.before),
        after: change.after === undefined ? null : JSON.stringify(change.after),
      });
    },
  };
}

const asActor = (v: Viewer): Actor => ({ id: v.id, label: v.displayName });

/**
 * Writes one State's whole demonstration history in one transaction, through the write core:
 * each version starts as a copy of the latest approved one (`createVersions`), the demo expert
 * changes its cells (`writeCellChanges`: the checks, the policy, the row versions), and the demo
 * accounts move it along its way (`stepMatrix`), each on the demonstration's past dates
 * (2018–2025). The audit history is the core's events, collected and written in one statement:
 * a State's history took a dozen statements when it was written beside the core, and every first
 * start pays it (`r1540 serve`, the CLI and their tests).
 */
async function writeDemoHistory(
  trx: Transaction<DB>,
  actor: Actor,
  who: DemoAccounts,
  iso3: string,
  templateVersion: string,
  fieldCodes: ReadonlySet<string>,
  history: DemoVersion[],
): Promise<number> {
  const audit: Insertable<AuditEventTable>[] = [];
  const expert = collector(audit, asActor(who.expert));
  /** The latest approved version, and its cells as a new draft copies them. */
  let base: MatrixRow | null = null;
  let approved = new Map<string, DemoCell>();
  for (const version of history) {
    const started = new Date(version.started);
    const [draft] = await createVersions(trx, collector(audit, actor), [
      { iso3, number: history.indexOf(version) + 1, template: templateVersion, base, demo: true, at: started },
    ]);
    // The cells as the copy made them (row version 1), without reading them back.
    const current = new Map<string, CellRow>([...approved].map(([field, c]) => [field, copiedRow(draft!.id, c)]));
    const changes = version.changes.map((c) => ({ ...c, rowVersion: base ? 2 : 1 }));
    await writeCellChanges(trx, expert, who.expert, [{ matrix: draft!, fieldCodes, current, changes }], started);
    let matrix: MatrixRow = { ...draft!, row_version: draft!.row_version + (changes.length ? 1 : 0) };
    for (const [to, viewer, at] of stepsTo(version, who))
      matrix = await stepMatrix(trx, collector(audit, asActor(viewer)), viewer, matrix, to, new Date(at));
    if (matrix.status === 'approved' || matrix.status === 'published') {
      base = matrix;
      approved = new Map(approved);
      for (const c of version.changes) approved.set(c.field, c);
    }
  }
  await trx.insertInto('audit_event').values(audit).execute();
  return history.length;
}

/** A copied cell as the write core compares it (what it was before a change). */
function copiedRow(matrixId: string, c: DemoCell): CellRow {
  return {
    id: '',
    matrix_id: matrixId,
    field_code: c.field,
    value: c.value,
    remarks: c.remarks,
    sources: c.sources,
    info_date: c.infoDate,
    instrument_status: c.instrumentStatus,
    instrument_date: c.instrumentDate,
    row_version: 1,
    updated_at: new Date(0),
    updated_by: null,
  };
}

/**
 * Gives every Member State (or those in `options.states`) that has no matrix yet a demonstration
 * history (see `demoHistory`), one transaction per State (see `writeDemoHistory`). `actor` is who
 * the history names for starting each version: the seeding run, `system` by default; the demo
 * accounts take the other steps. A State that has a matrix already (demonstration or not) is left
 * alone, so a second call adds nothing.
 */
export async function seedDemoMatrices(db: Kysely<DB>, actor: Actor = systemActor, options: DemoOptions = {}): Promise<DemoResult> {
  const started = Date.now();
  const templateVersion = options.templateVersion ?? '2017';
  const template = await findTemplate(db, templateVersion);
  if (!template) throw new Error(`the matrix template ${templateVersion} is not loaded`);
  const fields = template.definition.fields;
  const fieldCodes = new Set(fields.map((f) => f.code));
  const who = await demoViewers(db);
  let query = db
    .selectFrom('member_state')
    .select(['iso3', 'regional_group', 'organizations', 'un_member_since', 'security_council_years'])
    .where('archived_at', 'is', null)
    .orderBy('iso3');
  if (options.states) query = query.where('iso3', 'in', options.states.length ? [...options.states] : ['']);
  const candidates = await query.execute();
  const every = options.progressEvery ?? 20;
  let matrices = 0;
  let done = 0;
  let skipped = 0;
  const taken = new Set((await db.selectFrom('matrix').select('state_iso3').distinct().execute()).map((r) => r.state_iso3));
  for (const s of candidates) {
    if (taken.has(s.iso3)) {
      skipped++;
      continue;
    }
    const history = demoHistory(
      {
        iso3: s.iso3,
        regionalGroup: s.regional_group,
        organizations: s.organizations,
        unMemberSince: String(s.un_member_since),
        securityCouncilYears: s.security_council_years,
      },
      fields,
    );
    const written = await db.transaction().execute(async (trx) => {
      // Checked again inside the transaction: a run started meanwhile (the CLI while a server
      // starts) may have written this State; one still writing it makes this run fail on the
      // matrix's unique State and number, never write a second history.
      if (await trx.selectFrom('matrix').select('id').where('state_iso3', '=', s.iso3).executeTakeFirst()) return 0;
      return writeDemoHistory(trx, actor, who, s.iso3, templateVersion, fieldCodes, history);
    });
    if (!written) {
      skipped++;
      continue;
    }
    matrices += written;
    done++;
    if (done % every === 0 || done + skipped === candidates.length)
      options.log?.(`demonstration matrices: ${done} of ${candidates.length} States (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  return { states: done, matrices, skipped, ms: Date.now() - started };
}
