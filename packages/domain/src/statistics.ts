/**
 * Sector statistics over a list of per-farm initiative counts (one number per farm: its total, or
 * its count in one theme). This is the reference implementation: the histogram functions in
 * `histogram.ts`, which the database counters feed, are tested to give exactly the same figures.
 *
 * No function here rounds: round once, for presentation, with `round` / `asPercent`.
 */
import { ratio, share } from "./percent.ts";
import { assertProbability, assertValues } from "./validate.ts";

/** The figures shown for a group of farms; every figure is `null` for a group without farms. */
export interface Summary {
  /** Number of farms in the group. */
  farms: number;
  /** Mean initiatives per farm. */
  mean: number | null;
  /** Median (the 0.5 quantile, see `quantile`). */
  median: number | null;
  /** First quartile (the 0.25 quantile). */
  q1: number | null;
  /** Third quartile (the 0.75 quantile). */
  q3: number | null;
  /** Fraction (0..1) of farms taking at least one initiative. */
  shareWithAtLeastOne: number | null;
}

export interface Quartiles {
  q1: number | null;
  median: number | null;
  q3: number | null;
}

function sortedCopy(values: readonly number[]): number[] {
  assertValues(values);
  return [...values].sort((a, b) => a - b);
}

/** Mean count per farm; `null` for no farms. */
export function mean(values: readonly number[]): number | null {
  assertValues(values);
  let sum = 0;
  for (const v of values) sum += v;
  return ratio(sum, values.length);
}

/**
 * The `p`-quantile (0 ≤ p ≤ 1) by linear interpolation between closest ranks, Hyndman & Fan
 * type 7 (the default of R, NumPy and Excel's PERCENTILE.INC): sort the n counts as
 * x[0] ≤ … ≤ x[n-1], let h = (n − 1)·p, and return x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * So the 0-quantile is the minimum, the 1-quantile the maximum, and the median of an even number
 * of farms is the mean of the two middle counts. `null` for no farms.
 */
export function quantile(values: readonly number[], p: number): number | null {
  assertProbability(p);
  return quantileOfSorted(sortedCopy(values), p);
}

function quantileOfSorted(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const lower = sorted[lo] as number;
  const fraction = h - lo;
  if (fraction === 0) return lower;
  const upper = sorted[lo + 1] as number;
  return lower + fraction * (upper - lower);
}

/** The median (type 7 quantile at 0.5); `null` for no farms. */
export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** First quartile, median and third quartile (type 7 quantiles at 0.25, 0.5, 0.75). */
export function quartiles(values: readonly number[]): Quartiles {
  const sorted = sortedCopy(values);
  return {
    q1: quantileOfSorted(sorted, 0.25),
    median: quantileOfSorted(sorted, 0.5),
    q3: quantileOfSorted(sorted, 0.75),
  };
}

/**
 * Where a count `x` stands among the farms, as a percentage 0..100 (mid-rank): the percentage of
 * farms with a count below `x`, plus half the percentage of farms with exactly `x`. Ties are
 * therefore placed in the middle of their block: among [5, 5, 5, 5] a farm with 5 stands at 50.
 * `x` need not be one of the counts. `null` for no farms.
 *
 * Computed as ratio(100·below + 50·equal, farms): one division of whole numbers, so the result is
 * the correctly rounded value of the exact fraction.
 */
export function percentileRank(values: readonly number[], x: number): number | null {
  assertValues(values);
  if (!Number.isFinite(x)) throw new RangeError(`cannot rank ${x}`);
  let below = 0;
  let equal = 0;
  for (const v of values) {
    if (v < x) below++;
    else if (v === x) equal++;
  }
  return ratio(100 * below + 50 * equal, values.length);
}

/** Fraction (0..1) of farms with a count of at least `n`; `null` for no farms. */
export function shareWithAtLeast(values: readonly number[], n: number): number | null {
  assertValues(values);
  let atLeast = 0;
  for (const v of values) if (v >= n) atLeast++;
  return share(atLeast, values.length);
}

/** The figures of `Summary` for a list of per-farm counts. */
export function summarize(values: readonly number[]): Summary {
  const { q1, median, q3 } = quartiles(values);
  return {
    farms: values.length,
    mean: mean(values),
    median,
    q1,
    q3,
    shareWithAtLeastOne: shareWithAtLeast(values, 1),
  };
}
