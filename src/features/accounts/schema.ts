import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../../platform/policy/levels.ts';

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  role: Role;
  state_iso3: string | null;
  organization_code: string | null;
  password_hash: string | null;
  locale: string;
  disabled_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
  version: ColumnType<number, never, number>;
}

export interface SessionTable {
  id: string;
  user_id: string;
  created_at: ColumnType<Date, never, never>;
  expires_at: Date;
  last_seen_at: Date;
}

export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: ColumnType<Date, never, never>;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

export interface LoginFailureTable {
  id: Generated<string>;
  account_key: string;
  address: string;
  at: ColumnType<Date, never, never>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    app_user: AppUserTable;
    session: SessionTable;
    api_token: ApiTokenTable;
    login_failure: LoginFailureTable;
  }
}

declare module '../../platform/policy/policy.ts' {
  interface RecordTypes {
    user: true;
    'api-token': true;
  }
  interface Abilities {
    'manage-accounts': true;
    'use-api-tokens': true;
    export: true;
  }
}
