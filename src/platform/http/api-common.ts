import { z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';

export type Api = OpenAPIHono<AppEnv>;

const languages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

export const LocalizedTextSchema = z
  .object(Object.fromEntries(languages.map((l) => [l, z.string()])) as Record<(typeof languages)[number], z.ZodString>)
  .openapi('LocalizedText', { description: 'A text in the six official languages of the UN' });

export const PartialLocalizedTextSchema = z
  .object(
    Object.fromEntries(languages.map((l) => [l, z.string().optional()])) as Record<(typeof languages)[number], z.ZodOptional<z.ZodString>>,
  )
  .openapi('PartialLocalizedText', { description: 'A text in those of the six UN languages it exists in' });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    errors: z.array(z.object({ field: z.string(), problem: z.string() })).optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details' });

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

export const problems = {
  401: { description: 'Not signed in, or the token is not valid', content: problemContent },
  403: { description: 'The account may not see this', content: problemContent },
  404: { description: 'Not found', content: problemContent },
  422: { description: 'A parameter is not valid', content: problemContent },
};

export const bearer: Record<string, string[]>[] = [{ bearerAuth: [] }, {}];
