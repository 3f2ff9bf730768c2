import type { Messages, MessageKey } from '../../platform/i18n/i18n.ts';
import { pick } from '../../platform/i18n/locales.ts';
import type { WorkingGroupRow } from './queries.ts';

export const kindLabel = (m: Messages, kind: string) => m.t(`meetings.kind.${kind}` as MessageKey);
export const areaLabel = (m: Messages, area: string) => m.t(`meetings.area.${area}` as MessageKey);
export const statusLabel = (m: Messages, status: string) => m.t(`meetings.status.${status}` as MessageKey);
export const levelLabel = (m: Messages, level: string) => m.t(`documents.level.${level}` as MessageKey);
export const groupName = (m: Messages, g: Pick<WorkingGroupRow, 'names' | 'code'>) => pick(g.names, m.locale) || g.code;

/** The body that met: the Committee, a working group, or the Security Council. */
export function bodyLabel(m: Messages, kind: string, groupId: string | null, groups: ReadonlyMap<string, WorkingGroupRow>): string {
  if (kind === 'working-group') {
    const g = groupId ? groups.get(groupId) : undefined;
    return g ? groupName(m, g) : m.t('meetings.body.workingGroup');
  }
  if (kind === 'council-briefing') return m.t('meetings.body.council');
  return m.t('meetings.body.committee');
}

/** The names of the States and organizations the viewer may see, in the reader's language. */
export interface Names {
  states: Map<string, string>;
  organizations: Map<string, string>;
}
