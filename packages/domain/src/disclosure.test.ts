import { describe, expect, it } from "vitest";
import {
  combineKeys,
  DEFAULT_DISCLOSURE_PARAMS,
  type DisclosureContext,
  fixedBins,
  MEASURE,
  measureNoise,
  noiseFromUniform,
  noiseKey,
  noisePmf,
  type ProtectedBin,
  protectCount,
  protectedMean,
  protectedQuantile,
  protectedQuartiles,
  protectedShare,
  protectFarms,
  protectSum,
  sipHash24,
} from "./disclosure.ts";
import { histogram } from "./histogram.ts";

const secret = noiseKey("000102030405060708090a0b0c0d0e0f");
const ctx = (viewKey: number, farms = 100, extra: Partial<DisclosureContext> = {}): DisclosureContext => ({
  viewKey,
  farms,
  campaignId: "2025",
  secret,
  ...extra,
});
/** Noise-free parameters: every shown figure is exact, so the withholding rules can be checked by hand. */
const exact = { ...DEFAULT_DISCLOSURE_PARAMS, countBound: 0, sumBound: 0 };
/** Well-spread 32-bit view keys (Knuth's multiplicative hash of 0, 1, 2, …). */
const keys = (n: number): number[] => Array.from({ length: n }, (_, i) => Math.imul(i + 1, 2654435761) >>> 0);

describe("combineKeys", () => {
  it("adds partial sums of record keys mod 2^32, exactly", () => {
    expect(combineKeys([])).toBe(0);
    expect(combineKeys([4294967295, 1])).toBe(0);
    expect(combineKeys([4294967295, 4294967295])).toBe(4294967294);
    expect(combineKeys([Number.MAX_SAFE_INTEGER])).toBe(4294967295); // 2^53 − 1 ≡ 2^32 − 1
    expect(combineKeys([2n ** 64n + 7n, 4294967295n])).toBe(6);
    expect(combineKeys([3, 5n])).toBe(8);
  });
  it("agrees with a BigInt reference on large sums", () => {
    const parts = keys(1000).map((k, i) => k * (i + 1)); // up to ~4·10^12, still exact numbers
    const reference = parts.reduce((a, b) => a + BigInt(b), 0n) % 2n ** 32n;
    expect(combineKeys(parts)).toBe(Number(reference));
  });
  it("refuses sums that are not exact non-negative integers", () => {
    expect(() => combineKeys([2 ** 53])).toThrow(RangeError);
    expect(() => combineKeys([-1])).toThrow(RangeError);
    expect(() => combineKeys([-1n])).toThrow(RangeError);
    expect(() => combineKeys([1.5])).toThrow(RangeError);
  });
});

describe("sipHash24", () => {
  it("matches the reference vectors of the SipHash paper", () => {
    const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => i);
    expect(sipHash24(secret, bytes(0))).toBe(0x726fdb47dd0e0e31n);
    expect(sipHash24(secret, bytes(15))).toBe(0xa129ca6149be45e5n);
  });
  it("takes a 128-bit secret as 32 hex digits", () => {
    expect(() => noiseKey("00")).toThrow(RangeError);
    expect(() => noiseKey("zz0102030405060708090a0b0c0d0e0f")).toThrow(RangeError);
  });
});

