import type { AppContextOf } from './env.ts';

export type FormBody = Record<string, string | File | (string | File)[]>;

export async function formBody(c: AppContextOf): Promise<FormBody> {
  return (await c.req.parseBody({ all: true })) as FormBody;
}

/** One text field; a repeated field gives its first value. */
export function text(body: FormBody, name: string): string {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

/** Every value of a repeated field (checkboxes). */
export function texts(body: FormBody, name: string): string[] {
  const v = body[name];
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return all.filter((x): x is string => typeof x === 'string');
}

/**
 * A same-site path to go back to after a form; anything else falls back. Control characters are
 * refused: browsers drop tabs and newlines, so "/\t/evil.example" would become "//evil.example".
 * The path is judged after resolution: "/.//evil.example" and "/..//evil.example" resolve to
 * "//evil.example", which a browser reads as another site.
 */
export function safeNext(next: string | undefined, fallback: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (!next?.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  const base = 'http://r1540.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const path = url.pathname + url.search + url.hash;
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
}
