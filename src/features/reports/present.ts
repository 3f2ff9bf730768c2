import type { CsvCell } from '../../platform/formats/csv.ts';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { kindLabel, planStatusLabel, sourceLabel } from './labels.ts';
import type { PlanRow, ReportRow } from './queries.ts';
import type { PlanStatus, ReportKind, ReportSource } from './schema.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { Confidentiality } from '../../platform/policy/levels.ts';

/*
 * What a reader sees of a report or a plan, whatever the door: its page, the lists and their CSV,
 * the API, the bundle, the State's page. A report or a plan is seen whole or not at all (the
 * policy decides which, in the queries): nothing in it is blanked for one reader and not another.
 */

export interface ReportView {
  id: string;
  state: string;
  kind: ReportKind;
  receivedOn: string;
  symbol: string;
  languages: Locale[];
  summary: string;
  paragraphs: string[];
  weaponTypes: string[];
  source: ReportSource;
  confidentiality: Confidentiality;
  archived: boolean;
}

export function presentReport(r: ReportRow): ReportView {
  return {
    id: r.id,
    state: r.state_iso3,
    kind: r.kind,
    receivedOn: r.received_on,
    symbol: r.symbol,
    languages: r.languages as Locale[],
    summary: r.summary,
    paragraphs: r.paragraphs,
    weaponTypes: r.weapon_types,
    source: r.source,
    confidentiality: r.confidentiality,
    archived: r.archived_at !== null,
  };
}

export interface PlanView {
  id: string;
  state: string;
  number: number;
  status: PlanStatus;
  startedOn: string | null;
  submittedOn: string | null;
  publishedOn: string | null;
  source: ReportSource;
  confidentiality: Confidentiality;
  archived: boolean;
}

export function presentPlan(p: PlanRow): PlanView {
  return {
    id: p.id,
    state: p.state_iso3,
    number: p.number,
    status: p.status,
    startedOn: p.started_on,
    submittedOn: p.submitted_on,
    publishedOn: p.published_on,
    source: p.source,
    confidentiality: p.confidentiality,
    archived: p.archived_at !== null,
  };
}

type Names = ReadonlyMap<string, string>;
const nameOf = (names: Names, iso3: string) => names.get(iso3) ?? iso3;

/** The list of reports as CSV: a header and a line per report. */
export function reportCsv(m: Messages, reports: readonly ReportRow[], names: Names): CsvCell[][] {
  return [
    [m.t('reports.state'), 'ISO3', m.t('reports.kind'), m.t('reports.received'), m.t('reports.symbol'), m.t('reports.source')],
    ...reports
      .map(presentReport)
      .map((x) => [nameOf(names, x.state), x.state, kindLabel(m, x.kind), x.receivedOn, x.symbol, sourceLabel(m, x.source)]),
  ];
}

/** The list of plans as CSV. */
export function planCsv(m: Messages, plans: readonly PlanRow[], names: Names): CsvCell[][] {
  return [
    [
      m.t('reports.state'),
      'ISO3',
      m.t('reports.number'),
      m.t('reports.status'),
      m.t('reports.started'),
      m.t('reports.submitted'),
      m.t('reports.published'),
      m.t('reports.source'),
    ],
    ...plans
      .map(presentPlan)
      .map((p) => [
        nameOf(names, p.state),
        p.state,
        p.number,
        planStatusLabel(m, p.status),
        p.startedOn,
        p.submittedOn,
        p.publishedOn,
        sourceLabel(m, p.source),
      ]),
  ];
}
