import type { FieldProblem } from '../../platform/errors.ts';

/*
 * The rules across a State's records, pure: one first report per State, additional information
 * after it, a UN symbol on one report only, a plan number once per State. The write core checks a
 * record against the stored ones; the bundle against the stored ones and the rest of the bundle,
 * naming where the other record is (`record [3]`, `the stored report …`).
 */

export interface ReportFacts {
  id: string;
  state: string;
  kind: string;
  receivedOn: string;
  symbol: string;
  /** Where the record is, for a problem that names it; nothing for the write core. */
  where?: string;
}

const at = (o: { where?: string }) => (o.where ? ` (${o.where})` : '');

/** The problems of a report (not archived) among the others of its State and the reports with its symbol (none archived). */
export function reportConflicts(r: ReportFacts, others: readonly ReportFacts[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const sameState = others.filter((o) => o.state === r.state && o.id !== r.id);
  const byDate = (a: ReportFacts, b: ReportFacts) => a.receivedOn.localeCompare(b.receivedOn);
  const first = sameState.filter((o) => o.kind === 'first-report').sort(byDate)[0];
  if (r.kind === 'first-report') {
    if (first)
      problems.push({ field: 'kind', problem: `${r.state} has a first report already${at(first)}: record this as additional information` });
    const earliest = sameState.filter((o) => o.kind === 'additional-information').sort(byDate)[0];
    if (earliest && earliest.receivedOn < r.receivedOn)
      problems.push({
        field: 'receivedOn',
        problem: `is after ${r.state}’s additional information of ${earliest.receivedOn}${at(earliest)}`,
      });
  } else if (first && r.receivedOn < first.receivedOn)
    problems.push({ field: 'receivedOn', problem: `is before ${r.state}’s first report of ${first.receivedOn}${at(first)}` });
  const twin = r.symbol ? others.find((o) => o.id !== r.id && o.symbol === r.symbol) : undefined;
  if (twin) problems.push({ field: 'symbol', problem: `is already the symbol of ${twin.state}’s report of ${twin.receivedOn}${at(twin)}` });
  return problems;
}

export interface PlanFacts {
  id: string;
  state: string;
  number: number;
  where?: string;
}

/** The problem of a plan (not archived) whose number another plan of its State has. */
export function planConflict(p: PlanFacts, others: readonly PlanFacts[]): FieldProblem[] {
  const twin = others.find((o) => o.id !== p.id && o.state === p.state && o.number === p.number);
  return twin ? [{ field: 'number', problem: `${p.state} has a plan numbered ${p.number} already${at(twin)}` }] : [];
}
