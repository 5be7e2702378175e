import { describe, expect, it } from "vitest";
import { mergeAnswers, mergeCarriedOver, resolveConflicts, sameAnswer } from "./merge.ts";

describe("mergeAnswers", () => {
  const base = { grazing: true, dairy_cows: 100, energy: ["led"], note: "old" };

  it("keeps both sides' changes to different questions", () => {
    const mine = { ...base, dairy_cows: 118 };
    const theirs = { ...base, energy: ["led", "solar"] };
    expect(mergeAnswers(base, mine, theirs)).toEqual({
      data: { grazing: true, dairy_cows: 118, energy: ["led", "solar"], note: "old" },
      conflicts: [],
    });
  });

  it("takes an answer added on one side and a removal on the other", () => {
    const mine = { ...base, water_meter: true };
    const { note: _, ...theirs } = base;
    expect(mergeAnswers(base, mine, theirs)).toEqual({
      data: { grazing: true, dairy_cows: 100, energy: ["led"], water_meter: true },
      conflicts: [],
    });
  });

  it("is no conflict when both sides gave the same new answer, whatever the key order", () => {
    const mine = { ...base, herd: { cows: 1, heifers: 2 } };
    const theirs = { ...base, herd: { heifers: 2, cows: 1 } };
    expect(mergeAnswers(base, mine, theirs).conflicts).toEqual([]);
  });

  it("reports the same question changed to different answers, keeping theirs until chosen", () => {
    const mine = { ...base, dairy_cows: 118, grazing: false };
    const theirs = { ...base, dairy_cows: 120 };
    expect(mergeAnswers(base, mine, theirs)).toEqual({
      data: { grazing: false, dairy_cows: 120, energy: ["led"], note: "old" },
      conflicts: [{ question: "dairy_cows", base: 100, mine: 118, theirs: 120 }],
    });
  });

  it("reports a removal against a change as a conflict", () => {
    const { dairy_cows: _, ...mine } = base;
    const theirs = { ...base, dairy_cows: 90 };
    expect(mergeAnswers(base, mine, theirs).conflicts).toEqual([
      { question: "dairy_cows", base: 100, mine: undefined, theirs: 90 },
    ]);
  });

  it("never reports a calculated question, which follows the answers it is calculated from", () => {
    const mine = { ...base, dairy_cows: 118, cows_per_ha: 2.36 };
    const theirs = { ...base, grassland_ha: 40, cows_per_ha: 2.5 };
    expect(mergeAnswers({ ...base, cows_per_ha: 2 }, mine, theirs, new Set(["cows_per_ha"]))).toEqual({
      data: { ...base, dairy_cows: 118, grassland_ha: 40, cows_per_ha: 2.36 },
      conflicts: [],
    });
  });

  it("merges from an empty start (a monitor both devices began at once)", () => {
    expect(mergeAnswers({}, { a: 1 }, { b: 2 })).toEqual({ data: { a: 1, b: 2 }, conflicts: [] });
  });
});

describe("mergeCarriedOver", () => {
  it("ends a carry-over confirmed on either side", () => {
    expect(mergeCarriedOver(["a", "b", "c"], ["a", "c", "d"])).toEqual(["a", "c"]);
  });
});

describe("resolveConflicts", () => {
  it("applies the farmer's choice per question, a chosen removal included", () => {
    const merged = { a: 2, b: 3 };
    const conflicts = [
      { question: "a", base: 0, mine: 1, theirs: 2 },
      { question: "b", base: 0, mine: undefined, theirs: 3 },
    ];
    expect(resolveConflicts(merged, conflicts, new Set(["a", "b"]))).toEqual({ a: 1 });
    expect(resolveConflicts(merged, conflicts, new Set())).toEqual({ a: 2, b: 3 });
  });
});

describe("sameAnswer", () => {
  it("compares answers by value", () => {
    expect(sameAnswer(["x", "y"], ["x", "y"])).toBe(true);
    expect(sameAnswer(["x", "y"], ["y", "x"])).toBe(false);
    expect(sameAnswer(undefined, null)).toBe(false);
  });
});