describe("noisePmf and noiseFromUniform", () => {
  const e = Math.E;
  it("is the truncated two-sided geometric (hand-computed for scale 1, bound 1)", () => {
    expect(noisePmf(0, 1, 1)).toBeCloseTo(1 / (1 + 2 / e), 12); // 0.57612
    expect(noisePmf(1, 1, 1)).toBeCloseTo(1 / e / (1 + 2 / e), 12); // 0.21194
    expect(noisePmf(-1, 1, 1)).toBe(noisePmf(1, 1, 1));
    expect(noisePmf(2, 1, 1)).toBe(0);
    expect(noisePmf(0.5, 1, 1)).toBe(0);
  });
  it("sums to 1 and has ratio α = e^(−1/b) between neighbours", () => {
    for (const [b, B] of [
      [1, 10],
      [3, 30],
    ] as const) {
      let total = 0;
      for (let z = -B; z <= B; z++) total += noisePmf(z, b, B);
      expect(total).toBeCloseTo(1, 12);
      expect(noisePmf(4, b, B) / noisePmf(3, b, B)).toBeCloseTo(Math.exp(-1 / b), 12);
    }
  });
  it("draws by the inverse CDF (cumulative 0.21194, 0.78806, 1 for scale 1, bound 1)", () => {
    expect(noiseFromUniform(0.2, 1, 1)).toBe(-1);
    expect(noiseFromUniform(0.22, 1, 1)).toBe(0);
    expect(noiseFromUniform(0.78, 1, 1)).toBe(0);
    expect(noiseFromUniform(0.79, 1, 1)).toBe(1);
    expect(noiseFromUniform(1 - 2 ** -53, 1, 10)).toBe(10);
    expect(noiseFromUniform(0.3, 1, 0)).toBe(0);
    expect(() => noiseFromUniform(0, 1, 1)).toThrow(RangeError);
    expect(() => noiseFromUniform(1, 1, 1)).toThrow(RangeError);
  });
});

describe("measureNoise", () => {
  it("is the same for the same view, campaign and measure", () => {
    const a = measureNoise(ctx(123456789), "initiative:energy.energy_scan", "count");
    for (let i = 0; i < 5; i++)
      expect(measureNoise(ctx(123456789), "initiative:energy.energy_scan", "count")).toBe(a);
    expect(protectCount(57, ctx(99), "submitted")).toEqual(protectCount(57, ctx(99), "submitted"));
  });

  it("is independent for a population one farm larger, another measure, campaign or secret", () => {
    // Two draws agree with probability Σ p(z)² when independent: 0.2804 for scale 1, bound 10.
    let collision = 0;
    for (let z = -10; z <= 10; z++) collision += noisePmf(z, 1, 10) ** 2;
    const n = 4000;
    const rate = (other: (key: number, i: number) => number) => {
      let same = 0;
      keys(n).forEach((key, i) => {
        if (measureNoise(ctx(key), "farms", "count") === other(key, i)) same++;
      });
      return same / n;
    };
    const tolerance = 5 * Math.sqrt((collision * (1 - collision)) / n);
    const oneMoreFarm = (key: number, i: number) =>
      measureNoise(ctx(combineKeys([key, Math.imul(i + 7, 40503) >>> 0])), "farms", "count");
    const otherSecret = noiseKey("f0e1d2c3b4a5968778695a4b3c2d1e0f");
    for (const other of [
      oneMoreFarm,
      (key: number) => measureNoise(ctx(key), "registered", "count"),
      (key: number) => measureNoise(ctx(key, 100, { campaignId: "2024" }), "farms", "count"),
      (key: number) => measureNoise(ctx(key, 100, { secret: otherSecret }), "farms", "count"),
    ]) {
      expect(Math.abs(rate(other) - collision)).toBeLessThan(tolerance);
    }
  });

  for (const [kind, b, B] of [
    ["count", 1, 10],
    ["sum", 3, 30],
  ] as const) {
    it(`follows the ${kind} pmf over many view keys (scale ${b}, bound ${B})`, () => {
      const n = 20000;
      const frequency = new Map<number, number>();
      let sum = 0;
      for (const key of keys(n)) {
        const z = measureNoise(ctx(key), `${kind}:measure`, kind);
        expect(Math.abs(z)).toBeLessThanOrEqual(B);
        frequency.set(z, (frequency.get(z) ?? 0) + 1);
        sum += z;
      }
      let variance = 0;
      for (let z = -B; z <= B; z++) {
        const p = noisePmf(z, b, B);
        variance += z * z * p;
        const f = (frequency.get(z) ?? 0) / n;
        expect(Math.abs(f - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n) + 1e-4);
      }
      expect(Math.abs(sum / n)).toBeLessThan(5 * Math.sqrt(variance / n)); // mean ≈ 0
    });
  }
});

