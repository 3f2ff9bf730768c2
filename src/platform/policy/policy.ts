import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Confidentiality, Role } from './levels.ts';

/** The signed-in user as the policy sees it; `null` is the public. */
export interface Viewer {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** The State a point of contact speaks for (or a providing State). */
  stateIso3: string | null;
  /** The organization a provider speaks for. */
  organizationCode: string | null;
}

/** What a rule looks at: the kind of record, who may see it, and which State it concerns. */
export interface Resource {
  type: RecordType;
  confidentiality: Confidentiality;
  stateIso3?: string | null;
  /** The provider an offer is from ('organization:IAEA', 'state:FRA'). */
  providerKey?: string | null;
}

/**
 * The kinds of record the policy knows. Each feature names its own in its `schema.ts`:
 * `declare module '…/platform/policy/policy.ts' { interface RecordTypes { visit: true } }`,
 * and gives their rules in its manifest (`records`).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the features (declaration merging)
export interface RecordTypes {}
export type RecordType = Extract<keyof RecordTypes, string>;

/** Abilities that are not about one record, named likewise by the features (`interface Abilities`). */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the features (declaration merging)
export interface Abilities {}
export type Ability = Extract<keyof Abilities, string>;

export type Action = 'read' | 'create' | 'update' | 'archive' | 'restore' | 'comment' | 'read-history' | 'approve' | 'publish';

/**
 * How the policy decides for one kind of record: its keepers create, update, archive and restore
 * what they may see; `decide`, when given, answers first for the cases it knows (a point of
 * contact's own State, a provider's own offers) and leaves the rest (`undefined`) to the rule.
 */
export interface RecordRule {
  keepers: readonly Role[];
  decide?(viewer: Viewer | null, action: Action, resource: Resource): boolean | undefined;
  /**
   * The stored records with these ids, as the policy sees them (archived ones too): for another
   * feature that names them (a document's links) and must say no more than the policy allows.
   */
  resources?(db: Kysely<DB> | Transaction<DB>, ids: readonly string[]): Promise<Map<string, Resource>>;
}

/** The roles that have an ability, or a test of the viewer. */
export type AbilityRule = readonly Role[] | ((viewer: Viewer) => boolean);

const recordRules = new Map<string, RecordRule>();
const abilityRules = new Map<string, AbilityRule>();

/** Every record type, in the order the features were installed. */
export const recordTypes: RecordType[] = [];

/** Called once by the feature registry: the rules of every feature's records and abilities. */
export function installPolicy(
  features: readonly { records?: { readonly [T in RecordType]?: RecordRule }; abilities?: { readonly [A in Ability]?: AbilityRule } }[],
): void {
  recordRules.clear();
  abilityRules.clear();
  recordTypes.length = 0;
  for (const f of features) {
    for (const [type, rule] of Object.entries(f.records ?? {}) as [RecordType, RecordRule][]) {
      if (recordRules.has(type)) throw new Error(`two features keep the record type ${type}`);
      recordRules.set(type, rule);
      recordTypes.push(type);
    }
    for (const [ability, rule] of Object.entries(f.abilities ?? {}) as [Ability, AbilityRule][]) {
      if (abilityRules.has(ability)) throw new Error(`two features define the ability ${ability}`);
      abilityRules.set(ability, rule);
    }
  }
}

/** The resources of stored records of a type, by id; a type whose feature gives none, or an unknown id, is absent. */
export async function storedResources(
  db: Kysely<DB> | Transaction<DB>,
  type: string,
  ids: readonly string[],
): Promise<Map<string, Resource>> {
  const load = recordRules.get(type)?.resources;
  return load && ids.length ? load(db, ids) : new Map();
}

function ruleOf(type: string): RecordRule {
  const rule = recordRules.get(type);
  if (!rule) throw new Error(`no feature keeps the record type "${type}" (is src/features/registry.ts imported?)`);
  return rule;
}

