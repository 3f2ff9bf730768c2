import type { MeetingKind } from './schema.ts';

/*
 * The figures of section II.A of the annual review (¶4, ¶5, ¶7), computed from the meetings
 * themselves: pure functions over plain rows, so the annual review, the API and the tests count
 * the same way. Archived meetings are not counted (an archived record is one withdrawn).
 */

export interface CountedMeeting {
  heldOn: string;
  kind: MeetingKind;
  workingGroupId: string | null;
  archived: boolean;
}

/** What each figure counts, said once, for the API and the pages. */
export const meetingDefinitions = {
  formal: 'Formal meetings of the Committee held in the year (kind "formal"), as at the date given.',
  informal:
    'Informal meetings of the Committee held in the year (kind "informal"). Informal meetings held to hear briefings by States or organizations (kind "briefing", ¶15, ¶16, ¶31) are counted apart, as are meetings of the working groups.',
  briefings: 'Informal meetings at which States or organizations briefed the Committee (kind "briefing").',
  councilBriefings: 'Briefings of the Security Council by the Chair, alone or jointly with other committees (kind "council-briefing").',
  workingGroups: 'Meetings of each working group held in the year (kind "working-group"), by group.',
} as const;

/** The meetings that count for a year: held in it, on or before `asAt` when given, not archived. */
function counted<T extends CountedMeeting>(meetings: readonly T[], year: number, asAt?: string): T[] {
  const from = `${String(year).padStart(4, '0')}-01-01`;
  const to = `${String(year).padStart(4, '0')}-12-31`;
  const last = asAt && asAt < to ? asAt : to;
  return meetings.filter((m) => !m.archived && m.heldOn >= from && m.heldOn <= last);
}

export interface MeetingFigures {
  year: number;
  formal: number;
  informal: number;
  briefings: number;
  councilBriefings: number;
  workingGroupMeetings: number;
}

/** The Committee's meetings of a year by kind (¶4: 4 formal and 2 informal in 2018; ¶7: one briefing to the Council). */
export function meetingFigures(meetings: readonly CountedMeeting[], year: number, asAt?: string): MeetingFigures {
  const of = (kind: MeetingKind) => counted(meetings, year, asAt).filter((m) => m.kind === kind).length;
  return {
    year,
    formal: of('formal'),
    informal: of('informal'),
    briefings: of('briefing'),
    councilBriefings: of('council-briefing'),
    workingGroupMeetings: of('working-group'),
  };
}

/** The meetings of each working group in a year (¶5: 3, 3, 1, 1 in 2018), every group listed, none met shown as 0. */
export function workingGroupFigures(
  meetings: readonly CountedMeeting[],
  groupIds: readonly string[],
  year: number,
  asAt?: string,
): { workingGroupId: string; meetings: number }[] {
  const tally = new Map<string, number>(groupIds.map((id) => [id, 0]));
  for (const m of counted(meetings, year, asAt))
    if (m.kind === 'working-group' && m.workingGroupId && tally.has(m.workingGroupId))
      tally.set(m.workingGroupId, (tally.get(m.workingGroupId) ?? 0) + 1);
  return groupIds.map((id) => ({ workingGroupId: id, meetings: tally.get(id) ?? 0 }));
}

/** Whether two periods share a day; an open end runs on. Dates are ISO strings, so they compare as text. */
export function periodsOverlap(
  a: { startedOn: string; endedOn: string | null },
  b: { startedOn: string; endedOn: string | null },
): boolean {
  return (a.endedOn === null || b.startedOn <= a.endedOn) && (b.endedOn === null || a.startedOn <= b.endedOn);
}

export interface LinkedRecord {
  recordType: string;
  recordId: string;
  /** The record's date, when its kind has one the feature knows (a meeting's). */
  dated: string | null;
}

/** The progress of an item of a programme: its records by kind, the last date among them. */
export function itemProgress(links: readonly LinkedRecord[]): { total: number; byType: Record<string, number>; lastDate: string | null } {
  const byType: Record<string, number> = {};
  let lastDate: string | null = null;
  for (const l of links) {
    byType[l.recordType] = (byType[l.recordType] ?? 0) + 1;
    if (l.dated && (lastDate === null || l.dated > lastDate)) lastDate = l.dated;
  }
  return { total: links.length, byType, lastDate };
}
