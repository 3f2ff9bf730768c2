import { readResponses, stateParams } from '../api-common.ts';
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../../platform/errors.ts';
import { type Api, bearer, ProblemSchema, problems } from '../../../platform/http/api-common.ts';
import type { AppContextOf } from '../../../platform/http/env.ts';
import { authorize } from '../../../platform/http/guard.ts';
import { messages } from '../../../platform/i18n/i18n.ts';
import { isLocale } from '../../../platform/i18n/locales.ts';
import { can } from '../../../platform/policy/policy.ts';
import { actorOf } from '../../../platform/audit/record.ts';
import { findState } from '../../member-states/index.ts';
import { describeWhere, maxFileBytes, type TransferProblem } from './transfer.ts';
import {
  assertMayImport,
  exportFile,
  exportMatrices,
  exportOfAll,
  formatOfName,
  ImportRefused,
  importMatrices,
  isTransferFormat,
  parseFile,
  sniffFormat,
  transferFormats,
} from './transfer-commands.ts';
import { xlsxType } from './transfer-xlsx.ts';

const tags = ['1540 Matrix'];

const fileContent = {
  [xlsxType]: { schema: { type: 'string' as const, format: 'binary' } },
  'text/csv': { schema: { type: 'string' as const } },
  'application/json': { schema: { type: 'object' as const, description: 'The JSON layout of docs/matrix-files.md' } },
};

const exportQuery = z.object({
  format: z.enum(transferFormats).default('xlsx').openapi({ description: 'xlsx (a README sheet, then a sheet per section), csv or json' }),
  lang: z
    .string()
    .optional()
    .openapi({ description: 'The language of the labels (ar, zh, en, fr, ru, es); codes are always there', example: 'fr' }),
});

const stateExportRoute = createRoute({
  method: 'get',
  path: '/states/{iso3}/matrix/export',
  tags,
  summary: 'A version of a State’s matrix as an XLSX, CSV or JSON file',
  description:
    'The given version, or the newest the caller may see (a draft only for the Committee side and the State’s point of contact). The layouts are documented in docs/matrix-files.md.',
  security: bearer,
  request: {
    params: stateParams('SEN'),
    query: exportQuery.extend({
      version: z.coerce.number().int().min(1).optional().openapi({ description: 'A version number; the newest visible one by default' }),
    }),
  },
  responses: readResponses({ description: 'The file', content: fileContent }, 'No such State, or no version the caller may see'),
});

const allExportRoute = createRoute({
  method: 'get',
  path: '/matrix/export',
  tags,
  summary: 'The newest version of every State’s matrix the caller may see, as one file',
  description: 'The public gets the published versions; the Committee side the versions in the works too.',
  security: bearer,
  request: {
    query: exportQuery.extend({
      template: z.string().max(32).optional().openapi({ description: 'Only the versions on this template (needed when they use several)' }),
    }),
  },
  responses: {
    200: { description: 'The file', content: fileContent },
    404: { description: 'No matrix the caller may see', content: problems[404].content },
    409: { description: 'The versions use several templates: name one', content: problems[404].content },
    422: problems[422],
  },
});

const LocatedProblemSchema = ProblemSchema.extend({
  errors: z
    .array(
      z.object({
        field: z.string().openapi({ description: 'The place, in words: "sheet OP2, row 14, column F (value)"' }),
        problem: z.string(),
        sheet: z.string().optional(),
        row: z.number().int().optional(),
        column: z.union([z.string(), z.number().int()]).optional().openapi({ description: 'A letter in a sheet, a number in a CSV line' }),
        line: z.number().int().optional(),
        path: z.string().optional().openapi({ description: 'In a JSON file, e.g. matrices[0].cells[3].value' }),
      }),
    )
    .optional(),
}).openapi('ImportProblem');

const SummarySchema = z
  .object({
    dryRun: z.boolean(),
    template: z.string(),
    format: z.enum(transferFormats),
    cells: z.number().int().openapi({ description: 'Cells the file holds' }),
    changed: z.number().int().openapi({ description: 'Cells that differ from the matrix, written (or that a dry run would write)' }),
    states: z.array(
      z.object({
        state: z.string(),
        version: z.number().int().openapi({ description: 'The version written into' }),
        newDraft: z.boolean().openapi({ description: 'Whether the import started this draft (no version was in the works)' }),
        basedOn: z.number().int().nullable(),
        changed: z.array(z.string()).openapi({ description: 'The field codes whose cells changed' }),
      }),
    ),
  })
  .openapi('MatrixImportSummary');

