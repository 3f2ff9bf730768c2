import type { ParsedQuery } from './query.ts';
import { tokens } from './tokenize.ts';

/** A piece of a snippet: text as it is in the document, and whether it matched the query. */
export interface Segment {
  text: string;
  match: boolean;
}

interface Range {
  start: number;
  end: number;
}

/** A run of unspaced script as the index matches it: a space or a line break may part its characters. */
function runPattern(run: string): RegExp {
  return new RegExp(
    Array.from(run)
      .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s{0,20}'),
    'gu',
  );
}

function matchesIn(text: string, h: ParsedQuery['highlight'], stopAfter: number): Range[] {
  const ranges: Range[] = [];
  for (const run of h.runs) {
    const pattern = runPattern(run);
    for (let m = pattern.exec(text); m && m.index < stopAfter; m = pattern.exec(text))
      ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  if (h.lexemes.size || h.prefixes.length) {
    for (const t of tokens(text)) {
      if (t.start >= stopAfter) break;
      const l = t.lexemes[0]!;
      if (isMatch(h, l)) ranges.push({ start: t.start, end: t.end });
    }
  }
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end);
}

const wordChar = /[\p{L}\p{N}\p{M}]/u;
/** How far a snippet reads when no quick look finds the match (accents, Arabic spelling). */
const scanLimit = 30_000;

function isMatch(h: ParsedQuery['highlight'], lexeme: string): boolean {
  return h.lexemes.has(lexeme) || h.prefixes.some((p) => lexeme.startsWith(p));
}

/**
 * Where the first match starts, reading as little as it can: a matched word is usually written
 * as its lexeme (in lower case), so a plain search for the lexeme finds candidates, each checked
 * by cutting the word there; only when none is found is the text cut word by word.
 */
function firstMatch(text: string, h: ParsedQuery['highlight']): Range | undefined {
  let best: Range | undefined;
  for (const run of h.runs) {
    const m = runPattern(run).exec(text);
    if (m && (!best || m.index < best.start)) best = { start: m.index, end: m.index + m[0].length };
  }
  const words = [...h.lexemes, ...h.prefixes];
  if (!words.length) return best;
  const lower = text.toLowerCase();
  let found: Range | undefined;
  for (const w of words) {
    let at = lower.indexOf(w);
    for (let tries = 0; at >= 0 && tries < 20 && (!found || at < found.start); tries++) {
      let start = at;
      while (start > 0 && wordChar.test(text[start - 1]!)) start--;
      const t = tokens(text.slice(start, start + 200)).next().value;
      if (t && t.start === 0 && isMatch(h, t.lexemes[0]!)) {
        found = { start, end: start + t.end };
        break;
      }
      at = lower.indexOf(w, at + w.length);
    }
  }
  if (!found) {
    for (const t of tokens(text.length > scanLimit ? text.slice(0, scanLimit) : text)) {
      if (best && t.start >= best.start) break;
      if (isMatch(h, t.lexemes[0]!)) {
        found = { start: t.start, end: t.end };
        break;
      }
    }
  }
  return !best || (found && found.start < best.start) ? (found ?? best) : best;
}

/**
 * A window of about `width` characters around the first place where the query matches, the matches
 * marked. Text is cut at spaces where there are any, and `…` says where it was cut.
 */
export function snippet(text: string, h: ParsedQuery['highlight'], width = 240): Segment[] {
  if (!text) return [];
  // Where does the first match start? Look for it, then mark every match in the window.
  const first = firstMatch(text, h);
  let start = first ? Math.max(0, first.start - Math.floor(width / 4)) : 0;
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    if (space > start - 30 && space >= 0) start = space + 1;
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const space = text.indexOf(' ', end);
    if (space >= 0 && space < end + 30) end = space;
  }
  const window = text.slice(start, end);
  const ranges = matchesIn(window, h, window.length);
  const out: Segment[] = [];
  if (start > 0) out.push({ text: '…', match: false });
  let at = 0;
  for (const r of ranges) {
    if (r.start < at) continue;
    if (r.start > at) out.push({ text: window.slice(at, r.start), match: false });
    out.push({ text: window.slice(r.start, r.end), match: true });
    at = r.end;
  }
  if (at < window.length) out.push({ text: window.slice(at), match: false });
  if (end < text.length) out.push({ text: '…', match: false });
  // Collapse runs of white space, which extracted PDF text is full of.
  return out.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ') }));
}
