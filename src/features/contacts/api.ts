import { todayIso } from '../../platform/values/dates.ts';
import { createRoute, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../platform/errors.ts';
import { type Api, bearer, ProblemSchema, problems } from '../../platform/http/api-common.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { authorize } from '../../platform/http/guard.ts';
import { can } from '../../platform/policy/policy.ts';
import { findState } from '../member-states/index.ts';
import { addContact, confirmContact, endContact, updateContact } from './commands.ts';
import { contactFiguresPerYear, contactResource, findContact, maySeeContacts, stateContacts } from './contacts.ts';
import { contactRecord, stateContactsFor } from './present.ts';
import { contactLocations, recordSources } from './schema.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const problemJson = { 'application/problem+json': { schema: ProblemSchema } };

export const ContactSchema = z
  .object({
    id: z.string().uuid(),
    stateIso3: z.string(),
    location: z.enum(contactLocations),
    name: z.string(),
    title: z.string(),
    institution: z.string(),
    email: z.string(),
    phone: z.string(),
    languages: z.array(z.string()),
    designatedOn: z.string().openapi({ format: 'date' }),
    endedOn: z.string().nullable().openapi({ format: 'date' }),
    lastConfirmedOn: z.string().nullable().openapi({ format: 'date' }),
    source: z.enum(['seed', 'illustrative', 'entered']),
    rowVersion: z.number().int(),
  })
  .openapi('PointOfContact', { description: 'Confidential: only the Committee side and the State concerned see it' });

const StateContactsSchema = z
  .object({
    stateIso3: z.string(),
    designated: z.boolean().openapi({ description: 'Whether the State has a point of contact in office today' }),
    since: z.string().nullable().openapi({ format: 'date', description: 'Since when (the earliest designation still running)' }),
    contacts: z
      .array(ContactSchema)
      .optional()
      .openapi({ description: 'The history of designations, with contact details: only for the Committee side and the State concerned' }),
  })
  .openapi('StateContacts');

const Iso3Param = z.object({ iso3: z.string().max(3).openapi({ example: 'MLI' }) });

const listRoute = createRoute({
  method: 'get',
  path: '/states/{iso3}/contacts',
  tags: ['Points of contact'],
  summary: 'Whether a State has a point of contact and since when; the details for those who may see them',
  security: bearer,
  request: { params: Iso3Param },
  responses: {
    200: {
      description: 'The projection, and the contacts for the Committee side and the State concerned',
      content: json(StateContactsSchema),
    },
    404: problems[404],
  },
});

const keeper = createMiddleware<AppEnv>(async (c, next) => {
  const iso3 = c.req.param('iso3')?.toUpperCase() ?? '';
  authorize(c, can(c.get('viewer'), 'create', contactResource(iso3)), 'a change of points of contact');
  await next();
});

const createContactRoute = createRoute({
  method: 'post',
  path: '/states/{iso3}/contacts',
  tags: ['Points of contact'],
  summary: 'Record a State’s point of contact',
  description: 'The secretariat and administrators record points of contact. Dates in the future are refused.',
  security: bearer,
  middleware: [keeper] as const,
  request: {
    params: Iso3Param,
    body: {
      required: true,
      content: json(
        z.object({
          location: z.enum(contactLocations),
          name: z.string().max(1000),
          title: z.string().max(1000).optional(),
          institution: z.string().max(1000).optional(),
          email: z.string().max(1000).optional(),
          phone: z.string().max(1000).optional(),
          languages: z.array(z.string().max(10)).max(20).optional(),
          designatedOn: z.string().max(20).openapi({ format: 'date', example: '2018-03-12' }),
          endedOn: z.string().max(20).nullable().optional(),
          lastConfirmedOn: z.string().max(20).nullable().optional(),
        }),
      ),
    },
  },
  responses: {
    201: { description: 'The new point of contact', content: json(ContactSchema) },
    401: problems[401],
    403: problems[403],
    404: problems[404],
    422: { description: 'The fields are not valid; each problem names its field', content: problemJson },
  },
});

const perYearRoute = createRoute({
  method: 'get',
  path: '/contacts/per-year',
  tags: ['Points of contact'],
  summary: 'Member States with a point of contact in office on 31 December of each year (this year: today)',
  security: bearer,
  request: {
    query: z.object({
      from: z.coerce.number().int().min(2004).max(2100).optional().openapi({ example: 2004 }),
      to: z.coerce.number().int().min(2004).max(2100).optional().openapi({ example: 2018 }),
    }),
  },
  responses: {
    200: {
      description:
        'Per year: the Member States (admitted by then) with a point of contact in office on `asAt` (31 December, or today for this year; later years are left out), and how many of them had none on the 31 December before. The same for every caller.',
      content: json(
        z.object({
          data: z.array(
            z.object({
              year: z.number().int(),
              asAt: z.string().openapi({ format: 'date' }),
              states: z.number().int(),
              newStates: z.number().int(),
            }),
          ),
        }),
      ),
    },
    422: problems[422],
  },
});

const IdParam = z.object({ id: z.string().max(100).openapi({ example: '00000000-0000-4000-8000-000000000000' }) });
const rowVersion = z
  .number()
  .int()
  .min(1)
  .openapi({ description: 'The `rowVersion` the change was made on: a change made on an older version is refused (409)' });
const changeResponses = {
  200: { description: 'The point of contact after the change', content: json(ContactSchema) },
  401: problems[401],
  403: { description: 'The account may see this contact but not make this change', content: problemJson },
  404: { description: 'No such contact, or one the caller may not see', content: problemJson },
  409: { description: 'Someone changed the contact since `rowVersion`, or the designation has ended', content: problemJson },
  422: { description: 'The fields are not valid; each problem names its field', content: problemJson },
};

/**
 * A change of one contact: a contact the caller may not see is not found (it is not even said to
 * exist); one it may see but not change is forbidden. Checked before the body is read.
 */
const contactChanger = (action: 'update' | 'create', what: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const id = c.req.param('id') ?? '';
    const contact = await findContact(c.get('app').database.db, id);
    if (!contact || contact.archived_at || !maySeeContacts(c.get('viewer'), contact.state_iso3))
      throw new AppError('not-found', `no point of contact has the id ${id.slice(0, 40)}`);
    authorize(c, can(c.get('viewer'), action, contactResource(contact.state_iso3)), what);
    await next();
  });

