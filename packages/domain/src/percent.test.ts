import { describe, expect, it } from "vitest";
import { asPercent, ratio, round, share } from "./percent.ts";

describe("share", () => {
  it("is a fraction of farms between 0 and 1", () => {
    expect(share(3, 4)).toBe(0.75); // 3 of 4 farms
    expect(share(0, 5)).toBe(0);
    expect(share(5, 5)).toBe(1);
    expect(share(1, 8)).toBe(0.125);
  });
  it("is null, never NaN, when there are no farms", () => {
    expect(share(0, 0)).toBeNull();
  });
  it("refuses counts that cannot be a share of farms", () => {
    expect(() => share(6, 5)).toThrow(RangeError); // above 100%
    expect(() => share(1, 0)).toThrow(RangeError);
    expect(() => share(-1, 5)).toThrow(RangeError);
    expect(() => share(Number.NaN, 5)).toThrow(RangeError);
    expect(() => share(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("ratio", () => {
  it("divides, and is null for a zero denominator", () => {
    expect(ratio(7, 2)).toBe(3.5);
    expect(ratio(-3, 2)).toBe(-1.5);
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(12, 0)).toBeNull();
  });
  it("refuses a negative or non-finite input", () => {
    expect(() => ratio(1, -2)).toThrow(RangeError);
    expect(() => ratio(Number.NaN, 2)).toThrow(RangeError);
  });
});

describe("round", () => {
  it("rounds half away from zero", () => {
    expect(round(2.5, 0)).toBe(3);
    expect(round(-2.5, 0)).toBe(-3);
    expect(round(0.125, 2)).toBe(0.13);
    expect(round(-0.125, 2)).toBe(-0.13);
    expect(round(20.55, 1)).toBe(20.6); // 20.55 is 20.550000000000000711 in binary; shown "20.55"
  });
  it("rounds the decimal a person reads, not its binary approximation", () => {
    // 1.005 is stored as 1.00499999999999989…; naive Math.round(1.005 * 100) / 100 gives 1.
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(2.345, 2)).toBe(2.35);
  });
  it("keeps other values to the nearest", () => {
    expect(round(9.3, 0)).toBe(9);
    expect(round(15.449, 1)).toBe(15.4);
    expect(round(123456.789, 1)).toBe(123456.8);
    expect(round(7, 2)).toBe(7);
  });
  it("never shows minus zero, and copes with exponent notation", () => {
    expect(Object.is(round(-0.004, 2), 0)).toBe(true);
    expect(round(1e-7, 2)).toBe(0);
    expect(round(1.5e21, 0)).toBe(1.5e21);
  });
  it("refuses a meaningless digit count or value", () => {
    expect(() => round(1, -1)).toThrow(RangeError);
    expect(() => round(1, 1.5)).toThrow(RangeError);
    expect(() => round(Number.NaN, 1)).toThrow(RangeError);
  });
});

describe("asPercent", () => {
  it("turns a fraction into a rounded percentage", () => {
    expect(asPercent(0.9446, 1)).toBe(94.5); // 94.46 -> 94.5
    expect(asPercent(0.9446, 2)).toBe(94.46);
    expect(asPercent(0.8125)).toBe(81.3); // 81.25, half away from zero, one decimal by default
    expect(asPercent(1 / 3, 1)).toBe(33.3);
    expect(asPercent(2 / 3, 1)).toBe(66.7);
    expect(asPercent(1, 0)).toBe(100);
  });
  it("shifts the decimal point without the binary error of × 100", () => {
    // 0.285 * 100 === 28.499999999999996 in floating point; the figure is 28.5, so 29.
    expect(asPercent(0.285, 0)).toBe(29);
  });
  it("keeps null (no farms) as null", () => {
    expect(asPercent(null)).toBeNull();
  });
});