describe("protectCount", () => {
  it("never shows a count under k, and shows others within ±bound, at least k", () => {
    for (const key of keys(2000)) {
      for (let count = 0; count < 5; count++) {
        expect(protectCount(count, ctx(key), "initiative:x")).toEqual({ value: null, suppressed: true });
      }
      for (const count of [5, 6, 9, 40]) {
        const p = protectCount(count, ctx(key), `initiative:${count}`);
        if (p.suppressed) continue;
        expect(p.value).toBeGreaterThanOrEqual(5);
        expect(Math.abs(p.value - count)).toBeLessThanOrEqual(10);
      }
    }
  });
  it("withholds every figure of a view under k farms", () => {
    for (const key of keys(200)) {
      const small = ctx(key, 4);
      expect(protectFarms(small).suppressed).toBe(true);
      expect(protectCount(4, small, "farms").suppressed).toBe(true);
      expect(protectSum(80, small, "sum:total").suppressed).toBe(true);
      expect(protectedMean(80, 4, small, "sum:total").suppressed).toBe(true);
      expect(fixedBins(histogram([20, 20, 20, 20]), 42, small).every((b) => b.suppressed)).toBe(true);
    }
  });
  it("without noise, withholds exactly the counts under k (hand-checked)", () => {
    const c = ctx(42, 12, { params: exact });
    expect(protectFarms(c)).toEqual({ value: 12, suppressed: false });
    expect(protectCount(4, c, "submitted")).toEqual({ value: null, suppressed: true });
    expect(protectCount(5, c, "submitted")).toEqual({ value: 5, suppressed: false });
    expect(protectFarms(ctx(42, 5, { params: exact }))).toEqual({ value: 5, suppressed: false });
    expect(protectFarms(ctx(42, 4, { params: exact })).suppressed).toBe(true);
  });
  it("withholds a perturbed count that falls under k", () => {
    let seen = 0;
    for (const key of keys(500)) {
      const c = ctx(key);
      const z = measureNoise(c, "initiative:y", "count");
      if (z >= 0) continue;
      seen++;
      expect(protectCount(5, c, "initiative:y").suppressed).toBe(true); // 5 + z < 5
    }
    expect(seen).toBeGreaterThan(100);
  });
  it("refuses a farms measure that is not the view's farm count, and bad inputs", () => {
    expect(() => protectCount(7, ctx(1, 8), "farms")).toThrow(RangeError);
    expect(() => protectCount(-1, ctx(1), "x")).toThrow(RangeError);
    expect(() => protectCount(2.5, ctx(1), "x")).toThrow(RangeError);
    expect(() => protectCount(7, ctx(2 ** 32), "x")).toThrow(RangeError);
    expect(() => protectCount(7, ctx(1), "")).toThrow(RangeError);
  });
});

describe("protectSum, protectedMean, protectedShare", () => {
  it("perturbs sums within ±sumBound, never below 0", () => {
    for (const key of keys(2000)) {
      const big = protectSum(2200, ctx(key), "sum:total");
      expect(big.suppressed).toBe(false);
      expect(Math.abs((big.value as number) - 2200)).toBeLessThanOrEqual(30);
      expect(protectSum(3, ctx(key), "theme:energy:sum").value).toBeGreaterThanOrEqual(0);
    }
  });
  it("without noise, a mean is the exact mean to 1 decimal and a share the exact share", () => {
    const c = ctx(7, 30, { params: exact });
    expect(protectedMean(661, 30, c, "sum:total")).toEqual({ value: 22, suppressed: false }); // 22.033…
    expect(protectedMean(665, 30, c, "sum:total")).toEqual({ value: 22.2, suppressed: false }); // 22.1666…
    expect(protectedShare(12, 30, c, "initiative:x")).toEqual({ value: 0.4, suppressed: false });
    expect(protectedShare(4, 30, c, "initiative:x")).toEqual({ value: null, suppressed: true });
    expect(protectedShare(9, 10, c, "submitted", "registered")).toEqual({ value: 0.9, suppressed: false });
  });
  it("is the protected sum over the protected count", () => {
    for (const key of keys(300)) {
      const c = ctx(key, 40);
      const s = protectSum(880, c, "sum:total").value as number;
      const n = protectFarms(c).value as number;
      expect(protectedMean(880, 40, c, "sum:total").value).toBe(Math.round((s / n) * 10) / 10);
    }
  });
  it("keeps shares within [0, 1], even for a part equal to the whole", () => {
    for (const key of keys(2000)) {
      for (const part of [5, 20, 39, 40]) {
        const s = protectedShare(part, 40, ctx(key, 40), `initiative:${part}`);
        if (s.suppressed) continue;
        expect(s.value).toBeGreaterThanOrEqual(0);
        expect(s.value).toBeLessThanOrEqual(1);
      }
    }
  });
  it("refuses a part above its whole", () => {
    expect(() => protectedShare(41, 40, ctx(1, 40), "initiative:x")).toThrow(RangeError);
  });
});

