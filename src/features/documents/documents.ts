import { createHash } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Config } from '../../platform/config.ts';
import type { DB } from '../../platform/db/schema.ts';
import { visibleTo } from '../../platform/db/visibility.ts';
import { AppError, type FieldProblem, invalid } from '../../platform/errors.ts';
import { type Confidentiality, confidentialityLevels } from '../../platform/policy/levels.ts';
import { can, type Resource, type Viewer, visibilityScope } from '../../platform/policy/policy.ts';
import { type Actor, recordChange } from '../../platform/audit/record.ts';
import { ContentRefused, examine } from './content.ts';
import type { DocumentTable } from './schema.ts';
import { filePath, putFile, removeFile } from '../../platform/files/store.ts';

export const documentKinds = [
  'report',
  'additional-information',
  'action-plan',
  'letter',
  'note-verbale',
  'visit',
  'course',
  'other',
] as const;
export const unLanguages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
/** Record types a document may be linked to. */
export const linkTypes = [
  'member-state',
  'organization',
  'matrix',
  'review-cycle',
  'report',
  'letter',
  'action-plan',
  'point-of-contact',
  'visit',
  'course',
] as const;

export type DocumentRow = Selectable<DocumentTable>;
export interface DocumentLink {
  recordType: string;
  recordId: string;
}

export function documentResource(d: { confidentiality: Confidentiality; state_iso3: string | null }): Resource {
  return { type: 'document', confidentiality: d.confidentiality, stateIso3: d.state_iso3 };
}

export interface UploadInput {
  title: string;
  language: string;
  kind: string;
  state: string;
  confidentiality: string;
  links: string[];
  /** The date the document bears (YYYY-MM-DD), optional. */
  dated?: string;
  file: { name: string; bytes: Buffer } | null;
}

/** "member-state:MLI" or "report:…", one per entry or separated by commas, spaces or lines. */
function parseLinks(raw: string[], problems: FieldProblem[]): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const part of raw.flatMap((r) => r.split(/[\s,]+/)).filter(Boolean)) {
    const m = /^([a-z][a-z-]*):([A-Za-z0-9._-]{1,100})$/.exec(part);
    if (!m || !(linkTypes as readonly string[]).includes(m[1]!)) {
      problems.push({
        field: 'links',
        problem: `"${part.slice(0, 60)}" is not a link: write type:id, the type one of ${linkTypes.join(', ')}`,
      });
      continue;
    }
    if (!out.some((l) => l.recordType === m[1] && l.recordId === m[2])) out.push({ recordType: m[1]!, recordId: m[2]! });
  }
  if (out.length > 50) problems.push({ field: 'links', problem: 'at most 50 links' });
  return out;
}

