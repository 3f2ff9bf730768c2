import { todayIso } from '../../../platform/values/dates.ts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { visibleTo } from '../../../platform/db/visibility.ts';
import { invalid, notFound } from '../../../platform/errors.ts';
import { type MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import { type Locale, pick } from '../../../platform/i18n/locales.ts';
import { can, isCommitteeSide, type Viewer, visibilityScope } from '../../../platform/policy/policy.ts';
import { type StateMatrix, cellOf, gaps } from '../../matrix/index.ts';
import type { CellValue, MeasureKind, TemplateData } from '../../matrix/index.ts';
import { findState } from '../../member-states/index.ts';
import { isIsoDate } from '../../../platform/values/dates.ts';
import type { ItemInput, RequestInput } from './inputs.ts';
import { findRequest, itemsOf } from '../queries.ts';
import { type Area, areasOfParagraph, helpKinds, labelOf, paragraphs, regionLabels, weaponTypes } from '../taxonomy.ts';

/*
 * From gap to request, and from delivery to change (issue 5, item 6).
 *
 * A State's gaps are the fields of its matrix left blank ('' : nothing found; '?' and NA say
 * something) where more than half of the other States of its regional group that have a matrix
 * record a measure (X), as `figures.ts` `gaps` computes them. The versions read are the approved
 * ones (approved or published) in force on the date, as far as the reader may see them: the
 * Committee side every approved version; the State's own point of contact its own State's approved
 * versions and the other States' published ones. The peers are read on the State's template.
 *
 * A draft request groups the gaps into one item per paragraph and area (the taxonomy's
 * `areasOfParagraph`, the weapon type from the field's column), each naming its fields. It is not
 * saved: the point of contact or an expert edits it and submits it as any request.
 */

type Db = Kysely<DB> | Transaction<DB>;
type Template = Pick<TemplateData, 'rows' | 'fields'>;

/** The kind of help a gap asks for, by the kind of measure missing. */
const kindOfMeasure: Record<MeasureKind, (typeof helpKinds)[number]> = {
  instrument: 'expert-advice',
  'legal-framework': 'legal-review',
  enforcement: 'training',
};

const maxDescription = 4000;

export interface GapOptions {
  /** The language of the items' descriptions. */
  locale?: Locale;
  /** The State's regional group (taxonomy `regions`), named in the descriptions. */
  regionalGroup: string;
  /** A gap is a field where strictly more than this share of the peers have X. */
  threshold?: number;
}

/**
 * The request items a State's gaps make (pure): one per paragraph and area, in the taxonomy's
 * order of paragraphs, each with its matrix fields in the template's order and a description
 * naming them in the reader's language.
 */
export function gapItems(template: Template, state: StateMatrix, peers: readonly StateMatrix[], options: GapOptions): ItemInput[] {
  const m = new Messages(options.locale ?? 'en');
  const found = new Set(gaps(template.fields, state, peers, options.threshold ?? 0.5).map((g) => g.code));
  if (!found.size) return [];
  const rows = new Map(template.rows.map((r) => [r.code, r]));
  const groups = new Map<string, { paragraph: string; areas: Area[]; fields: Template['fields'][number][] }>();
  for (const field of template.fields) {
    if (!found.has(field.code)) continue;
    const areas = areasOfParagraph(field.paragraph, field.weaponType ?? undefined);
    if (!areas.length) continue;
    const key = `${field.paragraph}|${areas.join(',')}`;
    const group = groups.get(key) ?? { paragraph: field.paragraph, areas, fields: [] };
    group.fields.push(field);
    groups.set(key, group);
  }
  const order = (g: { paragraph: string; areas: Area[] }) =>
    `${paragraphs.indexOf(g.paragraph as (typeof paragraphs)[number])}|${g.areas.join(',')}`;
  const groupLabel = pick(regionLabels[options.regionalGroup], m.locale) || options.regionalGroup;
  return [...groups.values()]
    .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
    .map((g) => {
      const weapons = weaponTypes.filter((w) => g.fields.some((f) => f.weaponType === w));
      const kinds = helpKinds.filter((k) => g.fields.some((f) => kindOfMeasure[f.measureKind] === k));
      const named = g.fields.map((f) => {
        const row = pick(rows.get(f.row)?.labels, m.locale) || f.row;
        const kind = m.t(`matrix.kind.${f.measureKind}` as MessageKey);
        return f.weaponType
          ? m.t('assistance.gaps.field', { row, weapon: m.t(`matrix.weapon.${f.weaponType}` as MessageKey), kind })
          : m.t('assistance.gaps.fieldNoWeapon', { row, kind });
      });
      const describe = (fields: string) =>
        m.t('assistance.gaps.description', {
          group: groupLabel,
          paragraph: labelOf('paragraph', g.paragraph, m.locale),
          areas: m.list(g.areas.map((a) => labelOf('area', a, m.locale))),
          fields,
        });
      let description = describe(m.list(named));
      // A long list is cut to fit the description: the fields themselves are all in matrixFields.
      for (let keep = named.length - 1; description.length > maxDescription && keep > 0; keep--)
        description = describe(`${m.list(named.slice(0, keep))} …`);
      return {
        description: description.slice(0, maxDescription),
        paragraphs: [g.paragraph],
        weapons,
        areas: g.areas,
        kinds,
        matrixFields: g.fields.map((f) => f.code),
        priority: 'medium',
        illustrative: false,
      };
    });
}

export interface GapBasis {
  stateIso3: string;
  regionalGroup: string;
  asOf: string;
  /** The State's version the gaps are read in; null when it has no approved matrix as at the date. */
  matrix: { number: number; status: string; approvedOn: string; template: string } | null;
  /** The other States of the group whose matrices were compared. */
  peers: number;
}

/** A draft request (not saved) and what it rests on. */
export type GapDraft = RequestInput & { basis: GapBasis };

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000);

