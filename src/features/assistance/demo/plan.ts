// What the demonstration's requests are made of: a request's plan (its fields, items, steps and
// responses, recorded through the write cores by demo.ts), the usual rhythm of the procedure, and the
// notes that say what the review does not.
import { assistanceRequests2018 } from '../demo-2018.ts';
import { addWorkingDays } from '../procedure/calendar.ts';
import type { ItemInput } from '../requests/inputs.ts';
import type { AssistanceSource } from '../schema.ts';

export interface StepPlan {
  action: string;
  on: string;
  note?: string;
  providers?: string[];
}

export interface ResponsePlan {
  provider: string;
  on: string;
  /** Positions (1-based) of the items answered. */
  items: number[];
  text: string;
}

export interface RequestPlan {
  state: string;
  receivedOn: string;
  channel: 'note-verbale' | 'template' | 'letter';
  source: AssistanceSource;
  languages: string[];
  invitesVisit: boolean;
  consentSummary?: boolean;
  summary?: string;
  earlierAssistance?: string;
  reference?: string;
  items: ItemInput[];
  /** Steps after 'receive', in order; responses are recorded after the step they follow. */
  steps: StepPlan[];
  responses?: { after: number; list: ResponsePlan[] }[];
}

export const illustrativeDay = 'The day is illustrative: the review gives the year at most.';
export const notCirculatedSaid = 'Illustrative: the review does not name the providers this request was circulated to.';
export const consentSaid = 'Illustrative: the review does not say which States consented to a published summary.';
export const madeUpSummary = '(Illustrative summary: the review does not give the content of the request.)';

/** The usual rhythm of the procedure: authenticated two working days after receipt, acknowledged within ten, circulated six after that. */
export function rhythm(receivedOn: string) {
  const authenticate = addWorkingDays(receivedOn, 2);
  const acknowledge = addWorkingDays(receivedOn, 7);
  const circulate = addWorkingDays(acknowledge, 6);
  return { authenticate, acknowledge, circulate, after: (n: number) => addWorkingDays(circulate, n) };
}

export const received2018 = Object.fromEntries(assistanceRequests2018.map((r) => [r.state, r.on])) as Record<
  (typeof assistanceRequests2018)[number]['state'],
  string
>;

/** The first steps every request takes: authenticated, acknowledged by the Chair, circulated. */
export function opening(receivedOn: string, providers: string[], circulationNote: string, seedNote: string): StepPlan[] {
  const r = rhythm(receivedOn);
  return [
    { action: 'authenticate', on: r.authenticate, note: seedNote },
    { action: 'acknowledge', on: r.acknowledge, note: 'The Chair’s letter of acknowledgement.' },
    { action: 'circulate', on: r.circulate, providers, note: circulationNote },
  ];
}

/** The fields of a request the review records (`seed`), received by note verbale. */
export const seedByNote = (state: string, receivedOn: string) => ({ state, receivedOn, channel: 'note-verbale', source: 'seed' }) as const;

/** The visit item of a request that invited the Committee and its experts (¶18). */
export const visitItem = (description: string, illustrative = false): ItemInput => ({
  description,
  areas: ['coordination', 'reporting'],
  kinds: ['visit', 'expert-advice'],
  priority: 'high',
  illustrative,
});