/** Roles of the Committee side: they read every restricted record. */
export const committeeSide: readonly Role[] = ['expert', 'committee', 'secretariat', 'admin'];

export function isCommitteeSide(viewer: Viewer | null): boolean {
  return viewer !== null && committeeSide.includes(viewer.role);
}

/** Whether the viewer may see a record of this confidentiality about this State. */
export function canSee(viewer: Viewer | null, confidentiality: Confidentiality, stateIso3?: string | null): boolean {
  if (confidentiality === 'public') return true;
  if (viewer === null) return false;
  if (committeeSide.includes(viewer.role)) return true;
  return confidentiality === 'committee-and-state' && viewer.role === 'state-contact' && !!stateIso3 && viewer.stateIso3 === stateIso3;
}

/** The one place that decides every read and write. Pages, API, exports and search ask it. */
export function can(viewer: Viewer | null, action: Action, resource: Resource): boolean {
  const rule = ruleOf(resource.type);
  const decided = rule.decide?.(viewer, action, resource);
  if (decided !== undefined) return decided;
  const visible = canSee(viewer, resource.confidentiality, resource.stateIso3);
  switch (action) {
    case 'read':
      return visible;
    case 'read-history':
    case 'comment':
      // The history names the people who made each change, and comments are the Committee
      // side's and the State's own: a point of contact for records of its own State that it may see.
      return visible && viewer !== null && (isCommitteeSide(viewer) || isOwnState(viewer, resource));
    case 'approve':
      return visible && viewer !== null && ['committee', 'admin'].includes(viewer.role);
    case 'publish':
      return visible && viewer !== null && ['secretariat', 'admin'].includes(viewer.role);
    case 'create':
    case 'update':
    case 'archive':
    case 'restore':
      return visible && viewer !== null && rule.keepers.includes(viewer.role);
  }
}

/** Whether the viewer is the point of contact of the State the record concerns. */
export function isOwnState(viewer: Viewer | null, resource: { stateIso3?: string | null }): boolean {
  return viewer?.role === 'state-contact' && !!resource.stateIso3 && viewer.stateIso3 === resource.stateIso3;
}

/** The provider a viewer speaks for: its organization, or its State for a providing State's account. */
export function providerKeyOf(viewer: Viewer | null): string | null {
  if (viewer?.role !== 'provider') return null;
  if (viewer.organizationCode) return `organization:${viewer.organizationCode}`;
  if (viewer.stateIso3) return `state:${viewer.stateIso3}`;
  return null;
}

/**
 * Whether the viewer may see a request for assistance: the Committee side and the requesting
 * State (by its confidentiality), and the providers it was circulated to. The public never sees a
 * request itself, only the summary the State consented to (`publicSummaries`).
 */
export function canSeeRequest(
  viewer: Viewer | null,
  request: { confidentiality: Confidentiality; stateIso3: string },
  circulatedTo: readonly string[],
): boolean {
  if (canSee(viewer, request.confidentiality, request.stateIso3)) return true;
  const key = providerKeyOf(viewer);
  return key !== null && circulatedTo.includes(key);
}

export function may(viewer: Viewer | null, ability: Ability): boolean {
  if (viewer === null) return false;
  const rule = abilityRules.get(ability);
  if (!rule) throw new Error(`no feature defines the ability "${ability}" (is src/features/registry.ts imported?)`);
  return typeof rule === 'function' ? rule(viewer) : rule.includes(viewer.role);
}

/**
 * The same rule as `canSee`, in a form a query can apply: everything, or public records plus the
 * restricted records of one State. Queries that list records filter with it, so that what the
 * policy hides is not even counted.
 */
export type VisibilityScope = { all: true } | { all: false; stateIso3: string | null };

export function visibilityScope(viewer: Viewer | null): VisibilityScope {
  if (isCommitteeSide(viewer)) return { all: true };
  return { all: false, stateIso3: viewer?.role === 'state-contact' ? viewer.stateIso3 : null };
}
