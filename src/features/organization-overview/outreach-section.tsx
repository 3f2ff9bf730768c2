import type { FC } from 'hono/jsx';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import { OutreachConcerning } from '../outreach/index.ts';

/** The outreach events the organization organized or hosted, and its cooperation with the Committee (issue 14). */
export const OrganizationOutreach: FC<{ m: Messages; db: Kysely<DB>; viewer: Viewer | null; code: string }> = ({ m, db, viewer, code }) => (
  <OutreachConcerning m={m} db={db} viewer={viewer} organization={code} />
);
