import { Hono } from 'hono';
import { AppError } from '../../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../../platform/http/env.ts';
import { type FormBody, formBody, text } from '../../../platform/http/forms.ts';
import { confirmFirst } from '../../../platform/ui/record-actions.tsx';
import { authorize } from '../../../platform/http/guard.ts';
import { render } from '../../../platform/http/render.tsx';
import { pick } from '../../../platform/i18n/locales.ts';
import { can, type Viewer } from '../../../platform/policy/policy.ts';
import { actorOf } from '../../../platform/audit/record.ts';
import { findState, type StateRow } from '../../member-states/index.ts';
import { matrixResource } from '../versions/commands.ts';
import { cellsOf, type MatrixRow } from '../versions/matrices.ts';
import {
  emptyProposalForm,
  type FailedDecision,
  noticeOf,
  ProposalForm,
  type ProposalFormValues,
  ProposalList,
} from './proposal-pages.tsx';
import {
  countOpenProposals,
  decide,
  findProposal,
  mayPropose,
  openVersionFor,
  type ProposalInput,
  proposalResource,
  proposalsOf,
  propose,
  reviewable,
  withdraw,
} from './proposals.ts';
import type { CellSource } from '../schema.ts';
import { findTemplate, type TemplateRow } from '../templates/templates.ts';

/** No version of the State's matrix is in the works (or none the viewer may see): a 404 the list page explains. */
class NoVersionInTheWorks extends AppError {
  constructor(
    readonly state: StateRow,
    message: string,
  ) {
    super('not-found', message);
  }
}

/** The version in the works that the signed-in viewer may see, and its template; 404 otherwise. */
async function reviewContext(
  c: AppContextOf,
): Promise<{ viewer: Viewer; state: StateRow; open: MatrixRow; template: TemplateRow; base: string }> {
  const viewer = c.get('viewer');
  // Comments are never public: the public is asked to log in, whatever exists.
  authorize(c, viewer !== null, 'the comments on this matrix');
  const db = c.get('app').database.db;
  const iso3 = c.req.param('iso3') ?? '';
  const state = await findState(db, iso3);
  if (!state) throw new AppError('not-found', `no Member State has the code ${iso3}`);
  authorize(c, can(viewer, 'read', { type: 'member-state', confidentiality: state.confidentiality, stateIso3: state.iso3 }), 'this State');
  const open = await openVersionFor(db, viewer, state.iso3);
  if (!open || !can(viewer, 'read', proposalResource(open)))
    throw new NoVersionInTheWorks(state, `no version of the matrix of ${state.iso3} in the works is visible to you`);
  const template = await findTemplate(db, open.template_version);
  if (!template) throw new AppError('not-found', `the matrix template ${open.template_version} was not found`);
  return { viewer: viewer!, state, open, template, base: `/${c.get('m').locale}/states/${state.iso3}/matrix` };
}

type Ctx = Awaited<ReturnType<typeof reviewContext>>;

function readForm(body: FormBody): ProposalFormValues {
  return {
    field: text(body, 'field').trim(),
    kind: text(body, 'kind'),
    comment: text(body, 'comment'),
    value: text(body, 'value'),
    sourceKind: text(body, 'sourceKind'),
    citation: text(body, 'citation'),
    locator: text(body, 'locator'),
    url: text(body, 'url'),
    language: text(body, 'language'),
    infoDate: text(body, 'infoDate'),
  };
}

/** The form as a command's input: one source when any part of it was filled in. */
function inputOf(v: ProposalFormValues, version: number): ProposalInput {
  const filled = [v.citation, v.locator, v.url, v.language].some((x) => x.trim() !== '');
  const source = { kind: v.sourceKind, citation: v.citation, locator: v.locator, url: v.url, language: v.language } as CellSource;
  return {
    field: v.field,
    kind: v.kind,
    comment: v.comment,
    value: v.value,
    sources: filled ? [source] : [],
    infoDate: v.infoDate || null,
    version,
  };
}

