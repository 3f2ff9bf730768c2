/**
 * Folds text for matching in any of the six languages: NFKC, lower case, no accents or Arabic
 * short vowels, no tatweel, Arabic alef forms unified. Chinese is left as it is.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '')
    .replace(/[\u0622\u0623\u0625]/g, '\u0627')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes LIKE wildcards so that a query is matched as typed. */
export function likeContains(folded: string): string {
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
