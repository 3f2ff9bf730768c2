import type { CellSource, MatrixStatus } from '../schema.ts';
import type { Paragraph, TemplateField } from '../templates/template.ts';
import type { InstrumentStatus } from './cells.ts';
import {
  prng,
  hash,
  addDays,
  daysBetween,
  instrumentChance,
  measureChance,
  minDate,
  instrumentOpened,
  memberships,
  statements,
  lawTopics,
  languagesOf,
  facilityRows,
  demoCapacity,
} from './demo-odds.ts';

export { demoCapacity } from './demo-odds.ts';

/*
 * Demonstration matrices (issue 3, item 10): a made-up but plausible history for every Member
 * State, so that the grid, the history, the comparison of versions and the figures over time have
 * something to show. None of it is the Committee's information: every matrix row is `demo`, and
 * every citation says "(demonstration data)".
 *
 * The generator is a pure function of the State's reference data and the template, driven by a
 * PRNG seeded with the ISO code: the same data on every machine and every run.
 */

/** What the generator needs to know of a State (its reference data). */
export interface DemoState {
  iso3: string;
  regionalGroup: string;
  organizations: readonly string[];
  /** ISO date. */
  unMemberSince: string;
  securityCouncilYears: readonly number[];
}

/** One filled cell, as the write core takes it. */
export interface DemoCell {
  field: string;
  value: 'X' | '?' | 'NA';
  remarks: string;
  sources: CellSource[];
  infoDate: string | null;
  instrumentStatus: InstrumentStatus | null;
  instrumentDate: string | null;
}

/** The dates a version went through (ISO timestamps), and where it stands. */
export interface DemoVersion {
  /** The first version sets all its cells; a later one only what changed since the previous one. */
  changes: DemoCell[];
  status: Extract<MatrixStatus, 'draft' | 'sent' | 'published'>;
  started: string;
  sent?: string;
  agreed?: string;
  approved?: string;
  published?: string;
}

/**
 * A State's demonstration history: version 1 approved and published in 2018 (when the Committee
 * converted every matrix to the 2017 format), version 2 published between 2020 and 2023 with
 * measures gained, and for about a third of States a version 3 in the works (a draft, or sent to
 * the State) with a few more changes. Pure and deterministic: the same State and fields give the
 * same history.
 */
