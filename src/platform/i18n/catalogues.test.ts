// Checks the message catalogues of the five languages other than English against en.json:
// the project's rule is that a test fails when a catalogue lacks a key that English has.
// Each message must also be valid ICU MessageFormat for its locale, use the same arguments as
// English, and give each plural the categories its language needs (CLDR rules through Intl).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IntlMessageFormat } from 'intl-messageformat';
import ar from './catalogues/ar.json' with { type: 'json' };
import en from './catalogues/en.json' with { type: 'json' };
import es from './catalogues/es.json' with { type: 'json' };
import fr from './catalogues/fr.json' with { type: 'json' };
import ru from './catalogues/ru.json' with { type: 'json' };
import zh from './catalogues/zh.json' with { type: 'json' };
import { type MessageKey, Messages, catalogue } from './i18n.ts';
import type { Locale } from './locales.ts';

type Catalogue = Record<string, string>;
type Translated = Exclude<Locale, 'en'>;

const english: Catalogue = en;
const translations: Record<Translated, Catalogue> = { ar, zh, fr, ru, es };

const COUNTS = [0, 1, 2, 3, 5, 11, 21, 100];
const SAMPLE = { name: 'Mali', date: '28 December 2018', minutes: 15 };

/**
 * The parts of the parser's AST (@formatjs/icu-messageformat-parser) this test reads.
 * Element types: 0 literal, 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural,
 * 7 pound (#), 8 tag. Types 1 to 6 name an argument in `value`.
 */
interface AstNode {
  type: number;
  value?: unknown;
  options?: Record<string, { value: AstNode[] }>;
  pluralType?: 'cardinal' | 'ordinal';
  children?: AstNode[];
}

interface Shape {
  /** argument name → AST element type, e.g. count → 6 (plural), name → 1 (plain argument) */
  args: Map<string, number>;
  /** one entry per plural: its argument, its exact selectors (=0) and its categories (one, few…) */
  plurals: { arg: string; exact: string[]; categories: string[] }[];
}

function shapeOf(elements: AstNode[], shape: Shape = { args: new Map(), plurals: [] }): Shape {
  for (const el of elements) {
    if (el.type >= 1 && el.type <= 6 && typeof el.value === 'string') shape.args.set(el.value, el.type);
    if (el.options) {
      const selectors = Object.keys(el.options);
      if (el.pluralType && typeof el.value === 'string') {
        shape.plurals.push({
          arg: el.value,
          exact: selectors.filter((s) => s.startsWith('=')).sort(),
          categories: selectors.filter((s) => !s.startsWith('=')).sort(),
        });
      }
      for (const option of Object.values(el.options)) shapeOf(option.value, shape);
    }
    if (el.children) shapeOf(el.children, shape);
  }
  return shape;
}

