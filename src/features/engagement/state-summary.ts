import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { can, type Viewer } from '../../platform/policy/policy.ts';
import { type CourseRow, courseResource, type VisitRow, visitResource } from './engagement.ts';
import { coursesFor, visitsFor } from './present.ts';

/*
 * What one State's page shows of engagement: the visits to it and the peer reviews it took part
 * in, and the courses its people attended. Each filtered by the policy, record by record, and
 * shown through the presenter (the States and organizations they name, as far as the reader may see).
 */

/** Visits to the State, and those that involved it (a peer review hosted by another), newest first. */
export async function visitsInvolving(db: Kysely<DB>, viewer: Viewer | null, iso3: string): Promise<VisitRow[]> {
  const rows = await db
    .selectFrom('visit')
    .selectAll()
    .where('archived_at', 'is', null)
    .where(sql<boolean>`(state_iso3 = ${iso3} or states_involved @> array[${iso3}]::text[])`)
    .orderBy('starts_on', 'desc')
    .orderBy('id')
    .execute();
  return visitsFor(
    db,
    viewer,
    rows.filter((v) => can(viewer, 'read', visitResource(v))),
  );
}

/** The courses the State took part in, newest first. */
export async function coursesAttendedBy(db: Kysely<DB>, viewer: Viewer | null, iso3: string): Promise<CourseRow[]> {
  const rows = await db
    .selectFrom('course')
    .selectAll()
    .where('archived_at', 'is', null)
    .where(sql<boolean>`participating_states @> array[${iso3}]::text[]`)
    .orderBy('starts_on', 'desc')
    .orderBy('id')
    .execute();
  return coursesFor(
    db,
    viewer,
    rows.filter((c) => can(viewer, 'read', courseResource(c))),
  );
}
