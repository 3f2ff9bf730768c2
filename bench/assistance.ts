/**
 * Part of `npm run bench`, or alone: `node --import tsx bench/assistance.ts [--items 2000] [--offers 2000] [--runs 7] [--seed 1540]`
 *
 * The clearinghouse's matching engine (src/modules/assistance/matching.ts): `matchAll` over
 * `--items` request items and `--offers` offers, keeping the best 10 offers per item with their
 * reasons, as the consolidated list and the suggestions need. No database: the engine is pure.
 *
 * The data are made up but shaped like the clearinghouse's: deterministic (a seeded PRNG), items
 * from States of every regional group working in their group's languages, asking for one or two
 * paragraphs and weapon types (export and border controls and legislation most often, means of
 * delivery least), the areas that go with them plus sometimes another, and training or expert
 * advice most often; offers from 80 providers (States and organizations), broader than items
 * (one to four areas), most serving every region, some bounded in time (a few already over);
 * a track record of 0 to 40 delivered items per provider.
 *
 * Measures `--runs` runs after one warm-up: median and p95 in ms, the pairs scored, the candidates
 * and the matches kept; and, in the same run, the baseline: merely iterating the same pairs of
 * plain objects summing one field (so the ratio can be quoted). Target: under 1 s.
 * Results go to stdout and to bench/results/assistance-latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  defaultWeights,
  type MatchItem,
  type MatchOffer,
  matchAll,
  type TrackRecord,
} from '../src/features/assistance/matching/matching.ts';
import { areas, areasOfParagraph, type WeaponType, weaponTypes } from '../src/features/assistance/taxonomy.ts';
import { limit, logger, percentile, prng, timesSync } from './kit.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const log = logger('assistance');
const TARGET_MS = 1000;

const { values: args } = parseArgs({
  options: {
    items: { type: 'string', default: '2000' },
    offers: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '7' },
    seed: { type: 'string', default: '1540' },
  },
});
const itemCount = Math.max(1, Math.min(20_000, Number(args.items) || 2000));
const offerCount = Math.max(1, Math.min(20_000, Number(args.offers) || 2000));
const runs = Math.max(1, Math.min(31, Number(args.runs) || 7));
const seed = Number(args.seed) || 1540;

limit(5, log);

// -------------------------------------------------------------------------------------------------
// Deterministic data

const random = prng(seed);
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
/** One value by weight. */
function weighted<T>(table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = random() * total;
  for (const [v, w] of table) {
    x -= w;
    if (x < 0) return v;
  }
  return table.at(-1)![0];
}
/** `n` distinct values by weight. */
function some<T>(table: readonly (readonly [T, number])[], n: number): T[] {
  const out = new Set<T>();
  for (let guard = 0; out.size < Math.min(n, table.length) && guard < 100; guard++) out.add(weighted(table));
  return [...out];
}
const uniform = <T>(xs: readonly T[]) => xs.map((x) => [x, 1] as const);

