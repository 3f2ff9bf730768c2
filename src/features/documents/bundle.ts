import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { applyRecords, isChange, isoDate, recordId, stateCode, type VisibleCodes, visibleCodes } from '../../platform/bundle/fields.ts';
import { auditImport, insertRow, storedById, updateRow } from '../../platform/bundle/record-section.ts';
import type { BundleContext, BundleSection, RecordProblem, Reference } from '../../platform/bundle/section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { can, isCommitteeSide, type RecordType, storedResources, type Viewer } from '../../platform/policy/policy.ts';
import { ContentRefused, type Extracted, examine, extensionOf, mediaTypes } from './content.ts';
import { type DocumentLink, type DocumentRow, documentKinds, documentResource, linkTypes } from './documents.ts';
import { filePath } from '../../platform/files/store.ts';

/*
 * The document library in the bundle: each document's metadata and links, and the SHA-256 of its
 * file. The file itself stays in the file store (`R1540_FILES_DIR`, by content hash): a bundle is
 * moved with the files it names, and an import refuses a new document whose file is not in the
 * store, or whose bytes there are not the ones named. Its text is extracted again from the file
 * (as an upload does), so that search finds it. A document's file never changes; links are only
 * ever added (nothing is deleted).
 */

type Db = Kysely<DB> | Transaction<DB>;

const linkSchema = z.strictObject({
  recordType: z.enum(linkTypes, `must be one of ${linkTypes.join(', ')}`),
  recordId: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be 1 to 100 letters, digits, dots, hyphens or underscores'),
});

export const documentRecordSchema = z.strictObject({
  id: recordId,
  title: z.string().trim().min(1, 'is required').max(300, 'must be at most 300 characters'),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag in lower case (ar, zh, en, fr, ru, es or another BCP 47 tag)'),
  kind: z.enum(documentKinds, `must be one of ${documentKinds.join(', ')}`),
  state: stateCode.nullable().default(null),
  dated: isoDate.nullable().default(null),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 of the file: 64 hexadecimal digits in lower case'),
  mediaType: z.enum(mediaTypes, `must be one of ${mediaTypes.join(', ')}`),
  byteSize: z.number('must be a number of bytes').int('must be a whole number of bytes').positive('must be more than 0'),
  originalName: z.string().max(255, 'must be at most 255 characters').default(''),
  confidentiality: z.enum(confidentialityLevels).default('committee'),
  archived: z.boolean().default(false),
  links: z.array(linkSchema).max(200, 'at most 200 links').default([]),
});
export type DocumentRecord = z.output<typeof documentRecordSchema>;

const linkKey = (l: DocumentLink) => `${l.recordType}:${l.recordId}`;

/** Links once each, in a stable order: they are a set. */
function sortedLinks(links: readonly DocumentLink[]): DocumentRecord['links'] {
  const byKey = new Map(links.map((l) => [linkKey(l), l]));
  return [...byKey.keys()].sort().map((k) => byKey.get(k)!) as DocumentRecord['links'];
}

type StoredDocument = DocumentRow & { links: DocumentLink[] };

export function documentRecord(d: StoredDocument): DocumentRecord {
  return {
    id: d.id,
    title: d.title,
    language: d.language,
    kind: d.kind as DocumentRecord['kind'],
    state: d.state_iso3,
    dated: d.dated,
    sha256: d.sha256,
    mediaType: d.media_type as DocumentRecord['mediaType'],
    byteSize: Number(d.byte_size),
    originalName: d.original_name,
    confidentiality: d.confidentiality,
    archived: d.archived_at !== null,
    links: sortedLinks(d.links),
  };
}

async function storedRows(db: Db, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
  const rows = [...(await storedById(db, 'document', ids)).values()];
  const links = rows.length
    ? await db
        .selectFrom('document_link')
        .select(['document_id', 'record_type', 'record_id'])
        .where(
          'document_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return new Map(
    rows.map((r) => [
      r.id,
      { ...r, links: links.filter((l) => l.document_id === r.id).map((l) => ({ recordType: l.record_type, recordId: l.record_id })) },
    ]),
  );
}

/** The record type of each kind of link to another feature's records. */
const linkedRecordTypes: Record<string, RecordType> = {
  report: 'national-report',
  'action-plan': 'action-plan',
  'point-of-contact': 'point-of-contact',
  visit: 'visit',
  course: 'course',
};

/** The section each kind of link names, when the bundle carries that kind of record. */
const linkSections: Partial<Record<(typeof linkTypes)[number], { section: string; noun: string }>> = {
  'member-state': { section: 'member-states', noun: 'Member State' },
  organization: { section: 'organizations', noun: 'organization' },
  report: { section: 'national-reports', noun: 'national report' },
  'action-plan': { section: 'action-plans', noun: 'action plan' },
  'point-of-contact': { section: 'points-of-contact', noun: 'point of contact' },
  visit: { section: 'visits', noun: 'visit' },
  course: { section: 'courses', noun: 'course' },
};

