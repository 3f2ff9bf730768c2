import { TableRegion } from '../../../platform/ui/tables.tsx';
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { AppError } from '../../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../../platform/http/env.ts';
import { formBody, text } from '../../../platform/http/forms.ts';
import { authorize } from '../../../platform/http/guard.ts';
import { CsrfField } from '../../../platform/http/layout.tsx';
import { render } from '../../../platform/http/render.tsx';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import { pick } from '../../../platform/i18n/locales.ts';
import { can, type Viewer } from '../../../platform/policy/policy.ts';
import { actorOf } from '../../../platform/audit/record.ts';
import { findState, type StateRow } from '../../member-states/index.ts';
import { latestApproved, openMatrix } from '../versions/matrices.ts';
import { maxFileBytes, type TransferProblem } from './transfer.ts';
import {
  exportFile,
  exportMatrices,
  exportOfAll,
  formatOfName,
  ImportRefused,
  type ImportSummary,
  importMatrices,
  isTransferFormat,
  parseFile,
  sniffFormat,
  type TransferFormat,
  transferFormats,
} from './transfer-commands.ts';

/*
 * The matrix as files on the web: downloads of a State's version (and of every State's newest
 * version: the published ones for the public), and the import page of a State for the Group of Experts.
 */

const formatLabel: Record<TransferFormat, string> = { xlsx: 'XLSX', csv: 'CSV', json: 'JSON' };

/** Who may import: the keepers of the matrices (the Group of Experts and administrators). */
export const mayImport = (viewer: Viewer | null, iso3: string) =>
  can(viewer, 'update', { type: 'matrix', confidentiality: 'committee-and-state', stateIso3: iso3 });

/** The download links of a version, shown on the State's matrix page and on its versions page. */
export const TransferLinks: FC<{ m: Messages; base: string; version: number; canImport?: boolean; compact?: boolean }> = ({
  m,
  base,
  version,
  canImport,
  compact,
}) => {
  const links = (
    <ul class="inline-list downloads">
      {transferFormats.map((f) => (
        <li>
          <a
            href={`${base}/export?format=${f}&version=${version}`}
            aria-label={m.t('transfer.downloadAs', { count: version, format: formatLabel[f] })}
            download
          >
            {formatLabel[f]}
          </a>
        </li>
      ))}
    </ul>
  );
  if (compact) return links;
  return (
    <section aria-labelledby="downloads-h" class="matrix-downloads">
      <h2 id="downloads-h">{m.t('transfer.download')}</h2>
      <p>{m.t('transfer.downloadVersion', { count: version })}</p>
      {links}
      {canImport && (
        <>
          <p>
            <a href={`${base}/import`}>{m.t('transfer.importLink')}</a>
          </p>
        </>
      )}
      <AllStatesLinks m={m} />
    </section>
  );
};

/** Every State's matrix as the reader may download it (the public: the published ones; exportOfAll). */
export const AllStatesLinks: FC<{ m: Messages }> = ({ m }) => (
  <p class="help">
    {m.t('transfer.allStates')}:{' '}
    {transferFormats.map((f, i) => (
      <>
        {i > 0 && ' · '}
        <a href={`/${m.locale}/matrix/export?format=${f}`} download>
          {formatLabel[f]}
        </a>
      </>
    ))}
  </p>
);

const ImportForm: FC<{ m: Messages; action: string; csrfToken: string; dryRun: boolean }> = ({ m, action, csrfToken, dryRun }) => (
  <form method="post" action={action} enctype="multipart/form-data" class="record-form">
    <CsrfField token={csrfToken} />
    <div class="field">
      <label for="import-file">{m.t('transfer.file', { size: maxFileBytes / 1024 / 1024 })}</label>
      <input id="import-file" name="file" type="file" required accept=".xlsx,.csv,.json" />
    </div>
    <div class="check">
      <input id="import-dry-run" name="dryRun" type="checkbox" value="1" checked={dryRun} />
      <label for="import-dry-run">{m.t('transfer.dryRun')}</label>
    </div>
    <div class="actions">
      <button type="submit">{m.t('transfer.submit')}</button>
    </div>
  </form>
);

