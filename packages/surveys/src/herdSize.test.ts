import { describe, expect, it } from "vitest";
import { declaredHerdSize } from "./herdSize.ts";

describe("declaredHerdSize", () => {
  it("reads the dairy cows a monitor states", () => {
    expect(declaredHerdSize({ dairy_cows: 84 })).toBe(84);
    expect(declaredHerdSize({ dairy_cows: " 120 " })).toBe(120);
  });

  it("is null when no whole number of cows is stated", () => {
    expect(declaredHerdSize({})).toBeNull();
    expect(declaredHerdSize({ dairy_cows: 12.5 })).toBeNull();
    expect(declaredHerdSize({ dairy_cows: -3 })).toBeNull();
    expect(declaredHerdSize({ dairy_cows: "many" })).toBeNull();
    expect(declaredHerdSize({ dairy_cows: { n: 4 } })).toBeNull();
  });
});
