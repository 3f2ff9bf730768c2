/**
 * The made-up documents and the queries of bench/records.ts: per language a vocabulary of 6,000
 * words drawn from its own alphabet (for Chinese, words of one to three characters from 2,500
 * characters), used with Zipf-like frequencies as words are in real text. The sequence is fixed,
 * so every run indexes the same text.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../src/platform/db/schema.ts';
import type { SearchInput } from '../src/features/search/search.ts';

// A fixed pseudo-random sequence, so that every run indexes the same text.
let seed = 1540;
/** mulberry32 */
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
/** Zipf-like: rank r drawn with probability about 1/r. */
const zipf = (n: number) => Math.min(n - 1, Math.floor(Math.exp(random() * Math.log(n + 1))) - 1);

const alphabets: Record<string, string> = {
  en: 'etaoinshrdlcumwfgypbvk',
  fr: 'esaitnrulodcpméèàvqfbghjxyzç',
  es: 'eaosrnidlctumpbgvyqhfzjñxáéíóú',
  ru: 'оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё',
  ar: 'اليمونرتبكعدفهسقحجشصطزخضثذغظءأإةى',
};
function vocabulary(letters: string, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const length = 2 + Math.floor(random() * 8);
    let w = '';
    for (let i = 0; i < length; i++) w += letters[Math.floor(random() ** 1.5 * letters.length)];
    words.add(w);
  }
  return [...words];
}
const hanzi = Array.from({ length: 2500 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000)));
function chineseVocabulary(size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const length = 1 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < length; i++) w += hanzi[zipf(hanzi.length)];
    words.add(w);
  }
  return [...words];
}
const vocab: Record<string, string[]> = { zh: chineseVocabulary(6000) };
for (const [l, a] of Object.entries(alphabets)) vocab[l] = vocabulary(a, 6000);
const languages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

function text(language: string, bytes: number): string {
  const words = vocab[language]!;
  const parts: string[] = [];
  let size = 0;
  let sentence = 0;
  while (size < bytes) {
    const w = words[zipf(words.length)]!;
    parts.push(w);
    size += Buffer.byteLength(w) + 1;
    if (++sentence > 12 + Math.floor(random() * 10)) {
      parts.push(language === 'zh' ? '。' : '.\n');
      sentence = 0;
    }
  }
  return language === 'zh' ? parts.join('') : parts.join(' ');
}

export async function addDocuments(db: Kysely<DB>, states: string[], docCount: number, docBytes: number): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < docCount; i += 50) {
    const rows = [];
    for (let j = i; j < Math.min(docCount, i + 50); j++) {
      const language = languages[j % languages.length]!;
      const body = text(language, docBytes);
      bytes += Buffer.byteLength(body);
      rows.push({
        title: `${vocab[language]![zipf(6000)]} ${vocab[language]![zipf(6000)]} ${j}`,
        language,
        kind: 'other',
        state_iso3: states[j % states.length]!,
        sha256: createHash('sha256').update(body).digest('hex'),
        media_type: 'text/plain',
        byte_size: Buffer.byteLength(body),
        extracted_text: body,
        extraction_status: 'extracted' as const,
        extraction_problem: null,
        original_name: `bench-${j}.txt`,
        confidentiality: j % 4 === 0 ? ('committee' as const) : ('public' as const),
        dated: `${2008 + (j % 11)}-06-01`,
      });
    }
    await db.insertInto('document').values(rows).execute();
  }
  return bytes;
}

/** Queries as readers would type them: words of each language at three frequencies, phrases, filters. */
export function queries(): SearchInput[] {
  const out: SearchInput[] = [];
  for (const l of languages) {
    const v = vocab[l]!;
    const [common, middling, rare] = [v[3]!, v[300]!, v[5000]!];
    out.push({ q: common }, { q: middling }, { q: rare }, { q: `${middling} ${rare}` }, { q: `${common} ${middling}`, language: l });
    out.push({ q: middling, year: 2012 }, { q: common, page: 5 });
    if (l !== 'zh') out.push({ q: `"${v[1]} ${v[2]}"` }, { q: `${v[40]!.slice(0, 3)}*` });
  }
  out.push({ q: hanzi[0]! }, { q: hanzi[1]! + hanzi[2]! }, { q: vocab.zh![50]! + vocab.zh![60]! });
  out.push({ q: 'Mali', state: 'MLI' });
  return out;
}
