// The clearinghouse after the 2018 review, made up (source 'illustrative') and dated relative to
// the day the demonstration is seeded on, so that every page has something current to show: new
// requests each year from 2019, responses and matches in every status, and a few deadlines passed
// recently (never a follow-up letter due for years). Pure: the same day gives the same plans.
import type { MatchStatus } from '../schema.ts';
import type { ItemInput } from '../requests/inputs.ts';
import { type Need, needs } from './later-needs.ts';
import { rhythm } from './plan.ts';

/** One thing that happens to a request, on a day: a step, a provider's response, a match added or moved. */
export type LaterEvent =
  | { kind: 'step'; on: string; action: string; note?: string; providers?: string[] }
  | { kind: 'response'; on: string; provider: string; items: number[]; text: string }
  | { kind: 'match'; on: string; item: number; provider: string; to: 'add' | MatchStatus; note?: string };

export interface LaterRequest {
  state: string;
  receivedOn: string;
  channel: 'note-verbale' | 'template' | 'letter';
  languages: string[];
  invitesVisit: boolean;
  consentSummary: boolean;
  summary: string;
  items: ItemInput[];
  /** In the order they happen; only those on or before the seeding day are recorded. */
  events: LaterEvent[];
}

export const laterNote = 'Illustrative: made up to continue the demonstration after the 2018 review.';