export function demoHistory(state: DemoState, fields: readonly TemplateField[]): DemoVersion[] {
  const rnd = prng(hash(`r1540 demo matrix ${state.iso3}`));
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const c = demoCapacity(state, rnd());
  const small = state.organizations.includes('PIF') || state.organizations.includes('CARICOM') || (c < 0.3 && rnd() < 0.5);
  const languages = languagesOf[state.regionalGroup] ?? ['en'];
  const language = pick(languages);
  const memberYear = Number(state.unMemberSince.slice(0, 4));

  // Each State's own illustrative laws, numbered and dated once so that its cells cite them consistently.
  const laws = new Map<string, { citation: string; year: number }>();
  const lawFor = (topic: string, latest: number) => {
    const known = laws.get(topic);
    if (known && known.year <= latest) return known.citation;
    const year = int(Math.max(memberYear, latest - 14), latest);
    const citation = `Illustrative ${topic} No. ${int(1, 60)}/${year} (demonstration data)`;
    laws.set(topic, { citation, year });
    return citation;
  };
  const reportFor = (year: number): CellSource => ({
    kind: 'national-report',
    citation: `Illustrative national report of ${year} to the 1540 Committee (demonstration data)`,
    locator: `p. ${int(2, 40)}`,
    language: 'en',
  });

  /** The evidence of an OP2/OP3 measure found by `latest` (a year). */
  const evidence = (f: TemplateField, value: 'X' | '?', latest: number): Pick<DemoCell, 'sources' | 'remarks'> => {
    const topic = lawTopics[f.paragraph as Exclude<Paragraph, 'OP1'>](f.weaponType);
    const law: CellSource = {
      kind: 'law',
      citation: lawFor(topic, latest),
      locator: `art. ${int(1, 120)}`,
      language,
    };
    if (value === '?')
      return rnd() < 0.5
        ? { sources: [reportFor(int(latest - 3, latest))], remarks: 'The reference found may be incomplete (demonstration data).' }
        : { sources: [law], remarks: 'The provision found may not be directly relevant (demonstration data).' };
    return { sources: rnd() < 0.15 ? [law, reportFor(int(latest - 4, latest))] : [law], remarks: '' };
  };

  /** An OP1 instrument the State is party to or a member of, as known on `until` (an ISO date). */
  const instrument = (f: TemplateField, item: string, signedOnly: boolean, from: number, until: string): DemoCell => {
    const latest = Number(until.slice(0, 4));
    const opened = Math.max(instrumentOpened[item] ?? 1990, memberships.has(item) || memberYear >= 1990 ? memberYear : 1900);
    const year = int(Math.min(Math.max(opened, from), latest), latest);
    const date = minDate(`${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`, addDays(until, -30));
    const status: InstrumentStatus = signedOnly
      ? 'signed'
      : memberships.has(item) || statements.has(item)
        ? 'member'
        : memberYear >= 1990 && rnd() < 0.15
          ? 'succeeded'
          : rnd() < 0.7
            ? 'ratified'
            : 'acceded';
    return {
      field: f.code,
      value: signedOnly ? '?' : 'X',
      remarks: signedOnly ? 'Signed, not yet ratified (demonstration data).' : '',
      sources: [
        {
          kind: 'organization',
          citation: 'Illustrative depositary or membership record (demonstration data)',
          language: 'en',
        },
      ],
      infoDate: minDate(addDays(date, int(30, 400)), until),
      instrumentStatus: statements.has(item) ? null : status,
      instrumentDate: statements.has(item) ? null : date,
    };
  };

  // Version 1, as converted in 2018: evidence found up to 2017.
  const v1 = new Map<string, DemoCell>();
  const rowBias = new Map<string, number>();
  const lfPresent = new Set<string>();
  const naRows = new Set<string>();
  for (const f of fields) {
    if (f.paragraph === 'OP1') {
      const item = f.code.slice(4);
      const chance = instrumentChance(item, c, state);
      const r = rnd();
      if (r < chance) v1.set(f.code, instrument(f, item, false, 1950, '2017-12-31'));
      else if (r < chance + 0.06 && !memberships.has(item) && !statements.has(item))
        v1.set(f.code, instrument(f, item, true, 1996, '2017-12-31'));
      continue;
    }
    if (!rowBias.has(f.row)) {
      rowBias.set(f.row, (rnd() - 0.5) * 0.3);
      if (small && facilityRows.test(f.row) && rnd() < 0.7) naRows.add(f.row);
    }
    if (f.weaponType === 'nuclear' && naRows.has(f.row)) {
      v1.set(f.code, {
        field: f.code,
        value: 'NA',
        remarks: 'No nuclear facilities or materials of this kind (demonstration data).',
        sources: [],
        infoDate: `${int(2014, 2017)}-${String(int(1, 12)).padStart(2, '0')}-01`,
        instrumentStatus: null,
        instrumentDate: null,
      });
      continue;
    }
    const key = `${f.row}.${f.weaponType}`;
    let chance = measureChance(f.paragraph, f.weaponType, c) + (rowBias.get(f.row) ?? 0);
    // Enforcement (penalties) mostly where there is a legal framework, rarely without one.
    if (f.measureKind === 'enforcement') chance = lfPresent.has(key) ? 0.45 + 0.5 * c : 0.04;
    if (rnd() >= chance) continue;
    if (f.measureKind === 'legal-framework') lfPresent.add(key);
    const value = rnd() < 0.87 ? 'X' : '?';
    const infoDate = `${int(2012, 2017)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
    v1.set(f.code, {
      field: f.code,
      value,
      ...evidence(f, value, Number(infoDate.slice(0, 4))),
      infoDate,
      instrumentStatus: null,
      instrumentDate: null,
    });
  }

  /** The next version's changes: new measures found, incomplete references completed, a few downgrades. */
  const evolve = (current: Map<string, DemoCell>, gain: number, from: string, to: string, cap: number): DemoCell[] => {
    const fromYear = Number(from.slice(0, 4));
    const span = daysBetween(from, to);
    const found = () => addDays(from, int(0, span));
    const changes: DemoCell[] = [];
    for (const f of fields) {
      if (changes.length >= cap) break;
      const now = current.get(f.code);
      if (f.paragraph === 'OP1') {
        const item = f.code.slice(4);
        if (now?.value === '?' && rnd() < 0.5) changes.push(instrument(f, item, false, fromYear, to));
        else if (!now && rnd() < gain * instrumentChance(item, c, state)) changes.push(instrument(f, item, false, fromYear, to));
        continue;
      }
      if (now?.value === 'NA') continue;
      if (now?.value === 'X') {
        if (rnd() < 0.012)
          changes.push({
            ...now,
            value: '?',
            remarks: 'The law cited was amended: to be checked (demonstration data).',
            infoDate: found(),
          });
        continue;
      }
      const chance = now?.value === '?' ? 0.45 : gain * (0.5 + measureChance(f.paragraph, f.weaponType, c));
      if (rnd() >= chance) continue;
      const value = now?.value === '?' || rnd() < 0.9 ? 'X' : '?';
      const infoDate = found();
      changes.push({
        field: f.code,
        value,
        ...evidence(f, value, Number(infoDate.slice(0, 4))),
        infoDate,
        instrumentStatus: null,
        instrumentDate: null,
      });
    }
    return changes;
  };

  const at = (date: string) => `${date}T${String(int(8, 17)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:00.000Z`;
  const published = (started: string) => {
    const sent = addDays(started, int(20, 60));
    const agreed = addDays(sent, int(30, 90));
    const approved = addDays(agreed, int(10, 40));
    return {
      started: at(started),
      sent: at(sent),
      agreed: at(agreed),
      approved: at(approved),
      published: at(addDays(approved, int(7, 30))),
    };
  };

  const history: DemoVersion[] = [];
  const first = published(addDays('2018-01-15', int(0, 120)));
  history.push({ changes: [...v1.values()], status: 'published', ...first });

  const v2Start = addDays('2020-03-01', int(0, 900));
  const v2Changes = evolve(v1, 0.06 + 0.16 * c, first.published.slice(0, 10), addDays(v2Start, -7), 400);
  const second = published(v2Start);
  history.push({ changes: v2Changes, status: 'published', ...second });

  if (rnd() < 0.34) {
    const current = new Map(v1);
    for (const ch of v2Changes) current.set(ch.field, ch);
    const v3Start = addDays('2024-02-01', int(0, 540));
    const changes = evolve(current, 0.05, second.published.slice(0, 10), addDays(v3Start, -3), int(3, 12));
    const sent = rnd() < 0.5;
    history.push({
      changes,
      status: sent ? 'sent' : 'draft',
      started: at(v3Start),
      ...(sent ? { sent: at(addDays(v3Start, int(20, 60))) } : {}),
    });
  }
  return history;
}
