import { isUnspaced, tokens } from './tokenize.ts';

/**
 * A query as typed: words (all must match), "a phrase" (in this order), -word (must not match),
 * word* (any word starting so). Unspaced scripts need no quotes: 专家组访问 is a phrase of pairs.
 */
export interface ParsedQuery {
  /** PostgreSQL tsquery input, or '' when the query has nothing to search for. */
  tsquery: string;
  /** What a snippet highlights: whole lexemes, prefixes, and runs of unspaced script. */
  highlight: { lexemes: Set<string>; prefixes: string[]; runs: string[] };
}

const maxGroups = 20;

function quote(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

interface Group {
  text: string;
  negated: boolean;
}

function groupsOf(q: string): Group[] {
  const out: Group[] = [];
  const pattern = /(-?)"([^"]*)"?|(\S+)/g;
  for (const m of q.normalize('NFKC').slice(0, 500).matchAll(pattern)) {
    if (m[2] !== undefined) out.push({ text: m[2], negated: m[1] === '-' });
    else {
      const raw = m[3]!;
      const negated = raw.startsWith('-') && raw.length > 1;
      out.push({ text: negated ? raw.slice(1) : raw, negated });
    }
  }
  return out.slice(0, maxGroups);
}

/** The lexemes of one group, in order, as they must follow each other in a matching text. */
function groupTerms(text: string, highlight: ParsedQuery['highlight']): string[] {
  const terms: string[] = [];
  const prefix = /\*\s*$/.test(text);
  const list = Array.from(tokens(text));
  let run = '';
  let pairOpen = false;
  list.forEach((t, i) => {
    const first = t.lexemes[0]!;
    if (isUnspaced(first)) {
      run += first;
      if (t.lexemes[1]) {
        terms.push(quote(t.lexemes[1]));
        pairOpen = true;
      } else {
        if (!pairOpen) terms.push(quote(first));
        pairOpen = false;
        highlight.runs.push(run);
        run = '';
      }
      return;
    }
    const isLast = i === list.length - 1;
    if (prefix && isLast) {
      terms.push(`${quote(first)}:*`);
      highlight.prefixes.push(first);
    } else {
      terms.push(quote(first));
      highlight.lexemes.add(first);
    }
  });
  return terms;
}

export function parseQuery(q: string): ParsedQuery {
  const highlight: ParsedQuery['highlight'] = { lexemes: new Set(), prefixes: [], runs: [] };
  const positive: string[] = [];
  const negative: string[] = [];
  for (const g of groupsOf(q)) {
    const discard: ParsedQuery['highlight'] = { lexemes: new Set(), prefixes: [], runs: [] };
    const terms = groupTerms(g.text, g.negated ? discard : highlight);
    if (!terms.length) continue;
    const phrase = terms.length === 1 ? terms[0]! : `(${terms.join(' <-> ')})`;
    (g.negated ? negative : positive).push(phrase);
  }
  // A query of exclusions only would list everything else: it is not a search.
  if (!positive.length) return { tsquery: '', highlight };
  const tsquery = [...positive, ...negative.map((n) => `!${n}`)].join(' & ');
  return { tsquery, highlight };
}
