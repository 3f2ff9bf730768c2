import { readFile } from 'node:fs/promises';
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../platform/errors.ts';
import { type Api, bearer, problems } from '../../platform/http/api-common.ts';
import type { AppContextOf } from '../../platform/http/env.ts';
import { type FormBody, formBody, texts } from '../../platform/http/forms.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { can } from '../../platform/policy/policy.ts';
import { actorOf } from '../../platform/audit/record.ts';
import { extensionOf, type MediaType, mediaTypes } from './content.ts';
import { uploadDocument } from './commands.ts';
import { type DocumentListRow, documentLinks, filePath, listDocuments, visibleDocument } from './documents.ts';
import { documentKinds, type UploadInput } from './inputs.ts';
import { visibleDocumentLinks } from './links.ts';
import { documentJson } from './present.ts';

const tags = ['Documents'];

export const DocumentSchema = z
  .object({
    id: z.string().uuid(),
    title: z.string(),
    language: z.string().openapi({ description: 'BCP 47 tag', example: 'fr' }),
    kind: z.enum(documentKinds),
    state: z.string().nullable(),
    sha256: z.string(),
    mediaType: z.enum(mediaTypes),
    byteSize: z.number().int(),
    pageCount: z.number().int().nullable(),
    extraction: z.object({ status: z.enum(['extracted', 'not-extracted']), problem: z.string().nullable() }),
    originalName: z.string(),
    dated: z.string().nullable().openapi({ description: 'The date the document bears (YYYY-MM-DD)' }),
    confidentiality: z.enum(confidentialityLevels),
    links: z.array(z.object({ recordType: z.string(), recordId: z.string() })).optional(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    version: z.number().int(),
  })
  .openapi('Document');

/** The upload path, whose body may be as large as a document (app.tsx raises the limit there only). */
export function isDocumentUploadPath(path: string): boolean {
  return path === '/api/v1/documents' || /^\/[a-z]{2}\/documents\/new\/?$/.test(path);
}

/** The form of an upload, read from a multipart body; an interrupted body is a bad request, and nothing is stored. */
export async function readUpload(c: AppContextOf): Promise<{ input: UploadInput; body: FormBody }> {
  let body: FormBody;
  try {
    body = await formBody(c);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('bad-request', 'the upload was interrupted or is not a readable multipart form: nothing was stored');
  }
  const one = (k: string) => texts(body, k)[0] ?? '';
  const f = Array.isArray(body.file) ? body.file[0] : body.file;
  const file = f instanceof File && f.size > 0 ? { name: f.name, bytes: Buffer.from(await f.arrayBuffer()) } : null;
  return {
    body,
    input: {
      title: one('title'),
      language: one('language'),
      kind: one('kind'),
      state: one('state'),
      confidentiality: one('confidentiality'),
      links: texts(body, 'links'),
      dated: one('dated'),
      file,
    },
  };
}

/** The stored file, as an attachment that no browser runs or sniffs. */
export async function sendDocumentFile(c: AppContextOf, d: DocumentListRow): Promise<Response> {
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath(c.get('app').config.filesDir, d.sha256));
  } catch {
    throw new AppError('not-found', 'the file of this document is missing from the store');
  }
  const ext = extensionOf[d.media_type as MediaType] ?? 'bin';
  const base = d.original_name.replace(/\.[A-Za-z0-9]{1,8}$/, '') || 'document';
  const ascii = base.replace(/[^A-Za-z0-9._ -]/g, '_').slice(0, 100) || 'document';
  const type = d.media_type === 'text/plain' ? 'text/plain; charset=utf-8' : d.media_type;
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': type,
    'Content-Length': String(bytes.length),
    'Content-Disposition': `attachment; filename="${ascii}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${base}.${ext}`)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
  });
}

