import { stateParams } from '../api-common.ts';
import { isIsoDate } from '../../../platform/values/dates.ts';
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../../platform/errors.ts';
import { type Api, bearer, problems } from '../../../platform/http/api-common.ts';
import type { AppContextOf } from '../../../platform/http/env.ts';
import { authorize } from '../../../platform/http/guard.ts';
import { can } from '../../../platform/policy/policy.ts';
import { findState } from '../../member-states/index.ts';
import { changeTotals, gapsOfState } from './figure-views.ts';
import {
  averagesBy,
  changeBetween,
  countsByParagraph,
  countsByState,
  countsByWeaponType,
  distribution,
  legalVersusEnforcement,
} from './figures.ts';
import { publishedBasisAsOf } from './figures-data.ts';
import { findTemplate, type TemplateRow } from '../templates/templates.ts';

const breakdowns = [
  'state',
  'paragraph',
  'weapon-type',
  'legal-enforcement',
  'regional-group',
  'organization',
  'distribution',
  'change',
] as const;

const today = () => new Date().toISOString().slice(0, 10);

const date = (example: string, description: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
    .optional()
    .openapi({ example, description });

const demoFlag = z
  .boolean()
  .openapi({ description: 'True when any matrix the figures rest on is generated demonstration data, not the Committee’s information' });

const figuresRoute = createRoute({
  method: 'get',
  path: '/matrix/figures',
  tags: ['1540 Matrix'],
  summary: 'Figures from the published matrices as at a date',
  description:
    'Counts of fields with measures (X) per State and broken down as asked, from the newest version of each State’s matrix published on or before `asOf`, on one template. `by=change` compares the matrices as at `from` and as at `to`: per State and in total, the fields gained (not X, then X) and lost. The matrix is a reference tool, not a measure of compliance.',
  security: bearer,
  request: {
    query: z.object({
      asOf: date('2018-12-31', 'Default: today'),
      template: z.string().max(32).optional().openapi({ example: '2017', description: 'Default: 2017' }),
      by: z.enum(breakdowns).optional().openapi({ description: 'Default: state' }),
      binWidth: z.coerce.number().int().min(1).max(500).optional().openapi({ description: 'For by=distribution; default 20' }),
      from: date('2018-12-31', 'For by=change (required): the earlier date'),
      to: date('2025-12-31', 'For by=change: the later date; default asOf, else today'),
    }),
  },
  responses: {
    200: {
      description: 'The figures',
      content: {
        'application/json': {
          schema: z.object({
            asOf: z.string().openapi({ description: 'For by=change, the later date (to)' }),
            template: z.string(),
            by: z.enum(breakdowns),
            states: z.number().int().openapi({ description: 'States with a published matrix on that date' }),
            fields: z.number().int(),
            demo: demoFlag,
            from: z.string().optional().openapi({ description: 'For by=change' }),
            to: z.string().optional().openapi({ description: 'For by=change' }),
            data: z.unknown().openapi({
              description:
                'For by=change: `{ total: { statesBefore, statesAfter, before, after, difference, gained, lost }, states: [{ iso3, before, after, difference, gained: [field codes], lost: [field codes] }] }`',
            }),
          }),
        },
      },
    },
    404: problems[404],
    422: problems[422],
  },
});

const gapsRoute = createRoute({
  method: 'get',
  path: '/states/{iso3}/matrix/gaps',
  tags: ['1540 Matrix'],
  summary: 'The gaps of a State: blank fields where most of its regional group has measures',
  description:
    'The fields left blank (no information found; not ? or NA) in the State’s matrix published as at `asOf` where more than `threshold` of the other States of its regional group with a published matrix have X, with that share. A gap is a topic for dialogue and assistance, not a finding of non-compliance.',
  security: bearer,
  request: {
    params: stateParams(),
    query: z.object({
      asOf: date('2018-12-31', 'Default: today'),
      template: z.string().max(32).optional().openapi({ example: '2017', description: 'Default: 2017' }),
      threshold: z.coerce
        .number()
        .min(0)
        .lt(1)
        .optional()
        .openapi({ example: 0.5, description: 'Share of the peers with X above which a blank field is a gap; default 0.5' }),
    }),
  },
  responses: {
    200: {
      description: 'The gaps, the largest shares first',
      content: {
        'application/json': {
          schema: z.object({
            state: z.string(),
            regionalGroup: z.string(),
            asOf: z.string(),
            template: z.string(),
            threshold: z.number(),
            published: z
              .boolean()
              .openapi({ description: 'Whether the State had a published matrix on that date; without one it has no gaps' }),
            peers: z.number().int().openapi({ description: 'Other States of its regional group with a published matrix on that date' }),
            demo: demoFlag,
            data: z.array(
              z.object({
                field: z.string().openapi({ example: 'OP2.MANUFACTURE.N.LF' }),
                share: z.number().openapi({ description: 'Share (0–1) of the peers with X in this field' }),
                peersWithX: z.number().int(),
                paragraph: z.string(),
                weaponType: z.string().nullable(),
                measureKind: z.string(),
              }),
            ),
          }),
        },
      },
    },
    401: problems[401],
    403: problems[403],
    404: problems[404],
    422: problems[422],
  },
});

/** A date that exists: 2018-02-31 matches the pattern but is no day. */
function checkDate(field: string, value: string): string {
  if (!isIsoDate(value)) throw new AppError('validation', `${field} is not a date`, { fields: [{ field, problem: 'is not a date' }] });
  return value;
}

/** Figures are public: only a public template has them. */
async function publicTemplate(c: AppContextOf, version: string): Promise<TemplateRow> {
  const template = await findTemplate(c.get('app').database.db, version);
  if (template?.confidentiality !== 'public') throw new AppError('not-found', `no matrix template has the version ${version}`);
  return template;
}

export function registerFigureApi(api: Api) {
  api.openapi(figuresRoute, async (c) => {
    const q = c.req.valid('query');
    const by = q.by ?? 'state';
    const asOf = checkDate('asOf', q.asOf ?? today());
    const version = q.template ?? '2017';
    const template = await publicTemplate(c, version);
    const fields = template.definition.fields;
    const db = c.get('app').database.db;
    if (by === 'change') {
      if (q.from === undefined)
        throw new AppError('validation', 'from is required with by=change', {
          fields: [{ field: 'from', problem: 'is required with by=change' }],
        });
      const from = checkDate('from', q.from);
      const to = checkDate('to', q.to ?? asOf);
      if (from > to)
        throw new AppError('validation', 'from is after to', { fields: [{ field: 'from', problem: 'must be on or before to' }] });
      const [before, after] = await Promise.all([publishedBasisAsOf(db, version, from), publishedBasisAsOf(db, version, to)]);
      const states = changeBetween(fields, before.matrices, after.matrices);
      const total = changeTotals(states, before.matrices.length, after.matrices.length);
      return c.json(
        {
          asOf: to,
          template: version,
          by,
          states: after.matrices.length,
          fields: fields.length,
          demo: before.demo || after.demo,
          from,
          to,
          data: { total, states },
        },
        200,
      );
    }
    const { matrices, demo } = await publishedBasisAsOf(db, version, asOf);
    const data = (() => {
      switch (by) {
        case 'state':
          return countsByState(fields, matrices);
        case 'paragraph':
          return countsByParagraph(fields, matrices);
        case 'weapon-type':
          return countsByWeaponType(fields, matrices);
        case 'legal-enforcement':
          return legalVersusEnforcement(fields, matrices);
        case 'regional-group':
          return averagesBy(fields, matrices, 'regionalGroup');
        case 'organization':
          return averagesBy(fields, matrices, 'organization');
        case 'distribution':
          return distribution(fields, matrices, q.binWidth ?? 20);
      }
    })();
    return c.json({ asOf, template: version, by, states: matrices.length, fields: fields.length, demo, data }, 200);
  });

  api.openapi(gapsRoute, async (c) => {
    const { iso3 } = c.req.valid('param');
    const q = c.req.valid('query');
    const asOf = checkDate('asOf', q.asOf ?? today());
    const version = q.template ?? '2017';
    const threshold = q.threshold ?? 0.5;
    const db = c.get('app').database.db;
    const state = await findState(db, iso3);
    if (!state) throw new AppError('not-found', `no Member State has the code ${iso3.toUpperCase()}`);
    authorize(
      c,
      can(c.get('viewer'), 'read', { type: 'member-state', confidentiality: state.confidentiality, stateIso3: state.iso3 }),
      'this State',
    );
    const template = await publicTemplate(c, version);
    const { matrices, demo } = await publishedBasisAsOf(db, version, asOf);
    const result = gapsOfState(template.definition.fields, matrices, state.iso3, state.regional_group, threshold);
    return c.json(
      {
        state: state.iso3,
        regionalGroup: state.regional_group,
        asOf,
        template: version,
        threshold,
        published: result.published,
        peers: result.peers,
        demo,
        data: result.gaps.map((g) => ({
          field: g.field.code,
          share: g.share,
          peersWithX: g.peersWithX,
          paragraph: g.field.paragraph,
          weaponType: g.field.weaponType,
          measureKind: g.field.measureKind,
        })),
      },
      200,
    );
  });
}