describe("fixedBins", () => {
  const edges = (bins: ProtectedBin[]) => bins.map((b) => `${b.lo}-${b.hi}`);
  it("has the same fixed edges whatever the data: none at a farm's min or max", () => {
    const expected = ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44"];
    expect(edges(fixedBins(histogram([17, 18, 23]), 42, ctx(5)))).toEqual(expected);
    expect(edges(fixedBins(histogram(Array(50).fill(42)), 42, ctx(6)))).toEqual(expected);
    expect(edges(fixedBins([], 42, ctx(7)))).toEqual(expected);
  });
  it("counts farms per bin and protects each bin as its own measure", () => {
    const h = [...histogram(Array(12).fill(3)), { total: 8, farms: 7 }, { total: 41, farms: 2 }];
    const bins = fixedBins(h, 42, ctx(11, 21, { params: exact }));
    expect(bins.map((b) => b.value)).toEqual([12, 7, null, null, null, null, null, null, null]);
    const noisy = fixedBins(h, 42, ctx(11, 21));
    expect(noisy[0]).toEqual({ lo: 0, hi: 4, ...protectCount(12, ctx(11, 21), "bin:0-4") });
    const theme = fixedBins(h, 42, ctx(11, 21), "theme:energy:bin");
    expect(theme[1]).toEqual({ lo: 5, hi: 9, ...protectCount(7, ctx(11, 21), "theme:energy:bin:5-9") });
  });
  it("refuses totals outside 0..maxTotal", () => {
    expect(() => fixedBins(histogram([43]), 42, ctx(1))).toThrow(RangeError);
    expect(() => fixedBins(histogram([2.5]), 42, ctx(1))).toThrow(RangeError);
  });
});

describe("quantiles from protected bins", () => {
  const bin = (lo: number, value: number | null): ProtectedBin =>
    value === null
      ? { lo, hi: lo + 4, value, suppressed: true }
      : { lo, hi: lo + 4, value, suppressed: false };
  it("interpolates within the shown bins, a withheld bin counting 0 (hand-computed)", () => {
    // 10 farms in [−0.5, 4.5), none shown in 5–9, 10 farms in [9.5, 14.5): 20 in all.
    const bins = [bin(0, 10), bin(5, null), bin(10, 10)];
    expect(protectedQuartiles(bins)).toEqual({ q1: 2, median: 4.5, q3: 12 });
    expect(protectedQuantile(bins, 0)).toBe(0); // −0.5, clamped: no count is negative
    expect(protectedQuantile(bins, 1)).toBe(14.5);
    expect(protectedQuantile([bin(0, null)], 0.5)).toBeNull();
  });
  it("depend only on the bins, never on the exact totals", () => {
    const low = histogram([...Array(20).fill(10), ...Array(20).fill(20)]);
    const high = histogram([...Array(20).fill(14), ...Array(20).fill(24)]);
    const a = fixedBins(low, 42, ctx(77, 40));
    const b = fixedBins(high, 42, ctx(77, 40));
    expect(a).toEqual(b);
    expect(protectedQuartiles(a)).toEqual(protectedQuartiles(b));
  });
});

describe("MEASURE", () => {
  it("names each figure once", () => {
    expect(MEASURE.initiative("energy.energy_scan")).toBe("initiative:energy.energy_scan");
    expect(MEASURE.themeSum("energy")).toBe("theme:energy:sum");
    expect(fixedBins([], 9, ctx(3), MEASURE.themeBins("energy")).map((b) => b.lo)).toEqual([0, 5]);
    expect(MEASURE.farms).toBe("farms");
  });
});
