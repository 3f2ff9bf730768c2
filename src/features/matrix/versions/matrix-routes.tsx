import { Hono } from 'hono';
import { AppError } from '../../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../../platform/http/env.ts';
import { formBody, text } from '../../../platform/http/forms.ts';
import { authorize } from '../../../platform/http/guard.ts';
import { render } from '../../../platform/http/render.tsx';
import { pick } from '../../../platform/i18n/locales.ts';
import { can, type Viewer, visibilityScope } from '../../../platform/policy/policy.ts';
import { actorOf } from '../../../platform/audit/record.ts';
import { findState, type StateRow } from '../../member-states/index.ts';
import { type CellChangeInput, matrixResource, moveMatrix, saveCells, startDraft } from './commands.ts';
import { diffCells } from './diff.ts';
import { cellMap, cellsOf, type MatrixRow, matrixVersions, openMatrix } from './matrices.ts';
import { type EditState, MatrixEditForm, NoOpenVersion } from './matrix-edit-page.tsx';
import { changeOf, type FormCell, fingerprint, formCellOf, readFormCell } from './matrix-form.ts';
import { sectionLayout } from './matrix-layout.ts';
import { DiffView, VersionList } from './matrix-compare-pages.tsx';
import { fieldLabeller, type MatrixActions, MatrixView, NoMatrix } from './matrix-pages.tsx';
import { matrixStatuses, type MatrixStatus } from '../schema.ts';
import { findTemplate, type TemplateRow } from '../templates/templates.ts';
import { steps } from './workflow.ts';
import { countOpenProposals, mayPropose } from '../proposals/proposals.ts';

const stateResource = (s: StateRow) => ({ type: 'member-state' as const, confidentiality: s.confidentiality, stateIso3: s.iso3 });

/** What a new draft of this State's matrix would be, for asking who may start one. */
const draftResource = (iso3: string) => ({ type: 'matrix' as const, confidentiality: 'committee-and-state' as const, stateIso3: iso3 });

async function loadState(c: AppContextOf): Promise<StateRow> {
  const iso3 = c.req.param('iso3') ?? '';
  const state = await findState(c.get('app').database.db, iso3);
  if (!state) throw new AppError('not-found', `no Member State has the code ${iso3}`);
  authorize(c, can(c.get('viewer'), 'read', stateResource(state)), 'this State');
  return state;
}

async function loadTemplate(c: AppContextOf, version: string): Promise<TemplateRow> {
  const t = await findTemplate(c.get('app').database.db, version);
  if (!t) throw new AppError('not-found', `the matrix template ${version} was not found`);
  return t;
}

/** The versions the viewer may see; never says whether a hidden draft exists. */
function versionsOf(c: AppContextOf, iso3: string): Promise<MatrixRow[]> {
  return matrixVersions(c.get('app').database.db, visibilityScope(c.get('viewer')), iso3);
}

const noMatrix = (state: StateRow) => new AppError('not-found', `no matrix of ${state.iso3} is visible to you`);

function actionsFor(
  viewer: Viewer | null,
  iso3: string,
  shown: MatrixRow | null,
  open: MatrixRow | undefined,
  base: string,
): MatrixActions {
  const current = shown && open && shown.id === open.id;
  return {
    editBase: current && can(viewer, 'update', matrixResource(open)) ? `${base}/edit` : null,
    steps: shown ? steps.filter((s) => s.from.includes(shown.status) && can(viewer, s.needs, matrixResource(shown))).map((s) => s.to) : [],
    startDraft: !open && can(viewer, 'update', draftResource(iso3)),
  };
}