const patchContactRoute = createRoute({
  method: 'patch',
  path: '/contacts/{id}',
  tags: ['Points of contact'],
  summary: 'Change a point of contact’s details',
  description:
    'The fields given replace the stored ones. The secretariat, administrators and the point of contact of the State concerned change the details; only the secretariat and administrators change `designatedOn`, `endedOn` and `source`, and the point of contact moves `lastConfirmedOn` only forward. A field the caller may not change is refused by name (403), never ignored; a change that changes nothing writes nothing. Ending a designation and confirming it also have their own requests.',
  security: bearer,
  middleware: [contactChanger('update', 'a change of this point of contact')] as const,
  request: {
    params: IdParam,
    body: {
      required: true,
      content: json(
        z
          .object({
            rowVersion,
            location: z.enum(contactLocations).optional(),
            name: z.string().max(1000).optional(),
            title: z.string().max(1000).optional(),
            institution: z.string().max(1000).optional(),
            email: z.string().max(1000).optional(),
            phone: z.string().max(1000).optional(),
            languages: z.array(z.string().max(40)).max(40).optional(),
            designatedOn: z.string().max(20).optional().openapi({ format: 'date' }),
            endedOn: z.string().max(20).nullable().optional().openapi({ format: 'date' }),
            lastConfirmedOn: z.string().max(20).nullable().optional().openapi({ format: 'date' }),
            source: z.enum(recordSources).optional(),
          })
          .strict(),
      ),
    },
  },
  responses: changeResponses,
});

const confirmContactRoute = createRoute({
  method: 'post',
  path: '/contacts/{id}/confirm',
  tags: ['Points of contact'],
  summary: 'Record that a point of contact’s details were confirmed (today by default)',
  description: 'The reminder list counts a year from the last confirmation. Only a designation still running is confirmed.',
  security: bearer,
  middleware: [contactChanger('update', 'the confirmation of this point of contact')] as const,
  request: {
    params: IdParam,
    body: {
      required: true,
      content: json(
        z.object({ rowVersion, confirmedOn: z.string().max(20).optional().openapi({ format: 'date', description: 'By default today' }) }),
      ),
    },
  },
  responses: changeResponses,
});

const endContactRoute = createRoute({
  method: 'post',
  path: '/contacts/{id}/end',
  tags: ['Points of contact'],
  summary: 'End a designation on a date (nothing is deleted: the contact stays in the history)',
  description: 'The secretariat and administrators end designations.',
  security: bearer,
  middleware: [contactChanger('create', 'the end of this designation')] as const,
  request: {
    params: IdParam,
    body: {
      required: true,
      content: json(z.object({ rowVersion, endedOn: z.string().max(20).openapi({ format: 'date', example: '2018-12-31' }) })),
    },
  },
  responses: changeResponses,
});

export function registerContactApi(api: Api) {
  api.openapi(listRoute, async (c) => {
    const db = c.get('app').database.db;
    const state = await findState(db, c.req.valid('param').iso3);
    if (!state) throw new AppError('not-found', `no Member State has the code ${c.req.valid('param').iso3.toUpperCase()}`);
    const { projection, details } = stateContactsFor(c.get('viewer'), state.iso3, await stateContacts(db, state.iso3), todayIso());
    if (!details) return c.json(projection, 200);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ ...projection, contacts: details.map(contactRecord) }, 200);
  });
  api.openapi(createContactRoute, async (c) => {
    const row = await addContact(c.get('app').database.db, c.get('viewer'), c.req.valid('param').iso3, c.req.valid('json'));
    return c.json(contactRecord(row), 201);
  });
  api.openapi(perYearRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    const last = to ?? Number(todayIso().slice(0, 4));
    const first = from ?? 2004;
    if (first > last)
      throw new AppError('validation', 'from: must not be after to', { fields: [{ field: 'from', problem: 'must not be after to' }] });
    return c.json({ data: await contactFiguresPerYear(c.get('app').database.db, first, last, todayIso()) }, 200);
  });
  api.openapi(patchContactRoute, async (c) => {
    const { rowVersion: version, ...edit } = c.req.valid('json');
    const row = await updateContact(c.get('app').database.db, c.get('viewer'), c.req.valid('param').id, version, edit);
    c.header('Cache-Control', 'private, no-store');
    return c.json(contactRecord(row), 200);
  });
  api.openapi(confirmContactRoute, async (c) => {
    const { rowVersion: version, confirmedOn } = c.req.valid('json');
    const row = await confirmContact(c.get('app').database.db, c.get('viewer'), c.req.valid('param').id, version, confirmedOn);
    c.header('Cache-Control', 'private, no-store');
    return c.json(contactRecord(row), 200);
  });
  api.openapi(endContactRoute, async (c) => {
    const { rowVersion: version, endedOn } = c.req.valid('json');
    const row = await endContact(c.get('app').database.db, c.get('viewer'), c.req.valid('param').id, version, endedOn);
    c.header('Cache-Control', 'private, no-store');
    return c.json(contactRecord(row), 200);
  });
}
