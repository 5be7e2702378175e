/**
 * A farmer's benchmark: where the farm stands among its colleagues, and what colleagues do that
 * it does not. The comparison group must hold at least k farms (see `suppression.ts`) before any
 * of its figures, adoption rates or suggestions are shown.
 */
import { type Histogram, percentileRankInHistogram, summarizeHistogram } from "./histogram.ts";
import { compareIds } from "./initiatives.ts";
import { share } from "./percent.ts";
import type { Summary } from "./statistics.ts";
import { DEFAULT_MIN_GROUP_SIZE, type GroupFigures, suppressSummary } from "./suppression.ts";

/** How many farms of a group take one initiative, and their share (0..1; `null` for no farms). */
export interface Adoption {
  initiativeId: string;
  farms: number;
  rate: number | null;
}

/**
 * The adoption rate of each initiative: the share of the group's `farms` that take it, sorted by
 * initiative id. `counts` maps an initiative id to the number of farms taking it (the per-initiative
 * counters); initiatives nobody takes may be listed with 0 or left out.
 */
export function adoptionRates(counts: Readonly<Record<string, number>>, farms: number): Adoption[] {
  return Object.entries(counts)
    .map(([initiativeId, taking]) => ({ initiativeId, farms: taking, rate: share(taking, farms) }))
    .sort((a, b) => compareIds(a.initiativeId, b.initiativeId));
}

/**
 * "What colleagues do": the initiatives of the comparison group that this farm does not take, most
 * adopted first (rate descending, then initiative id ascending), at most `limit` of them.
 * Initiatives no colleague takes (rate 0 or `null`) are not suggestions.
 */
export function suggestions<T extends { initiativeId: string; rate: number | null }>(
  farmInitiatives: readonly string[],
  adoption: readonly T[],
  limit: number,
): T[] {
  if (!Number.isInteger(limit) || limit < 0)
    throw new RangeError(`limit must be a whole number ≥ 0, got ${limit}`);
  const taken = new Set(farmInitiatives);
  return adoption
    .filter((a) => a.rate !== null && a.rate > 0 && !taken.has(a.initiativeId))
    .sort((a, b) => (b.rate as number) - (a.rate as number) || compareIds(a.initiativeId, b.initiativeId))
    .slice(0, limit);
}

export interface FarmBenchmark {
  /** The farm's own count (its own figure: always shown to the farm). */
  farmTotal: number;
  /** The comparison group's figures, withheld when it has fewer than k farms. */
  group: GroupFigures<Summary>;
  /** Mid-rank percentile (0..100) of the farm in the group; `null` when the group is withheld. */
  percentileRank: number | null;
}

/**
 * A farm's benchmark against a comparison group given as a histogram (which should include the
 * farm itself): the group's summary and the farm's percentile rank, both withheld below `k` farms.
 */
export function farmBenchmark(
  farmTotal: number,
  group: Histogram,
  k: number = DEFAULT_MIN_GROUP_SIZE,
): FarmBenchmark {
  const figures = suppressSummary(summarizeHistogram(group), k);
  return {
    farmTotal,
    group: figures,
    percentileRank: figures.suppressed ? null : percentileRankInHistogram(group, farmTotal),
  };
}
