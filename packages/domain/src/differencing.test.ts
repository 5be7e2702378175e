import { describe, expect, it } from "vitest";
import { coarsenHistogram, differencingRisk } from "./differencing.ts";

describe("differencingRisk", () => {
  it("flags a view that differs from a wider view by 1 to k-1 farms", () => {
    // Flanders has 120 farms, Flanders ∩ Milcobel 118: the 2 farms in between could be singled out.
    expect(differencingRisk(118, [120], 5)).toBe(true);
    expect(differencingRisk(116, [120], 5)).toBe(true);
  });
  it("lets a view through that is equal to, or at least k farms away from, each wider view", () => {
    expect(differencingRisk(120, [120], 5)).toBe(false);
    expect(differencingRisk(115, [120], 5)).toBe(false);
    expect(differencingRisk(50, [300, 55], 5)).toBe(false);
  });
  it("checks every wider view", () => {
    expect(differencingRisk(50, [300, 53], 5)).toBe(true);
  });
});

describe("coarsenHistogram", () => {
  it("merges bars from the low end until each holds k farms", () => {
    // totals 0:1, 1:2, 2:3, 3:6, 4:1 with k=5 → [0..2]=6, [3..4]=7 (the last 1 joins the 6)
    expect(
      coarsenHistogram(
        [
          { total: 0, farms: 1 },
          { total: 1, farms: 2 },
          { total: 2, farms: 3 },
          { total: 3, farms: 6 },
          { total: 4, farms: 1 },
        ],
        5,
      ),
    ).toEqual([
      { from: 0, to: 2, farms: 6 },
      { from: 3, to: 4, farms: 7 },
    ]);
  });
  it("keeps bars that are large enough", () => {
    expect(
      coarsenHistogram(
        [
          { total: 2, farms: 5 },
          { total: 3, farms: 9 },
        ],
        5,
      ),
    ).toEqual([
      { from: 2, to: 2, farms: 5 },
      { from: 3, to: 3, farms: 9 },
    ]);
  });
  it("shows nothing under k farms in all", () => {
    expect(coarsenHistogram([{ total: 3, farms: 4 }], 5)).toEqual([]);
    expect(coarsenHistogram([], 5)).toEqual([]);
  });
});
