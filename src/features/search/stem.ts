/**
 * Stemmers for the inflected languages whose words change most at their end, chosen by script
 * (the query does not say its language): Cyrillic words by the Snowball Russian algorithm, Arabic
 * words by a light stemmer (Larkey's light10: the article and the conjunction wa before, the
 * common plural, dual and possessive endings after). Both sides of the search stem the same way,
 * so that экспортного контроля finds экспортный контроль, and صادرات finds الصادرات.
 */

const ruVowels = 'аеиоуыэюя';

/** Suffixes longest first, so that the longest ending present is the one removed. */
const byLength = (list: string[]) => [...list].sort((a, b) => b.length - a.length);
const perfectiveGerund1 = byLength(['в', 'вши', 'вшись']);
const perfectiveGerund2 = byLength(['ив', 'ивши', 'ившись', 'ыв', 'ывши', 'ывшись']);
const adjective = byLength('ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею'.split(' '));
const participle1 = byLength(['ем', 'нн', 'вш', 'ющ', 'щ']);
const participle2 = byLength(['ивш', 'ывш', 'ующ']);
const reflexive = ['ся', 'сь'];
const verb1 = byLength('ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно'.split(' '));
const verb2 = byLength(
  'ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю'.split(' '),
);
const noun = byLength(
  'а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я'.split(' '),
);

/** The ending of `word` (from `from` on) among `list`; with `after`, only when one of those letters precedes it. */
function ending(word: string, from: number, list: string[], after?: string): string | null {
  for (const s of list) {
    if (word.length - s.length < from || !word.endsWith(s)) continue;
    if (!after) return s;
    const before = word[word.length - s.length - 1];
    if (before && after.includes(before) && word.length - s.length - 1 >= from) return s;
  }
  return null;
}

function cut(word: string, from: number, groups: [string[], string?][]): string | null {
  for (const [list, after] of groups) {
    const s = ending(word, from, list, after);
    if (s !== null) return word.slice(0, word.length - s.length);
  }
  return null;
}

/** Snowball's Russian stemmer on a lower-case word (ё already е). */
export function stemRussian(word: string): string {
  const isVowel = (c: string | undefined) => c !== undefined && ruVowels.includes(c);
  let rv = word.length;
  for (let i = 0; i < word.length; i++)
    if (isVowel(word[i])) {
      rv = i + 1;
      break;
    }
  // R2: after the second vowel-consonant sequence.
  let r1 = word.length;
  for (let i = 1; i < word.length; i++)
    if (!isVowel(word[i]) && isVowel(word[i - 1])) {
      r1 = i + 1;
      break;
    }
  let r2 = word.length;
  for (let i = r1 + 1; i < word.length; i++)
    if (!isVowel(word[i]) && isVowel(word[i - 1])) {
      r2 = i + 1;
      break;
    }
  if (rv >= word.length) return word;
  let w = cut(word, rv, [[perfectiveGerund1, 'ая'], [perfectiveGerund2]]);
  if (w === null) {
    w = cut(word, rv, [[reflexive]]) ?? word;
    const adj = cut(w, rv, [[adjective]]);
    if (adj !== null) w = cut(adj, rv, [[participle1, 'ая'], [participle2]]) ?? adj;
    else w = cut(w, rv, [[verb1, 'ая'], [verb2]]) ?? cut(w, rv, [[noun]]) ?? w;
  }
  if (w.endsWith('и') && w.length - 1 >= rv) w = w.slice(0, -1);
  const derivational = cut(w, Math.max(r2, rv), [[['ость', 'ост']]]);
  if (derivational !== null) w = derivational;
  if (w.endsWith('ь') && w.length - 1 >= rv) w = w.slice(0, -1);
  else {
    const superlative = cut(w, rv, [[['ейше', 'ейш']]]);
    if (superlative !== null) w = superlative;
    if (w.endsWith('нн') && w.length - 2 >= rv) w = w.slice(0, -1);
  }
  return w;
}

const arabicPrefixes = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
/** After the folding of taa marbuta (ة → ه) and alef maqsura (ى → ي). */
const arabicSuffixes = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

/** A light Arabic stemmer on a folded word; at least three letters remain. */
export function stemArabic(word: string): string {
  let w = word;
  if (w.length > 3 && w.startsWith('و')) w = w.slice(1);
  for (const p of arabicPrefixes)
    if (w.startsWith(p) && w.length - p.length >= 3) {
      w = w.slice(p.length);
      break;
    }
  for (const s of arabicSuffixes) if (w.endsWith(s) && w.length - s.length >= 3) w = w.slice(0, -s.length);
  return w;
}
