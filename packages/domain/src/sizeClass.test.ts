import { describe, expect, it } from "vitest";
import { sizeClassBounds, sizeClassOf } from "./sizeClass.ts";

describe("sizeClassOf", () => {
  it("puts each herd size in exactly one class, bounds included", () => {
    expect(sizeClassOf(0)).toBe("under_50");
    expect(sizeClassOf(49)).toBe("under_50");
    expect(sizeClassOf(50)).toBe("50_99");
    expect(sizeClassOf(99)).toBe("50_99");
    expect(sizeClassOf(100)).toBe("100_149");
    expect(sizeClassOf(149)).toBe("100_149");
    expect(sizeClassOf(150)).toBe("150_plus");
    expect(sizeClassOf(1200)).toBe("150_plus");
  });
  it("gives the bounds of a class for a query", () => {
    expect(sizeClassBounds("50_99")).toEqual({ min: 50, max: 99 });
    expect(sizeClassBounds("150_plus")).toEqual({ min: 150, max: null });
  });
});
