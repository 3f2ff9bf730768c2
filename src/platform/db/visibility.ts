import type { ExpressionBuilder } from 'kysely';
import type { VisibilityScope } from '../policy/policy.ts';

/**
 * A where-clause of the policy's visibility scope, for any table with `confidentiality` and a
 * State column. Tested against `canSee` so the two never disagree.
 */
export function visibleTo<DB, TB extends keyof DB>(scope: VisibilityScope, stateColumn: string) {
  return (eb: ExpressionBuilder<DB, TB>) => {
    // biome-ignore lint/suspicious/noExplicitAny: the column names are checked by the callers' tests
    const e = eb as unknown as ExpressionBuilder<any, any>;
    if (scope.all) return e.lit(true);
    const isPublic = e('confidentiality', '=', 'public');
    if (!scope.stateIso3) return isPublic;
    return e.or([isPublic, e.and([e('confidentiality', '=', 'committee-and-state'), e(stateColumn, '=', scope.stateIso3)])]);
  };
}
