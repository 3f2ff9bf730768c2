// Reporting status and plan figures as at any date: pure functions over the records a viewer may see.

export interface ReportFact {
  stateIso3: string;
  kind: 'first-report' | 'additional-information';
  /** ISO date. */
  receivedOn: string;
  archived?: boolean;
}

export interface PlanFact {
  stateIso3: string;
  number: number;
  status: 'drafting' | 'drafting-with-experts' | 'submitted' | 'published';
  submittedOn: string | null;
  archived?: boolean;
}

/** The States that had a first report on or before a date (ISO). */
export function reportedBy(reports: readonly ReportFact[], date: string): Set<string> {
  return new Set(reports.filter((r) => !r.archived && r.kind === 'first-report' && r.receivedOn <= date).map((r) => r.stateIso3));
}

export interface ReportingStatus {
  asOf: string;
  reporting: string[];
  nonReporting: string[];
}

/** Which of the States had reported as at a date, and which had not (each list sorted). */
export function reportingStatus(states: readonly string[], reports: readonly ReportFact[], asOf: string): ReportingStatus {
  const done = reportedBy(reports, asOf);
  const sorted = [...states].sort();
  return { asOf, reporting: sorted.filter((s) => done.has(s)), nonReporting: sorted.filter((s) => !done.has(s)) };
}

/** The non-reporting States at the start of a year (as at 31 December before) and at its end. */
export function nonReportingInYear(
  states: readonly string[],
  reports: readonly ReportFact[],
  year: number,
): { start: string[]; end: string[]; firstReports: string[] } {
  const start = reportingStatus(states, reports, `${year - 1}-12-31`).nonReporting;
  const end = reportingStatus(states, reports, `${year}-12-31`).nonReporting;
  const endSet = new Set(end);
  return { start, end, firstReports: start.filter((s) => !endSet.has(s)) };
}

/** The States that sent additional information between two dates (inclusive), sorted. */
export function additionalInformationIn(reports: readonly ReportFact[], from: string, to: string): string[] {
  return [
    ...new Set(
      reports
        .filter((r) => !r.archived && r.kind === 'additional-information' && r.receivedOn >= from && r.receivedOn <= to)
        .map((r) => r.stateIso3),
    ),
  ].sort();
}

/** Whether a plan counts as received: submitted or published, with its date, not archived. */
function received(p: PlanFact): p is PlanFact & { submittedOn: string } {
  return !p.archived && (p.status === 'submitted' || p.status === 'published') && p.submittedOn !== null;
}

/**
 * Plans received per year (by date of submission), for every year from `from` to the year of
 * `asOf`, each counting what had been received by `asOf`: the last year is cut at the date, so the
 * years add up to `plansSince(plans, from, asOf)`.
 */
export function plansPerYear(plans: readonly PlanFact[], from: number, asOf: string): { year: number; plans: number }[] {
  const out: { year: number; plans: number }[] = [];
  const to = Number(asOf.slice(0, 4));
  for (let year = from; year <= to; year++)
    out.push({
      year,
      plans: plans.filter((p) => received(p) && p.submittedOn <= asOf && Number(p.submittedOn.slice(0, 4)) === year).length,
    });
  return out;
}

/** Plans received since the start of a year, up to a date (inclusive). */
export function plansSince(plans: readonly PlanFact[], year: number, asOf: string): number {
  return plans.filter((p) => received(p) && p.submittedOn >= `${year}-01-01` && p.submittedOn <= asOf).length;
}

/** Plans being drafted (not archived) as at now. */
export function plansInDrafting(plans: readonly PlanFact[]): PlanFact[] {
  return plans.filter((p) => !p.archived && (p.status === 'drafting' || p.status === 'drafting-with-experts'));
}
