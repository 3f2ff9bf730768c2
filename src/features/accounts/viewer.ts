import type { Selectable } from 'kysely';
import type { Viewer } from '../../platform/policy/policy.ts';
import type { AppUserTable } from './schema.ts';

export function viewerOf(row: Selectable<AppUserTable>): Viewer {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    stateIso3: row.state_iso3,
    organizationCode: row.organization_code,
  };
}

/** What the audit history keeps of an account: never its password hash. */
export function auditedUser(row: Selectable<AppUserTable>) {
  return { ...viewerOf(row), locale: row.locale, disabledAt: row.disabled_at };
}
