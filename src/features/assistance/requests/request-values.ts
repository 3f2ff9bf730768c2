// The request form's values as typed (kept when the form is refused), the request's input made from
// them, and the form's values of a stored request or of a draft. No JavaScript: a request's items
// are fieldsets, three to begin with, and "Add another item" sends the form back with one more.
import { type FormBody, text, texts } from '../../../platform/http/forms.ts';
import type { ItemRow, RequestRow } from '../queries.ts';
import { type ItemInput, type RequestInput, requestFieldsOf } from './inputs.ts';

export interface ItemValues {
  id: string;
  description: string;
  areas: string[];
  weapons: string[];
  paragraphs: string[];
  kinds: string[];
  priority: string;
  timeframe: string;
  matrixFields: string;
  /** An existing item the editor takes off the request. */
  remove: boolean;
}

export interface RequestFormValues {
  stateIso3: string;
  receivedOn: string;
  channel: string;
  reference: string;
  contactName: string;
  contactEmail: string;
  languages: string[];
  earlierAssistance: string;
  otherProviders: string;
  consentSummary: boolean;
  summary: string;
  invitesVisit: boolean;
  items: ItemValues[];
  version: string;
}

/** Empty item fieldsets a new form starts with. */
export const initialItems = 3;
const maxItems = 200;

export const emptyItem = (): ItemValues => ({
  id: '',
  description: '',
  areas: [],
  weapons: [],
  paragraphs: [],
  kinds: [],
  priority: 'medium',
  timeframe: '',
  matrixFields: '',
  remove: false,
});

export const emptyRequest = (over: Partial<RequestFormValues> = {}): RequestFormValues => ({
  stateIso3: '',
  receivedOn: '',
  channel: 'note-verbale',
  reference: '',
  contactName: '',
  contactEmail: '',
  languages: [],
  earlierAssistance: '',
  otherProviders: '',
  consentSummary: false,
  summary: '',
  invitesVisit: false,
  items: Array.from({ length: initialItems }, emptyItem),
  version: '',
  ...over,
});

/** The form as posted: as many items as fieldsets were sent. */
export function requestValuesOf(body: FormBody): RequestFormValues {
  let count = Number.parseInt(text(body, 'itemCount'), 10) || 0;
  for (const key of Object.keys(body)) {
    const m = /^items\[(\d{1,3})\]\./.exec(key);
    if (m) count = Math.max(count, Number(m[1]) + 1);
  }
  count = Math.max(1, Math.min(maxItems, count));
  const items = Array.from({ length: count }, (_, i): ItemValues => {
    const f = (name: string) => `items[${i}].${name}`;
    return {
      id: text(body, f('id')),
      description: text(body, f('description')),
      // Unknown codes are kept so that the command names them.
      areas: texts(body, f('areas')),
      weapons: texts(body, f('weapons')),
      paragraphs: texts(body, f('paragraphs')),
      kinds: texts(body, f('kinds')),
      priority: text(body, f('priority')) || 'medium',
      timeframe: text(body, f('timeframe')),
      matrixFields: text(body, f('matrixFields')),
      remove: text(body, f('remove')) === 'on',
    };
  });
  return {
    stateIso3: text(body, 'stateIso3').trim().toUpperCase(),
    receivedOn: text(body, 'receivedOn').trim(),
    channel: text(body, 'channel'),
    reference: text(body, 'reference'),
    contactName: text(body, 'contactName'),
    contactEmail: text(body, 'contactEmail'),
    languages: texts(body, 'languages'),
    earlierAssistance: text(body, 'earlierAssistance'),
    otherProviders: text(body, 'otherProviders'),
    consentSummary: text(body, 'consentSummary') === 'on',
    summary: text(body, 'summary'),
    invitesVisit: text(body, 'invitesVisit') === 'on',
    items,
    version: text(body, 'version'),
  };
}

/** An item fieldset left as it was rendered: nothing typed, nothing checked. */
export const isBlankItem = (i: ItemValues) =>
  !i.id &&
  !i.description.trim() &&
  !i.areas.length &&
  !i.weapons.length &&
  !i.paragraphs.length &&
  !i.kinds.length &&
  !i.timeframe.trim() &&
  !i.matrixFields.trim();

/**
 * The items the command is given: blank fieldsets and removed items left out, in order. The form
 * comes back with the same list, so that `items[1].areas` in a problem is the second fieldset.
 */
export function keptItems(v: RequestFormValues): ItemValues[] {
  return v.items.filter((i) => !isBlankItem(i) && !i.remove);
}

/** At least `initialItems` fieldsets: the kept items, then blank ones. */
export function padItems(items: ItemValues[], min = initialItems): ItemValues[] {
  return [...items, ...Array.from({ length: Math.max(0, min - items.length) }, emptyItem)];
}

export const splitCodes = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);

/** The form's values as the request's input. */
export function requestInputOf(v: RequestFormValues, items = keptItems(v)): RequestInput {
  return {
    stateIso3: v.stateIso3,
    receivedOn: v.receivedOn,
    channel: v.channel,
    reference: v.reference,
    contactName: v.contactName,
    contactEmail: v.contactEmail,
    languages: v.languages,
    earlierAssistance: v.earlierAssistance,
    otherProviders: v.otherProviders,
    consentSummary: v.consentSummary,
    summary: v.summary,
    invitesVisit: v.invitesVisit,
    items: items.map((i) => ({
      ...(i.id ? { id: i.id } : {}),
      description: i.description,
      areas: i.areas,
      weapons: i.weapons,
      paragraphs: i.paragraphs,
      kinds: i.kinds,
      priority: i.priority,
      timeframe: i.timeframe,
      matrixFields: splitCodes(i.matrixFields),
    })),
  };
}

/** An item of a draft (from the matrix gaps) as the form shows it. */
export const itemValuesFromInput = (i: ItemInput): ItemValues => ({
  id: '',
  description: i.description,
  areas: i.areas ?? [],
  weapons: i.weapons ?? [],
  paragraphs: i.paragraphs ?? [],
  kinds: i.kinds ?? [],
  priority: i.priority ?? 'medium',
  timeframe: i.timeframe ?? '',
  matrixFields: (i.matrixFields ?? []).join(' '),
  remove: false,
});

export const requestValuesFrom = (r: RequestRow, items: ItemRow[]): RequestFormValues => ({
  ...requestFieldsOf(r),
  items: items.map((i) => ({
    id: i.id,
    description: i.description,
    areas: i.areas,
    weapons: i.weapons,
    paragraphs: i.paragraphs,
    kinds: i.kinds,
    priority: i.priority,
    timeframe: i.timeframe,
    matrixFields: i.matrix_fields.join(' '),
    remove: false,
  })),
  version: String(r.row_version),
});
