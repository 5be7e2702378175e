import {
  type DisclosureContext,
  fixedBins,
  MEASURE,
  measureNoise,
  type ProtectedBin,
  protectedMean,
  protectedQuartiles,
  protectedShare,
  protectFarms,
} from "./disclosure.ts";
import type { Histogram } from "./histogram.ts";
import { round } from "./percent.ts";

/**
 * The figures shown about one group's initiative totals, every one through disclosure control:
 * the farm count, the mean from the protected sum and count, the share with at least one
 * initiative, and the median and quartiles from the protected fixed-width bins.
 */
export interface ProtectedSummary {
  farms: number | null;
  mean: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  shareWithAtLeastOne: number | null;
  suppressed: boolean;
  /** The bins as shown: a bin of fewer than k farms is withheld. */
  bins: ProtectedBin[];
  /**
   * Every bin with its noisy count, withheld or not (never shown): quantiles and a farm's position
   * are read from these, so small bins still count, each hidden by its own noise.
   */
  positionBins: ProtectedBin[];
}

/**
 * `series` names a second histogram of the same farms (e.g. "comparable"): its figures get measure
 * names of their own, so one figure never has two draws.
 */
export function protectedSummary(
  histogram: Histogram,
  ctx: DisclosureContext,
  maxTotal: number,
  series = "",
): ProtectedSummary {
  const prefix = series ? `${series}:` : "";
  const farms = protectFarms(ctx);
  if (farms.suppressed)
    return {
      farms: null,
      mean: null,
      median: null,
      q1: null,
      q3: null,
      shareWithAtLeastOne: null,
      suppressed: true,
      bins: [],
      positionBins: [],
    };
  const sum = histogram.reduce((s, b) => s + b.total * b.farms, 0);
  const atLeastOne = histogram.reduce((s, b) => s + (b.total >= 1 ? b.farms : 0), 0);
  const bins = fixedBins(histogram, maxTotal, ctx, `${prefix}bin`);
  const positionBins = noisyBins(histogram, bins, ctx, `${prefix}bin`);
  return {
    farms: farms.value,
    mean: protectedMean(sum, ctx.farms, ctx, `${prefix}${MEASURE.sumTotal}`).value,
    shareWithAtLeastOne: protectedShare(atLeastOne, ctx.farms, ctx, `${prefix}atLeastOne`).value,
    ...protectedQuartiles(positionBins),
    suppressed: false,
    bins,
    positionBins,
  };
}

/** The fixed bins with the noise of their own measure (as when shown), small counts included. */
function noisyBins(
  histogram: Histogram,
  bins: readonly ProtectedBin[],
  ctx: DisclosureContext,
  prefix: string,
): ProtectedBin[] {
  return bins.map((bin) => {
    const count = histogram.reduce((n, b) => n + (b.total >= bin.lo && b.total <= bin.hi ? b.farms : 0), 0);
    const measure = `${prefix}:${bin.lo}-${bin.hi}`;
    return {
      lo: bin.lo,
      hi: bin.hi,
      value: Math.max(0, count + measureNoise(ctx, measure, "count")),
      suppressed: false,
    };
  });
}

/**
 * Where a total stands in a protected distribution: the share of shown farms below it, half of its
 * own bin counted below (mid-rank within the bin), as a percentage with 1 decimal.
 */
export function protectedPercentile(total: number, bins: readonly ProtectedBin[]): number | null {
  const shown = bins.reduce((s, b) => s + (b.value ?? 0), 0);
  if (!shown) return null;
  let below = 0;
  for (const bin of bins) {
    const farms = bin.value ?? 0;
    if (total > bin.hi) below += farms;
    else if (total >= bin.lo) below += farms * ((total - bin.lo + 0.5) / (bin.hi - bin.lo + 1));
  }
  return round((100 * below) / shown, 1);
}
