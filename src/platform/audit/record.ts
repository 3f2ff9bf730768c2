import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Confidentiality } from '../policy/levels.ts';

/** Who made a change: an account, or the system itself (seed, migration, CLI without an account). */
export interface Actor {
  id: string | null;
  label: string;
}

export const systemActor: Actor = { id: null, label: 'system' };

export interface Change {
  action: 'create' | 'update' | 'archive' | 'restore' | 'import' | string;
  recordType: string;
  recordId: string;
  confidentiality: Confidentiality;
  stateIso3?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Dates become ISO strings so that before/after compare as stored. */
function plain(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value));
}

/** Records a change in the same transaction as the change itself: both land, or neither. */
export async function recordChange(trx: Transaction<DB>, actor: Actor, change: Change): Promise<void> {
  await trx
    .insertInto('audit_event')
    .values({
      actor_id: actor.id,
      actor_label: actor.label,
      action: change.action,
      record_type: change.recordType,
      record_id: change.recordId,
      confidentiality: change.confidentiality,
      state_iso3: change.stateIso3 ?? null,
      before: change.before === undefined ? null : JSON.stringify(plain(change.before)),
      after: change.after === undefined ? null : JSON.stringify(plain(change.after)),
    })
    .execute();
}

/** The actor of a request; the public makes no changes, so a missing viewer is a bug. */
export function actorOf(viewer: { id: string; displayName: string } | null): Actor {
  if (!viewer) throw new Error('a change needs a signed-in actor');
  return { id: viewer.id, label: viewer.displayName };
}
