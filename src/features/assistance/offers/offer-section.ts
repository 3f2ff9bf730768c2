// Offers in the export/import bundle: the offer's input with its id, origin and archive flag. The
// export holds the offers the viewer may see; the import records and changes them through the
// offers' write core, all or nothing.
import { z } from 'zod';
import type { Actor } from '../../../platform/audit/record.ts';
import { recordId, recordSource, sourceProblem, visibleCodes } from '../../../platform/bundle/fields.ts';
import { type BundleSection, type Reference, Refusals } from '../../../platform/bundle/section.ts';
import { AppError, type FieldProblem } from '../../../platform/errors.ts';
import type { Viewer } from '../../../platform/policy/policy.ts';
import { sameJson } from '../../../platform/bundle/canonical.ts';
import { type OfferRow, offerVisible } from '../queries.ts';
import { insertOffer, setOfferArchivedIn, updateOfferIn } from './commands.ts';
import { offerFields, offerInputOf } from './inputs.ts';

const f = offerFields;
const all = <T extends z.ZodType>(field: T, fallback: z.input<T>) => field.default(fallback as never);

export const offerRecordSchema = z
  .strictObject({
    id: recordId,
    provider: z.string().regex(/^(state:[A-Z]{3}|organization:[A-Z0-9-]{2,20})$/, 'must be organization:CODE or state:ISO3'),
    title: f.title,
    description: all(f.description, ''),
    paragraphs: all(f.paragraphs, []),
    weapons: all(f.weapons, []),
    areas: f.areas,
    kinds: all(f.kinds, []),
    regions: all(f.regions, []),
    languages: all(f.languages, []),
    programmes: all(f.programmes, []),
    capacity: all(f.capacity, ''),
    periodFrom: all(f.periodFrom, null),
    periodTo: all(f.periodTo, null),
    contactName: all(f.contactName, ''),
    contactEmail: all(f.contactEmail, ''),
    source: recordSource.default('entered'),
    confidentiality: all(f.confidentiality, 'public'),
    archived: z.boolean().default(false),
  })
  .superRefine((o, ctx) => {
    if (o.periodFrom && o.periodTo && o.periodTo < o.periodFrom)
      ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'is before the start of the period' });
  });
export type OfferRecord = z.output<typeof offerRecordSchema>;

export function offerRecord(o: OfferRow): OfferRecord {
  const { confidentiality, ...input } = offerInputOf(o);
  return { id: o.id, ...input, source: o.source, confidentiality, archived: o.archived_at !== null };
}

export const providerReference = (field: string, key: string): Reference => {
  const [kind, code] = key.split(':') as [string, string];
  return kind === 'state'
    ? { field, section: 'member-states', key: code, noun: 'Member State' }
    : { field, section: 'organizations', key: code, noun: 'organization' };
};

/** The problems of a write core's refusal, named where the bundle holds them. */
export function problemsAt(err: unknown, at: (field: string) => string): FieldProblem[] {
  if (err instanceof AppError && err.code === 'validation') return err.fields.map((p) => ({ field: at(p.field), problem: p.problem }));
  throw err;
}

/** An offer of the bundle, through the offers' write core, as the importing account may record it through the API. */
async function importOffer(
  trx: Parameters<BundleSection<OfferRecord>['import']>[0],
  actor: Actor,
  viewer: Viewer | null,
  o: OfferRecord,
  before: OfferRow | undefined,
) {
  const { id, source, archived, ...input } = o;
  let row = before;
  if (!row) row = await insertOffer(trx, actor, viewer, input, source, { id });
  else if (!sameJson(offerRecord({ ...row, archived_at: null }), { ...o, archived: false }))
    row = await updateOfferIn(trx, actor, viewer, id, undefined, input);
  if ((row.archived_at !== null) !== archived) await setOfferArchivedIn(trx, actor, viewer, id, undefined, archived);
}

export const assistanceOffersSection: BundleSection<OfferRecord> = {
  name: 'assistance-offers',
  keyField: 'id',
  schema: offerRecordSchema,
  key: (o) => o.id,
  resource: (o) => ({ type: 'assistance-offer', confidentiality: o.confidentiality, stateIso3: null, providerKey: o.provider }),

  async export(db, viewer) {
    const codes = await visibleCodes(db, viewer);
    const rows = await db.selectFrom('assistance_offer').selectAll().where(offerVisible(viewer)).orderBy('id').execute();
    return rows.map(offerRecord).filter((o) => {
      const [kind, code] = o.provider.split(':') as [string, string];
      return kind === 'state' ? codes.states.has(code) : codes.organizations.has(code);
    });
  },

  async stored(db, keys) {
    if (!keys.length) return new Map();
    const rows = await db
      .selectFrom('assistance_offer')
      .selectAll()
      .where('id', 'in', [...keys])
      .execute();
    return new Map(rows.map((r) => [r.id, offerRecord(r)]));
  },

  references: (o) => [providerReference('provider', o.provider)],

  async check(db, records) {
    const stored = await assistanceOffersSection.stored(
      db,
      records.map(({ record }) => record.id),
    );
    return records.flatMap(({ index, record }) => sourceProblem(record.source, stored.get(record.id)).map((p) => ({ index, ...p })));
  },

  async import(trx, actor, records, report, context) {
    const rows = records.length
      ? await trx
          .selectFrom('assistance_offer')
          .selectAll()
          .where(
            'id',
            'in',
            records.map((r) => r.id),
          )
          .execute()
      : [];
    const stored = new Map(rows.map((r) => [r.id, r]));
    const refusals = new Refusals();
    for (const [index, o] of records.entries()) {
      const before = stored.get(o.id);
      if (before && sameJson(offerRecord(before), o)) {
        report.add('unchanged');
        continue;
      }
      await refusals.attempt(`sections.assistance-offers[${index}]`, () => importOffer(trx, actor, context?.viewer ?? null, o, before));
      report.add(before ? 'updated' : 'created');
    }
    refusals.throwIfAny();
  },
};
