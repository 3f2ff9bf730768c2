/**
 * The search's own tokenizer, the same on PGlite and PostgreSQL since the database only stores
 * and matches what this file produces (no text search configuration or dictionary is involved).
 *
 * - Text is NFKC-normalised, lower-cased, stripped of accents and Arabic short vowels and tatweel,
 *   with the Arabic alef forms, alef maqsura and taa marbuta unified.
 * - Words are runs of letters and digits. Russian words are stemmed (Snowball), Arabic words
 *   lightly stemmed (the article ال and its forms, a leading و, the plural, dual and possessive
 *   endings: stem.ts); words of Latin script lose a plural -s when four letters remain (and -es
 *   after -ion and -dad). Both sides of the search do the same, so "contrôles" finds "controle",
 *   экспортного контроля finds экспортный контроль, and صادرات finds الصادرات.
 * - Chinese, Japanese kana and other scripts written without spaces are indexed as overlapping
 *   pairs of characters, each position holding the character and the pair that starts there:
 *   a query of any length is then a phrase of pairs (马里 = 马里; 马里共和国 = 马里 → 里共 → 共和 →
 *   和国) and a single character is found by itself. No dictionary is needed, and nothing a
 *   dictionary would cut differently is missed. A pair spans a space or a line break between two
 *   such characters (a layout's, or a PDF's): 出口\n管制 is found by 出口管制.
 */

import { stemArabic, stemRussian } from './stem.ts';

export interface Token {
  /** The lexemes at this position: one for a word, one or two for a character of unspaced script. */
  lexemes: string[];
  /** Offsets in the text given (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

/** Scripts written without spaces between words. */
const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const runPattern = /[\p{L}\p{N}\p{M}]+/gu;
const unspacedRun =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30FC\u3005]+/gu;
const arabicLetters = /[\u0600-\u06FF]/;
const cyrillicLetters = /[\u0400-\u04FF]/;
const unspacedChar = new RegExp(`^${unspaced.source}`, 'u');
const latinLetters = /^[a-z]+$/;

/** A longer "word" (a hash, a URL fragment) is not worth indexing. */
export const maxLexemeLength = 60;

const asciiWord = /^[a-z0-9]+$/;
const folded = new Map<string, string>();

/** Folds one word for matching; the same function serves the index and the query. */
export function foldWord(word: string): string {
  // Words repeat (a text uses a few thousand words many times): fold each once.
  const known = folded.get(word);
  if (known !== undefined) return known;
  const w = asciiWord.test(word) ? pluralFolded(word) : foldSlowly(word);
  if (folded.size >= 200_000) folded.clear();
  folded.set(word, w);
  return w;
}

function pluralFolded(w: string): string {
  // Spanish plurals in -es: exportaciones, autoridades.
  if (w.length >= 7 && (w.endsWith('iones') || w.endsWith('dades')) && latinLetters.test(w)) return w.slice(0, -2);
  return w.length >= 5 && w.endsWith('s') && !w.endsWith('ss') && latinLetters.test(w) ? w.slice(0, -1) : w;
}

function foldSlowly(word: string): string {
  const lower = word.normalize('NFKC').toLowerCase();
  // Russian: ё is е, and й keeps its breve until the stemmer has read the ending (-ый, -ий).
  if (cyrillicLetters.test(lower))
    return stemRussian(
      lower
        .replace(/ё/g, 'е')
        .normalize('NFD')
        .replace(/(?!\u0306)\p{M}/gu, '')
        .normalize('NFC'),
    )
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .normalize('NFC');
  let w = lower
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(/ё/g, 'е')
    .normalize('NFC');
  if (arabicLetters.test(w)) w = stemArabic(w);
  else w = pluralFolded(w);
  return w;
}

/** The character of unspaced script after a space or a line break at `at`, if one follows. */
function unspacedAfter(text: string, at: number): string | undefined {
  let i = at;
  while (i < text.length && i - at < 20 && /\s/.test(text[i]!)) i++;
  if (i === at || i >= text.length) return undefined;
  const c = String.fromCodePoint(text.codePointAt(i)!);
  return unspacedChar.test(c) ? c : undefined;
}

function* unspacedTokens(run: string, offset: number, next: string | undefined): Generator<Token> {
  const chars = Array.from(run);
  let at = offset;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const lexemes = [c];
    if (i + 1 < chars.length) lexemes.push(c + chars[i + 1]);
    else if (next) lexemes.push(c + next);
    yield { lexemes, start: at, end: at + c.length };
    at += c.length;
  }
}

/**
 * The tokens of a text, in order, with their offsets. A generator, so that a snippet can stop at
 * the first match instead of reading a long document to its end.
 */
export function* tokens(text: string): Generator<Token> {
  for (const m of text.matchAll(runPattern)) {
    const run = m[0];
    const base = m.index;
    if (!unspaced.test(run)) {
      const folded = foldWord(run);
      if (folded && folded.length <= maxLexemeLength) yield { lexemes: [folded], start: base, end: base + run.length };
      continue;
    }
    // A mixed run (漢字abc123): the unspaced parts as pairs, the rest as words.
    let last = 0;
    for (const u of run.matchAll(unspacedRun)) {
      if (u.index > last) {
        const word = foldWord(run.slice(last, u.index));
        if (word && word.length <= maxLexemeLength) yield { lexemes: [word], start: base + last, end: base + u.index };
      }
      const end = u.index + u[0].length;
      yield* unspacedTokens(u[0], base + u.index, end === run.length ? unspacedAfter(text, base + end) : undefined);
      last = u.index + u[0].length;
    }
    if (last < run.length) {
      const word = foldWord(run.slice(last));
      if (word && word.length <= maxLexemeLength) yield { lexemes: [word], start: base + last, end: base + run.length };
    }
  }
}

/** Whether a term is written in a script without spaces (and so is matched as pairs). */
export function isUnspaced(term: string): boolean {
  return unspaced.test(term);
}
