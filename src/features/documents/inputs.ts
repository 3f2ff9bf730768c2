import { z } from 'zod';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { isIsoDate, todayIso } from '../../platform/values/dates.ts';

/*
 * The inputs of the document library, one schema each: an upload's fields (the form and the API
 * send the same multipart form), and a document's links, shared with the bundle. The file itself
 * is checked from its content (content.ts); the State named, by the write core.
 */

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

export interface DocumentLink {
  recordType: string;
  recordId: string;
}

const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;
const issue = (ctx: z.RefinementCtx, message: string) => ctx.addIssue({ code: 'custom', message, continue: true });

/** One link, as the bundle carries it. */
export const linkSchema = z.strictObject({
  recordType: z.enum(linkTypes, oneOf(linkTypes)),
  recordId: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be 1 to 100 letters, digits, dots, hyphens or underscores'),
});

/** A document's links as a form gives them: "member-state:MLI" or "report:…", one per entry or separated by commas, spaces or lines. */
const linksText = z
  .array(z.string())
  .default([])
  .transform((raw, ctx) => {
    const out: DocumentLink[] = [];
    for (const part of raw.flatMap((r) => r.split(/[\s,]+/)).filter(Boolean)) {
      const m = /^([a-z][a-z-]*):([A-Za-z0-9._-]{1,100})$/.exec(part);
      if (!m || !(linkTypes as readonly string[]).includes(m[1] ?? '')) {
        issue(ctx, `"${part.slice(0, 60)}" is not a link: write type:id, the type one of ${linkTypes.join(', ')}`);
        continue;
      }
      if (!out.some((l) => l.recordType === m[1] && l.recordId === m[2])) out.push({ recordType: m[1] ?? '', recordId: m[2] ?? '' });
    }
    if (out.length > 50) issue(ctx, 'at most 50 links');
    return out;
  });

/** A BCP 47 tag, lower-case language and upper-case region (en, fr, zh-Hans, pt-BR). */
export function normaliseLanguage(raw: string): string | null {
  const t = raw.trim();
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(t)) return null;
  return t
    .split('-')
    .map((p, i) =>
      i === 0 ? p.toLowerCase() : p.length === 2 ? p.toUpperCase() : p.length === 4 ? p[0]?.toUpperCase() + p.slice(1).toLowerCase() : p,
    )
    .join('-');
}

const title = z.string().trim().min(1, 'is required, at most 300 characters').max(300, 'is required, at most 300 characters');

/** The fields of an upload, each checked alone; its State is the write core's to find. */
export const uploadInput = (today: string = todayIso()) =>
  z
    .object({
      title,
      language: z.string().transform((raw, ctx) => {
        const tag = normaliseLanguage(raw);
        if (!tag) issue(ctx, 'must be a language tag (ar, zh, en, fr, ru, es or another BCP 47 tag)');
        return tag ?? raw;
      }),
      kind: z.string().refine((k) => (documentKinds as readonly string[]).includes(k), oneOf(documentKinds)),
      confidentiality: z
        .string()
        .default('')
        .transform((v, ctx) => {
          const level = v || 'committee';
          if (!(confidentialityLevels as readonly string[]).includes(level)) issue(ctx, oneOf(confidentialityLevels));
          return level as (typeof confidentialityLevels)[number];
        }),
      state: z
        .string()
        .default('')
        .transform((s) => s.trim().toUpperCase() || null),
      links: linksText,
      dated: z
        .string()
        .nullish()
        .transform((raw, ctx) => {
          const dated = raw?.trim() || null;
          if (!dated) return null;
          if (!isIsoDate(dated)) issue(ctx, 'must be a date written YYYY-MM-DD');
          else if (dated > today) issue(ctx, 'lies in the future');
          else if (dated < '1945-01-01') issue(ctx, 'lies before 1945');
          return dated;
        }),
    })
    .superRefine((v, ctx) => {
      if (v.confidentiality === 'committee-and-state' && !v.state)
        ctx.addIssue({ code: 'custom', path: ['state'], message: 'is required when the document is shared with the State concerned' });
    });
export type UploadData = z.output<ReturnType<typeof uploadInput>>;

/** An upload as the form and the API give it, before any check. */
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