/** A document's links as the viewer may see them: pages and the API name no record it may not see. */
export async function visibleDocumentLinks(db: Db, viewer: Viewer | null, links: readonly DocumentLink[]): Promise<DocumentLink[]> {
  // The Committee side sees every record, and so every link.
  if (!links.length || isCommitteeSide(viewer)) return [...links];
  const allowed = await visibleLinks(db, viewer, await visibleCodes(db, viewer), links);
  return links.filter((l) => allowed.has(`${l.recordType}:${l.recordId}`));
}

/** The links (`type:id`) whose record the viewer may see; others are left out of the export. */
async function visibleLinks(db: Db, viewer: Viewer | null, seen: VisibleCodes, links: readonly DocumentLink[]): Promise<Set<string>> {
  const ids = (type: string) => [...new Set(links.filter((l) => l.recordType === type).map((l) => l.recordId))];
  const out = new Set<string>();
  const keep = (type: string, id: string) => out.add(`${type}:${id}`);
  for (const l of links) {
    if (l.recordType === 'member-state' && seen.states.has(l.recordId)) keep(l.recordType, l.recordId);
    else if (l.recordType === 'organization' && seen.organizations.has(l.recordId)) keep(l.recordType, l.recordId);
    else if (!linkSections[l.recordType as keyof typeof linkSections] && isCommitteeSide(viewer)) keep(l.recordType, l.recordId);
  }
  const uuids = (type: string) => ids(type).filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id));
  // The records of other features, as the policy sees them: seen when their State is seen (if
  // they concern one) and the policy lets the viewer read them.
  for (const [linkType, recordType] of Object.entries(linkedRecordTypes)) {
    const resources = await storedResources(db, recordType, uuids(linkType));
    for (const [id, r] of resources) if ((!r.stateIso3 || seen.states.has(r.stateIso3)) && can(viewer, 'read', r)) keep(linkType, id);
  }
  return out;
}

/** What the file in the store says, examined once during the checks and used again by the import. */
const examined = new WeakMap<DocumentRecord, Extracted>();

async function readStoredFile(filesDir: string, d: DocumentRecord): Promise<{ bytes?: Buffer; problem?: RecordProblem['problem'] }> {
  const path = filePath(filesDir, d.sha256);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return {
      problem: `the file of the document “${d.title}” (${d.id}) is not in the file store: copy the file with this SHA-256 to ${path}, then import again`,
    };
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== d.sha256 || bytes.length !== d.byteSize)
    return {
      problem: `the file stored for the document “${d.title}” (${d.id}) at ${path} is damaged: its SHA-256 is ${actual} and its size ${bytes.length} bytes, not the ${d.byteSize} bytes named`,
    };
  return { bytes };
}

async function examineFile(d: DocumentRecord, bytes: Buffer): Promise<Extracted> {
  return examine(bytes, d.originalName || `document.${extensionOf[d.mediaType]}`);
}

const today = () => new Date().toISOString().slice(0, 10);

