import { describe, expect, it } from "vitest";
import { histogram } from "./histogram.ts";
import {
  mean,
  median,
  percentileRank,
  quantile,
  quartiles,
  shareWithAtLeast,
  summarize,
} from "./statistics.ts";

// Hand-made fixtures. Quantiles are type 7: sort, h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
const ODD = [7, 1, 3, 9, 5]; // sorted 1 3 5 7 9, n = 5, h = 4p
const EVEN = [42, 4, 16, 8, 23, 15]; // sorted 4 8 15 16 23 42, n = 6, h = 5p
const SECTOR = [0, 9, 12, 20, 21, 22, 25, 30, 0, 18]; // sorted 0 0 9 12 18 20 21 22 25 30, n = 10, h = 9p
const TIES = [5, 2, 5, 9, 5]; // sorted 2 5 5 5 9

describe("mean", () => {
  it("is the total initiatives over the farms", () => {
    expect(mean(ODD)).toBe(5); // 25 / 5
    expect(mean(EVEN)).toBe(18); // 108 / 6
    expect(mean(SECTOR)).toBe(15.7); // 157 / 10
  });
  it("is null without farms", () => {
    expect(mean([])).toBeNull();
  });
  it("refuses a count that is not a number", () => {
    expect(() => mean([1, Number.NaN])).toThrow(RangeError);
  });
});

describe("quantile (type 7)", () => {
  it("on an odd number of farms", () => {
    expect(median(ODD)).toBe(5); // h = 2 -> x[2]
    expect(quartiles(ODD)).toEqual({ q1: 3, median: 5, q3: 7 }); // h = 1 and h = 3
    expect(quantile(ODD, 0.1)).toBeCloseTo(1.8, 12); // h = 0.4 -> 1 + 0.4 × (3 − 1)
    expect(quantile(ODD, 0)).toBe(1); // the minimum
    expect(quantile(ODD, 1)).toBe(9); // the maximum
  });
  it("on an even number of farms", () => {
    expect(median(EVEN)).toBe(15.5); // h = 2.5 -> 15 + 0.5 × (16 − 15)
    // q1: h = 1.25 -> 8 + 0.25 × (15 − 8) = 9.75; q3: h = 3.75 -> 16 + 0.75 × (23 − 16) = 21.25
    expect(quartiles(EVEN)).toEqual({ q1: 9.75, median: 15.5, q3: 21.25 });
    // median: h = 4.5 -> 18 + 0.5 × 2 = 19; q1: h = 2.25 -> 9 + 0.25 × 3 = 9.75; q3: h = 6.75 -> 21 + 0.75 × 1
    expect(quartiles(SECTOR)).toEqual({ q1: 9.75, median: 19, q3: 21.75 });
    expect(quartiles([0, 0, 2, 10])).toEqual({ q1: 0, median: 1, q3: 4 }); // h = 0.75, 1.5, 2.25
  });
  it("on ties", () => {
    expect(quartiles(TIES)).toEqual({ q1: 5, median: 5, q3: 5 });
  });
  it("for a single farm, every quantile is its count", () => {
    expect(quartiles([7])).toEqual({ q1: 7, median: 7, q3: 7 });
    expect(quantile([7], 0.9)).toBe(7);
  });
  it("is null without farms, and refuses a probability outside 0..1", () => {
    expect(quartiles([])).toEqual({ q1: null, median: null, q3: null });
    expect(median([])).toBeNull();
    expect(() => quantile(ODD, 1.5)).toThrow(RangeError);
    expect(() => quantile(ODD, Number.NaN)).toThrow(RangeError);
  });
  it("does not reorder the caller's list", () => {
    const values = [3, 1, 2];
    quartiles(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("percentileRank (mid-rank)", () => {
  it("counts the farms below plus half of those equal", () => {
    // TIES = 2 5 5 5 9: for 5, 1 below and 3 equal -> (1 + 3/2) / 5 = 50%
    expect(percentileRank(TIES, 5)).toBe(50);
    expect(percentileRank(TIES, 2)).toBe(10); // (0 + 1/2) / 5
    expect(percentileRank(TIES, 9)).toBe(90); // (4 + 1/2) / 5
    expect(percentileRank(TIES, 6)).toBe(80); // not a count of the list: 4 below, none equal
    expect(percentileRank(TIES, 0)).toBe(0);
    expect(percentileRank(TIES, 100)).toBe(100);
  });
  it("puts a block of ties in its middle", () => {
    const values = [1, 1, 2, 2, 2, 2, 3, 3];
    expect(percentileRank(values, 1)).toBe(12.5); // (0 + 2/2) / 8
    expect(percentileRank(values, 2)).toBe(50); // (2 + 4/2) / 8
    expect(percentileRank(values, 3)).toBe(87.5); // (6 + 2/2) / 8
    expect(percentileRank([4, 4, 4, 4], 4)).toBe(50); // everyone equal: the middle
  });
  it("gives a whole-number fraction to the nearest double", () => {
    // SECTOR sorted 0 0 9 12 18 20 21 22 25 30: for 21, 6 below and 1 equal -> 6.5 / 10 = 65%
    expect(percentileRank(SECTOR, 21)).toBe(65);
    expect(percentileRank([1, 2, 3], 1)).toBeCloseTo(16.6667, 4); // 0.5 / 3
  });
  it("for a single farm and without farms", () => {
    expect(percentileRank([7], 7)).toBe(50);
    expect(percentileRank([7], 8)).toBe(100);
    expect(percentileRank([7], 6)).toBe(0);
    expect(percentileRank([], 3)).toBeNull();
  });
});

describe("shareWithAtLeast", () => {
  it("is the fraction of farms with at least n initiatives", () => {
    expect(shareWithAtLeast(EVEN, 16)).toBe(0.5); // 16, 23, 42 of 6
    expect(shareWithAtLeast(EVEN, 0)).toBe(1);
    expect(shareWithAtLeast(EVEN, 43)).toBe(0);
    expect(shareWithAtLeast(SECTOR, 1)).toBe(0.8); // 8 of 10 take one or more
    expect(shareWithAtLeast([], 1)).toBeNull();
  });
});

describe("histogram", () => {
  it("counts farms per total, ascending, only totals that occur", () => {
    expect(histogram(TIES)).toEqual([
      { total: 2, farms: 1 },
      { total: 5, farms: 3 },
      { total: 9, farms: 1 },
    ]);
    expect(histogram([0, 0, 0])).toEqual([{ total: 0, farms: 3 }]);
    expect(histogram([])).toEqual([]);
  });
});

describe("summarize", () => {
  it("gives the sector figures", () => {
    expect(summarize(SECTOR)).toEqual({
      farms: 10,
      mean: 15.7,
      median: 19,
      q1: 9.75,
      q3: 21.75,
      shareWithAtLeastOne: 0.8,
    });
  });
  it("gives null figures for an empty group", () => {
    expect(summarize([])).toEqual({
      farms: 0,
      mean: null,
      median: null,
      q1: null,
      q3: null,
      shareWithAtLeastOne: null,
    });
  });
  it("for a single farm", () => {
    expect(summarize([7])).toEqual({ farms: 1, mean: 7, median: 7, q1: 7, q3: 7, shareWithAtLeastOne: 1 });
  });
  it("when no farm takes any initiative", () => {
    expect(summarize([0, 0, 0])).toEqual({
      farms: 3,
      mean: 0,
      median: 0,
      q1: 0,
      q3: 0,
      shareWithAtLeastOne: 0,
    });
    expect(percentileRank([0, 0, 0], 0)).toBe(50);
    expect(percentileRank([0, 0, 0], 1)).toBe(100);
  });
});