function tryParse(message: string, locale: Locale, options?: { ignoreTag: boolean }): IntlMessageFormat | Error {
  try {
    return new IntlMessageFormat(message, locale, undefined, options);
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

function astOf(mf: IntlMessageFormat): AstNode[] {
  return mf.getAst() as unknown as AstNode[];
}

/**
 * English messages that intl-messageformat rejects. Today that is account.tokensHelp, whose
 * “Bearer <token>” reads as an unclosed rich-text tag. Messages.t never parses such a message
 * (it has no `{` and is used without values, so it is returned as written), and its
 * translations must be usable the same way.
 */
const verbatimOnly = new Set(Object.keys(english).filter((key) => tryParse(english[key]!, 'en') instanceof Error));

const englishShapes = new Map<string, Shape>();
for (const [key, message] of Object.entries(english)) {
  const mf = tryParse(message, 'en', { ignoreTag: verbatimOnly.has(key) });
  if (mf instanceof Error) throw new Error(`en.json: ${key} does not parse: ${mf.message}`);
  englishShapes.set(key, shapeOf(astOf(mf)));
}

/**
 * Values for every argument an English message uses, by its kind: a number for plurals and
 * numbers, a date for dates and times, `other` for selects, a name otherwise. `count` takes the
 * value under test.
 */
function sampleFor(key: string, count: number): Record<string, unknown> {
  const values: Record<string, unknown> = { ...SAMPLE, count };
  for (const [arg, type] of englishShapes.get(key)?.args ?? []) {
    if (arg === 'count' || arg in SAMPLE) continue;
    values[arg] =
      type === 2 || type === 6 ? count : type === 3 || type === 4 ? new Date(Date.UTC(2018, 11, 28)) : type === 5 ? 'other' : 'Mali';
  }
  return values;
}

/** The plural categories an integer count can fall in, plus `other`, which ICU requires. */
function neededCategories(locale: Locale): string[] {
  const rules = new Intl.PluralRules(locale);
  const needed = new Set(['other']);
  for (let n = 0; n <= 1000; n++) needed.add(rules.select(n));
  return [...needed].sort();
}

function fail(locale: Translated, problem: string, items: string[]): void {
  assert.fail(`${locale}.json: ${problem} (${items.length}):\n  ${items.join('\n  ')}`);
}

const keysOfEnglish = Object.keys(english);

for (const [locale, messages] of Object.entries(translations) as [Translated, Catalogue][]) {
  test(`${locale}.json against en.json`, async (t) => {
    const keys = Object.keys(messages);
    // Only keys both catalogues have are checked further, so each problem is reported once.
    const common = keysOfEnglish.filter((key) => key in messages);

    await t.test('has every key that English has', () => {
      const missing = keysOfEnglish.filter((key) => !(key in messages));
      if (missing.length > 0) fail(locale, 'keys that en.json has and this catalogue lacks', missing);
    });

    await t.test('has no key that English does not have', () => {
      const extra = keys.filter((key) => !(key in english));
      if (extra.length > 0) fail(locale, 'keys that en.json does not have', extra);
    });

    await t.test('keeps the keys in the order of en.json', () => {
      assert.deepEqual(
        keys.filter((key) => key in english),
        common,
      );
    });

    await t.test('has no empty message', () => {
      const empty = keys.filter((key) => typeof messages[key] !== 'string' || messages[key]!.trim() === '');
      if (empty.length > 0) fail(locale, 'empty messages', empty);
    });

    await t.test('every message parses and formats with sample values', () => {
      const problems: string[] = [];
      for (const key of common) {
        const message = messages[key]!;
        if (message.trim() === '') continue; // reported by the check for empty messages
        if (verbatimOnly.has(key)) {
          // Shown as written, like its English original: it must not need the parser.
          if (message.includes('{')) problems.push(`${key}: has a placeholder, but en.json's message is shown verbatim`);
          const mf = tryParse(message, locale, { ignoreTag: true });
          if (mf instanceof Error) problems.push(`${key}: ${mf.message}`);
          continue;
        }
        const mf = tryParse(message, locale);
        if (mf instanceof Error) {
          problems.push(`${key}: does not parse: ${mf.message}`);
          continue;
        }
        for (const count of COUNTS) {
          try {
            const out = mf.format(sampleFor(key, count));
            if (typeof out === 'string' && out.trim() !== '') continue;
            problems.push(`${key}: empty output for count ${count}`);
          } catch (err) {
            problems.push(`${key}: does not format with count ${count}: ${(err as Error).message}`);
          }
          break; // one problem per message is enough
        }
      }
      if (problems.length > 0) fail(locale, 'messages that do not parse or format', problems);
    });

    await t.test('every message uses the same arguments as English, of the same kind', () => {
      const problems: string[] = [];
      for (const key of common) {
        const mf = tryParse(messages[key]!, locale, { ignoreTag: verbatimOnly.has(key) });
        if (mf instanceof Error) continue; // reported by the parsing check
        const theirs = shapeOf(astOf(mf)).args;
        const ours = englishShapes.get(key)!.args;
        const names = (args: Map<string, number>) => [...args.keys()].sort().join(', ') || '(none)';
        if (names(theirs) !== names(ours)) {
          problems.push(`${key}: arguments {${names(theirs)}}, English has {${names(ours)}}`);
          continue;
        }
        for (const [name, type] of ours) {
          if (theirs.get(name) !== type) problems.push(`${key}: {${name}} is of type ${theirs.get(name)}, in English ${type}`);
        }
      }
      if (problems.length > 0) fail(locale, 'messages whose arguments differ from English', problems);
    });

    await t.test(`plurals use the categories of ${locale} and keep English's exact matches`, () => {
      const allowed = new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[]);
      const needed = neededCategories(locale);
      const problems: string[] = [];
      for (const key of common) {
        const mf = tryParse(messages[key]!, locale, { ignoreTag: verbatimOnly.has(key) });
        if (mf instanceof Error) continue;
        const theirs = shapeOf(astOf(mf)).plurals;
        const ours = englishShapes.get(key)!.plurals;
        for (const plural of theirs) {
          const unknown = plural.categories.filter((c) => !allowed.has(c));
          const lacking = needed.filter((c) => !plural.categories.includes(c));
          if (unknown.length > 0) problems.push(`${key}: {${plural.arg}} has categories ${locale} does not use: ${unknown.join(', ')}`);
          if (lacking.length > 0) problems.push(`${key}: {${plural.arg}} lacks categories: ${lacking.join(', ')}`);
          const original = ours.find((p) => p.arg === plural.arg);
          // A language keeps English's exact matches; it may add its own (Chinese writes small counts in words: =4 {四次}).
          const dropped = original ? original.exact.filter((e) => !plural.exact.includes(e)) : [];
          if (dropped.length > 0) {
            problems.push(`${key}: {${plural.arg}} has exact matches [${plural.exact}], English has [${original!.exact}]`);
          }
        }
      }
      if (problems.length > 0) fail(locale, 'plurals with wrong categories', problems);
    });

    await t.test('Messages.t gives every message in this language, without falling back', () => {
      const m = new Messages(locale);
      const problems: string[] = [];
      for (const key of common as MessageKey[]) {
        try {
          const out = verbatimOnly.has(key) ? m.t(key) : m.t(key, sampleFor(key, 2) as Parameters<typeof m.t>[1]);
          if (out.trim() === '') problems.push(`${key}: empty`);
        } catch (err) {
          problems.push(`${key}: ${(err as Error).message}`);
        }
      }
      if (problems.length > 0) fail(locale, 'messages that Messages.t cannot give', problems);
      assert.deepEqual([...m.missing], [], 'Messages.t fell back to English');
    });
  });
}

test('Messages falls back to English for a key the catalogue lacks, and records it in missing', () => {
  const live = catalogue('fr');
  const plain: MessageKey = 'states.filter';
  const counted: MessageKey = 'states.count';
  // Deleting and re-adding keys would move them to the end: restore the whole object in order.
  const saved = Object.entries(live);
  try {
    delete live[plain];
    delete live[counted];
    const m = new Messages('fr');
    assert.equal(m.t('states.title'), translations.fr['states.title']);
    assert.deepEqual([...m.missing], []);
    assert.equal(m.t(plain), en[plain]);
    assert.equal(m.t(counted, { count: 2 }), '2 States');
    assert.equal(m.t(counted, { count: 0 }), 'No State');
    assert.deepEqual([...m.missing].sort(), [plain, counted].sort());
  } finally {
    for (const key of Object.keys(live) as MessageKey[]) delete live[key];
    for (const [key, message] of saved) live[key as MessageKey] = message;
  }
  // Restored: the next request reads French again and records nothing.
  const after = new Messages('fr');
  assert.equal(after.t(plain), translations.fr[plain]);
  assert.equal(after.t(counted, { count: 2 }), '2 États');
  assert.deepEqual([...after.missing], []);
  assert.deepEqual(Object.keys(live), Object.keys(translations.fr));
});
