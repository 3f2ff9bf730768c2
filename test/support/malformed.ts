import fc from 'fast-check';

// Arbitraries for the write-route property test: plausible values read off an OpenAPI (JSON
// Schema 2020-12) schema, and malformed values to put in their place.

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  minimum?: number;
  $ref?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

function deep(levels: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = wrap(v);
  return v;
}

/** What a careless or hostile client sends: impossible dates, huge numbers, wrong types, null bytes, lone surrogates, 1 MB strings, deep objects. */
export const malformedValues: readonly unknown[] = [
  '2017-02-30',
  '2019-04-31',
  '2018-13-01',
  '0000-00-00',
  '99999-12-31',
  '2018-1-1',
  '2018-02-29T25:61:00Z',
  '1e309',
  '-0',
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 63,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  1.5,
  -1,
  0,
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDFFFy',
  '\uFFFF\uFFFE',
  '\u202Eevil',
  'x'.repeat(1_000_000),
  '中'.repeat(300_000),
  'x'.repeat(10_001),
  '',
  ' ',
  '=cmd|calc',
  "'; drop table member_state; --",
  'MLI\u0000',
  null,
  true,
  false,
  [],
  {},
  [null],
  { '': null },
  { __proto__: null, constructor: { prototype: { polluted: true } } },
  deep(2_000, 'x', (inner) => ({ a: inner })),
  deep(2_000, 0, (inner) => [inner]),
  Array.from({ length: 5_000 }, (_, i) => i),
];

export const malformed = fc.constantFrom(...malformedValues);

/** Path parameters that are not what the route expects (percent-encoding broken on purpose too). */
export const malformedSegments = [
  'ZZZ',
  'mli',
  '2017-02-30',
  '%00',
  '%F0%9F',
  '%',
  '-1',
  '0',
  '99999999999999999999',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-fffffffffff',
  'x'.repeat(3_000),
  '%E2%80%AE',
  '..%2F..%2Fetc',
];

const plausibleStrings: Record<string, readonly string[]> = {
  date: ['2018-10-17', '2020-02-29', '2019-01-01'],
  email: ['someone@example.org'],
  uri: ['https://example.org/a'],
  uuid: ['7c3f2f0e-5d0a-4b8e-9f55-0c9b1b3f8a11'],
};

/** A value the schema accepts, or nearly: enums, examples, small numbers, one or two items. */
export function plausible(schema: JsonSchema, schemas: Record<string, JsonSchema>, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return plausible(schemas[schema.$ref.split('/').pop()!] ?? {}, schemas, depth);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => plausible(s, schemas, depth)));
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const types = [schema.type ?? 'object'].flat().filter((t) => t !== 'null');
  const type = types[0] ?? 'null';
  const example = schema.example ?? schema.default;
  switch (type) {
    case 'string': {
      const known = (schema.format && plausibleStrings[schema.format]) || ['MLI', 'IAEA', 'Mali', 'x'];
      return fc.constantFrom(...(example !== undefined ? [example, ...known] : known));
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: (schema.minimum ?? 0) + 3 });
    case 'number':
      return fc.constantFrom(0, 1, 2.5);
    case 'boolean':
      return fc.boolean();
    case 'array':
      if (example !== undefined) return fc.constant(example);
      return depth > 4 ? fc.constant([]) : fc.array(plausible(schema.items ?? {}, schemas, depth + 1), { maxLength: 2 });
    case 'object': {
      if (depth > 4) return fc.constant({});
      const properties = schema.properties ?? {};
      const keys = Object.keys(properties);
      if (!keys.length) return fc.constant({});
      const model = Object.fromEntries(keys.map((k) => [k, plausible(properties[k]!, schemas, depth + 1)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    default:
      return fc.constant(null);
  }
}

type Path = (string | number)[];

function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) pathsOf(v, [...at, i], out);
  } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  return out;
}

function withAt(value: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  if (!path.length) return value;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, path.at(-1)!);
  return copy;
}

export type Mutation = 'replace' | 'remove' | 'extra' | 'whole';

export interface Malformed {
  body: unknown;
  /** What was changed, for the report: `replace changes[0].infoDate`. */
  how: string;
}

/** A plausible body with one thing made wrong: a value replaced, a field removed or added, or the whole body. */
export function malformedBody(schema: JsonSchema, schemas: Record<string, JsonSchema>): fc.Arbitrary<Malformed> {
  return fc
    .tuple(
      plausible(schema, schemas),
      malformed,
      fc.nat(),
      fc.constantFrom<Mutation>('replace', 'replace', 'replace', 'remove', 'extra', 'whole'),
    )
    .map(([valid, bad, pick, mutation]) => {
      const paths = pathsOf(valid).filter((p) => p.length > 0);
      const path = paths.length ? paths[pick % paths.length]! : [];
      const name = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
      if (mutation === 'whole' || !path.length) return { body: bad, how: `whole body ${describe(bad)}` };
      if (mutation === 'remove')
        return {
          body: withAt(valid, path, (parent, key) => {
            if (Array.isArray(parent)) parent.splice(Number(key), 1);
            else delete parent[key];
          }),
          how: `remove ${name}`,
        };
      if (mutation === 'extra') {
        const into = path.slice(0, -1);
        const target = into.length ? into : [];
        const body = structuredClone(valid) as Record<string, unknown>;
        let parent: Record<string, unknown> = body;
        for (const key of target) parent = parent[key as string] as Record<string, unknown>;
        if (parent && typeof parent === 'object' && !Array.isArray(parent)) parent.unexpected = bad;
        return { body, how: `extra field beside ${name} = ${describe(bad)}` };
      }
      return {
        body: withAt(valid, path, (parent, key) => {
          parent[key] = bad;
        }),
        how: `replace ${name} with ${describe(bad)}`,
      };
    });
}

/** A short, printable account of a malformed value. */
export function describe(value: unknown): string {
  if (typeof value === 'string') {
    // JSON.stringify escapes control characters and lone surrogates already.
    const shown = value.length > 24 ? `${value.slice(0, 12)}… (${value.length} chars)` : value;
    return JSON.stringify(shown).replace(/[\u202e\uffff\ufffe]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 30)}… (${json.length} chars of JSON)` : json;
}

/**
 * Query values as a URL carries them (percent-encoded already): a NUL alone or inside a value, a
 * lone surrogate's UTF-8 bytes (which no decoder accepts), the year 0, days that do not exist, an
 * id over bigint, numbers out of range or not numbers at all, broken escapes, a long value.
 */
export const malformedQueryValues: readonly string[] = [
  '%00',
  'a%00b',
  'MLI%00',
  '%ED%A0%80',
  '%EF%BF%BF',
  '0000-01-01',
  '2018-02-30',
  '2017-02-29',
  '99999-12-31',
  '2018-13-01',
  '99999999999999999999',
  '-1',
  '1.5',
  '1e309',
  'NaN',
  '%',
  '%ZZ',
  '%E2%80%AE',
  '..%2F..%2Fetc',
  `'%3B drop table member_state%3B --`,
  'x'.repeat(3_000),
];