export const documentsSection: BundleSection<DocumentRecord> = {
  name: 'documents',
  keyField: 'id',
  schema: documentRecordSchema,
  key: (d) => d.id,
  resource: (d) => documentResource({ confidentiality: d.confidentiality, state_iso3: d.state }),

  async export(db, viewer) {
    const seen = await visibleCodes(db, viewer);
    const ids = (await db.selectFrom('document').select(['id', 'confidentiality', 'state_iso3']).orderBy('id').execute())
      .filter((d) => (!d.state_iso3 || seen.states.has(d.state_iso3)) && can(viewer, 'read', documentResource(d)))
      .map((d) => d.id);
    const out: DocumentRecord[] = [];
    // In pages, so that the extracted texts of the whole library are never in memory together.
    for (let i = 0; i < ids.length; i += 200) {
      const rows = await storedRows(db, ids.slice(i, i + 200));
      const allowed = await visibleLinks(
        db,
        viewer,
        seen,
        [...rows.values()].flatMap((d) => d.links),
      );
      for (const id of ids.slice(i, i + 200)) {
        const d = rows.get(id)!;
        out.push(documentRecord({ ...d, links: d.links.filter((l) => allowed.has(linkKey(l))) }));
      }
    }
    return out;
  },

  async stored(db, keys) {
    return new Map([...(await storedRows(db, keys))].map(([k, d]) => [k, documentRecord(d)]));
  },

  // A document links to records of features that use the library: it travels after them.
  after: ['national-reports', 'action-plans', 'points-of-contact', 'visits', 'courses'],
  references: (d) => {
    const refs: Reference[] = d.state ? [{ field: 'state', section: 'member-states', key: d.state, noun: 'Member State' }] : [];
    d.links.forEach((l, i) => {
      const target = linkSections[l.recordType];
      if (target) refs.push({ field: `links[${i}].recordId`, section: target.section, key: l.recordId, noun: target.noun });
    });
    return refs;
  },

  async check(db, records, context: BundleContext) {
    const problems: RecordProblem[] = [];
    const stored = await storedRows(
      db,
      records.map(({ record }) => record.id),
    );
    for (const { index, record: d } of records) {
      const before = stored.get(d.id);
      if (before) {
        const was = documentRecord(before);
        for (const field of ['sha256', 'mediaType', 'byteSize'] as const)
          if (was[field] !== d[field])
            problems.push({
              index,
              field,
              problem: `is ${d[field]}, and the stored document’s is ${was[field]}: a document’s file never changes (upload the new file as a new document)`,
            });
        if (!isChange(was, { ...d, links: sortedLinks([...was.links, ...d.links]) })) continue;
      }
      if (d.confidentiality === 'committee-and-state' && !d.state)
        problems.push({ index, field: 'state', problem: 'is required when the document is shared with the State concerned' });
      if (d.dated && d.dated > today()) problems.push({ index, field: 'dated', problem: 'lies in the future' });
      if (before) continue;
      if (!context.filesDir) {
        problems.push({
          index,
          field: 'sha256',
          problem: `the file of the document “${d.title}” (${d.id}) cannot be checked: this import was given no file store`,
        });
        continue;
      }
      const file = await readStoredFile(context.filesDir, d);
      if (!file.bytes) {
        problems.push({ index, field: 'sha256', problem: file.problem! });
        continue;
      }
      try {
        const found = await examineFile(d, file.bytes);
        if (found.mediaType !== d.mediaType)
          problems.push({ index, field: 'mediaType', problem: `is ${d.mediaType}, and the file in the store is ${found.mediaType}` });
        else examined.set(d, found);
      } catch (err) {
        if (!(err instanceof ContentRefused)) throw err;
        problems.push({ index, field: 'sha256', problem: `the file of the document “${d.title}” (${d.id}) is refused: ${err.message}` });
      }
    }
    return problems;
  },

  async import(trx, actor, records, report, context: BundleContext) {
    const stored = await storedRows(
      trx,
      records.map((d) => d.id),
    );
    const columns = (d: DocumentRecord) => ({
      title: d.title,
      language: d.language,
      kind: d.kind,
      state_iso3: d.state,
      dated: d.dated,
      original_name: d.originalName,
      confidentiality: d.confidentiality,
    });
    const addLinks = async (id: string, links: readonly DocumentLink[]) => {
      if (links.length)
        await trx
          .insertInto('document_link')
          .values(links.map((l) => ({ document_id: id, record_type: l.recordType, record_id: l.recordId })))
          .onConflict((oc) => oc.columns(['document_id', 'record_type', 'record_id']).doNothing())
          .execute();
    };
    const withLinks = (row: DocumentRow, links: DocumentLink[]): StoredDocument => ({ ...row, links });
    const audited = (d: StoredDocument) => {
      const { extracted_text: _, ...rest } = d;
      return { ...rest, links: sortedLinks(d.links) };
    };
    await applyRecords<DocumentRecord, StoredDocument>({
      records,
      stored,
      toRecord: documentRecord,
      report,
      normalise: (d, before) =>
        before ? { ...d, links: sortedLinks([...before.links, ...d.links]) } : { ...d, links: sortedLinks(d.links) },
      insert: async (d) => {
        let found = examined.get(d);
        if (!found) {
          const file = context.filesDir ? await readStoredFile(context.filesDir, d) : { problem: 'this import was given no file store' };
          if (!file.bytes) throw new Error(`documents: ${d.id}: ${file.problem}`);
          found = await examineFile(d, file.bytes);
        }
        const row = await insertRow(
          trx,
          'document',
          {
            id: d.id,
            ...columns(d),
            sha256: d.sha256,
            media_type: d.mediaType,
            byte_size: d.byteSize,
            page_count: found.pageCount,
            extracted_text: found.text,
            extraction_status: found.status,
            extraction_problem: found.problem,
            uploaded_by: actor.id,
          },
          d.archived,
        );
        await addLinks(row.id, d.links);
        return withLinks(row, d.links);
      },
      update: async (d, before) => {
        const row = await updateRow(trx, 'document', before, columns(d), d.archived);
        const have = new Set(before.links.map(linkKey));
        await addLinks(
          row.id,
          d.links.filter((l) => !have.has(linkKey(l))),
        );
        return withLinks(row, d.links);
      },
      audit: auditImport(trx, actor, 'document', audited),
    });
  },
};