/** Whether the viewer may draft (and see the draft of) a State's request: the Committee side and the State's own point of contact. */
export function mayDraftFor(viewer: Viewer | null, iso3: string): boolean {
  return isCommitteeSide(viewer) || (viewer?.role === 'state-contact' && viewer.stateIso3 === iso3.toUpperCase());
}

/**
 * For each State of a regional group, its newest approved version in force on `asOf` that the
 * viewer may see, with its filled cells.
 */
async function approvedMatricesAsOf(db: Db, viewer: Viewer | null, regionalGroup: string, asOf: string) {
  const until = dayAfter(asOf);
  const own = viewer?.role === 'state-contact' ? viewer.stateIso3 : null;
  const versions = await db
    .selectFrom('matrix as m')
    .innerJoin('member_state as s', 's.iso3', 'm.state_iso3')
    .select(['m.id', 'm.state_iso3', 'm.number', 'm.status', 'm.approved_at', 'm.template_version'])
    .where('s.regional_group', '=', regionalGroup)
    .where('s.archived_at', 'is', null)
    .where('m.archived_at', 'is', null)
    .where('m.status', 'in', ['approved', 'published'])
    .where('m.approved_at', '<', until)
    .where((eb) => {
      if (isCommitteeSide(viewer)) return eb.lit(true);
      const published = eb.and([eb('m.status', '=', 'published'), eb('m.published_at', '<', until)]);
      return own ? eb.or([eb('m.state_iso3', '=', own), published]) : published;
    })
    .orderBy('m.state_iso3')
    .orderBy('m.number', 'desc')
    .execute();
  const newest = new Map<string, (typeof versions)[number]>();
  for (const v of versions) if (!newest.has(v.state_iso3.trim())) newest.set(v.state_iso3.trim(), v);
  const chosen = [...newest.values()];
  const cells = chosen.length
    ? await db
        .selectFrom('matrix_cell')
        .select(['matrix_id', 'field_code', 'value'])
        .where(
          'matrix_id',
          'in',
          chosen.map((v) => v.id),
        )
        .where('value', '<>', '')
        .execute()
    : [];
  return chosen.map((v) => ({
    version: v,
    matrix: {
      iso3: v.state_iso3.trim(),
      regionalGroup,
      organizations: [],
      values: Object.fromEntries(cells.filter((c) => c.matrix_id === v.id).map((c) => [c.field_code, c.value])),
    } as StateMatrix,
  }));
}

/**
 * A draft request from a State's gaps as at a date (today by default), for the Committee side and
 * the State's own point of contact; anyone else is told the State is not found.
 */
export async function draftRequestFromGaps(
  db: Kysely<DB>,
  viewer: Viewer | null,
  iso3: string,
  asOf = todayIso(),
  locale: Locale = 'en',
): Promise<GapDraft> {
  const state = /^[A-Za-z]{3}$/.test(iso3) ? await findState(db, iso3) : undefined;
  if (
    !state ||
    !mayDraftFor(viewer, state.iso3) ||
    !can(viewer, 'read', { type: 'member-state', confidentiality: state.confidentiality, stateIso3: state.iso3 })
  )
    throw notFound(`the State ${iso3.slice(0, 3).toUpperCase()}`);
  if (!isIsoDate(asOf)) throw invalid([{ field: 'asOf', problem: 'must be a date (YYYY-MM-DD)' }]);
  const group = state.regional_group;
  const all = await approvedMatricesAsOf(db, viewer, group, asOf);
  const mine = all.find((x) => x.matrix.iso3 === state.iso3);
  const draft: GapDraft = {
    stateIso3: state.iso3,
    receivedOn: asOf,
    channel: 'template',
    languages: [],
    items: [],
    basis: { stateIso3: state.iso3, regionalGroup: group, asOf, matrix: null, peers: 0 },
  };
  if (!mine) return draft;
  const templateRow = await db
    .selectFrom('matrix_template')
    .select('definition')
    .where('version', '=', mine.version.template_version)
    .executeTakeFirstOrThrow();
  const peers = all.filter((x) => x !== mine && x.version.template_version === mine.version.template_version).map((x) => x.matrix);
  draft.items = gapItems(templateRow.definition, mine.matrix, peers, { locale, regionalGroup: group });
  draft.basis = {
    ...draft.basis,
    matrix: {
      number: mine.version.number,
      status: mine.version.status,
      approvedOn: mine.version.approved_at!.toISOString().slice(0, 10),
      template: mine.version.template_version,
    },
    peers: peers.length,
  };
  return draft;
}

