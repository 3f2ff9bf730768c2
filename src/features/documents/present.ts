import type { Confidentiality } from '../../platform/policy/levels.ts';
import type { MediaType } from './content.ts';
import type { DocumentListRow } from './documents.ts';
import type { DocumentLink, documentKinds, linkTypes } from './inputs.ts';
import { sortedLinks } from './links.ts';

/*
 * What a reader sees of a document, whatever the door: the API, the bundle (its links through
 * links.ts, as far as the reader may see the records they name). Its extracted text is the
 * file's: the bundle carries the file's hash, not its text.
 */

type Kind = (typeof documentKinds)[number];

/** A document as the API gives it; its links when they were asked for. */
export function documentJson(d: DocumentListRow, links?: DocumentLink[]) {
  return {
    id: d.id,
    title: d.title,
    language: d.language,
    kind: d.kind as Kind,
    state: d.state_iso3,
    sha256: d.sha256,
    mediaType: d.media_type as MediaType,
    byteSize: Number(d.byte_size),
    pageCount: d.page_count,
    extraction: { status: d.extraction_status, problem: d.extraction_problem },
    originalName: d.original_name,
    dated: d.dated,
    confidentiality: d.confidentiality,
    ...(links ? { links } : {}),
    createdAt: d.created_at.toISOString(),
    version: d.row_version,
  };
}

/** A document as the bundle carries it. */
export interface DocumentRecord {
  id: string;
  title: string;
  language: string;
  kind: Kind;
  state: string | null;
  dated: string | null;
  sha256: string;
  mediaType: MediaType;
  byteSize: number;
  originalName: string;
  confidentiality: Confidentiality;
  archived: boolean;
  links: { recordType: (typeof linkTypes)[number]; recordId: string }[];
}

export function documentRecord(d: DocumentListRow & { links: DocumentLink[] }): DocumentRecord {
  const json = documentJson(d);
  return {
    id: json.id,
    title: json.title,
    language: json.language,
    kind: json.kind,
    state: json.state,
    dated: json.dated,
    sha256: json.sha256,
    mediaType: json.mediaType,
    byteSize: json.byteSize,
    originalName: json.originalName,
    confidentiality: json.confidentiality,
    archived: d.archived_at !== null,
    links: sortedLinks(d.links) as DocumentRecord['links'],
  };
}
