/**
 * Small-group suppression. Individual results are confidential: no figure computed over fewer than
 * `k` farms (default 5, as Eurostat suppresses cells of 1-4 holdings) leaves the platform, and a
 * breakdown whose total is shown must not let a suppressed group be recovered by subtraction.
 */
export const DEFAULT_MIN_GROUP_SIZE = 5;

export type Suppressed<T> = { suppressed: true; value: null } | { suppressed: false; value: T };

function assertMinGroupSize(k: number): void {
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`the minimum group size must be a whole number ≥ 1, got ${k}`);
}

function assertFarms(farms: number): void {
  if (!Number.isInteger(farms) || farms < 0) {
    throw new RangeError(`a group's farm count must be a whole number ≥ 0, got ${farms}`);
  }
}

/** A figure computed over fewer than `k` farms never leaves the platform. */
export function suppressBelow<T>(farms: number, k: number, compute: () => T): Suppressed<T> {
  if (farms < k) return { suppressed: true, value: null };
  return { suppressed: false, value: compute() };
}

/** A group's figures, shown. */
export type Disclosed<T> = T & { suppressed: false };

/**
 * A group's figures, withheld: every field is `null` (the farm count too, since "3 farms" is itself
 * a figure over fewer than k farms), except the label fields `K` named by the caller.
 */
export type Withheld<T, K extends keyof T = never> = { [P in keyof T]: P extends K ? T[P] : null } & {
  suppressed: true;
};

export type GroupFigures<T, K extends keyof T = never> = Disclosed<T> | Withheld<T, K>;

/** The field names of a group that may be kept when it is withheld: anything but its farm count. */
export type LabelKey<T> = Exclude<keyof T, "farms">;

function withhold<T extends object, K extends keyof T>(figures: T, keep: readonly K[]): Withheld<T, K> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(figures) as (keyof T & string)[]) {
    out[key] = (keep as readonly (keyof T)[]).includes(key) ? figures[key] : null;
  }
  out.suppressed = true;
  return out as Withheld<T, K>;
}

function disclose<T extends object>(figures: T): Disclosed<T> {
  return { ...figures, suppressed: false };
}

/**
 * A group summary over fewer than `k` farms (default 5) comes back with `suppressed: true` and
 * every figure `null`, its farm count included; otherwise unchanged with `suppressed: false`.
 * A group of exactly k − 1 farms is suppressed, one of exactly k is shown. Label fields named in
 * `keep` (e.g. the region of a breakdown row) survive suppression.
 */
export function suppressSummary<T extends { farms: number }, K extends LabelKey<T> = never>(
  summary: T,
  k: number = DEFAULT_MIN_GROUP_SIZE,
  keep: readonly K[] = [],
): GroupFigures<T, K> {
  assertMinGroupSize(k);
  assertFarms(summary.farms);
  return summary.farms < k ? withhold(summary, keep) : disclose(summary);
}

/**
 * Which groups of one breakdown to withhold, given their farm counts, when the breakdown's total
 * is shown. Every group under `k` farms is withheld (primary suppression); then, while the
 * withheld groups together hold some farms but fewer than `k`, the smallest shown group (the
 * first one on a tie) is withheld as well (complementary suppression). So:
 * - when exactly one non-empty group is small, the next-smallest group is withheld with it and the
 *   small one cannot be recovered by subtracting the shown groups from the total;
 * - when several groups are small but together hold fewer than `k` farms (e.g. 1 + 2 farms next to
 *   one large group), subtracting would reveal a figure over fewer than `k` farms, so shown groups
 *   are withheld until the withheld farms reach `k`; this may withhold every group;
 * - a group without farms is withheld but needs no partner: subtracting recovers nothing of a farm.
 * The total itself goes through `suppressSummary` like any group.
 */
export function complementarySuppression(
  farms: readonly number[],
  k: number = DEFAULT_MIN_GROUP_SIZE,
): boolean[] {
  assertMinGroupSize(k);
  for (const f of farms) assertFarms(f);
  const withheld = farms.map((f) => f < k);
  let withheldFarms = farms.reduce((sum, f, i) => (withheld[i] ? sum + f : sum), 0);
  while (withheldFarms > 0 && withheldFarms < k) {
    let next = -1;
    for (let i = 0; i < farms.length; i++) {
      if (withheld[i]) continue;
      if (next === -1 || (farms[i] as number) < (farms[next] as number)) next = i;
    }
    if (next === -1) break; // every group is withheld already
    withheld[next] = true;
    withheldFarms += farms[next] as number;
  }
  return withheld;
}

/**
 * Suppresses the groups of one breakdown whose total is shown (see `complementarySuppression`),
 * returning them in the same order, each shown (`suppressed: false`) or withheld with `null`
 * figures except the label fields named in `keep`.
 */
export function suppressComplementary<T extends { farms: number }, K extends LabelKey<T> = never>(
  groups: readonly T[],
  k: number = DEFAULT_MIN_GROUP_SIZE,
  keep: readonly K[] = [],
): GroupFigures<T, K>[] {
  const withheld = complementarySuppression(
    groups.map((g) => g.farms),
    k,
  );
  return groups.map((g, i) => (withheld[i] ? withhold(g, keep) : disclose(g)));
}
