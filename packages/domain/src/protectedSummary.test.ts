import { describe, expect, it } from "vitest";
import { DEFAULT_DISCLOSURE_PARAMS, type DisclosureContext, noiseKey } from "./disclosure.ts";
import { protectedPercentile, protectedSummary } from "./protectedSummary.ts";

const secret = noiseKey("000102030405060708090a0b0c0d0e0f");
const exact = { ...DEFAULT_DISCLOSURE_PARAMS, countBound: 0, sumBound: 0 };
const ctx = (farms: number, params = exact): DisclosureContext => ({
  viewKey: 12345,
  farms,
  campaignId: "7",
  secret,
  params,
});

// 10 farms: totals 0 ×1, 3 ×2, 6 ×3, 12 ×4 → sum 72, mean 7.2; 9 of 10 with at least one.
// Fixed bins of width 5: 0–4 holds 3 farms (withheld, under k), 5–9 holds 3 (withheld), 10–14 holds 4 (withheld).
const histogram = [
  { total: 0, farms: 1 },
  { total: 3, farms: 2 },
  { total: 6, farms: 3 },
  { total: 12, farms: 4 },
];

describe("protectedSummary", () => {
  it("gives the exact mean and share when the noise is off, and withholds bins under k", () => {
    const summary = protectedSummary(histogram, ctx(10), 20);
    expect(summary).toMatchObject({ farms: 10, mean: 7.2, shareWithAtLeastOne: 0.9, suppressed: false });
    expect(summary.bins.map((b) => [b.lo, b.hi, b.value])).toEqual([
      [0, 4, null],
      [5, 9, null],
      [10, 14, null],
      [15, 19, null],
      [20, 24, null],
    ]);
    // The median still counts the withheld bins, by their noisy counts (never shown): 5th of 10
    // farms lies 2 into the 3 of bin 5–9 → 4.5 + 2/3 × 5 = 7.83.
    expect(summary.median).toBe(7.8);
  });

  it("interpolates the quartiles within the fixed bins", () => {
    // 30 farms: 10 in 0–4, 20 in 5–9. Median: 15th of 30 → 5 into the 20 of bin 5–9 → 4.5 + 5/20 × 5 = 5.75.
    const summary = protectedSummary(
      [
        { total: 2, farms: 10 },
        { total: 7, farms: 20 },
      ],
      ctx(30),
      9,
    );
    expect(summary.median).toBe(5.8);
    expect(summary.q1).toBe(3.3); // 7.5th of 30: 7.5/10 of bin 0–4 → −0.5 + 3.75 = 3.25
  });

  it("withholds every figure of a view under k", () => {
    expect(protectedSummary(histogram.slice(0, 2), ctx(3), 20)).toMatchObject({
      farms: null,
      mean: null,
      median: null,
      shareWithAtLeastOne: null,
      suppressed: true,
      bins: [],
    });
  });

  it("keeps the same figures for the same farms, with the default noise", () => {
    const noisy = { ...DEFAULT_DISCLOSURE_PARAMS };
    expect(protectedSummary(histogram, ctx(10, noisy), 20)).toEqual(
      protectedSummary(histogram, ctx(10, noisy), 20),
    );
  });
});

describe("protectedPercentile", () => {
  it("places a total by the shown bins, half of its own bin's share below it", () => {
    const bins = [
      { lo: 0, hi: 4, value: 10, suppressed: false as const },
      { lo: 5, hi: 9, value: 30, suppressed: false as const },
      { lo: 10, hi: 14, value: null, suppressed: true as const },
    ];
    // Total 7: all 10 of 0–4, and (7 − 5 + 0.5)/5 = 0.5 of the 30 in 5–9 → 25 of 40 → 62.5.
    expect(protectedPercentile(7, bins)).toBe(62.5);
    expect(protectedPercentile(100, bins)).toBe(100);
    expect(protectedPercentile(0, [])).toBeNull();
  });
});
