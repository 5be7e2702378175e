/**
 * Differencing: two overlapping filtered views must not let anyone subtract their way to a group of
 * fewer than k farms. A view narrowed by several filters is compared with each view that has one
 * filter fewer; if any of those differs from it by 1 to k-1 farms, the farms in the difference
 * could be singled out by subtraction, so the narrower view is withheld.
 */
export function differencingRisk(farms: number, parentFarms: readonly number[], k: number): boolean {
  return parentFarms.some((parent) => {
    const difference = parent - farms;
    return difference > 0 && difference < k;
  });
}

export interface CountRange {
  from: number;
  to: number;
  farms: number;
}

/**
 * A distribution where every bar holds at least k farms: neighbouring totals are merged, from the
 * low end, until each range reaches k; a last range under k joins the one before it. With fewer
 * than k farms in all, there is nothing to show.
 */
export function coarsenHistogram(bins: readonly { total: number; farms: number }[], k: number): CountRange[] {
  const sorted = [...bins].filter((b) => b.farms > 0).sort((a, b) => a.total - b.total);
  const ranges: CountRange[] = [];
  let open: CountRange | null = null;
  for (const bin of sorted) {
    open = open
      ? { from: open.from, to: bin.total, farms: open.farms + bin.farms }
      : { from: bin.total, to: bin.total, farms: bin.farms };
    if (open.farms >= k) {
      ranges.push(open);
      open = null;
    }
  }
  if (open) {
    const last = ranges.pop();
    if (!last) return [];
    ranges.push({ from: last.from, to: open.to, farms: last.farms + open.farms });
  }
  return ranges;
}
