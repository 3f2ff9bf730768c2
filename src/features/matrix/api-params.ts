import { z } from '@hono/zod-openapi';

/** The State in an API path (`/states/{iso3}/…`), in any case; the routes look it up for the viewer. */
export const stateParams = (example = 'MLI') =>
  z.object({
    iso3: z
      .string()
      .regex(/^[A-Za-z]{3}$/)
      .openapi({ example }),
  });
