import { createRoute, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../platform/errors.ts';
import { type Api, bearer, ProblemSchema, problems } from '../../platform/http/api-common.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { authorize } from '../../platform/http/guard.ts';
import { can } from '../../platform/policy/policy.ts';
import { documentsLinkedTo } from '../documents/index.ts';
import { CourseSchema, VisitSchema } from './api-schemas.ts';
import { createCourse, createVisit, updateCourse, updateVisit } from './commands.ts';
import { type CourseRow, courseResource, findCourse, findVisit, type VisitRow, visitResource } from './engagement.ts';
import { courseFor, courseRecord, visitFor, visitRecord } from './present.ts';
import { engagementStatuses, visitKinds, visitPurposes } from './schema.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const problemJson = { 'application/problem+json': { schema: ProblemSchema } };
const levels = z.enum(['public', 'committee', 'committee-and-state']);
const date = (example: string) => z.string().max(20).openapi({ format: 'date', example });
const codeList = (example: string[]) => z.array(z.string().max(40)).max(200).openapi({ example });

const responses = {
  401: problems[401],
  403: problems[403],
  404: { description: 'No such record, or one the caller may not see', content: problemJson },
  409: { description: 'Someone changed the record since `rowVersion`, or it is archived', content: problemJson },
  422: { description: 'The fields are not valid; each problem names its field', content: problemJson },
};

/*
 * The bodies: the write core's input as JSON gives it (inputs.ts). Their types are checked here; the
 * write core checks the rest, so that the problems of the fields, of the rules between them and of
 * the States and organizations named come back together, each naming its field.
 */
const visitBody = {
  stateIso3: z.string().max(3).openapi({ example: 'MLI', description: 'The State visited (or hosting the peer review)' }),
  kind: z.enum(visitKinds),
  status: z
    .enum(engagementStatuses)
    .optional()
    .openapi({ description: 'held (by default): its dates may not lie in the future; planned: they may' }),
  startsOn: date('2018-10-17'),
  endsOn: date('2018-10-19').nullable().optional(),
  purposes: z.array(z.enum(visitPurposes)).max(10).optional(),
  statesInvolved: codeList(['KGZ', 'TJK']).optional(),
  organizationsInvolved: codeList(['UNODA']).optional(),
  supportingOrganizations: codeList(['UNLIREC']).optional(),
  whoWent: z.string().max(2000).optional(),
  partner: z.string().max(1000).optional(),
  place: z.string().max(1000).optional(),
  note: z.string().max(4000).optional(),
  confidentiality: levels.optional().openapi({ description: 'public by default' }),
};

const courseBody = {
  title: z.string().max(1000),
  status: z.enum(engagementStatuses).optional(),
  startsOn: date('2018-08-14'),
  endsOn: date('2018-08-17').nullable().optional().openapi({ description: 'By default the day it starts' }),
  place: z.string().max(1000),
  region: z.string().max(1000).optional(),
  hostOrganizations: codeList(['AU']).optional(),
  supportingOrganizations: codeList(['UNODA']).optional(),
  participatingStates: codeList(['BEN', 'BFA']).optional(),
  teachers: z.string().max(2000).optional(),
  teachingOrganizations: codeList(['WCO']).optional(),
  confidentiality: levels.optional(),
};

const rowVersion = z.number().int().min(1).openapi({ description: 'The `rowVersion` the change was made on' });
const IdParam = z.object({ id: z.string().max(100).openapi({ example: '00000000-0000-4000-8000-000000000000' }) });
const LinkedDocumentSchema = z
  .object({ id: z.string().uuid(), title: z.string(), language: z.string(), kind: z.string() })
  .openapi('LinkedDocument');

/** Creating needs a keeper's role; checked before the body, so that a refused account learns nothing from validation. */
const keeperOf = (type: 'visit' | 'course') =>
  createMiddleware<AppEnv>(async (c, next) => {
    authorize(c, can(c.get('viewer'), 'create', { type, confidentiality: 'public', stateIso3: null }), `the recording of ${type}s`);
    await next();
  });

async function visibleVisit(c: AppContextOf, id: string): Promise<VisitRow> {
  const v = await findVisit(c.get('app').database.db, id);
  if (!v || !can(c.get('viewer'), 'read', visitResource(v))) throw new AppError('not-found', `no visit has the id ${id.slice(0, 40)}`);
  return v;
}

async function visibleCourse(c: AppContextOf, id: string): Promise<CourseRow> {
  const x = await findCourse(c.get('app').database.db, id);
  if (!x || !can(c.get('viewer'), 'read', courseResource(x))) throw new AppError('not-found', `no course has the id ${id.slice(0, 40)}`);
  return x;
}

/** A change needs the record to be visible (404 otherwise) and the right to change it (403); checked before the body. */
const changerOf = (type: 'visit' | 'course') =>
  createMiddleware<AppEnv>(async (c, next) => {
    const id = c.req.param('id') ?? '';
    const resource = type === 'visit' ? visitResource(await visibleVisit(c, id)) : courseResource(await visibleCourse(c, id));
    authorize(c, can(c.get('viewer'), 'update', resource), `a change of this ${type}`);
    await next();
  });

const createVisitRoute = createRoute({
  method: 'post',
  path: '/visits',
  tags: ['Engagement'],
  summary: 'Record a visit, a national round table, a peer review or a joint visit',
  description:
    'Experts, the secretariat and administrators record visits. A visit that took place (`held`) has no date in the future; a `planned` one may.',
  security: bearer,
  middleware: [keeperOf('visit')] as const,
  request: { body: { required: true, content: json(z.object(visitBody)) } },
  responses: { 201: { description: 'The new visit', content: json(VisitSchema) }, ...responses },
});

const getVisitRoute = createRoute({
  method: 'get',
  path: '/visits/{id}',
  tags: ['Engagement'],
  summary: 'One visit, with the documents linked to it that the caller may see',
  security: bearer,
  request: { params: IdParam },
  responses: {
    200: { description: 'The visit', content: json(VisitSchema.extend({ documents: z.array(LinkedDocumentSchema) })) },
    404: responses[404],
  },
});

const patchVisitRoute = createRoute({
  method: 'patch',
  path: '/visits/{id}',
  tags: ['Engagement'],
  summary: 'Change a visit: the fields given replace the stored ones',
  security: bearer,
  middleware: [changerOf('visit')] as const,
  request: { params: IdParam, body: { required: true, content: json(z.object({ rowVersion, ...z.object(visitBody).partial().shape })) } },
  responses: { 200: { description: 'The changed visit', content: json(VisitSchema) }, ...responses },
});

const createCourseRoute = createRoute({
  method: 'post',
  path: '/courses',
  tags: ['Engagement'],
  summary: 'Record a training course for points of contact',
  security: bearer,
  middleware: [keeperOf('course')] as const,
  request: { body: { required: true, content: json(z.object(courseBody)) } },
  responses: { 201: { description: 'The new course', content: json(CourseSchema) }, ...responses },
});

const getCourseRoute = createRoute({
  method: 'get',
  path: '/courses/{id}',
  tags: ['Engagement'],
  summary: 'One course, with the documents linked to it that the caller may see',
  security: bearer,
  request: { params: IdParam },
  responses: {
    200: { description: 'The course', content: json(CourseSchema.extend({ documents: z.array(LinkedDocumentSchema) })) },
    404: responses[404],
  },
});

const patchCourseRoute = createRoute({
  method: 'patch',
  path: '/courses/{id}',
  tags: ['Engagement'],
  summary: 'Change a course: the fields given replace the stored ones',
  security: bearer,
  middleware: [changerOf('course')] as const,
  request: {
    params: IdParam,
    body: { required: true, content: json(z.object({ rowVersion, ...z.object(courseBody).partial().shape })) },
  },
  responses: { 200: { description: 'The changed course', content: json(CourseSchema) }, ...responses },
});

const present = (docs: { id: string; title: string; language: string; kind: string }[]) =>
  docs.map((d) => ({ id: d.id, title: d.title, language: d.language, kind: d.kind }));

/** One record as the caller sees it, with the documents linked to it that it may see. */
async function withDocuments<R extends { id: string; confidentiality: string }, J>(
  c: AppContextOf,
  type: 'visit' | 'course',
  row: R,
  json: J,
) {
  const documents = await documentsLinkedTo(c.get('app').database.db, c.get('viewer'), type, row.id);
  if (row.confidentiality !== 'public') c.header('Cache-Control', 'private, no-store');
  return { ...json, documents: present(documents) };
}

const seenVisit = (c: AppContextOf, v: VisitRow) => visitFor(c.get('app').database.db, c.get('viewer'), v);
const seenCourse = (c: AppContextOf, x: CourseRow) => courseFor(c.get('app').database.db, c.get('viewer'), x);

/** Writes and single records of visits and courses; registered after the lists, so that /visits/per-year stays a list. */
export function registerEngagementWriteApi(api: Api) {
  api.openapi(createVisitRoute, async (c) => {
    const row = await createVisit(c.get('app').database.db, c.get('viewer'), c.req.valid('json'));
    return c.json(visitRecord(await seenVisit(c, row)), 201);
  });
  api.openapi(getVisitRoute, async (c) => {
    const v = await visibleVisit(c, c.req.valid('param').id);
    return c.json(await withDocuments(c, 'visit', v, visitRecord(await seenVisit(c, v))), 200);
  });
  api.openapi(patchVisitRoute, async (c) => {
    const { rowVersion: version, ...change } = c.req.valid('json');
    const row = await updateVisit(c.get('app').database.db, c.get('viewer'), c.req.valid('param').id, version, change);
    return c.json(visitRecord(await seenVisit(c, row)), 200);
  });
  api.openapi(createCourseRoute, async (c) => {
    const row = await createCourse(c.get('app').database.db, c.get('viewer'), c.req.valid('json'));
    return c.json(courseRecord(await seenCourse(c, row)), 201);
  });
  api.openapi(getCourseRoute, async (c) => {
    const x = await visibleCourse(c, c.req.valid('param').id);
    return c.json(await withDocuments(c, 'course', x, courseRecord(await seenCourse(c, x))), 200);
  });
  api.openapi(patchCourseRoute, async (c) => {
    const { rowVersion: version, ...change } = c.req.valid('json');
    const row = await updateCourse(c.get('app').database.db, c.get('viewer'), c.req.valid('param').id, version, change);
    return c.json(courseRecord(await seenCourse(c, row)), 200);
  });
}