/** The place of a problem in three columns: sheet or line or path, row, column. */
function placeOf(m: Messages, p: TransferProblem): [string, string, string] {
  const w = p.where;
  if ('sheet' in w) return [w.sheet, String(w.row), w.column ? `${w.column}${w.header ? ` (${w.header})` : ''}` : ''];
  if ('line' in w) return [m.t('transfer.line', { line: w.line }), '', w.column ? `${w.column}${w.header ? ` (${w.header})` : ''}` : ''];
  if ('path' in w) return [w.path || '—', '', ''];
  return [m.t('transfer.wholeFile'), '', ''];
}

const shownProblems = 500;

export const ImportProblems: FC<{ m: Messages; problems: TransferProblem[] }> = ({ m, problems }) => (
  <section aria-labelledby="import-problems-h" class="import-problems">
    <div class="form-errors" role="alert">
      <h2 id="import-problems-h">{m.t('transfer.problemsTitle', { count: problems.length })}</h2>
    </div>
    <TableRegion labelledBy="import-problems-h">
      <table class="list">
        <thead>
          <tr>
            <th scope="col">{m.t('transfer.where')}</th>
            <th scope="col">{m.t('transfer.row')}</th>
            <th scope="col">{m.t('transfer.column')}</th>
            <th scope="col">{m.t('transfer.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, shownProblems).map((p) => {
            const [where, row, column] = placeOf(m, p);
            return (
              <tr>
                <th scope="row">{where}</th>
                <td>{row}</td>
                <td>{column}</td>
                <td>{p.problem}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
    {problems.length > shownProblems && <p class="help">{m.t('transfer.notShown', { count: problems.length - shownProblems })}</p>}
  </section>
);

export const ImportResult: FC<{ m: Messages; summary: ImportSummary; base: string }> = ({ m, summary, base }) => (
  <section aria-labelledby="import-result-h" class="import-result">
    <h2 id="import-result-h">{m.t(summary.dryRun ? 'transfer.checkedTitle' : 'transfer.importedTitle')}</h2>
    <p role="status" class={summary.dryRun ? 'notice' : undefined}>
      {summary.changed
        ? m.t(summary.dryRun ? 'transfer.wouldChange' : 'transfer.changedCount', { count: summary.changed })
        : m.t('transfer.noChange')}
    </p>
    {summary.states
      .filter((s) => s.changed.length > 0)
      .map((s) => (
        <>
          <h3>
            {s.state}: {m.t('matrix.versionNumber', { count: s.version })}
            {s.newDraft && ` (${s.basedOn ? m.t('transfer.newDraftFrom', { count: s.basedOn }) : m.t('transfer.newDraft')})`}
          </h3>
          {s.changed.length > 0 && (
            <ul class="inline-list changed-fields">
              {s.changed.slice(0, 400).map((f) => (
                <li>
                  <code>{f}</code>
                </li>
              ))}
            </ul>
          )}
          {!summary.dryRun && s.changed.length > 0 && (
            <p>
              <a href={`${base}?version=${s.version}`}>{m.t('transfer.seeMatrix')}</a>
            </p>
          )}
        </>
      ))}
  </section>
);

async function loadState(c: AppContextOf): Promise<StateRow> {
  const iso3 = c.req.param('iso3') ?? '';
  const state = await findState(c.get('app').database.db, iso3);
  if (!state) throw new AppError('not-found', `no Member State has the code ${iso3}`);
  authorize(
    c,
    can(c.get('viewer'), 'read', { type: 'member-state', confidentiality: state.confidentiality, stateIso3: state.iso3 }),
    'this State',
  );
  return state;
}

function formatParam(c: AppContextOf): TransferFormat {
  const f = c.req.query('format') ?? 'xlsx';
  if (!isTransferFormat(f)) throw new AppError('bad-request', `the format is xlsx, csv or json, not "${f}"`);
  return f;
}

function versionParam(c: AppContextOf): number | undefined {
  const v = c.req.query('version');
  if (v === undefined || v === '') return undefined;
  if (!/^\d{1,9}$/.test(v)) throw new AppError('bad-request', `the version is a number, not "${v}"`);
  return Number(v);
}

function download(c: AppContextOf, file: { body: Buffer; contentType: string; fileName: string }) {
  c.header('Cache-Control', 'private, no-store');
  return c.body(new Uint8Array(file.body), 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
  });
}

export function matrixTransferRoutes() {
  const r = new Hono<AppEnv>();
  const baseOf = (c: AppContextOf, state: StateRow) => `/${c.get('m').locale}/states/${state.iso3}/matrix`;

  r.get('/states/:iso3/matrix/export', async (c) => {
    const state = await loadState(c);
    const format = formatParam(c);
    const m = c.get('m');
    const version = versionParam(c);
    const data = await exportMatrices(c.get('app').database.db, c.get('viewer'), {
      state: state.iso3,
      locale: m.locale,
      ...(version === undefined ? {} : { version }),
    });
    return download(c, await exportFile(data, format, m));
  });

  r.get('/matrix/export', async (c) => {
    // The same rule as the API's: the public gets every published matrix (exportOfAll).
    const format = formatParam(c);
    const m = c.get('m');
    const template = c.req.query('template') || undefined;
    return download(c, await exportOfAll(c.get('app').database.db, c.get('viewer'), format, m, template));
  });

  const importPage = async (
    c: AppContextOf,
    state: StateRow,
    body: { problems?: TransferProblem[]; summary?: ImportSummary; dryRun: boolean },
    status: 200 | 422,
  ) => {
    const m = c.get('m');
    const db = c.get('app').database.db;
    const [open, approved] = await Promise.all([openMatrix(db, state.iso3), latestApproved(db, state.iso3)]);
    const base = baseOf(c, state);
    return render(
      c,
      { title: m.t('transfer.importTitle', { name: pick(state.names, m.locale) }), status },
      <>
        {body.problems && <ImportProblems m={m} problems={body.problems} />}
        {body.summary && <ImportResult m={m} summary={body.summary} base={base} />}
        <p>{m.t('transfer.importLead')}</p>
        <p class="help">
          {open
            ? m.t('transfer.importInto', { count: open.number })
            : approved
              ? m.t('transfer.importNewDraft', { count: approved.number })
              : m.t('transfer.importFirst')}
        </p>
        {(open ?? approved) && (
          <p class="help">
            {m.t('transfer.startFrom')}{' '}
            <a href={`${base}/export?format=xlsx&version=${(open ?? approved)!.number}`} download>
              XLSX
            </a>
          </p>
        )}
        <ImportForm m={m} action={`${base}/import`} csrfToken={c.get('csrfToken')} dryRun={body.dryRun} />
        <p>
          <a href={base}>{m.t('transfer.backToMatrix')}</a>
        </p>
      </>,
    );
  };

  r.get('/states/:iso3/matrix/import', async (c) => {
    const state = await loadState(c);
    authorize(c, mayImport(c.get('viewer'), state.iso3), 'the import of this matrix');
    return importPage(c, state, { dryRun: false }, 200);
  });

  r.post('/states/:iso3/matrix/import', async (c) => {
    const viewer = c.get('viewer');
    const state = await loadState(c);
    authorize(c, mayImport(viewer, state.iso3), 'the import of this matrix');
    const body = await formBody(c);
    const dryRun = text(body, 'dryRun') === '1';
    const file = Array.isArray(body.file) ? body.file[0] : body.file;
    if (!(file instanceof File) || file.size === 0)
      return importPage(c, state, { problems: [{ where: { file: true }, problem: 'choose a file to import' }], dryRun }, 422);
    const db = c.get('app').database.db;
    try {
      const buf = Buffer.from(await file.arrayBuffer());
      const parsed = await parseFile(db, buf, formatOfName(file.name) ?? sniffFormat(buf));
      const summary = await importMatrices(db, actorOf(viewer), viewer, parsed, { dryRun, onlyState: state.iso3 });
      return importPage(c, state, { summary, dryRun }, 200);
    } catch (err) {
      if (err instanceof ImportRefused) return importPage(c, state, { problems: err.problems, dryRun }, 422);
      throw err;
    }
  });

  return r;
}

/** The request paths whose bodies are matrix files: they may be up to `maxFileBytes` (plus the form around it). */
export function isImportPath(path: string): boolean {
  return path === '/api/v1/matrix/import' || /^\/[a-z]{2}\/states\/[^/]+\/matrix\/import\/?$/.test(path);
}
export const importBodyLimit = maxFileBytes + 64 * 1024;