export function matrixProposalRoutes() {
  const r = new Hono<AppEnv>();

  async function listPage(c: AppContextOf, ctx: Ctx, failed: FailedDecision | null, status: 200 | 422) {
    const m = c.get('m');
    const db = c.get('app').database.db;
    const filter = c.req.query('status') === 'all' ? 'all' : 'open';
    const [proposals, openCount, cells] = await Promise.all([
      proposalsOf(db, ctx.open.id, filter),
      countOpenProposals(db, ctx.open.id),
      cellsOf(db, ctx.open.id),
    ]);
    return render(
      c,
      { title: m.t('proposal.title', { name: pick(ctx.state.names, m.locale) }), status },
      <ProposalList
        m={m}
        matrix={ctx.open}
        template={ctx.template}
        cells={cells}
        proposals={proposals}
        filter={filter}
        openCount={openCount}
        base={ctx.base}
        canPropose={mayPropose(ctx.viewer, ctx.open)}
        canDecide={can(ctx.viewer, 'update', matrixResource(ctx.open))}
        viewerId={ctx.viewer.id}
        notice={status === 200 ? noticeOf(c.req.query('done')) : null}
        failed={failed}
        csrfToken={c.get('csrfToken')}
      />,
    );
  }

  /** The form, for those who may comment while the version is with the State. */
  function formContext(c: AppContextOf, ctx: Ctx): void {
    authorize(c, can(ctx.viewer, 'comment', matrixResource(ctx.open)), 'comments on this matrix');
    if (!reviewable.includes(ctx.open.status))
      throw new AppError(
        'conflict',
        `version ${ctx.open.number} of the matrix of ${ctx.state.iso3} is ${ctx.open.status}: comments are taken while a version is with the State`,
      );
  }

  async function formPage(
    c: AppContextOf,
    ctx: Ctx,
    values: ProposalFormValues,
    problems: { field: string; problem: string }[],
    status: 200 | 422,
  ) {
    const m = c.get('m');
    const known = ctx.template.definition.fields.some((f) => f.code === values.field);
    const current = known ? (await cellsOf(c.get('app').database.db, ctx.open.id)).find((x) => x.field_code === values.field) : undefined;
    return render(
      c,
      { title: m.t('proposal.newTitle', { name: pick(ctx.state.names, m.locale) }), status },
      <ProposalForm
        m={m}
        matrix={ctx.open}
        template={ctx.template}
        current={current}
        values={values}
        problems={problems}
        base={ctx.base}
        csrfToken={c.get('csrfToken')}
      />,
    );
  }

  r.get('/:iso3/matrix/proposals', async (c) => {
    try {
      return await listPage(c, await reviewContext(c), null, 200);
    } catch (err) {
      if (!(err instanceof NoVersionInTheWorks)) throw err;
      // Say what is (not) there, rather than "Nothing is at this address": still a 404, as the API's list.
      const m = c.get('m');
      const name = pick(err.state.names, m.locale);
      return render(
        c,
        { title: m.t('proposal.title', { name }), status: 404 },
        <>
          <p role="status">{m.t('proposal.noVersion', { name })}</p>
          <p>
            <a href={`/${m.locale}/states/${err.state.iso3}/matrix`}>{m.t('proposal.noVersion.toMatrix', { name })}</a>
          </p>
        </>,
      );
    }
  });

  r.get('/:iso3/matrix/proposals/new', async (c) => {
    const ctx = await reviewContext(c);
    formContext(c, ctx);
    const asked = c.req.query('field') ?? '';
    const field = ctx.template.definition.fields.some((f) => f.code === asked) ? asked : '';
    return formPage(c, ctx, emptyProposalForm(field), [], 200);
  });

  r.post('/:iso3/matrix/proposals/new', async (c) => {
    const ctx = await reviewContext(c);
    formContext(c, ctx);
    const values = readForm(await formBody(c));
    try {
      await propose(c.get('app').database.db, actorOf(ctx.viewer), ctx.viewer, ctx.state.iso3, inputOf(values, ctx.open.number));
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return formPage(c, ctx, values, err.fields, 422);
      throw err;
    }
    return c.redirect(`${ctx.base}/proposals?done=created`, 303);
  });

  /** A proposal on the version in the works of this State; 404 for any other. */
  async function proposalIn(c: AppContextOf, ctx: Ctx) {
    const id = c.req.param('id') ?? '';
    const p = await findProposal(c.get('app').database.db, id);
    if (!p || p.matrix_id !== ctx.open.id) throw new AppError('not-found', `no comment or proposal ${id} on this matrix is visible to you`);
    return p;
  }

  const expected = (body: FormBody) => {
    const v = text(body, 'expectedVersion');
    return /^\d{1,9}$/.test(v) ? Number(v) : undefined;
  };

  r.post('/:iso3/matrix/proposals/:id/decision', async (c) => {
    const ctx = await reviewContext(c);
    const p = await proposalIn(c, ctx);
    const body = await formBody(c);
    const decision = text(body, 'decision');
    const note = text(body, 'note');
    try {
      await decide(c.get('app').database.db, actorOf(ctx.viewer), ctx.viewer, p.id, { decision, note, expectedVersion: expected(body) });
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return listPage(c, ctx, { id: p.id, note, problems: err.fields }, 422);
      throw err;
    }
    return c.redirect(`${ctx.base}/proposals?done=${decision === 'accept' ? 'accepted' : 'declined'}`, 303);
  });

  r.post('/:iso3/matrix/proposals/:id/withdrawal', async (c) => {
    const ctx = await reviewContext(c);
    const p = await proposalIn(c, ctx);
    const body = await formBody(c);
    const m = c.get('m');
    // Its author is asked to confirm; anyone else is refused by withdraw() below, as before.
    const ask =
      p.author_id === ctx.viewer.id &&
      (await confirmFirst(c, body, {
        title: m.t('confirm.withdraw.title', { name: p.field_code }),
        consequence: m.t('confirm.withdraw'),
        button: m.t('proposal.withdraw'),
        cancel: `${ctx.base}/proposals`,
      }));
    if (ask) return ask;
    await withdraw(c.get('app').database.db, actorOf(ctx.viewer), ctx.viewer, p.id, { expectedVersion: expected(body) });
    return c.redirect(`${ctx.base}/proposals?done=withdrawn`, 303);
  });

  return r;
}
