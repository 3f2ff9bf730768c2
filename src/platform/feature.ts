import type { Hono, MiddlewareHandler } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from './audit/record.ts';
import type { BackupTable } from './backup/tables.ts';
import type { BundleSection } from './bundle/section.ts';
import type { Command } from './cli.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import type { DB } from './db/schema.ts';
import type { Api } from './http/api-common.ts';
import type { AppEnv } from './http/env.ts';
import type { MessageKey } from './i18n/i18n.ts';
import type { Ability, AbilityRule, RecordRule, RecordType } from './policy/policy.ts';
import type { SearchSource } from './search.ts';

/** Pages mounted under `/{locale}{path}`. */
export interface WebMount {
  path: string;
  routes: () => Hono<AppEnv>;
}

/** An entry of the site's menu; `order` places it among every feature's entries. */
export interface NavEntry {
  path: string;
  label: MessageKey;
  /** Shown only to viewers with this ability. */
  needs?: Ability;
  order: number;
  /** A figure the home page shows on the entry's card (the number of States). */
  count?: (db: Kysely<DB>) => Promise<number>;
}

/** Why a table is left out of the bundle or the backup: said in words, checked by a test. */
export interface Excluded {
  excluded: string;
}

/**
 * A table the feature owns. The backup carries it (its key, in the feature's order) unless it is
 * excluded with a reason; the bundle carries its rows in the section named, or excludes it.
 */
export interface TableClaim {
  name: keyof DB;
  backup: Omit<BackupTable, 'name'> | Excluded;
  bundle: string | Excluded;
}

export interface DemoOptions {
  log?: (line: string) => void;
  /** The configuration, where a demonstration set needs it (the file store of the demonstration documents). */
  config?: Config;
  /**
   * The day the demonstration is seeded on (default: today, `values/dates.ts`): the illustrative
   * history after the 2018 review continues up to it, the same for the same day.
   */
  today?: string;
}

/**
 * What a first start (and `r1540 seed`) loads: shipped reference data in one transaction, in the
 * registry's order; and, when demonstration data is asked for, each feature's demonstration set.
 * Each returns a line for the log, or nothing.
 */
export interface SeedSteps {
  reference?: (trx: Transaction<DB>, actor: Actor) => Promise<string | undefined>;
  demo?: (db: Kysely<DB>, options: DemoOptions) => Promise<string | undefined>;
}

export interface CliCommand {
  name: string;
  /** Lines of `r1540 --help`, indented by two spaces. */
  usage: string;
  run: Command;
}

/** A file the feature serves under `/static/`. */
export interface StaticAsset {
  name: string;
  file: URL;
  type: string;
}

/**
 * Everything a feature brings, declared in its `index.ts`. `src/features/registry.ts` lists the
 * features in order (a feature comes after those it uses); the HTTP app, the OpenAPI document,
 * navigation, the CLI, the bundle, the backup, the search indexer, the policy and the seeding all
 * iterate that list, and nothing else names a feature.
 */
export interface Feature {
  name: string;
  tables?: readonly TableClaim[];
  /** The rules of the record types it keeps, for `can`. */
  records?: { readonly [T in RecordType]?: RecordRule };
  /** Abilities that are not about one record, for `may`. */
  abilities?: { readonly [A in Ability]?: AbilityRule };
  web?: readonly WebMount[];
  /** Registers the feature's routes in the OpenAPI app, in this order. */
  api?: readonly ((api: Api) => void)[];
  nav?: readonly NavEntry[];
  bundle?: readonly BundleSection<unknown>[];
  search?: readonly SearchSource[];
  seed?: SeedSteps;
  cli?: readonly CliCommand[];
  assets?: readonly StaticAsset[];
  /** The files of the file store that its rows name (by SHA-256): the backup carries them. */
  storedFiles?: (db: Kysely<DB> | Transaction<DB>) => Promise<string[]>;
  /** A larger request body than `R1540_MAX_BODY_BYTES` for some paths (a file import, an upload). */
  bodyLimit?: (path: string, config: Config) => number | undefined;
  /**
   * Middleware around every page under `/{locale}` (after authentication: the viewer is known),
   * made once per application by `app/http.tsx`, in the registry's order. It must not slow or fail
   * a page (the site-visit counter: it only notes the page once answered).
   */
  middleware?: (app: AppContext) => MiddlewareHandler<AppEnv>;
  /** At shutdown, before the database closes (the site-visit counter writes its last counts). */
  shutdown?: (app: AppContext) => Promise<void>;
}
