import type { FieldProblem } from '../../../platform/errors.ts';
import { type Dimension, unknownCodes } from '../taxonomy.ts';
import { channels, priorities } from '../schema.ts';

/** One item of a request: what the State needs, placed in the taxonomy. */
export interface ItemInput {
  /** Set when editing an existing item. */
  id?: string;
  description: string;
  paragraphs?: string[];
  weapons?: string[];
  areas?: string[];
  kinds?: string[];
  matrixFields?: string[];
  priority?: string;
  timeframe?: string;
  illustrative?: boolean;
}

export interface RequestInput {
  stateIso3: string;
  receivedOn: string;
  channel: string;
  reference?: string;
  contactName?: string;
  contactEmail?: string;
  languages?: string[];
  earlierAssistance?: string;
  otherProviders?: string;
  consentSummary?: boolean;
  summary?: string;
  invitesVisit?: boolean;
  items: ItemInput[];
}

export interface OfferInput {
  provider: string;
  title: string;
  description?: string;
  paragraphs?: string[];
  weapons?: string[];
  areas?: string[];
  kinds?: string[];
  regions?: string[];
  languages?: string[];
  programmes?: { name: string; url: string }[];
  capacity?: string;
  periodFrom?: string | null;
  periodTo?: string | null;
  contactName?: string;
  contactEmail?: string;
  confidentiality?: string;
}

const isDate = (s: unknown): s is string =>
  typeof s === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const emailLike = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);

function text(problems: FieldProblem[], field: string, value: unknown, max: number, required = false): void {
  if (value === undefined || value === null || value === '') {
    if (required) problems.push({ field, problem: 'is required' });
    return;
  }
  if (typeof value !== 'string') problems.push({ field, problem: 'must be text' });
  else if (required && !value.trim()) problems.push({ field, problem: 'is required' });
  else if (value.length > max) problems.push({ field, problem: `is longer than ${max} characters` });
}

function codes(problems: FieldProblem[], field: string, dimension: Dimension, value: unknown, required = false): void {
  if (value === undefined || value === null) {
    if (required) problems.push({ field, problem: 'choose at least one' });
    return;
  }
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    problems.push({ field, problem: 'must be a list of codes' });
    return;
  }
  if (required && value.length === 0) problems.push({ field, problem: 'choose at least one' });
  const unknown = unknownCodes(dimension, value as string[]);
  if (unknown.length) problems.push({ field, problem: `unknown ${dimension} codes: ${unknown.map((u) => u.slice(0, 30)).join(', ')}` });
}

/** Checks a request as entered (form, API, demonstration data); each problem names its field. */
export function checkRequestInput(input: RequestInput, today: string): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (typeof input.stateIso3 !== 'string' || !/^[A-Za-z]{3}$/.test(input.stateIso3.trim()))
    p.push({ field: 'stateIso3', problem: 'must be a Member State code (ISO 3166 alpha-3)' });
  if (!isDate(input.receivedOn)) p.push({ field: 'receivedOn', problem: 'must be a date (YYYY-MM-DD)' });
  else if (input.receivedOn > today) p.push({ field: 'receivedOn', problem: `${input.receivedOn} is in the future` });
  else if (input.receivedOn < '2004-04-28') p.push({ field: 'receivedOn', problem: 'is before resolution 1540 (28 April 2004)' });
  if (!(channels as readonly string[]).includes(input.channel))
    p.push({ field: 'channel', problem: `must be one of ${channels.join(', ')}` });
  text(p, 'reference', input.reference, 60);
  text(p, 'contactName', input.contactName, 200);
  text(p, 'contactEmail', input.contactEmail, 254);
  if (typeof input.contactEmail === 'string' && input.contactEmail.trim() && !emailLike(input.contactEmail.trim()))
    p.push({ field: 'contactEmail', problem: 'is not an e-mail address' });
  codes(p, 'languages', 'language', input.languages);
  text(p, 'earlierAssistance', input.earlierAssistance, 8000);
  text(p, 'otherProviders', input.otherProviders, 2000);
  text(p, 'summary', input.summary, 4000);
  if (input.consentSummary !== undefined && typeof input.consentSummary !== 'boolean')
    p.push({ field: 'consentSummary', problem: 'must be true or false' });
  if (input.invitesVisit !== undefined && typeof input.invitesVisit !== 'boolean')
    p.push({ field: 'invitesVisit', problem: 'must be true or false' });
  if (!Array.isArray(input.items) || input.items.length === 0) p.push({ field: 'items', problem: 'a request names at least one need' });
  else if (input.items.length > 200) p.push({ field: 'items', problem: 'at most 200 items' });
  else
    input.items.forEach((item, i) => {
      const f = (name: string) => `items[${i}].${name}`;
      if (!item || typeof item !== 'object') {
        p.push({ field: `items[${i}]`, problem: 'must be an object' });
        return;
      }
      text(p, f('description'), item.description, 4000, true);
      codes(p, f('paragraphs'), 'paragraph', item.paragraphs);
      codes(p, f('weapons'), 'weapon', item.weapons);
      codes(p, f('areas'), 'area', item.areas, true);
      codes(p, f('kinds'), 'kind', item.kinds);
      if (item.priority !== undefined && !(priorities as readonly string[]).includes(item.priority))
        p.push({ field: f('priority'), problem: `must be one of ${priorities.join(', ')}` });
      text(p, f('timeframe'), item.timeframe, 200);
      if (
        item.matrixFields !== undefined &&
        (!Array.isArray(item.matrixFields) || item.matrixFields.some((c) => typeof c !== 'string' || !/^OP[0-9a-z.A-Z_-]{1,80}$/.test(c)))
      )
        p.push({ field: f('matrixFields'), problem: 'must be a list of matrix field codes (OP…)' });
    });
  return p;
}

