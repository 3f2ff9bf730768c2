// Correspondence rules that need no database: the State a letter concerns, and the non-reporting
// States as at its date.
import { membersAsAt } from '../member-states/index.ts';
import { type ReportFact, reportingStatus } from '../reports/index.ts';
import type { RecipientsMode, SenderKind } from './schema.ts';

/** The State a letter concerns: the sender State, or the one State it was addressed to. */
export function stateConcerned(input: {
  senderKind: string;
  senderState?: string | null;
  recipientsMode: string;
  recipients?: readonly string[];
}): string | null {
  if (input.senderKind === 'state' && input.senderState?.trim()) return input.senderState.trim().toUpperCase();
  if (input.recipientsMode === 'state' && input.recipients?.length === 1) return input.recipients[0]!.toUpperCase();
  return null;
}

export interface MemberFact {
  iso3: string;
  /** ISO date. */
  unMemberSince: string;
}

/**
 * The Member States (as they were at the date) that had not submitted a first report as at the
 * date: the recipients of a letter "to all non-reporting States", sorted.
 */
export function nonReportingAsAt(states: readonly MemberFact[], reports: readonly ReportFact[], date: string): string[] {
  const members = membersAsAt(states, date).map((s) => s.iso3);
  return reportingStatus(members, reports, date).nonReporting;
}

/** The States a letter goes to, as stored: the ones given, or the non-reporting ones as at its date. */
export function recipientsOf(mode: RecipientsMode, given: readonly string[], nonReporting: () => string[]): string[] {
  switch (mode) {
    case 'state':
    case 'list':
      return [...new Set(given.map((s) => s.toUpperCase()))].sort();
    case 'non-reporting':
      return nonReporting();
    default:
      return [];
  }
}

export type { RecipientsMode, SenderKind };