/** A day `n` calendar days after (or before, negative) an ISO day. */
export function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The first day of the quarter of an ISO day. */
export function quarterStart(iso: string): string {
  const month = Math.floor((Number(iso.slice(5, 7)) - 1) / 3) * 3 + 1;
  return `${iso.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
}

const later = (a: string, b: string) => (a > b ? a : b);

/** The opening steps of a request received on a day: authenticated, acknowledged, circulated to its two providers. */
function opening(receivedOn: string, providers: readonly string[]): { events: LaterEvent[]; circulatedOn: string } {
  const r = rhythm(receivedOn);
  return {
    circulatedOn: r.circulate,
    events: [
      { kind: 'step', on: r.authenticate, action: 'authenticate', note: laterNote },
      { kind: 'step', on: r.acknowledge, action: 'acknowledge', note: 'The Chair’s letter of acknowledgement.' },
      { kind: 'step', on: r.circulate, action: 'circulate', providers: [...providers], note: laterNote },
    ],
  };
}

const answered = (provider: string) => `${provider.split(':')[1]} answered the request and offered its help. ${laterNote}`;

/**
 * How a request of a past year went on after its circulation, by its variant (five of them, so
 * that every status and every status of a match appears): closed after delivery, under way,
 * forwarded with the Chair's follow-up letter sent before it fell due, withdrawn, delivered. No
 * request is left circulated or forwarded for a year without a follow-up letter.
 */
function afterCirculation(c: string, p: readonly [string, string], variant: number): LaterEvent[] {
  const d = (n: number) => addDays(c, n);
  const [p0, p1] = p;
  switch (variant) {
    case 0:
      return [
        { kind: 'response', on: d(35), provider: p0, items: [1], text: answered(p0) },
        { kind: 'match', on: d(36), item: 1, provider: p0, to: 'add' },
        { kind: 'match', on: d(40), item: 1, provider: p0, to: 'proposed' },
        { kind: 'response', on: d(60), provider: p1, items: [2], text: answered(p1) },
        { kind: 'step', on: d(70), action: 'forward', note: laterNote },
        { kind: 'match', on: d(80), item: 1, provider: p0, to: 'accepted' },
        { kind: 'step', on: d(120), action: 'start', note: laterNote },
        { kind: 'match', on: d(120), item: 1, provider: p0, to: 'under-way' },
        { kind: 'step', on: d(300), action: 'deliver', note: laterNote },
        { kind: 'match', on: d(300), item: 1, provider: p0, to: 'delivered' },
        { kind: 'step', on: d(330), action: 'close', note: laterNote },
      ];
    case 1:
      return [
        { kind: 'response', on: d(50), provider: p1, items: [1, 2], text: answered(p1) },
        { kind: 'match', on: d(51), item: 2, provider: p1, to: 'add' },
        { kind: 'match', on: d(51), item: 1, provider: p0, to: 'add' },
        { kind: 'step', on: d(60), action: 'forward', note: laterNote },
        { kind: 'match', on: d(62), item: 2, provider: p1, to: 'proposed' },
        { kind: 'match', on: d(62), item: 1, provider: p0, to: 'proposed' },
        { kind: 'match', on: d(95), item: 1, provider: p0, to: 'declined', note: 'The provider could not help within the year.' },
        { kind: 'match', on: d(110), item: 2, provider: p1, to: 'accepted' },
        { kind: 'step', on: d(150), action: 'start', note: laterNote },
        { kind: 'match', on: d(150), item: 2, provider: p1, to: 'under-way' },
      ];
    case 2:
      return [
        { kind: 'match', on: d(20), item: 1, provider: p0, to: 'add' },
        { kind: 'match', on: d(20), item: 2, provider: p1, to: 'add' },
        { kind: 'match', on: d(45), item: 2, provider: p1, to: 'set-aside', note: 'Another provider is better placed.' },
        { kind: 'response', on: d(90), provider: p0, items: [1], text: answered(p0) },
        { kind: 'step', on: d(100), action: 'forward', note: laterNote },
        {
          kind: 'step',
          on: d(430),
          action: 'follow-up',
          note: 'The Chair’s follow-up letter asked the State about its contacts with the provider.',
        },
      ];
    case 3:
      return [
        { kind: 'match', on: d(30), item: 1, provider: p0, to: 'add' },
        { kind: 'match', on: d(70), item: 1, provider: p0, to: 'set-aside', note: 'Overtaken: the State withdrew the request.' },
        { kind: 'step', on: d(70), action: 'withdraw', note: 'The State withdrew the request: bilateral assistance met the need.' },
      ];
    default:
      return [
        { kind: 'response', on: d(40), provider: p0, items: [1, 2], text: answered(p0) },
        { kind: 'step', on: d(50), action: 'forward', note: laterNote },
        { kind: 'match', on: d(55), item: 1, provider: p0, to: 'add' },
        { kind: 'match', on: d(60), item: 1, provider: p0, to: 'accepted' },
        { kind: 'step', on: d(140), action: 'start', note: laterNote },
        { kind: 'match', on: d(140), item: 1, provider: p0, to: 'under-way' },
        { kind: 'step', on: d(250), action: 'deliver', note: laterNote },
        { kind: 'match', on: d(250), item: 1, provider: p0, to: 'delivered' },
      ];
  }
}

const request = (n: Need, receivedOn: string, events: LaterEvent[], consent = false): LaterRequest => ({
  state: n.state,
  receivedOn,
  channel: n.channel,
  languages: n.languages,
  invitesVisit: false,
  consentSummary: consent,
  summary: consent ? `${n.items[0]!.description} ${laterNote}` : '',
  items: n.items,
  events,
});

/** Two days of each year a request arrives on. */
const yearDays = ['03-11', '09-16'];

/**
 * The requests after 2018 as at `today`: two a year from 2019 (what follows them cut at today),
 * and five placed relative to today: two whose
 * follow-up letter fell due one to three months ago, one whose acknowledgement is overdue, one
 * received in the last days, one with news this quarter (Mali's, which its point of contact sees).
 */
export function laterRequests(today: string): LaterRequest[] {
  const out: LaterRequest[] = [];
  const lastYear = Number(today.slice(0, 4));
  let k = 0;
  for (let year = 2019; year <= lastYear; year++)
    for (const day of yearDays) {
      const receivedOn = `${year}-${day}`;
      const n = needs[k % needs.length]!;
      const variant = k % 5;
      k++;
      if (receivedOn > today) continue;
      const o = opening(receivedOn, n.providers);
      out.push(request(n, receivedOn, [...o.events, ...afterCirculation(o.circulatedOn, n.providers, variant)], variant === 2));
    }
  const q = quarterStart(today);
  const recent = (n: number) => later(q, addDays(today, -n));
  // Circulated 15 months ago, no news since: the follow-up letter fell due about three months ago.
  const quiet: Need = { ...needs[6]!, state: 'MWI', languages: ['en'] };
  out.push(request(quiet, addDays(today, -470), opening(addDays(today, -470), quiet.providers).events));
  // Forwarded 13 months ago: the follow-up letter fell due about a month ago.
  const waiting: Need = { ...needs[0]!, state: 'SLE', languages: ['en'] };
  const w = opening(addDays(today, -440), waiting.providers);
  out.push(
    request(waiting, addDays(today, -440), [
      ...w.events,
      {
        kind: 'response',
        on: addDays(w.circulatedOn, 15),
        provider: waiting.providers[0],
        items: [1],
        text: answered(waiting.providers[0]),
      },
      { kind: 'step', on: addDays(w.circulatedOn, 25), action: 'forward', note: laterNote },
    ]),
  );
  // Received three weeks ago, authenticated, not yet acknowledged: the acknowledgement is overdue.
  const late: Need = { ...needs[3]!, state: 'HTI', languages: ['fr'] };
  out.push(request(late, addDays(today, -21), [opening(addDays(today, -21), late.providers).events[0]!]));
  // Received in the last days.
  const fresh: Need = { ...needs[4]!, state: 'BOL', languages: ['es'] };
  out.push(request(fresh, recent(3), []));
  // Mali's second request: circulated ten months ago, with a response, a match and the start this quarter.
  const mali: Need = { ...needs[6]!, state: 'MLI', languages: ['fr'], providers: ['organization:UNODA', 'organization:WCO'] };
  const m = opening(addDays(today, -300), mali.providers);
  out.push(
    request(mali, addDays(today, -300), [
      ...m.events,
      { kind: 'match', on: addDays(m.circulatedOn, 10), item: 1, provider: 'organization:UNODA', to: 'add' },
      { kind: 'match', on: addDays(m.circulatedOn, 30), item: 1, provider: 'organization:UNODA', to: 'proposed' },
      { kind: 'match', on: addDays(m.circulatedOn, 30), item: 2, provider: 'organization:WCO', to: 'add' },
      { kind: 'response', on: recent(20), provider: 'organization:UNODA', items: [1], text: answered('organization:UNODA') },
      { kind: 'step', on: recent(10), action: 'forward', note: laterNote },
      { kind: 'match', on: recent(8), item: 1, provider: 'organization:UNODA', to: 'accepted' },
      { kind: 'step', on: recent(5), action: 'start', note: laterNote },
      { kind: 'match', on: recent(5), item: 1, provider: 'organization:UNODA', to: 'under-way' },
      { kind: 'match', on: recent(4), item: 2, provider: 'organization:WCO', to: 'proposed' },
    ]),
  );
  for (const r of out) r.events = r.events.filter((e) => e.on <= today);
  // Nothing of 2018 or before: the review's figures stay as they are.
  return out.filter((r) => r.receivedOn <= today && r.receivedOn > '2018-12-31');
}