/** A BCP 47 tag, lower-case language and upper-case region (en, fr, zh-Hans, pt-BR). */
function normaliseLanguage(raw: string): string | null {
  const t = raw.trim();
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(t)) return null;
  return t
    .split('-')
    .map((p, i) =>
      i === 0 ? p.toLowerCase() : p.length === 2 ? p.toUpperCase() : p.length === 4 ? p[0]!.toUpperCase() + p.slice(1).toLowerCase() : p,
    )
    .join('-');
}

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
  const problems: FieldProblem[] = [];
  const title = input.title.trim();
  if (title.length < 1 || title.length > 300) problems.push({ field: 'title', problem: 'is required, at most 300 characters' });
  const language = normaliseLanguage(input.language);
  if (!language) problems.push({ field: 'language', problem: 'must be a language tag (ar, zh, en, fr, ru, es or another BCP 47 tag)' });
  if (!(documentKinds as readonly string[]).includes(input.kind))
    problems.push({ field: 'kind', problem: `must be one of ${documentKinds.join(', ')}` });
  const confidentiality = (input.confidentiality || 'committee') as Confidentiality;
  if (!confidentialityLevels.includes(confidentiality))
    problems.push({ field: 'confidentiality', problem: `must be one of ${confidentialityLevels.join(', ')}` });
  const state = input.state.trim().toUpperCase() || null;
  if (state) {
    const found =
      /^[A-Z]{3}$/.test(state) && (await db.selectFrom('member_state').select('iso3').where('iso3', '=', state).executeTakeFirst());
    if (!found) problems.push({ field: 'state', problem: `no State has the code ${state.slice(0, 10)}` });
  }
  if (confidentiality === 'committee-and-state' && !state)
    problems.push({ field: 'state', problem: 'is required when the document is shared with the State concerned' });
  const links = parseLinks(input.links, problems);
  const dated = (input.dated ?? '').trim() || null;
  if (dated) {
    const valid =
      /^\d{4}-\d{2}-\d{2}$/.test(dated) &&
      !Number.isNaN(Date.parse(`${dated}T00:00:00Z`)) &&
      new Date(`${dated}T00:00:00Z`).toISOString().slice(0, 10) === dated;
    if (!valid) problems.push({ field: 'dated', problem: 'must be a date written YYYY-MM-DD' });
    else if (dated > new Date().toISOString().slice(0, 10)) problems.push({ field: 'dated', problem: 'lies in the future' });
    else if (dated < '1945-01-01') problems.push({ field: 'dated', problem: 'lies before 1945' });
  }
  if (!can(viewer, 'create', { type: 'document', confidentiality, stateIso3: state }))
    throw new AppError('forbidden', 'your account may not upload documents');
  const file = input.file;
  if (!file || file.bytes.length === 0) problems.push({ field: 'file', problem: 'is required' });
  else if (file.bytes.length > config.maxDocumentBytes)
    problems.push({
      field: 'file',
      problem: `the file is ${(file.bytes.length / 1024 / 1024).toFixed(1)} MB, over the limit of ${(config.maxDocumentBytes / 1024 / 1024).toFixed(1)} MB`,
    });
  if (problems.length) throw invalid(problems);
  const bytes = file!.bytes;
  const originalName = file!.name.replace(/[\\/]/g, '_').slice(-255);
  let extracted: Awaited<ReturnType<typeof examine>>;
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
            title,
            language: language!,
            kind: input.kind,
            state_iso3: state,
            sha256,
            media_type: extracted.mediaType,
            byte_size: bytes.length,
            page_count: extracted.pageCount,
            extracted_text: extracted.text,
            extraction_status: extracted.status,
            extraction_problem: extracted.problem,
            original_name: originalName,
            dated,
            confidentiality,
            uploaded_by: actor.id,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        if (links.length)
          await trx
            .insertInto('document_link')
            .values(links.map((l) => ({ document_id: row.id, record_type: l.recordType, record_id: l.recordId })))
            .execute();
        const { extracted_text: _, ...after } = row;
        await recordChange(trx, actor, {
          action: 'create',
          recordType: 'document',
          recordId: row.id,
          confidentiality,
          stateIso3: state,
          after: { ...after, links },
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

export async function findDocument(db: Kysely<DB>, id: string): Promise<DocumentRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A document the viewer may see, or not found: a hidden document is not even said to exist. */
export async function visibleDocument(db: Kysely<DB>, viewer: Viewer | null, id: string): Promise<DocumentRow> {
  const d = await findDocument(db, id);
  if (!d || !can(viewer, 'read', documentResource(d))) throw new AppError('not-found', `no document has the id ${id.slice(0, 40)}`);
  return d;
}

export async function documentLinks(db: Kysely<DB>, id: string): Promise<DocumentLink[]> {
  const rows = await db
    .selectFrom('document_link')
    .select(['record_type', 'record_id'])
    .where('document_id', '=', id)
    .orderBy('record_type')
    .orderBy('record_id')
    .execute();
  return rows.map((r) => ({ recordType: r.record_type, recordId: r.record_id }));
}

export interface DocumentFilters {
  state?: string;
  kind?: string;
  language?: string;
}

export type DocumentListRow = Omit<DocumentRow, 'extracted_text'>;

/** The documents the viewer may see (the policy applied in SQL), newest first. */
export async function listDocuments(db: Kysely<DB>, viewer: Viewer | null, f: DocumentFilters, limit = 500): Promise<DocumentListRow[]> {
  let q = db
    .selectFrom('document')
    .select([
      'id',
      'title',
      'language',
      'kind',
      'state_iso3',
      'sha256',
      'media_type',
      'byte_size',
      'page_count',
      'extraction_status',
      'extraction_problem',
      'original_name',
      'dated',
      'confidentiality',
      'uploaded_by',
      'archived_at',
      'row_version',
      'created_at',
      'updated_at',
    ])
    .where('archived_at', 'is', null)
    .where(visibleTo<DB, 'document'>(visibilityScope(viewer), 'state_iso3'));
  if (f.state) q = q.where('state_iso3', '=', f.state.toUpperCase());
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.language) q = q.where('language', '=', f.language);
  return q.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

export interface LinkedDocument {
  id: string;
  title: string;
  language: string;
  kind: string;
  state_iso3: string | null;
  confidentiality: Confidentiality;
  created_at: Date;
}

/**
 * The documents linked to a record (a report, a plan, a visit…) that the viewer may see: the
 * library's rule in SQL (a hidden document is neither listed nor counted), then the policy;
 * archived documents left out. Oldest first.
 */
export async function documentsLinkedTo(
  db: Kysely<DB>,
  viewer: Viewer | null,
  recordType: string,
  recordId: string,
): Promise<LinkedDocument[]> {
  const rows = await db
    .selectFrom('document')
    .select(['id', 'title', 'language', 'kind', 'state_iso3', 'confidentiality', 'created_at'])
    .where('archived_at', 'is', null)
    .where('id', 'in', (eb) =>
      eb.selectFrom('document_link').select('document_id').where('record_type', '=', recordType).where('record_id', '=', recordId),
    )
    .where(visibleTo<DB, 'document'>(visibilityScope(viewer), 'state_iso3'))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.filter((d) => can(viewer, 'read', documentResource(d)));
}

export { filePath };