export function matrixStateRoutes() {
  const r = new Hono<AppEnv>();
  const baseOf = (c: AppContextOf, state: StateRow) => `/${c.get('m').locale}/states/${state.iso3}/matrix`;

  r.get('/:iso3/matrix', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const state = await loadState(c);
    const base = baseOf(c, state);
    const versions = await versionsOf(c, state.iso3);
    const asked = c.req.query('version');
    const shown = asked === undefined ? versions[0] : versions.find((v) => String(v.number) === asked);
    const db = c.get('app').database.db;
    const title = m.t('matrix.title', { name: pick(state.names, m.locale) });
    if (!shown) {
      const open = versions.length ? undefined : await openMatrix(db, state.iso3);
      const actions = actionsFor(viewer, state.iso3, null, open, base);
      if (asked !== undefined || !actions.startDraft) throw noMatrix(state);
      return render(c, { title, status: 404 }, <NoMatrix m={m} base={base} actions={actions} csrfToken={c.get('csrfToken')} />);
    }
    const [template, cells, open] = await Promise.all([
      loadTemplate(c, shown.template_version),
      cellsOf(db, shown.id),
      openMatrix(db, state.iso3),
    ]);
    const reviewed = open?.id === shown.id && can(viewer, 'comment', matrixResource(shown));
    const proposals = reviewed
      ? { href: `${base}/proposals`, open: await countOpenProposals(db, shown.id), propose: mayPropose(viewer, shown) }
      : null;
    return render(
      c,
      { title },
      <MatrixView
        m={m}
        matrix={shown}
        template={template}
        cells={cells}
        base={base}
        notCurrent={shown !== versions[0]}
        actions={actionsFor(viewer, state.iso3, shown === versions[0] ? shown : null, open, base)}
        csrfToken={c.get('csrfToken')}
        proposals={proposals}
      />,
    );
  });

  r.get('/:iso3/matrix/versions', async (c) => {
    const m = c.get('m');
    const state = await loadState(c);
    const versions = await versionsOf(c, state.iso3);
    if (!versions.length) throw noMatrix(state);
    return render(
      c,
      { title: m.t('matrix.versionsTitle', { name: pick(state.names, m.locale) }) },
      <VersionList m={m} versions={versions} base={baseOf(c, state)} />,
    );
  });

  r.get('/:iso3/matrix/diff', async (c) => {
    const m = c.get('m');
    const state = await loadState(c);
    const from = c.req.query('from') ?? '';
    const to = c.req.query('to') ?? '';
    if (!/^\d{1,9}$/.test(from) || !/^\d{1,9}$/.test(to))
      throw new AppError('bad-request', 'give the two versions to compare as ?from=N&to=M');
    const versions = await versionsOf(c, state.iso3);
    const a = versions.find((v) => String(v.number) === String(Number(from)));
    const b = versions.find((v) => String(v.number) === String(Number(to)));
    if (!a || !b) throw new AppError('not-found', `version ${a ? to : from} of the matrix of ${state.iso3} is not visible to you`);
    const db = c.get('app').database.db;
    const [cellsA, cellsB, tA, tB] = await Promise.all([
      cellsOf(db, a.id),
      cellsOf(db, b.id),
      loadTemplate(c, a.template_version),
      loadTemplate(c, b.template_version),
    ]);
    return render(
      c,
      { title: m.t('matrix.diffTitle', { name: pick(state.names, m.locale) }) },
      <DiffView
        m={m}
        from={a}
        to={b}
        changes={diffCells(cellMap(cellsA), cellMap(cellsB))}
        label={fieldLabeller(m, [tB, tA])}
        base={baseOf(c, state)}
      />,
    );
  });

  /** The open version and the section asked for, for those who may edit it; null when none is open. */
  async function editContext(c: AppContextOf, state: StateRow) {
    const viewer = c.get('viewer');
    authorize(c, can(viewer, 'update', draftResource(state.iso3)), 'the editing of this matrix');
    const open = await openMatrix(c.get('app').database.db, state.iso3);
    if (!open) return null;
    authorize(c, can(viewer, 'update', matrixResource(open)), 'the editing of this matrix');
    const template = await loadTemplate(c, open.template_version);
    const asked = c.req.query('section');
    const section = asked ? template.definition.sections.find((s) => s.code === asked) : template.definition.sections[0];
    if (!section) throw new AppError('not-found', `the template ${template.version} has no section ${asked}`);
    return { open, template, layout: sectionLayout(template, section) };
  }

  const editPage = (
    c: AppContextOf,
    state: StateRow,
    ctx: NonNullable<Awaited<ReturnType<typeof editContext>>>,
    edit: EditState,
    status: 200 | 409 | 422,
  ) => {
    const m = c.get('m');
    return render(
      c,
      { title: m.t('matrix.editTitle', { name: pick(state.names, m.locale) }), status },
      <MatrixEditForm
        m={m}
        matrix={ctx.open}
        template={ctx.template}
        layout={ctx.layout}
        state={edit}
        base={baseOf(c, state)}
        csrfToken={c.get('csrfToken')}
      />,
    );
  };

  r.get('/:iso3/matrix/edit', async (c) => {
    const m = c.get('m');
    const state = await loadState(c);
    const ctx = await editContext(c, state);
    if (!ctx)
      return render(
        c,
        { title: m.t('matrix.editTitle', { name: pick(state.names, m.locale) }) },
        <NoOpenVersion m={m} base={baseOf(c, state)} csrfToken={c.get('csrfToken')} />,
      );
    const stored = new Map((await cellsOf(c.get('app').database.db, ctx.open.id)).map((x) => [x.field_code, x]));
    const saved = c.req.query('saved');
    return editPage(
      c,
      state,
      ctx,
      {
        values: new Map(ctx.layout.fields.map((f) => [f.code, formCellOf(stored.get(f.code))])),
        problems: [],
        conflicts: new Map(),
        notice: saved === '1' ? 'saved' : saved === '0' ? 'nothing' : null,
      },
      200,
    );
  });

  r.post('/:iso3/matrix/edit', async (c) => {
    const viewer = c.get('viewer');
    const state = await loadState(c);
    const ctx = await editContext(c, state);
    if (!ctx) throw new AppError('conflict', `no version of the matrix of ${state.iso3} is open: start a new draft`);
    const db = c.get('app').database.db;
    const body = await formBody(c);
    const submitted = new Map(ctx.layout.fields.map((f) => [f.code, readFormCell(body, f.code)]));
    const stored = new Map((await cellsOf(db, ctx.open.id)).map((x) => [x.field_code, x]));
    const changes = ctx.layout.fields
      .map((f) => changeOf(f.code, submitted.get(f.code)!, stored.get(f.code)))
      .filter((x): x is CellChangeInput => x !== null);
    const section = encodeURIComponent(ctx.layout.section.code);
    if (!changes.length) return c.redirect(`${baseOf(c, state)}/edit?section=${section}&saved=0`, 303);
    try {
      await saveCells(db, actorOf(viewer), viewer!, ctx.open.id, changes);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation')
        return editPage(c, state, ctx, { values: submitted, problems: err.fields, conflicts: new Map(), notice: null }, 422);
      if (err instanceof AppError && err.code === 'conflict' && err.fields.length) {
        // Keep what the user typed; the conflicting fields now carry the version saved meanwhile,
        // so that saving again replaces it knowingly. Fields the user left alone show the fresh state.
        const fresh = new Map((await cellsOf(db, ctx.open.id)).map((x) => [x.field_code, x]));
        const conflicting = new Set(err.fields.map((f) => f.field));
        const changed = new Set(changes.map((x) => x.field));
        const values = new Map<string, FormCell>();
        for (const f of ctx.layout.fields) {
          const mine = submitted.get(f.code)!;
          const now = formCellOf(fresh.get(f.code));
          if (conflicting.has(f.code)) values.set(f.code, { ...mine, expected: now.expected, original: now.original });
          else if (!changed.has(f.code)) values.set(f.code, now);
          else values.set(f.code, { ...mine, original: mine.original || fingerprint(mine) });
        }
        const conflicts = new Map([...conflicting].map((code) => [code, fresh.get(code)?.value ?? '']));
        return editPage(c, state, ctx, { values, problems: err.fields, conflicts, notice: null }, 409);
      }
      throw err;
    }
    return c.redirect(`${baseOf(c, state)}/edit?section=${section}&saved=1`, 303);
  });

  r.post('/:iso3/matrix/drafts', async (c) => {
    const viewer = c.get('viewer');
    const state = await loadState(c);
    authorize(c, can(viewer, 'update', draftResource(state.iso3)), 'a new draft of this matrix');
    await startDraft(c.get('app').database.db, actorOf(viewer), state.iso3);
    return c.redirect(`${baseOf(c, state)}/edit`, 303);
  });

  r.post('/:iso3/matrix/transitions', async (c) => {
    const viewer = c.get('viewer');
    authorize(c, viewer !== null, 'a change of this matrix');
    const state = await loadState(c);
    const body = await formBody(c);
    const to = text(body, 'to');
    const number = text(body, 'number');
    if (!(matrixStatuses as readonly string[]).includes(to)) throw new AppError('bad-request', `"${to}" is not a status of a matrix`);
    const versions = await versionsOf(c, state.iso3);
    const version = versions.find((v) => String(v.number) === number);
    if (!version) throw noMatrix(state);
    await moveMatrix(c.get('app').database.db, actorOf(viewer), viewer!, version.id, to as MatrixStatus);
    return c.redirect(baseOf(c, state), 303);
  });

  return r;
}