// -------------------------------------------------------------------------------------------------
// After delivery

export interface VersionValues {
  number: number;
  /** The day the version was approved (UTC). */
  approvedOn: string;
  values: Record<string, CellValue>;
}

export interface FieldChange {
  code: string;
  before: CellValue;
  after: CellValue;
  /** The first version after the delivery in which the field differs from its value at delivery. */
  changedIn: { number: number; approvedOn: string };
}

export interface ChangesSince {
  /** The version in force on the delivery date (null: none was approved yet; fields count as blank). */
  before: { number: number; approvedOn: string } | null;
  /** The newest version approved after the delivery date (null: none yet). */
  after: { number: number; approvedOn: string } | null;
  changes: FieldChange[];
}

/**
 * Which of `codes` changed in the versions approved after `deliveredOn` (pure): each field's value
 * in the version in force on that day (blank if none) against its value in the newest version
 * approved after it. A version approved on the delivery day itself counts as before.
 */
export function fieldChangesAfter(codes: readonly string[], deliveredOn: string, versions: readonly VersionValues[]): ChangesSince {
  const sorted = [...versions].sort((a, b) => a.number - b.number);
  const atDelivery = sorted.filter((v) => v.approvedOn <= deliveredOn).at(-1);
  const later = sorted.filter((v) => v.approvedOn > deliveredOn);
  const ref = (v: VersionValues | undefined) => (v ? { number: v.number, approvedOn: v.approvedOn } : null);
  const value = (v: VersionValues | undefined, code: string): CellValue =>
    v ? cellOf({ iso3: '', regionalGroup: '', organizations: [], values: v.values }, code) : '';
  const latest = later.at(-1);
  const changes: FieldChange[] = [];
  if (latest)
    for (const code of [...new Set(codes)]) {
      const before = value(atDelivery, code);
      const after = value(latest, code);
      if (before === after) continue;
      const first = later.find((v) => value(v, code) !== before)!;
      changes.push({ code, before, after, changedIn: { number: first.number, approvedOn: first.approvedOn } });
    }
  return { before: ref(atDelivery), after: ref(latest), changes };
}

export interface ItemChanges extends ChangesSince {
  itemId: string;
  position: number;
  description: string;
  matrixFields: string[];
  /** The day the item's first match was delivered. */
  deliveredOn: string;
}

/**
 * For a request the viewer may see, its items with a delivered match: which of their matrix fields
 * changed in the State's matrix versions approved after the delivery (as far as the viewer may
 * see the versions). Items without a delivered match are left out.
 */
export async function changesAfterDelivery(
  db: Kysely<DB>,
  viewer: Viewer | null,
  requestId: string,
): Promise<{ requestId: string; stateIso3: string; items: ItemChanges[] }> {
  const request = await findRequest(db, viewer, requestId);
  if (!request) throw notFound('the request');
  const iso3 = request.state_iso3.trim();
  const items = await itemsOf(db, [request.id]);
  const delivered = items.length
    ? await db
        .selectFrom('assistance_match')
        .select(['item_id', (eb) => eb.fn.min('status_on').as('on')])
        .where(
          'item_id',
          'in',
          items.map((i) => i.id),
        )
        .where('status', '=', 'delivered')
        .groupBy('item_id')
        .execute()
    : [];
  if (!delivered.length) return { requestId: request.id, stateIso3: iso3, items: [] };
  const versions = await db
    .selectFrom('matrix')
    .select(['id', 'number', 'approved_at'])
    .where('state_iso3', '=', iso3)
    .where('archived_at', 'is', null)
    .where('status', 'in', ['approved', 'published'])
    .where('approved_at', 'is not', null)
    .where(visibleTo<DB, 'matrix'>(visibilityScope(viewer), 'state_iso3'))
    .orderBy('number')
    .execute();
  const codes = [...new Set(items.flatMap((i) => i.matrix_fields))];
  const cells =
    versions.length && codes.length
      ? await db
          .selectFrom('matrix_cell')
          .select(['matrix_id', 'field_code', 'value'])
          .where(
            'matrix_id',
            'in',
            versions.map((v) => v.id),
          )
          .where('field_code', 'in', codes)
          .execute()
      : [];
  const withValues: VersionValues[] = versions.map((v) => ({
    number: v.number,
    approvedOn: v.approved_at!.toISOString().slice(0, 10),
    values: Object.fromEntries(cells.filter((c) => c.matrix_id === v.id).map((c) => [c.field_code, c.value])),
  }));
  const on = new Map(delivered.map((d) => [d.item_id, String(d.on)]));
  return {
    requestId: request.id,
    stateIso3: iso3,
    items: items
      .filter((i) => on.has(i.id))
      .map((i) => ({
        itemId: i.id,
        position: i.position,
        description: i.description,
        matrixFields: i.matrix_fields,
        deliveredOn: on.get(i.id)!,
        ...fieldChangesAfter(i.matrix_fields, on.get(i.id)!, withValues),
      })),
  };
}
