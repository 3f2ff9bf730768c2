import { Hono } from 'hono';
import { AppError } from '../../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../../platform/http/env.ts';
import { authorize } from '../../../platform/http/guard.ts';
import { render } from '../../../platform/http/render.tsx';
import { pick } from '../../../platform/i18n/locales.ts';
import { can } from '../../../platform/policy/policy.ts';
import { findState } from '../../member-states/index.ts';
import { matrixResource } from '../versions/commands.ts';
import { type GridFilters, GridPage, gridModel, valueParam } from './grid-page.tsx';
import { cellsOf, latestApproved, openMatrix } from '../versions/matrices.ts';
import { NoOpenVersion } from '../versions/matrix-edit-page.tsx';
import { cellValues, type WeaponType, weaponTypes } from '../templates/template.ts';
import { findTemplate } from '../templates/templates.ts';

/** What a draft of this State's matrix would be, for asking who may edit one. */
const draftResource = (iso3: string) => ({ type: 'matrix' as const, confidentiality: 'committee-and-state' as const, stateIso3: iso3 });

/** The filters of the query; a value that is none of the choices is a bad request. */
function filtersOf(c: AppContextOf, sections: readonly string[]): GridFilters {
  const q = (name: string) => c.req.query(name)?.trim() ?? '';
  const section = q('section');
  if (section && !sections.includes(section)) throw new AppError('not-found', `the matrix has no section ${section}`);
  const weapon = q('weapon');
  if (weapon && !(weaponTypes as readonly string[]).includes(weapon))
    throw new AppError('bad-request', `"${weapon}" is not a weapon type (${weaponTypes.join(', ')})`);
  const value = q('value');
  const values: string[] = cellValues.map(valueParam);
  if (value && !values.includes(value)) throw new AppError('bad-request', `"${value}" is not a value of the legend (${values.join(', ')})`);
  return {
    section: section || null,
    weapon: (weapon || null) as WeaponType | null,
    value: value ? (value === 'blank' ? '' : (value as GridFilters['value'])) : null,
    changed: q('changed') === '1',
  };
}

export function matrixGridRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/:iso3/matrix/grid', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const iso3 = c.req.param('iso3') ?? '';
    const state = await findState(db, iso3);
    if (!state) throw new AppError('not-found', `no Member State has the code ${iso3}`);
    authorize(
      c,
      can(viewer, 'read', { type: 'member-state', confidentiality: state.confidentiality, stateIso3: state.iso3 }),
      'this State',
    );
    authorize(c, can(viewer, 'update', draftResource(state.iso3)), 'the editing of this matrix');
    const base = `/${m.locale}/states/${state.iso3}/matrix`;
    const title = m.t('grid.title', { name: pick(state.names, m.locale) });
    const open = await openMatrix(db, state.iso3);
    if (!open) return render(c, { title }, <NoOpenVersion m={m} base={base} csrfToken={c.get('csrfToken')} />);
    authorize(c, can(viewer, 'update', matrixResource(open)), 'the editing of this matrix');
    const template = await findTemplate(db, open.template_version);
    if (!template) throw new AppError('not-found', `the matrix template ${open.template_version} was not found`);
    const filters = filtersOf(
      c,
      template.definition.sections.map((s) => s.code),
    );
    const approved = await latestApproved(db, state.iso3);
    const [cells, approvedCells] = await Promise.all([cellsOf(db, open.id), approved ? cellsOf(db, approved.id) : []]);
    return render(
      c,
      { title },
      <GridPage
        m={m}
        matrix={open}
        template={template}
        model={gridModel(template, cells, approvedCells, filters)}
        filters={filters}
        approved={approved}
        base={base}
        api={`/api/v1/states/${state.iso3}/matrix`}
        csrfToken={c.get('csrfToken')}
      />,
    );
  });

  return r;
}
