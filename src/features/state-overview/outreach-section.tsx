import type { FC } from 'hono/jsx';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { OutreachConcerning } from '../outreach/index.ts';

/** The outreach events held in the State or organized by it, as far as the reader may see them (issue 14). */
export const StateOutreach: FC<{ m: Messages; db: Kysely<DB>; viewer: Viewer | null; iso3: string }> = ({ m, db, viewer, iso3 }) => (
  <OutreachConcerning m={m} db={db} viewer={viewer} state={iso3} />
);