/** Checks an offer; the provider is 'organization:CODE' or 'state:ISO3'. */
export function checkOfferInput(input: OfferInput): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (typeof input.provider !== 'string' || !/^(state|organization):[A-Za-z0-9._-]{1,40}$/.test(input.provider.trim()))
    p.push({ field: 'provider', problem: 'must be organization:CODE or state:ISO3' });
  text(p, 'title', input.title, 300, true);
  text(p, 'description', input.description, 8000);
  codes(p, 'paragraphs', 'paragraph', input.paragraphs);
  codes(p, 'weapons', 'weapon', input.weapons);
  codes(p, 'areas', 'area', input.areas, true);
  codes(p, 'kinds', 'kind', input.kinds);
  codes(p, 'regions', 'region', input.regions);
  codes(p, 'languages', 'language', input.languages);
  text(p, 'capacity', input.capacity, 500);
  text(p, 'contactName', input.contactName, 200);
  text(p, 'contactEmail', input.contactEmail, 254);
  if (typeof input.contactEmail === 'string' && input.contactEmail.trim() && !emailLike(input.contactEmail.trim()))
    p.push({ field: 'contactEmail', problem: 'is not an e-mail address' });
  if (input.periodFrom && !isDate(input.periodFrom)) p.push({ field: 'periodFrom', problem: 'must be a date (YYYY-MM-DD)' });
  if (input.periodTo && !isDate(input.periodTo)) p.push({ field: 'periodTo', problem: 'must be a date (YYYY-MM-DD)' });
  if (isDate(input.periodFrom) && isDate(input.periodTo) && input.periodTo < input.periodFrom)
    p.push({ field: 'periodTo', problem: 'is before the start of the period' });
  if (input.confidentiality !== undefined && !['public', 'committee'].includes(input.confidentiality))
    p.push({ field: 'confidentiality', problem: 'must be public or committee' });
  if (input.programmes !== undefined) {
    if (!Array.isArray(input.programmes) || input.programmes.length > 20)
      p.push({ field: 'programmes', problem: 'must be a list of at most 20 programmes' });
    else
      input.programmes.forEach((g, i) => {
        if (!g || typeof g.name !== 'string' || !g.name.trim() || g.name.length > 200)
          p.push({ field: `programmes[${i}].name`, problem: 'is required (at most 200 characters)' });
        if (g && g.url !== undefined && g.url !== '' && (typeof g.url !== 'string' || !/^https:\/\/[^\s<>"]{3,500}$/.test(g.url)))
          p.push({ field: `programmes[${i}].url`, problem: 'must be an https:// address' });
      });
  }
  return p;
}

export { isDate };