const importRoute = createRoute({
  method: 'post',
  path: '/matrix/import',
  tags,
  summary: 'Load an XLSX, CSV or JSON file into the matrices in the works: all of it or nothing',
  description:
    'Each State’s cells go into its version in the works (a draft is started from the latest approved version where none is). Every cell is checked first; problems come back at once in a 422 problem, each with its sheet, row and column (XLSX), line and column (CSV) or path (JSON). With `dryRun` nothing is written and the summary says what would change.',
  security: bearer,
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            properties: {
              file: {
                type: 'string',
                format: 'binary',
                description: `The file, at most ${maxFileBytes / 1024 / 1024} MB; its extension (.xlsx, .csv, .json) or its content tells the format`,
              },
              format: { type: 'string', enum: [...transferFormats], description: 'The format, when the file name does not say it' },
              dryRun: { type: 'boolean', description: 'Check only: write nothing' },
            },
          },
        },
      },
    },
  },
  responses: {
    200: { description: 'What was imported (or would be)', content: { 'application/json': { schema: SummarySchema } } },
    401: problems[401],
    403: {
      description: 'The account may not import matrices (only the Group of Experts and administrators may)',
      content: problems[403].content,
    },
    413: { description: 'The file is too large', content: problems[422].content },
    422: {
      description: 'Problems of the file, each with its place; nothing was written',
      content: { 'application/problem+json': { schema: LocatedProblemSchema } },
    },
  },
});

function localeOf(lang: string | undefined) {
  return messages(isLocale(lang) ? lang : 'en');
}

function sendFile(c: AppContextOf, file: { body: Buffer; contentType: string; fileName: string }) {
  c.header('Cache-Control', 'private, no-store');
  return c.body(new Uint8Array(file.body), 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
  });
}

function locatedProblem(c: AppContextOf, err: ImportRefused) {
  const place = (p: TransferProblem) => {
    const w = p.where;
    if ('sheet' in w) return { sheet: w.sheet, row: w.row, ...(w.column ? { column: w.column } : {}) };
    if ('line' in w) return { line: w.line, ...(w.column ? { column: w.column } : {}) };
    if ('path' in w) return { path: w.path };
    return {};
  };
  const body = {
    type: 'urn:r1540:problem:validation',
    title: messages('en').t('error.validation'),
    status: 422,
    detail: err.message,
    instance: c.req.path,
    errors: err.problems.map((p) => ({ field: describeWhere(p.where), problem: p.problem, ...place(p) })),
  };
  return c.json(body, 422, { 'Content-Type': 'application/problem+json; charset=utf-8' });
}

export function registerTransferApi(api: Api) {
  api.openapi(stateExportRoute, async (c) => {
    const { iso3 } = c.req.valid('param');
    const { format, version, lang } = c.req.valid('query');
    const db = c.get('app').database.db;
    const state = await findState(db, iso3);
    if (!state) throw new AppError('not-found', `no Member State has the code ${iso3.toUpperCase()}`);
    authorize(
      c,
      can(c.get('viewer'), 'read', { type: 'member-state', confidentiality: state.confidentiality, stateIso3: state.iso3 }),
      'this State',
    );
    const m = localeOf(lang);
    const data = await exportMatrices(db, c.get('viewer'), {
      state: state.iso3,
      locale: m.locale,
      ...(version === undefined ? {} : { version }),
    });
    return sendFile(c, await exportFile(data, format, m));
  });

  api.openapi(allExportRoute, async (c) => {
    const { format, lang, template } = c.req.valid('query');
    const m = localeOf(lang);
    const db = c.get('app').database.db;
    return sendFile(c, await exportOfAll(db, c.get('viewer'), format, m, template));
  });

  api.openapi(importRoute, async (c) => {
    const viewer = c.get('viewer');
    assertMayImport(viewer);
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('multipart/form-data'))
      throw new AppError('validation', 'send the file as multipart/form-data', {
        fields: [{ field: 'file', problem: 'is required (multipart/form-data)' }],
      });
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0)
      throw new AppError('validation', 'no file was sent', { fields: [{ field: 'file', problem: 'is required' }] });
    const asked = typeof body.format === 'string' && body.format ? body.format : undefined;
    if (asked !== undefined && !isTransferFormat(asked))
      throw new AppError('validation', 'unknown format', { fields: [{ field: 'format', problem: 'must be xlsx, csv or json' }] });
    const dryRun = typeof body.dryRun === 'string' && ['1', 'true', 'yes', 'on'].includes(body.dryRun.toLowerCase());
    const db = c.get('app').database.db;
    const buf = Buffer.from(await file.arrayBuffer());
    try {
      const parsed = await parseFile(db, buf, asked ?? formatOfName(file.name) ?? sniffFormat(buf));
      const summary = await importMatrices(db, actorOf(viewer), viewer, parsed, { dryRun });
      return c.json(summary, 200);
    } catch (err) {
      if (err instanceof ImportRefused) return locatedProblem(c, err);
      throw err;
    }
  });
}
