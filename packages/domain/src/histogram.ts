/**
 * The same figures as `statistics.ts`, computed from a histogram of per-farm counts instead of the
 * list of counts. The database keeps such histograms as small counters (per campaign and per
 * combination of the farm attributes we filter on); a filtered view merges a few thousand counter
 * rows, whatever the number of farms, and gets exactly the figures the list functions would give
 * (for whole-number counts, where every sum is exact; the tests check this on hand-made lists).
 */
import { ratio, share } from "./percent.ts";
import type { Quartiles, Summary } from "./statistics.ts";
import { assertProbability } from "./validate.ts";

/** `farms` farms have a count of exactly `total`. */
export interface HistogramBin {
  total: number;
  farms: number;
}

/**
 * Farms per count. Functions accept bins in any order, with repeated totals (they are added up:
 * counter rows can be passed as read) and with zero-farm bins (ignored); they return bins sorted
 * by total, one per total, without zero-farm bins.
 */
export type Histogram = readonly HistogramBin[];

function assertBin(bin: HistogramBin): void {
  if (!Number.isFinite(bin.total)) throw new RangeError(`a histogram total must be finite, got ${bin.total}`);
  if (!Number.isInteger(bin.farms) || bin.farms < 0) {
    throw new RangeError(`a histogram bin must hold a whole number of farms ≥ 0, got ${bin.farms}`);
  }
}

/** Sum several histograms (e.g. the counter rows of the attribute combinations in a filter). */
export function mergeHistograms(histograms: readonly Histogram[]): HistogramBin[] {
  const farmsByTotal = new Map<number, number>();
  for (const h of histograms) {
    for (const bin of h) {
      assertBin(bin);
      if (bin.farms === 0) continue;
      farmsByTotal.set(bin.total, (farmsByTotal.get(bin.total) ?? 0) + bin.farms);
    }
  }
  return [...farmsByTotal].map(([total, farms]) => ({ total, farms })).sort((a, b) => a.total - b.total);
}

/** The discrete histogram of a list of counts: farms per count, only counts that occur, ascending. */
export function histogram(values: readonly number[]): HistogramBin[] {
  return mergeHistograms([values.map((total) => ({ total, farms: 1 }))]);
}

/** Number of farms in a histogram. */
export function farmsInHistogram(h: Histogram): number {
  let farms = 0;
  for (const bin of h) {
    assertBin(bin);
    farms += bin.farms;
  }
  return farms;
}

/** Mean count per farm; `null` for no farms. Same as `mean` of the list. */
export function meanOfHistogram(h: Histogram): number | null {
  let sum = 0;
  let farms = 0;
  for (const bin of h) {
    assertBin(bin);
    sum += bin.total * bin.farms;
    farms += bin.farms;
  }
  return ratio(sum, farms);
}

/** The count at position `index` (0-based) of the farms sorted by count. */
function countAtRank(sorted: Histogram, index: number): number {
  let seen = 0;
  for (const bin of sorted) {
    seen += bin.farms;
    if (index < seen) return bin.total;
  }
  throw new RangeError(`rank ${index} is beyond the ${seen} farms of the histogram`);
}

function quantileOfMerged(sorted: Histogram, farms: number, p: number): number | null {
  if (farms === 0) return null;
  const h = (farms - 1) * p;
  const lo = Math.floor(h);
  const lower = countAtRank(sorted, lo);
  const fraction = h - lo;
  if (fraction === 0) return lower;
  const upper = countAtRank(sorted, lo + 1);
  return lower + fraction * (upper - lower);
}

/** The `p`-quantile, same definition (type 7) as `quantile` of the list. */
export function quantileInHistogram(h: Histogram, p: number): number | null {
  assertProbability(p);
  const sorted = mergeHistograms([h]);
  return quantileOfMerged(sorted, farmsInHistogram(sorted), p);
}

/** First quartile, median and third quartile, as `quartiles` of the list. */
export function quartilesOfHistogram(h: Histogram): Quartiles {
  const sorted = mergeHistograms([h]);
  const farms = farmsInHistogram(sorted);
  return {
    q1: quantileOfMerged(sorted, farms, 0.25),
    median: quantileOfMerged(sorted, farms, 0.5),
    q3: quantileOfMerged(sorted, farms, 0.75),
  };
}

/** Mid-rank percentile (0..100) of a count `x`, as `percentileRank` of the list. */
export function percentileRankInHistogram(h: Histogram, x: number): number | null {
  if (!Number.isFinite(x)) throw new RangeError(`cannot rank ${x}`);
  let below = 0;
  let equal = 0;
  let farms = 0;
  for (const bin of h) {
    assertBin(bin);
    farms += bin.farms;
    if (bin.total < x) below += bin.farms;
    else if (bin.total === x) equal += bin.farms;
  }
  return ratio(100 * below + 50 * equal, farms);
}

/** Fraction (0..1) of farms with a count of at least `n`, as `shareWithAtLeast` of the list. */
export function shareWithAtLeastInHistogram(h: Histogram, n: number): number | null {
  let atLeast = 0;
  let farms = 0;
  for (const bin of h) {
    assertBin(bin);
    farms += bin.farms;
    if (bin.total >= n) atLeast += bin.farms;
  }
  return share(atLeast, farms);
}

/** The figures of `Summary` from a histogram, equal to `summarize` of the list it counts. */
export function summarizeHistogram(h: Histogram): Summary {
  const sorted = mergeHistograms([h]);
  const farms = farmsInHistogram(sorted);
  return {
    farms,
    mean: meanOfHistogram(sorted),
    median: quantileOfMerged(sorted, farms, 0.5),
    q1: quantileOfMerged(sorted, farms, 0.25),
    q3: quantileOfMerged(sorted, farms, 0.75),
    shareWithAtLeastOne: shareWithAtLeastInHistogram(sorted, 1),
  };
}
