import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../../platform/audit/record.ts';
import { recordChange } from '../../platform/audit/record.ts';
import { archivedAt } from '../../platform/bundle/fields.ts';
import type { Config } from '../../platform/config.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem, invalid } from '../../platform/errors.ts';
import { putFile, removeFile } from '../../platform/files/store.ts';
import { type Confidentiality, changeScope } from '../../platform/policy/levels.ts';
import { can, type Viewer } from '../../platform/policy/policy.ts';
import { problemsOf } from '../../platform/values/input.ts';
import { ContentRefused, type Extracted, examine } from './content.ts';
import type { DocumentRow } from './documents.ts';
import { type DocumentLink, type UploadInput, uploadInput } from './inputs.ts';
import { type DocumentRecord, sortedLinks } from './links.ts';

/*
 * The write core of the document library: an upload (a form, the API) and a document imported
 * from a bundle are written here, the row, its links and the audit event in one transaction, the
 * file kept by its content hash. A document's file never changes; its links are only ever added.
 */

/** A document and its links as the audit records them (its extracted text is the file's, not the record's). */
function audited(row: DocumentRow, links: readonly DocumentLink[]) {
  const { extracted_text: _, ...rest } = row;
  return { ...rest, links };
}

async function addLinks(trx: Transaction<DB>, id: string, links: readonly DocumentLink[]) {
  if (links.length)
    await trx
      .insertInto('document_link')
      .values(links.map((l) => ({ document_id: id, record_type: l.recordType, record_id: l.recordId })))
      .onConflict((oc) => oc.columns(['document_id', 'record_type', 'record_id']).doNothing())
      .execute();
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * Checks and stores an uploaded document: the file by content hash, the row and its links and the
 * audit event in one transaction. A refusal leaves nothing; a file this call wrote is removed when
 * the transaction fails (unless a committed row refers to the same content).
 */
export async function uploadDocument(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  viewer: Viewer | null,
  input: UploadInput,
): Promise<DocumentRow> {
  const result = uploadInput().safeParse(input);
  const problems: FieldProblem[] = result.success ? [] : problemsOf(result.error.issues);
  const state = input.state.trim().toUpperCase() || null;
  const confidentiality = (input.confidentiality || 'committee') as Confidentiality;
  if (state) {
    const found =
      /^[A-Z]{3}$/.test(state) && (await db.selectFrom('member_state').select('iso3').where('iso3', '=', state).executeTakeFirst());
    if (!found) problems.push({ field: 'state', problem: `no State has the code ${state.slice(0, 10)}` });
  }
  // Who may upload what is asked before the file is read: a refused account learns nothing of it.
  if (!can(viewer, 'create', { type: 'document', confidentiality, stateIso3: state }))
    throw new AppError('forbidden', 'your account may not upload documents');
  const file = input.file;
  if (!file || file.bytes.length === 0) problems.push({ field: 'file', problem: 'is required' });
  else if (file.bytes.length > config.maxDocumentBytes)
    problems.push({
      field: 'file',
      problem: `the file is ${megabytes(file.bytes.length)} MB, over the limit of ${megabytes(config.maxDocumentBytes)} MB`,
    });
  if (problems.length || !result.data || !file) throw invalid(problems);
  const v = result.data;
  const bytes = file.bytes;
  const originalName = file.name.replace(/[\\/]/g, '_').slice(-255);
  let extracted: Extracted;
  try {
    extracted = await examine(bytes, originalName);
  } catch (e) {
    if (e instanceof ContentRefused) throw invalid([{ field: 'file', problem: e.message }]);
    throw e;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let written: string | null = null;
  try {
    return await db.transaction().execute(async (trx) => {
      // One upload of a given content at a time: a second waits, so that a failed first never removes a file the second relies on.
      await sql`select pg_advisory_xact_lock(hashtext(${sha256}))`.execute(trx);
      const stored = await putFile(config.filesDir, sha256, bytes);
      if (stored.created) written = stored.path;
      try {
        const row = await trx
          .insertInto('document')
          .values({
            title: v.title,
            language: v.language,
            kind: v.kind,
            state_iso3: v.state,
            sha256,
            media_type: extracted.mediaType,
            byte_size: bytes.length,
            page_count: extracted.pageCount,
            extracted_text: extracted.text,
            extraction_status: extracted.status,
            extraction_problem: extracted.problem,
            original_name: originalName,
            dated: v.dated,
            confidentiality: v.confidentiality,
            uploaded_by: actor.id,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await addLinks(trx, row.id, v.links);
        await recordChange(trx, actor, {
          action: 'create',
          recordType: 'document',
          recordId: row.id,
          confidentiality: row.confidentiality,
          stateIso3: row.state_iso3,
          after: audited(row, v.links),
        });
        return row;
      } catch (e) {
        if (written) await removeFile(written);
        written = null;
        throw e;
      }
    });
  } catch (e) {
    if (written) {
      const used = await db.selectFrom('document').select('id').where('sha256', '=', sha256).executeTakeFirst();
      if (!used) await removeFile(written);
    }
    throw e;
  }
}

/** A stored document with its links. */
export type StoredDocument = DocumentRow & { links: DocumentLink[] };

/**
 * A document as a bundle gives it, written inside the import's transaction: the bundle checked it
 * (and examined its file, already in the store) before anything was written. A new one keeps its
 * id; a stored one keeps its file and gains the links it did not have.
 */
export async function importDocument(
  trx: Transaction<DB>,
  actor: Actor,
  d: DocumentRecord,
  before: StoredDocument | undefined,
  examined: () => Promise<Extracted>,
): Promise<void> {
  const columns = {
    title: d.title,
    language: d.language,
    kind: d.kind,
    state_iso3: d.state,
    dated: d.dated,
    original_name: d.originalName,
    confidentiality: d.confidentiality,
  };
  let row: DocumentRow;
  if (!before) {
    const found = await examined();
    row = await trx
      .insertInto('document')
      .values({
        id: d.id,
        ...columns,
        sha256: d.sha256,
        media_type: d.mediaType,
        byte_size: d.byteSize,
        page_count: found.pageCount,
        extracted_text: found.text,
        extraction_status: found.status,
        extraction_problem: found.problem,
        uploaded_by: actor.id,
        archived_at: archivedAt(undefined, d.archived),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await addLinks(trx, row.id, d.links);
  } else {
    row = await trx
      .updateTable('document')
      .set({ ...columns, archived_at: archivedAt(before, d.archived), row_version: before.row_version + 1, updated_at: new Date() })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const have = new Set(before.links.map((l) => `${l.recordType}:${l.recordId}`));
    await addLinks(
      trx,
      row.id,
      d.links.filter((l) => !have.has(`${l.recordType}:${l.recordId}`)),
    );
  }
  await recordChange(trx, actor, {
    action: before ? 'import' : 'create',
    recordType: 'document',
    recordId: row.id,
    ...(before ? changeScope(before, row) : { confidentiality: row.confidentiality, stateIso3: row.state_iso3 }),
    ...(before ? { before: audited(before, sortedLinks(before.links)) } : {}),
    after: audited(row, sortedLinks(d.links)),
  });
}