const regionLanguages: Record<string, (readonly [string, number])[]> = {
  african: [
    ['fr', 4],
    ['en', 4],
    ['ar', 1],
    ['pt', 1],
  ],
  'asia-pacific': [
    ['en', 6],
    ['ar', 2],
    ['zh', 1],
    ['ru', 1],
  ],
  'eastern-european': [
    ['ru', 3],
    ['en', 3],
  ],
  'latin-american-caribbean': [
    ['es', 6],
    ['en', 2],
    ['pt', 1],
    ['fr', 1],
  ],
  'western-european-other': [
    ['en', 4],
    ['fr', 2],
    ['es', 1],
  ],
};
const regionShare = [
  ['african', 54],
  ['asia-pacific', 53],
  ['eastern-european', 23],
  ['latin-american-caribbean', 33],
  ['western-european-other', 29],
] as const;
const paragraphShare = [
  ['OP1', 1],
  ['OP2', 3],
  ['OP3a', 2],
  ['OP3b', 2],
  ['OP3c', 4],
  ['OP3d', 5],
] as const;
const weaponShare = [
  ['nuclear', 3],
  ['chemical', 3],
  ['biological', 3],
  ['delivery', 1],
] as const;
const kindShare = [
  ['training', 5],
  ['expert-advice', 4],
  ['legal-review', 2],
  ['equipment', 2],
  ['awareness', 2],
  ['visit', 1],
  ['financial', 1],
] as const;
const day = (y0: number, y1: number) => `${int(y0, y1)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;

function makeItems(n: number): MatchItem[] {
  const out: MatchItem[] = [];
  for (let k = 0; k < n; k++) {
    const region = weighted(regionShare);
    const paras = some(
      paragraphShare,
      weighted([
        [1, 3],
        [2, 1],
      ]),
    );
    const weapons = some(
      weaponShare,
      weighted([
        [1, 3],
        [2, 1],
      ]),
    ) as WeaponType[];
    const itemAreas = new Set(paras.flatMap((p) => areasOfParagraph(p, weapons[0])));
    if (random() < 0.3) itemAreas.add(areas[int(0, areas.length - 1)]!);
    out.push({
      id: `item-${String(k).padStart(5, '0')}`,
      requestId: `request-${String(Math.floor(k / 3)).padStart(5, '0')}`,
      stateIso3: `S${String(k % 193).padStart(2, '0')}`,
      region,
      languages: some(
        regionLanguages[region]!,
        weighted([
          [1, 3],
          [2, 1],
        ]),
      ),
      paragraphs: paras,
      weapons,
      areas: [...itemAreas],
      kinds: some(
        kindShare,
        weighted([
          [1, 3],
          [2, 2],
        ]),
      ),
      receivedOn: day(2012, 2024),
    });
  }
  return out;
}

function makeOffers(n: number, providers: string[]): MatchOffer[] {
  const out: MatchOffer[] = [];
  for (let k = 0; k < n; k++) {
    const from = random() < 0.5 ? null : day(2010, 2022);
    const to = from && random() < 0.6 ? `${Number(from.slice(0, 4)) + int(1, 6)}${from.slice(4)}` : null;
    out.push({
      id: `offer-${String(k).padStart(5, '0')}`,
      providerKey: providers[k % providers.length]!,
      paragraphs: some(paragraphShare, int(1, 3)),
      weapons: some(weaponShare, int(1, 3)),
      areas: some(uniform(areas), int(1, 4)),
      kinds: some(kindShare, int(1, 3)),
      regions: random() < 0.6 ? [] : some(regionShare, int(1, 2)),
      languages: some(
        [
          ['en', 8],
          ['fr', 4],
          ['es', 3],
          ['ru', 2],
          ['ar', 2],
          ['zh', 1],
          ['pt', 1],
        ],
        int(1, 3),
      ),
      periodFrom: from,
      periodTo: to,
    });
  }
  return out;
}

const providers = Array.from({ length: 80 }, (_, k) => (k < 50 ? `state:P${String(k).padStart(2, '0')}` : `organization:ORG${k}`));
const items = makeItems(itemCount);
const offers = makeOffers(offerCount, providers);
const track: TrackRecord = new Map(
  providers.map((p) => [
    p,
    Array.from({ length: int(0, 40) }, () => ({ areas: some(uniform(areas), int(1, 2)), weapons: some(uniform(weaponTypes), 1) })),
  ]),
);

// -------------------------------------------------------------------------------------------------
// Measures

let kept = 0;
let withReasons = 0;
const engine = timesSync(() => {
  const result = matchAll(items, offers, track, defaultWeights, 10);
  kept = 0;
  withReasons = 0;
  for (const list of result.values()) {
    kept += list.length;
    for (const r of list) if (r.reasons.length > 0) withReasons++;
  }
}, runs);

let sink = 0;
const baseline = timesSync(() => {
  let sum = 0;
  for (let i = 0; i < items.length; i++) for (const offer of offers) sum += offer.areas.length;
  sink += sum;
}, runs);

const pairs = items.length * offers.length;
/** The candidates (a shared area, or a shared paragraph and weapon type), counted apart with Sets. */
function shares(x: Set<string>, y: Set<string>): boolean {
  for (const c of x) if (y.has(c)) return true;
  return false;
}
const candidates = (() => {
  const sets = (xs: { areas: string[]; paragraphs: string[]; weapons: string[] }[]) =>
    xs.map((x) => ({ a: new Set(x.areas), p: new Set(x.paragraphs), w: new Set(x.weapons) }));
  const os = sets(offers);
  let n = 0;
  for (const i of sets(items)) for (const o of os) if (shares(i.a, o.a) || (shares(i.p, o.p) && shares(i.w, o.w))) n++;
  return n;
})();

const medianMs = percentile(engine, 50);
const p95Ms = percentile(engine, 95);
const baseMs = percentile(baseline, 50);
const pass = medianMs < TARGET_MS && p95Ms < TARGET_MS;
const results = {
  measure: `matchAll with reasons, ${items.length} items × ${offers.length} offers, best 10 per item`,
  runs,
  medianMs: Number(medianMs.toFixed(1)),
  p95Ms: Number(p95Ms.toFixed(1)),
  pairsScored: pairs,
  candidates,
  kept,
  withReasons,
  baseline: `iterate the ${pairs} pairs summing one field`,
  baselineMedianMs: Number(baseMs.toFixed(1)),
  ratio: Number((medianMs / baseMs).toFixed(1)),
  targetMs: TARGET_MS,
  pass,
};
console.log(`matchAll, ${items.length} items × ${offers.length} offers, reasons for the best 10 per item (${runs} runs after a warm-up)`);
console.log(`  median ${medianMs.toFixed(1)} ms, p95 ${p95Ms.toFixed(1)} ms`);
console.log(
  `  pairs scored ${pairs.toLocaleString('en')}, candidates ${candidates.toLocaleString('en')}, kept ${kept.toLocaleString('en')} (${withReasons.toLocaleString('en')} with reasons)`,
);
console.log(
  `  baseline: iterate the ${pairs.toLocaleString('en')} pairs summing one field: median ${baseMs.toFixed(1)} ms; ratio ×${(medianMs / baseMs).toFixed(1)}`,
);
console.log(
  `  target < ${TARGET_MS} ms (median and p95): ${pass ? 'PASS' : 'FAIL'}  [${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}]`,
);
if (sink === -1) console.log('');
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results', 'assistance-latest.json'),
  `${JSON.stringify({ at: new Date().toISOString(), cpus: cpus().length, loadavg: loadavg(), seed, results }, null, 2)}\n`,
);
process.exit(0);
