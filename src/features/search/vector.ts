import { tokens } from './tokenize.ts';

/**
 * Turns a record's title and text into the chunks the index stores. PostgreSQL keeps word
 * positions up to 16,383 and 256 positions per word in a tsvector, so a long text is cut into
 * chunks of at most `maxPositions` tokens; the title opens every chunk (weight A) so that a query
 * naming the title and a word of any chunk still matches it.
 */
export const maxPositions = 12_000;
const maxPositionsPerLexeme = 256;

export interface Chunk {
  seq: number;
  /** The text of this chunk (for snippets). */
  body: string;
  /** A tsvector in PostgreSQL's input syntax: 'lexeme':1A,7 … */
  vector: string;
  /** Tokens in the chunk, title included. */
  size: number;
}

function quote(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

class VectorBuilder {
  private readonly positions = new Map<string, string[]>();
  position = 0;
  add(lexemes: string[], weight: 'A' | ''): void {
    this.position++;
    for (const l of lexemes) {
      const list = this.positions.get(l);
      if (!list) this.positions.set(l, [`${this.position}${weight}`]);
      else if (list.length < maxPositionsPerLexeme) list.push(`${this.position}${weight}`);
    }
  }
  toString(): string {
    const parts: string[] = [];
    for (const [l, ps] of this.positions) parts.push(`${quote(l)}:${ps.join(',')}`);
    return parts.join(' ');
  }
}

/** `keywords` are indexed with the title in every chunk, and not kept in the chunk's text. */
export function buildChunks(title: string, text: string, keywords = ''): Chunk[] {
  const titleTokens = Array.from(tokens(title));
  const keywordTokens = Array.from(tokens(keywords));
  const start = () => {
    const b = new VectorBuilder();
    for (const t of titleTokens) b.add(t.lexemes, 'A');
    for (const t of keywordTokens) b.add(t.lexemes, '');
    return b;
  };
  const chunks: Chunk[] = [];
  let builder = start();
  let from = 0;
  let last = 0;
  for (const t of tokens(text)) {
    if (builder.position >= maxPositions) {
      chunks.push({ seq: chunks.length, body: text.slice(from, t.start), vector: builder.toString(), size: builder.position });
      builder = start();
      from = t.start;
    }
    builder.add(t.lexemes, '');
    last = t.end;
  }
  chunks.push({
    seq: chunks.length,
    body: text.slice(from, Math.max(last, text.length)),
    vector: builder.toString(),
    size: builder.position,
  });
  return chunks;
}
