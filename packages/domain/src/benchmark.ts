/**
 * What colleagues do that a farm does not: adoption rates in a group and the suggestions drawn
 * from them. The figures shown pass through disclosure control (`disclosure.ts`).
 */
import { compareIds } from "./initiatives.ts";
import { share } from "./percent.ts";

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
