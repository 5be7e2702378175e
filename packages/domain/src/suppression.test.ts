import { describe, expect, it } from "vitest";
import { summarize } from "./statistics.ts";
import {
  complementarySuppression,
  DEFAULT_MIN_GROUP_SIZE,
  suppressBelow,
  suppressComplementary,
  suppressSummary,
} from "./suppression.ts";

const WITHHELD = {
  suppressed: true,
  farms: null,
  mean: null,
  median: null,
  q1: null,
  q3: null,
  shareWithAtLeastOne: null,
};

describe("suppressSummary", () => {
  it("withholds every figure of a group of k − 1 farms, its farm count too", () => {
    expect(suppressSummary(summarize([1, 2, 3, 4]), 5)).toEqual(WITHHELD);
  });
  it("shows a group of exactly k farms", () => {
    // 1 2 3 4 5: mean 3, h = 4p -> q1 2, median 3, q3 4
    expect(suppressSummary(summarize([1, 2, 3, 4, 5]), 5)).toEqual({
      suppressed: false,
      farms: 5,
      mean: 3,
      median: 3,
      q1: 2,
      q3: 4,
      shareWithAtLeastOne: 1,
    });
  });
  it("uses 5 farms unless told otherwise", () => {
    expect(DEFAULT_MIN_GROUP_SIZE).toBe(5);
    expect(suppressSummary(summarize([1, 2, 3, 4])).suppressed).toBe(true);
    expect(suppressSummary(summarize([1, 2, 3, 4, 5])).suppressed).toBe(false);
  });
  it("takes another k", () => {
    expect(suppressSummary(summarize([1, 2]), 3)).toEqual(WITHHELD);
    expect(suppressSummary(summarize([1, 2, 3]), 3).suppressed).toBe(false);
  });
  it("withholds an empty group and a single farm", () => {
    expect(suppressSummary(summarize([]))).toEqual(WITHHELD);
    expect(suppressSummary(summarize([7]))).toEqual(WITHHELD);
  });
  it("keeps the labels it is told to keep", () => {
    expect(suppressSummary({ region: "Wallonia", farms: 2, mean: 4 }, 5, ["region"])).toEqual({
      region: "Wallonia",
      farms: null,
      mean: null,
      suppressed: true,
    });
  });
  it("refuses a meaningless group size", () => {
    expect(() => suppressSummary(summarize([1]), 0)).toThrow(RangeError);
    expect(() => suppressSummary(summarize([1]), 2.5)).toThrow(RangeError);
  });
});

describe("suppressBelow", () => {
  it("still guards a single figure", () => {
    expect(suppressBelow(4, 5, () => 4)).toEqual({ suppressed: true, value: null });
    expect(suppressBelow(5, 5, () => 5)).toEqual({ suppressed: false, value: 5 });
  });
});

describe("complementarySuppression", () => {
  it("withholds the next-smallest group when exactly one group is small", () => {
    // 3 < 5 is withheld; else 3 = total 80 − 40 − 25 − 12. So 12, the next smallest, goes too.
    expect(complementarySuppression([40, 3, 25, 12], 5)).toEqual([false, true, false, true]);
  });
  it("withholds nothing when no group is small", () => {
    expect(complementarySuppression([10, 20, 5], 5)).toEqual([false, false, false]);
    expect(complementarySuppression([], 5)).toEqual([]);
  });
  it("withholds a group of exactly k − 1 and shows one of exactly k", () => {
    // 4 is withheld; 5 is the next smallest and goes with it.
    expect(complementarySuppression([4, 5, 100], 5)).toEqual([true, true, false]);
    expect(complementarySuppression([5, 6, 100], 5)).toEqual([false, false, false]);
  });
  it("when all but one group are small and together hold at least k farms, shows the large one", () => {
    // 1 + 2 + 3 = 6 ≥ 5: subtracting gives the 6 farms together, not one group.
    expect(complementarySuppression([1, 2, 3, 100], 5)).toEqual([true, true, true, false]);
  });
  it("when all but one group are small and together hold fewer than k farms, withholds all", () => {
    // 1 + 2 = 3 < 5: total − 100 would be a figure over 3 farms.
    expect(complementarySuppression([1, 2, 100], 5)).toEqual([true, true, true]);
    expect(complementarySuppression([1, 100], 5)).toEqual([true, true]);
    expect(complementarySuppression([3], 5)).toEqual([true]);
  });
  it("adds the smallest shown groups until the withheld farms reach k", () => {
    // 2 + 2 = 4 < 5: add the smallest shown group, 8.
    expect(complementarySuppression([2, 2, 30, 8, 50], 5)).toEqual([true, true, false, true, false]);
  });
  it("takes the first group on a tie for the next smallest", () => {
    expect(complementarySuppression([3, 9, 9], 5)).toEqual([true, true, false]);
  });
  it("needs no partner for a group without farms, but does not count it as one", () => {
    expect(complementarySuppression([0, 50, 60], 5)).toEqual([true, false, false]);
    // 0 and 3 are small, but only the 3 holds farms: without a partner, 3 = total − 50 − 60.
    expect(complementarySuppression([0, 3, 50, 60], 5)).toEqual([true, true, true, false]);
  });
});

describe("suppressComplementary", () => {
  it("returns the breakdown in order, withheld rows with null figures but their labels", () => {
    const byRegion = [
      { region: "Flanders", farms: 40, mean: 21 },
      { region: "East Belgium", farms: 3, mean: 17 },
      { region: "Wallonia", farms: 25, mean: 19 },
      { region: "Netherlands", farms: 12, mean: 23 },
    ];
    expect(suppressComplementary(byRegion, 5, ["region"])).toEqual([
      { region: "Flanders", farms: 40, mean: 21, suppressed: false },
      { region: "East Belgium", farms: null, mean: null, suppressed: true },
      { region: "Wallonia", farms: 25, mean: 19, suppressed: false },
      { region: "Netherlands", farms: null, mean: null, suppressed: true },
    ]);
  });
  it("withholds labels too unless told to keep them", () => {
    expect(suppressComplementary([{ region: "Flanders", farms: 1 }])).toEqual([
      { region: null, farms: null, suppressed: true },
    ]);
  });
});
