import { describe, expect, it } from "vitest";
import {
  farmsInHistogram,
  type HistogramBin,
  histogram,
  meanOfHistogram,
  mergeHistograms,
  percentileRankInHistogram,
  quantileInHistogram,
  quartilesOfHistogram,
  shareWithAtLeastInHistogram,
  summarizeHistogram,
} from "./histogram.ts";
import { mean, percentileRank, quantile, quartiles, shareWithAtLeast, summarize } from "./statistics.ts";

// Hand-made lists (the same as in statistics.test.ts, plus edge cases).
const LISTS: Record<string, number[]> = {
  odd: [7, 1, 3, 9, 5],
  even: [42, 4, 16, 8, 23, 15],
  sector: [0, 9, 12, 20, 21, 22, 25, 30, 0, 18],
  ties: [5, 2, 5, 9, 5],
  blocks: [1, 1, 2, 2, 2, 2, 3, 3],
  twoBlocks: [0, 0, 2, 10],
  single: [7],
  allZero: [0, 0, 0],
  allEqual: [4, 4, 4, 4],
  empty: [],
};

describe("the histogram path gives exactly the list path's figures", () => {
  for (const [name, list] of Object.entries(LISTS)) {
    it(`on ${name}`, () => {
      const h = histogram(list);
      expect(summarizeHistogram(h)).toEqual(summarize(list));
      expect(meanOfHistogram(h)).toBe(mean(list));
      expect(quartilesOfHistogram(h)).toEqual(quartiles(list));
      for (const p of [0, 0.1, 0.25, 1 / 3, 0.5, 0.9, 1]) {
        expect(quantileInHistogram(h, p)).toBe(quantile(list, p));
      }
      for (let x = -1; x <= 43; x++) {
        expect(percentileRankInHistogram(h, x)).toBe(percentileRank(list, x));
        expect(shareWithAtLeastInHistogram(h, x)).toBe(shareWithAtLeast(list, x));
      }
      expect(percentileRankInHistogram(h, 2.5)).toBe(percentileRank(list, 2.5));
    });
  }

  it("on 300 pseudo-random lists of farm totals (seeded, reproducible)", () => {
    let seed = 20140101;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 300; run++) {
      const list = Array.from({ length: next(40) }, () => next(43)); // 0..39 farms, totals 0..42
      const h = histogram(list);
      expect(summarizeHistogram(h)).toEqual(summarize(list));
      const x = next(44);
      expect(percentileRankInHistogram(h, x)).toBe(percentileRank(list, x));
    }
  });
});

describe("summarizeHistogram", () => {
  it("reads counter rows as they come: any order, repeated totals, empty bins", () => {
    // = the list 2 5 5 5 9: mean 26 / 5 = 5.2; h = 4p -> q1 x[1] = 5, median x[2] = 5, q3 x[3] = 5
    const rows: HistogramBin[] = [
      { total: 5, farms: 2 },
      { total: 9, farms: 1 },
      { total: 7, farms: 0 },
      { total: 2, farms: 1 },
      { total: 5, farms: 1 },
    ];
    expect(summarizeHistogram(rows)).toEqual({
      farms: 5,
      mean: 5.2,
      median: 5,
      q1: 5,
      q3: 5,
      shareWithAtLeastOne: 1,
    });
    expect(percentileRankInHistogram(rows, 5)).toBe(50); // (1 + 3/2) / 5
  });
  it("gives null figures without farms", () => {
    const none = { farms: 0, mean: null, median: null, q1: null, q3: null, shareWithAtLeastOne: null };
    expect(summarizeHistogram([])).toEqual(none);
    expect(summarizeHistogram([{ total: 4, farms: 0 }])).toEqual(none);
    expect(percentileRankInHistogram([], 3)).toBeNull();
    expect(quantileInHistogram([], 0.5)).toBeNull();
  });
  it("refuses a bin that is not a count of farms", () => {
    expect(() => summarizeHistogram([{ total: 3, farms: -1 }])).toThrow(RangeError);
    expect(() => summarizeHistogram([{ total: 3, farms: 1.5 }])).toThrow(RangeError);
    expect(() => summarizeHistogram([{ total: Number.NaN, farms: 1 }])).toThrow(RangeError);
    expect(() => quantileInHistogram([{ total: 3, farms: 1 }], 2)).toThrow(RangeError);
  });
});

describe("mergeHistograms", () => {
  // Counter rows of one campaign for three attribute combinations of a filter.
  const flanders = [
    { total: 0, farms: 1 },
    { total: 12, farms: 2 },
    { total: 20, farms: 1 },
  ];
  const wallonia = [
    { total: 25, farms: 3 },
    { total: 12, farms: 1 },
    { total: 20, farms: 0 },
  ];
  const netherlands: HistogramBin[] = [];

  it("adds the farms per total", () => {
    expect(mergeHistograms([flanders, wallonia, netherlands])).toEqual([
      { total: 0, farms: 1 },
      { total: 12, farms: 3 },
      { total: 20, farms: 1 },
      { total: 25, farms: 3 },
    ]);
    expect(mergeHistograms([])).toEqual([]);
    expect(farmsInHistogram(mergeHistograms([flanders, wallonia]))).toBe(8);
  });

  it("gives the figures of the farms of every combination together", () => {
    const merged = mergeHistograms([flanders, wallonia, netherlands]);
    // The 8 farms: 0 12 12 12 20 25 25 25. Mean (0 + 36 + 20 + 75) / 8 = 131 / 8 = 16.375.
    // h = 7p: q1 h = 1.75 -> 12 + 0.75 × 0 = 12; median h = 3.5 -> 12 + 0.5 × 8 = 16;
    // q3 h = 5.25 -> 25 + 0.25 × 0 = 25. At least one: 7 of 8 = 0.875.
    expect(summarizeHistogram(merged)).toEqual({
      farms: 8,
      mean: 16.375,
      median: 16,
      q1: 12,
      q3: 25,
      shareWithAtLeastOne: 0.875,
    });
    expect(percentileRankInHistogram(merged, 20)).toBe(56.25); // (4 + 1/2) / 8
    expect(summarize([0, 12, 12, 20, 25, 25, 25, 12])).toEqual(summarizeHistogram(merged));
  });
});