const listRoute = createRoute({
  method: 'get',
  path: '/documents',
  tags,
  summary: 'The documents the caller may see, newest first',
  security: bearer,
  request: {
    query: z.object({
      state: z
        .string()
        .regex(/^[A-Za-z]{3}$/)
        .optional(),
      kind: z.enum(documentKinds).optional(),
      language: z.string().max(35).optional(),
    }),
  },
  responses: {
    200: {
      description: 'The documents',
      content: { 'application/json': { schema: z.object({ count: z.number().int(), data: z.array(DocumentSchema) }) } },
    },
    422: problems[422],
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/documents/{id}',
  tags,
  summary: 'A document’s metadata (404 for a document the caller may not see)',
  security: bearer,
  request: { params: z.object({ id: z.string().max(40) }) },
  responses: {
    200: { description: 'The document', content: { 'application/json': { schema: DocumentSchema.extend({ excerpt: z.string() }) } } },
    404: problems[404],
  },
});

const fileRoute = createRoute({
  method: 'get',
  path: '/documents/{id}/file',
  tags,
  summary: 'The document’s file, as an attachment',
  security: bearer,
  request: { params: z.object({ id: z.string().max(40) }) },
  responses: {
    200: { description: 'The file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
    404: problems[404],
  },
});

const uploadRoute = createRoute({
  method: 'post',
  path: '/documents',
  tags,
  summary: 'Upload a PDF, DOCX or plain text document',
  description:
    'The type is checked from the content, not the name; encrypted or damaged PDFs, zip bombs and files over the limit are refused with a 422 problem, and nothing is stored. The same content uploaded twice is stored once.',
  security: bearer,
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file', 'title', 'language', 'kind'],
            properties: {
              file: { type: 'string', format: 'binary' },
              title: { type: 'string' },
              language: { type: 'string', description: 'ar, zh, en, fr, ru, es or another BCP 47 tag' },
              kind: { type: 'string', enum: [...documentKinds] },
              state: { type: 'string', description: 'ISO 3166 alpha-3 code of the State concerned' },
              confidentiality: { type: 'string', enum: [...confidentialityLevels], default: 'committee' },
              dated: { type: 'string', format: 'date', description: 'The date the document bears' },
              links: {
                type: 'string',
                description: 'Records the document belongs to: type:id, separated by commas (e.g. member-state:MLI)',
              },
            },
          },
        },
      },
    },
  },
  responses: {
    201: { description: 'The document', content: { 'application/json': { schema: DocumentSchema } } },
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
});

export function registerDocumentApi(api: Api) {
  api.openapi(listRoute, async (c) => {
    const rows = await listDocuments(c.get('app').database.db, c.get('viewer'), c.req.valid('query'));
    return c.json({ count: rows.length, data: rows.map((d) => documentJson(d)) }, 200);
  });
  api.openapi(getRoute, async (c) => {
    const db = c.get('app').database.db;
    const d = await visibleDocument(db, c.get('viewer'), c.req.valid('param').id);
    const { extracted_text, ...rest } = d;
    return c.json(
      {
        ...documentJson(rest, await visibleDocumentLinks(db, c.get('viewer'), await documentLinks(db, d.id))),
        excerpt: extracted_text.slice(0, 1000),
      },
      200,
    );
  });
  api.openapi(fileRoute, async (c) => {
    const d = await visibleDocument(c.get('app').database.db, c.get('viewer'), c.req.valid('param').id);
    // biome-ignore lint/suspicious/noExplicitAny: a binary response is outside the JSON schema's types
    return (await sendDocumentFile(c, d)) as any;
  });
  api.openapi(uploadRoute, async (c) => {
    const viewer = c.get('viewer');
    if (!viewer) throw new AppError('unauthenticated', 'log in to upload documents');
    if (!can(viewer, 'create', { type: 'document', confidentiality: 'public' }))
      throw new AppError('forbidden', 'your account may not upload documents');
    if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data'))
      throw new AppError('validation', 'send the document as multipart/form-data', {
        fields: [{ field: 'file', problem: 'is required (multipart/form-data)' }],
      });
    const { input } = await readUpload(c);
    const app = c.get('app');
    const d = await uploadDocument(app.database.db, app.config, actorOf(viewer), viewer, input);
    const { extracted_text: _, ...rest } = d;
    return c.json(documentJson(rest, await visibleDocumentLinks(app.database.db, viewer, await documentLinks(app.database.db, d.id))), 201);
  });
}
