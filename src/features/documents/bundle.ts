import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { importRecords, isChange, visibleCodes } from '../../platform/bundle/fields.ts';
import { storedById } from '../../platform/bundle/record-section.ts';
import type { BundleContext, BundleSection, RecordProblem, Reference } from '../../platform/bundle/section.ts';
import type { DB } from '../../platform/db/schema.ts';
import { filePath } from '../../platform/files/store.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { can } from '../../platform/policy/policy.ts';
import { iso3, recordId } from '../../platform/values/codes.ts';
import { isoDate, todayIso } from '../../platform/values/dates.ts';
import { importDocument, type StoredDocument } from './commands.ts';
import { ContentRefused, type Extracted, examine, extensionOf, mediaTypes } from './content.ts';
import { documentResource, linksOf } from './documents.ts';
import { documentKinds, linkSchema } from './inputs.ts';
import { linkKey, linkSections, sortedLinks, visibleLinks } from './links.ts';
import { type DocumentRecord, documentRecord } from './present.ts';

/*
 * The document library in the bundle: each document's metadata and links, and the SHA-256 of its
 * file. The file itself stays in the file store (`R1540_FILES_DIR`, by content hash): a bundle is
 * moved with the files it names, and an import refuses a new document whose file is not in the
 * store, or whose bytes there are not the ones named. Its text is extracted again from the file
 * (as an upload does), so that search finds it. A document's file never changes; links are only
 * ever added (nothing is deleted). The write core (commands.ts) writes each document.
 */

type Db = Kysely<DB> | Transaction<DB>;

export const documentRecordSchema: z.ZodType<DocumentRecord> = z.strictObject({
  id: recordId.transform((id) => id.toLowerCase()),
  title: z.string().trim().min(1, 'is required').max(300, 'must be at most 300 characters'),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag in lower case (ar, zh, en, fr, ru, es or another BCP 47 tag)'),
  kind: z.enum(documentKinds, `must be one of ${documentKinds.join(', ')}`),
  state: iso3.nullable().default(null),
  dated: isoDate.nullable().default(null),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 of the file: 64 hexadecimal digits in lower case'),
  mediaType: z.enum(mediaTypes, `must be one of ${mediaTypes.join(', ')}`),
  byteSize: z.number('must be a number of bytes').int('must be a whole number of bytes').positive('must be more than 0'),
  originalName: z.string().max(255, 'must be at most 255 characters').default(''),
  confidentiality: z.enum(confidentialityLevels).default('committee'),
  archived: z.boolean().default(false),
  links: z.array(linkSchema).max(200, 'at most 200 links').default([]),
});

async function storedRows(db: Db, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
  const rows = [...(await storedById(db, 'document', ids)).values()];
  const links = await linksOf(
    db,
    rows.map((r) => r.id),
  );
  return new Map(rows.map((r) => [r.id, { ...r, links: links.get(r.id) ?? [] }]));
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
      if (d.dated && d.dated > todayIso()) problems.push({ index, field: 'dated', problem: 'lies in the future' });
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
    await importRecords<DocumentRecord, StoredDocument>({
      records,
      stored: await storedRows(
        trx,
        records.map((d) => d.id),
      ),
      toRecord: documentRecord,
      report,
      normalise: (d, before) => ({ ...d, links: sortedLinks([...(before?.links ?? []), ...d.links]) as DocumentRecord['links'] }),
      write: (d, before) =>
        importDocument(trx, actor, d, before, async () => {
          const found = examined.get(d);
          if (found) return found;
          const file = context.filesDir ? await readStoredFile(context.filesDir, d) : { problem: 'this import was given no file store' };
          if (!file.bytes) throw new Error(`documents: ${d.id}: ${file.problem}`);
          return examineFile(d, file.bytes);
        }),
    });
  },
};
