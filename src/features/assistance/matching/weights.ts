// The matching engine's weights: points per reason, their defaults, and their input.
import { z } from 'zod';
import { invalid } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/values/input.ts';

/**
 * Points per reason. Every value is ≥ 0; the penalties (`regionNotServed`, `periodEnded`) are
 * subtracted. `trackRecordCap` and `limit` are whole numbers. Stored by the app as a JSON object;
 * a partial object is merged over the defaults.
 */
export interface Weights {
  /** per area the item and the offer share */
  area: number;
  /** per operative paragraph they share */
  paragraph: number;
  /** per weapon type they share */
  weapon: number;
  /** per kind of help asked for that the offer gives */
  kind: number;
  /** once, when the provider works in at least one of the State's languages */
  language: number;
  /** the offer names the State's regional group */
  region: number;
  /** the offer serves every region (names none) */
  allRegions: number;
  /** penalty: the offer names regions, not the State's */
  regionNotServed: number;
  /** per similar delivery (an item sharing an area with this one) of the same provider… */
  trackRecord: number;
  /** …counting at most this many deliveries */
  trackRecordCap: number;
  /** the offer's period covers the date of the request, or has no bounds */
  period: number;
  /** penalty: the offer's period ended before the request was received */
  periodEnded: number;
  /** a candidate scoring below this is not proposed */
  minimumScore: number;
  /** matches kept per item (or items per offer) when the caller gives no limit */
  limit: number;
}

export const defaultWeights: Readonly<Weights> = Object.freeze({
  area: 40,
  paragraph: 10,
  weapon: 10,
  kind: 15,
  language: 15,
  region: 10,
  allRegions: 5,
  regionNotServed: 20,
  trackRecord: 5,
  trackRecordCap: 3,
  period: 5,
  periodEnded: 30,
  minimumScore: 0,
  limit: 10,
});

export const weightKeys = Object.keys(defaultWeights) as (keyof Weights)[];
const wholeKeys = new Set<keyof Weights>(['trackRecordCap', 'limit']);
/** Bounds that keep every score a finite, readable number. */
const MAX_POINTS = 1_000_000;
const MAX_LIMIT = 10_000;

/**
 * The weights' input: only known keys, each a finite number ≥ 0 (at most 1,000,000);
 * `trackRecordCap` a whole number, `limit` a whole number from 1 to 10,000. Keys left out take
 * their default. Its problems name `weights.<key>`.
 */
function weightProblem(key: keyof Weights, v: unknown): string | null {
  if (typeof v !== 'number') return `is not a number (got ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v})`;
  if (!Number.isFinite(v)) return 'is not a finite number';
  if (v < 0) return `is negative (${v}); weights are points ≥ 0, penalties are subtracted`;
  if (v > MAX_POINTS) return `is more than ${MAX_POINTS}`;
  if (wholeKeys.has(key) && !Number.isInteger(v)) return `is not a whole number (${v})`;
  if (key === 'limit' && (v < 1 || v > MAX_LIMIT)) return `must be from 1 to ${MAX_LIMIT}`;
  return null;
}

const weight = (key: keyof Weights) =>
  z
    .unknown()
    .superRefine((v, ctx) => {
      const problem = weightProblem(key, v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((v) => v as number)
    .optional();

export const weightsInput = z.object({
  weights: z
    .object(
      Object.fromEntries(weightKeys.map((k) => [k, weight(k)])) as Record<keyof Weights, ReturnType<typeof weight>>,
      'is not a JSON object of weights',
    )
    .catchall(
      z.unknown().superRefine((_, ctx) => {
        ctx.addIssue({ code: 'custom', message: `is not a known weight; the weights are ${weightKeys.join(', ')}` });
      }),
    ),
});

/** Weights given as a JSON object (or its text), checked, merged over the defaults. */
export function parseWeights(input: unknown): Weights {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (err) {
      throw invalid([{ field: 'weights', problem: `is not JSON: ${(err as Error).message}` }]);
    }
  }
  if (value === undefined || value === null) return { ...defaultWeights };
  const { weights } = parseInput(weightsInput, { weights: value });
  const out: Weights = { ...defaultWeights };
  for (const k of weightKeys) if (typeof weights[k] === 'number') out[k] = weights[k];
  return out;
}
